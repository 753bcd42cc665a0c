// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "validationreport.h"

#include "core/logging.h"
#include "store/store.h"

#include <QSqlError>
#include <QSqlQuery>

namespace hub::runs {

Result<void> storeValidationIssues(const QSqlDatabase &db, qint64 runId,
                                   const QList<inbound::Issue> &issues)
{
    Transaction transaction(db);
    if (!transaction.begun())
        return failure(QStringLiteral("Cannot store the validation report of run %1: %2")
                           .arg(runId)
                           .arg(db.lastError().text()));

    if (auto removed = execute(
            db, QStringLiteral("DELETE FROM run_validation_issues WHERE run_id = ?"), {runId});
        !removed)
        return failure(removed.error());

    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral("INSERT INTO run_validation_issues (run_id, position, "
                                       "severity, rule, file, line, column_name, value, message) "
                                       "VALUES (?, ?, ?, ?, coalesce(?, ''), ?, coalesce(?, ''), "
                                       "coalesce(?, ''), ?)")))
        return failure(insert.lastError().text());
    qint64 position = 0;
    for (const inbound::Issue &issue : issues) {
        const bool isError = issue.severity == inbound::Issue::Severity::Error;
        insert.addBindValue(runId);
        insert.addBindValue(++position);
        insert.addBindValue(isError ? QStringLiteral("error") : QStringLiteral("warning"));
        insert.addBindValue(issue.rule);
        insert.addBindValue(issue.file);
        insert.addBindValue(issue.line);
        insert.addBindValue(issue.column);
        insert.addBindValue(issue.value);
        insert.addBindValue(issue.message);
        if (!insert.exec())
            return failure(QStringLiteral("Cannot store finding %1 of run %2: %3")
                               .arg(position)
                               .arg(runId)
                               .arg(insert.lastError().text()));
    }
    if (auto committed = transaction.commit(); !committed)
        return committed;
    qCInfo(lcRuns) << "Stored" << position << "validation findings of run" << runId;
    return {};
}

} // namespace hub::runs
