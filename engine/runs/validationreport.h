// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"
#include "inbound/onerosterbundle.h"

#include <QList>
#include <QSqlDatabase>

namespace hub::runs {

// Stores the findings of a run's Validate phase as rows of run_validation_issues, in one
// transaction, replacing the rows of an earlier attempt of the same run.
Result<void> storeValidationIssues(const QSqlDatabase &db, qint64 runId,
                                   const QList<inbound::Issue> &issues);

} // namespace hub::runs
