// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QTimeZone>

class QChart;

namespace hubdesk {

struct IntegrationActivity;

// The two Integration Activity charts. Series carry object names so tests can find them. The
// duration chart has "durationSeries" (every finished run, in minutes), "medianSeries",
// "longRunSeries" (runs over the long-run threshold) and "failedRunSeries". The daily chart
// has one stacked bar series "dailySeries" with the sets Succeeded, Failed and Cancelled.

// Run duration in minutes over the activity's days, with the median as a line and the long
// and failed runs marked. Times show as wall-clock time in zone.
QChart *createDurationChart(const IntegrationActivity &activity, const QTimeZone &zone);
// Successes, failures and cancellations per day.
QChart *createDailyChart(const IntegrationActivity &activity);

} // namespace hubdesk
