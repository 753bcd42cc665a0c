// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QSqlDatabase>
#include <QString>

namespace hub {
class Store;
}

namespace hub::runs {

class RunRecorder;
struct RunContext;
struct DestinationTarget;

// Carries out one claimed run on the calling thread: reads the integration, runs its phases and
// records their status, counts and log lines. Every failure ends the run with status 9 and a
// message; nothing escapes to the caller.
class RunExecutor
{
public:
    RunExecutor(const Store &store, QString dataDir);

    void execute(qint64 runId);

private:
    void executeOutbound(const QSqlDatabase &db, RunRecorder &recorder, const RunContext &context);
    void executeInbound(const QSqlDatabase &db, RunRecorder &recorder, const RunContext &context);

    struct DeliveryOutcome
    {
        bool ok = false;
        qint64 bytes = 0;
    };
    // Delivers the spooled file to one destination with retries, logging each attempt, within
    // the phase that the caller started.
    DeliveryOutcome deliverTo(RunRecorder &recorder, const RunContext &context,
                              const DestinationTarget &target, const QString &spoolPath,
                              const QString &fileName);

    const Store &m_store;
    QString m_dataDir;
};

// The district's current school year: the active schoolYear session that contains today in the
// district's time zone, or else the year that July 1 rollover gives.
int currentSchoolYear(const QSqlDatabase &db, qint64 districtId, const QString &timeZone);

} // namespace hub::runs
