// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "engineclient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace hubdesk {

// Sends a file to an inbound integration through the engine's chunked upload routes. It
// starts an upload, sends the file one chunk at a time, and completes the upload with the
// file's SHA-256, which queues the run. After a dropped connection or a timeout it requests
// the number of bytes the engine received and continues from there, up to maxRetries times
// in a row with a doubling delay. Only one chunk is in memory at a time, so the file may be of any size.
class FileUpload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileUpload)

public:
    FileUpload(EngineClient *client, qint64 integrationId, QString filePath,
               QObject *parent = nullptr);
    ~FileUpload() override;

    // Call these before start(). The engine may lower the chunk size to its own maximum.
    void setChunkBytes(qint64 bytes) { m_chunkBytes = bytes; }
    void setMaxRetries(int retries) { m_maxRetries = retries; }
    void setRetryDelayMs(int milliseconds) { m_retryDelayMs = milliseconds; }
    // The path that messages name instead of the file's own, such as the folder that was
    // packed into a temporary zip.
    void setShownPath(const QString &path) { m_shownPath = path; }

    void start();
    // Stops sending and deletes the upload on the engine. finished() follows with
    // wasCancelled() true.
    void cancel();

    QString filePath() const { return m_file.fileName(); }
    qint64 integrationId() const { return m_integrationId; }
    qint64 totalBytes() const { return m_totalBytes; }
    qint64 sentBytes() const { return m_sentBytes; }
    bool wasCancelled() const { return m_cancelled; }
    // Retries after a dropped connection or a timeout, counted over the whole upload.
    int retries() const { return m_totalRetries; }

signals:
    void progress(qint64 sentBytes, qint64 totalBytes);
    // A request failed in a way that a retry may fix; the next attempt follows after delayMs.
    void retrying(int attempt, int maxRetries, int delayMs, const QString &reason);
    // The completion's result (202 with the queued run) or the error that ended the upload.
    void finished(const hubdesk::ApiResult &result);

private:
    QString uploadPath() const;
    void createUpload();
    void sendNextChunk();
    void complete();
    void askReceivedBytes();
    void handleChunk(const ApiResult &result);
    // Whether a failed request is worth another attempt: no HTTP response, 408, 502, 503, 504.
    static bool isTransient(const ApiResult &result);
    void retryLater(const ApiResult &result, void (FileUpload::*next)());
    void finish(const ApiResult &result);
    void finishWithError(const QString &message);
    void track(ApiJob *job);
    QString shownPath() const;

    EngineClient *m_client;
    qint64 m_integrationId;
    QFile m_file;
    QString m_shownPath;
    QString m_uploadId;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_hashedBytes = 0; // the file's first bytes that m_hash has seen
    qint64 m_totalBytes = 0;
    qint64 m_sentBytes = 0;   // bytes the engine confirmed
    qint64 m_chunkBytes = 8LL * 1024 * 1024;
    int m_maxRetries = 5;
    int m_retryDelayMs = 1000;
    int m_failuresInRow = 0;
    int m_totalRetries = 0;
    bool m_cancelled = false;
    bool m_finished = false;
    QPointer<ApiJob> m_job;
    QTimer m_retryTimer;
};

} // namespace hubdesk
