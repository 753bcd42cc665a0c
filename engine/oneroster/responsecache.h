// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/router.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include <atomic>
#include <list>
#include <memory>
#include <optional>
#include <vector>

namespace hub::oneroster {

// Whole responses of OneRoster reads, each stored with the store generation that was current
// before its queries ran (see Provider). A response is returned only while that generation is
// still current, so the cache never decides freshness by itself.
//
// The entries are spread over shards by key, each with its own lock and least recently used
// order, so that request threads seldom wait for each other. Each shard may hold an equal part
// of the byte budget; an entry larger than that part is not stored. Thread-safe.
class ResponseCache
{
public:
    struct Statistics
    {
        quint64 hits = 0;
        quint64 misses = 0;
        qint64 entries = 0;
        qint64 bytes = 0;
    };

    // A budget of 0 or less turns the cache off: find() returns nothing and insert() stores
    // nothing.
    explicit ResponseCache(qint64 budgetBytes, int shardCount = 8);
    ~ResponseCache();
    Q_DISABLE_COPY_MOVE(ResponseCache)

    bool isEnabled() const { return m_budgetBytes > 0; }
    qint64 budgetBytes() const { return m_budgetBytes; }

    // Returns the response stored under key when it was stored with this generation, and marks
    // it as most recently used. An entry of another generation is removed.
    std::optional<http::Response> find(const QByteArray &key, quint64 generation);
    // Stores a copy of the response under key, replacing an older entry, and evicts least
    // recently used entries of the key's shard until the shard is within its budget.
    void insert(const QByteArray &key, quint64 generation, const http::Response &response);
    Statistics statistics() const;

private:
    struct Entry
    {
        QByteArray key;
        quint64 generation = 0;
        http::Response response;
        qint64 bytes = 0;
    };
    struct Shard
    {
        QMutex mutex;
        // The most recently used entry first.
        std::list<Entry> entries;
        QHash<QByteArray, std::list<Entry>::iterator> index;
        qint64 bytes = 0;
    };

    Shard &shardFor(const QByteArray &key);
    static void erase(Shard &shard, std::list<Entry>::iterator entry);

    qint64 m_budgetBytes = 0;
    qint64 m_shardBudgetBytes = 0;
    std::vector<std::unique_ptr<Shard>> m_shards;
    std::atomic<quint64> m_hits{0};
    std::atomic<quint64> m_misses{0};
};

} // namespace hub::oneroster
