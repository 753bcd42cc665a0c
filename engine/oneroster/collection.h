// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/router.h"
#include "oneroster/entities.h"
#include "oneroster/rowvalues.h"
#include "store/statementcache.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QVariant>

#include <atomic>
#include <functional>

namespace hub::oneroster {

// The rows an application may see: its district and, when it has one, its school year.
struct DataScope
{
    qint64 districtId = 0;
    int schoolYear = 0; // 0 for every school year
};

// What a collection request reads: an entity and, for a relationship endpoint such as
// /classes/{id}/students, an extra SQL condition over the row alias t with its bindings.
struct CollectionSpec
{
    const Entity *entity = nullptr;
    QString condition;
    QVariantList bindings;
};

// Remembers where each page of a collection ended, so that the next page starts after that
// row's sort key (keyset paging) instead of skipping offset rows, and caches total counts for a
// short time. Thread-safe: the request threads share one cache.
class PageCache
{
public:
    struct PageEnd
    {
        QVariant sortValue;
        QString sourcedId;
    };

    // The number of clear() calls so far. A read takes it before it queries the store and
    // passes it to the store functions, which drop what a read began before a clear(). It is
    // read without the lock, so that every request may take it.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    std::optional<PageEnd> pageEnd(const QString &key, qint64 offset, const QDateTime &now) const;
    void storePageEnd(const QString &key, qint64 offset, const PageEnd &end, const QDateTime &now,
                      quint64 generation);
    std::optional<qint64> count(const QString &key, const QDateTime &now) const;
    void storeCount(const QString &key, qint64 count, const QDateTime &now, quint64 generation);
    // Forgets everything, after a write changed what collections hold.
    void clear();

private:
    struct TimedPageEnd
    {
        PageEnd end;
        QDateTime storedAt;
    };
    struct TimedCount
    {
        qint64 count = 0;
        QDateTime storedAt;
    };
    mutable QMutex m_mutex;
    // Changed only under m_mutex.
    std::atomic<quint64> m_generation{0};
    QHash<QString, TimedPageEnd> m_pageEnds;
    QHash<QString, TimedCount> m_counts;
};

struct ReadContext
{
    QSqlDatabase db;
    Version version = Version::V1p1;
    DataScope scope;
    // scheme://host:port of the request, the start of every href.
    QString origin;
    PageCache *cache = nullptr;
    // The cache's generation when the request began.
    quint64 cacheGeneration = 0;
    QDateTime now;
    // The statements of db's thread, or null to prepare each statement anew.
    StatementCache *statements = nullptr;
};

// Runs a read on the context's connection and calls consume with each row. The rows come from
// the sqlite3 API or from libpq, without a QString and a QVariant per value. On PostgreSQL,
// bindings that libpq cannot take as text, and a context without statements, use QSqlQuery.
Result<void> forEachRow(const ReadContext &context, const QString &sql,
                        const QVariantList &bindings,
                        const std::function<void(RowValues &)> &consume);

// Reads a page of a collection with the request's limit, offset, sort, orderBy, filter and
// fields, and returns the plural wrapper with X-Total-Count and Link headers.
http::Response readCollection(const ReadContext &context, const CollectionSpec &spec,
                              const http::Request &request);

// Reads one object by sourced id with the request's fields, in the singular wrapper, or 404.
http::Response readObject(const ReadContext &context, const Entity &entity,
                          const QString &sourcedId, const http::Request &request);

// Whether an object of the entity with this sourced id exists in the scope.
Result<bool> objectExists(const ReadContext &context, const Entity &entity,
                          const QString &sourcedId);

// The href of an object: origin, service root and collection, such as
// http://127.0.0.1:8470/ims/oneroster/v1p1/orgs/org-1.
QString objectHref(const ReadContext &context, const QString &type, const QString &sourcedId);

} // namespace hub::oneroster
