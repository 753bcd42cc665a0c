// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "statementcache.h"

#include "store/store.h"

#include <QSqlDriver>
#include <QSqlError>

namespace hub {

StatementCache::Handle::Handle(std::shared_ptr<Slot> slot)
    : m_slot(std::move(slot))
{}

StatementCache::Handle::~Handle()
{
    if (!m_slot)
        return;
    m_slot->query.finish();
    m_slot->busy = false;
}

StatementCache::StatementCache(qsizetype capacity)
    : m_capacity(capacity)
{}

Result<StatementCache::Handle> StatementCache::run(const QSqlDatabase &db, const QString &sql,
                                                   const QVariantList &bindings)
{
    const QString key = db.connectionName() + QChar(0x1f) + sql;
    std::shared_ptr<Slot> &cached = m_slots[key];
    if (cached && !cached->busy && cached->query.driver() == db.driver()) {
        auto ran = runOn(cached, db, sql, bindings, false);
        if (ran)
            return ran;
        // The statement may have gone stale, for example when the schema changed under a
        // PostgreSQL prepared statement, so it is prepared once more before the error counts.
        cached.reset();
    }
    if (cached && cached->busy) {
        auto slot = std::make_shared<Slot>(Slot{QSqlQuery(db), db.connectionName(), false});
        return runOn(std::move(slot), db, sql, bindings, true);
    }
    if (m_slots.size() > m_capacity) {
        m_slots.clear();
        return run(db, sql, bindings);
    }
    cached = std::make_shared<Slot>(Slot{QSqlQuery(db), db.connectionName(), false});
    auto ran = runOn(cached, db, sql, bindings, true);
    if (!ran)
        m_slots.remove(key);
    return ran;
}

Result<StatementCache::Handle> StatementCache::runOn(std::shared_ptr<Slot> slot,
                                                     const QSqlDatabase &db, const QString &sql,
                                                     const QVariantList &bindings, bool prepare)
{
    QSqlQuery &query = slot->query;
    if (prepare) {
        // As in execute(), SQLite streams rows and PostgreSQL fetches them at once, so that
        // other statements may run on the connection while they are read.
        query.setForwardOnly(dialectOf(db) == Dialect::Sqlite);
        if (!query.prepare(sql))
            return failure(QStringLiteral("%1 (in: %2)")
                               .arg(query.lastError().text(), sql.simplified()));
    }
    for (qsizetype i = 0; i < bindings.size(); ++i)
        query.bindValue(int(i), storableValue(bindings.at(i)));
    slot->busy = true;
    Handle handle(slot);
    if (!query.exec())
        return failure(QStringLiteral("%1 (in: %2)")
                           .arg(query.lastError().text(), sql.simplified()));
    return handle;
}

} // namespace hub
