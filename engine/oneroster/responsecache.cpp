// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "responsecache.h"

#include <algorithm>

namespace hub::oneroster {

namespace {

// An estimate of what an entry costs beyond its bytes: the list node, the index slot and the
// headers of the byte arrays.
constexpr qint64 kEntryOverheadBytes = 256;

qint64 entryBytes(const QByteArray &key, const http::Response &response)
{
    qint64 bytes = kEntryOverheadBytes + key.size() + response.contentType.size()
                   + response.body.size();
    for (const auto &[name, value] : response.headers)
        bytes += name.size() + value.size();
    return bytes;
}

} // namespace

ResponseCache::ResponseCache(qint64 budgetBytes, int shardCount)
    : m_budgetBytes(std::max<qint64>(0, budgetBytes))
{
    const int shards = std::max(1, shardCount);
    m_shardBudgetBytes = m_budgetBytes / shards;
    m_shards.reserve(size_t(shards));
    for (int i = 0; i < shards; ++i)
        m_shards.push_back(std::make_unique<Shard>());
}

ResponseCache::~ResponseCache() = default;

ResponseCache::Shard &ResponseCache::shardFor(const QByteArray &key)
{
    return *m_shards[qHash(key) % m_shards.size()];
}

void ResponseCache::erase(Shard &shard, std::list<Entry>::iterator entry)
{
    shard.bytes -= entry->bytes;
    shard.index.remove(entry->key);
    shard.entries.erase(entry);
}

std::optional<http::Response> ResponseCache::find(const QByteArray &key, quint64 generation)
{
    if (!isEnabled())
        return std::nullopt;
    Shard &shard = shardFor(key);
    QMutexLocker locker(&shard.mutex);
    const auto found = shard.index.constFind(key);
    if (found == shard.index.cend()) {
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return std::nullopt;
    }
    const auto entry = *found;
    if (entry->generation != generation) {
        erase(shard, entry);
        m_misses.fetch_add(1, std::memory_order_relaxed);
        return std::nullopt;
    }
    shard.entries.splice(shard.entries.begin(), shard.entries, entry);
    m_hits.fetch_add(1, std::memory_order_relaxed);
    return entry->response;
}

void ResponseCache::insert(const QByteArray &key, quint64 generation,
                           const http::Response &response)
{
    if (!isEnabled())
        return;
    Entry entry{key, generation, response, 0};
    // A page is written with free room before it and spare capacity after it. The copy keeps
    // only its bytes, which are what the budget counts.
    entry.response.body = QByteArray(response.body.constData(), response.body.size());
    entry.bytes = entryBytes(key, entry.response);
    if (entry.bytes > m_shardBudgetBytes)
        return;

    Shard &shard = shardFor(key);
    QMutexLocker locker(&shard.mutex);
    if (const auto found = shard.index.constFind(key); found != shard.index.cend())
        erase(shard, *found);
    while (!shard.entries.empty() && shard.bytes + entry.bytes > m_shardBudgetBytes)
        erase(shard, std::prev(shard.entries.end()));
    shard.bytes += entry.bytes;
    shard.entries.push_front(std::move(entry));
    shard.index.insert(key, shard.entries.begin());
}

ResponseCache::Statistics ResponseCache::statistics() const
{
    Statistics statistics;
    statistics.hits = m_hits.load(std::memory_order_relaxed);
    statistics.misses = m_misses.load(std::memory_order_relaxed);
    for (const auto &shard : m_shards) {
        QMutexLocker locker(&shard->mutex);
        statistics.entries += qint64(shard->entries.size());
        statistics.bytes += shard->bytes;
    }
    return statistics;
}

} // namespace hub::oneroster
