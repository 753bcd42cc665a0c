// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

namespace hub {

// Statements prepared once and run many times, so that a statement that every request runs is
// parsed and planned once per connection instead of once per request. A cache belongs to one
// thread and serves only the connections of that thread.
class StatementCache
{
    struct Slot
    {
        QSqlQuery query;
        QString connectionName;
        bool busy = false;
    };

public:
    // A query that has run, with its rows to read. Its statement is reset when the handle is
    // destroyed: an unfinished SQLite statement would keep its read transaction, and with it
    // an old snapshot of the data, open.
    class Handle
    {
    public:
        explicit Handle(std::shared_ptr<Slot> slot);
        Handle(Handle &&other) noexcept = default;
        Handle &operator=(Handle &&other) noexcept = default;
        ~Handle();
        Q_DISABLE_COPY(Handle)

        QSqlQuery &query() { return m_slot->query; }

    private:
        std::shared_ptr<Slot> m_slot;
    };

    // Keeps at most capacity statements. The cache empties when a new statement would pass it.
    explicit StatementCache(qsizetype capacity = 64);

    // Runs sql with positional bindings, like execute() in store.h, on a statement prepared for
    // this connection before when there is one. A statement that is still being read gets a
    // second, uncached query.
    Result<Handle> run(const QSqlDatabase &db, const QString &sql,
                       const QVariantList &bindings = {});

private:
    Result<Handle> runOn(std::shared_ptr<Slot> slot, const QSqlDatabase &db, const QString &sql,
                         const QVariantList &bindings, bool prepare);

    qsizetype m_capacity;
    QHash<QString, std::shared_ptr<Slot>> m_slots;
};

} // namespace hub
