// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QIODevice>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace hub::outbound {

// A write-only device that passes everything to another device and computes its SHA-256 on a
// second thread, so the digest of a large export costs no time on the thread that runs the
// query. Writes are gathered into 256 KiB chunks; at most four chunks wait for the hashing
// thread, so memory stays bounded however large the file is.
class DigestDevice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DigestDevice)

public:
    // target must be open for writing and outlive this device.
    explicit DigestDevice(QIODevice *target, QObject *parent = nullptr);
    ~DigestDevice() override;

    // Writes the last chunk, waits for the hashing thread and returns the SHA-256 in
    // hexadecimal, or an empty array when a write to the target failed.
    QByteArray finish();

    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    bool passOn(QByteArray chunk);
    void hashChunks();

    QIODevice *m_target;
    QByteArray m_pending;
    bool m_failed = false;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QByteArray> m_queue;
    bool m_closing = false;
    QByteArray m_digest;
    std::thread m_hasher;
};

} // namespace hub::outbound
