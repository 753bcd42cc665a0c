// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "querytimeout.h"

#include "core/logging.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace hub::outbound {

namespace {

// SQLite calls the progress handler after this many virtual machine instructions.
constexpr int kProgressInstructions = 10000;

} // namespace

void *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QueryTimeout::QueryTimeout(const QSqlDatabase &db, int seconds)
    : m_seconds(seconds)
    , m_deadline(std::chrono::seconds(seconds))
{
    if (db.driverName() == QLatin1String("QPSQL")) {
        QSqlQuery set(db);
        if (set.exec(QStringLiteral("SET statement_timeout = %1").arg(qint64(seconds) * 1000)))
            m_postgres = db;
        else
            qCWarning(lcOutbound) << "Cannot set the statement timeout:" << set.lastError().text();
        return;
    }
    auto *handle = static_cast<sqlite3 *>(sqliteHandle(db));
    if (!handle) {
        qCWarning(lcOutbound) << "The query timeout cannot interrupt statements of driver"
                              << db.driverName() << "; it is checked between rows only";
        return;
    }
    m_handle = handle;
    sqlite3_progress_handler(handle, kProgressInstructions, &QueryTimeout::onProgress, this);
}

QueryTimeout::~QueryTimeout()
{
    if (m_handle)
        sqlite3_progress_handler(static_cast<sqlite3 *>(m_handle), 0, nullptr, nullptr);
    if (m_postgres.isValid())
        QSqlQuery(m_postgres).exec(QStringLiteral("SET statement_timeout = 0"));
}

int QueryTimeout::onProgress(void *context)
{
    return static_cast<QueryTimeout *>(context)->expired() ? 1 : 0;
}

} // namespace hub::outbound
