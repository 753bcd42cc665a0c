// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "digestdevice.h"

#include <QCryptographicHash>

namespace hub::outbound {

namespace {

constexpr qsizetype kChunkSize = 256 * 1024;
constexpr size_t kMaxQueuedChunks = 4;

} // namespace

DigestDevice::DigestDevice(QIODevice *target, QObject *parent)
    : QIODevice(parent)
    , m_target(target)
{
    open(QIODevice::WriteOnly);
    m_pending.reserve(kChunkSize);
    m_hasher = std::thread([this] { hashChunks(); });
}

DigestDevice::~DigestDevice()
{
    finish();
}

qint64 DigestDevice::readData(char *, qint64)
{
    return -1;
}

qint64 DigestDevice::writeData(const char *data, qint64 size)
{
    if (m_failed)
        return -1;
    m_pending.append(data, size);
    if (m_pending.size() >= kChunkSize) {
        QByteArray chunk;
        chunk.reserve(kChunkSize);
        chunk.swap(m_pending);
        if (!passOn(std::move(chunk)))
            return -1;
    }
    return size;
}

bool DigestDevice::passOn(QByteArray chunk)
{
    if (m_target->write(chunk) != chunk.size()) {
        m_failed = true;
        setErrorString(m_target->errorString());
        return false;
    }
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < kMaxQueuedChunks; });
    m_queue.push_back(std::move(chunk));
    m_changed.notify_all();
    return true;
}

void DigestDevice::hashChunks()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (true) {
        QByteArray chunk;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_closing; });
            if (m_queue.empty())
                break;
            chunk = std::move(m_queue.front());
            m_queue.pop_front();
            m_changed.notify_all();
        }
        hash.addData(chunk);
    }
    m_digest = hash.result().toHex();
}

QByteArray DigestDevice::finish()
{
    if (!m_hasher.joinable())
        return m_failed ? QByteArray() : m_digest;
    if (!m_failed && !m_pending.isEmpty())
        passOn(std::exchange(m_pending, {}));
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_changed.notify_all();
    m_hasher.join();
    close();
    return m_failed ? QByteArray() : m_digest;
}

} // namespace hub::outbound
