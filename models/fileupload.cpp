// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "fileupload.h"

#include "clientlogging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>

namespace hubdesk {

FileUpload::FileUpload(EngineClient *client, qint64 integrationId, QString filePath,
                       QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_integrationId(integrationId)
    , m_file(std::move(filePath))
{
    m_retryTimer.setSingleShot(true);
}

FileUpload::~FileUpload()
{
    if (m_job)
        m_job->abort();
}

QString FileUpload::uploadPath() const
{
    return QStringLiteral("/api/v1/integrations/%1/uploads/%2").arg(m_integrationId).arg(m_uploadId);
}

void FileUpload::start()
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        finishWithError(tr("Cannot read %1: %2")
                            .arg(shownPath(), m_file.errorString()));
        return;
    }
    m_totalBytes = m_file.size();
    if (m_totalBytes == 0) {
        finishWithError(tr("The file %1 is empty; choose a file with data.")
                            .arg(shownPath()));
        return;
    }
    createUpload();
}

void FileUpload::createUpload()
{
    const QJsonObject body{{QStringLiteral("fileName"), QFileInfo(m_file).fileName()},
                           {QStringLiteral("size"), m_totalBytes}};
    ApiJob *job = m_client->post(
        QStringLiteral("/api/v1/integrations/%1/uploads").arg(m_integrationId), body);
    track(job);
    connect(job, &ApiJob::finished, this, [this](const ApiResult &result) {
        if (m_cancelled)
            return;
        if (isTransient(result)) {
            retryLater(result, &FileUpload::createUpload);
            return;
        }
        if (!result.ok()) {
            finish(result);
            return;
        }
        const QJsonObject upload = result.body.object();
        m_uploadId = upload.value(QStringLiteral("id")).toString();
        const qint64 engineMaximum = upload.value(QStringLiteral("maxChunkBytes")).toInteger();
        if (engineMaximum > 0)
            m_chunkBytes = qMin(m_chunkBytes, engineMaximum);
        m_failuresInRow = 0;
        qCInfo(lcClient) << "Started upload" << m_uploadId << "of" << m_totalBytes << "bytes";
        sendNextChunk();
    });
}

void FileUpload::sendNextChunk()
{
    if (m_sentBytes >= m_totalBytes) {
        complete();
        return;
    }
    const qint64 offset = m_sentBytes;
    QByteArray chunk;
    if (m_file.seek(offset))
        chunk = m_file.read(qMin(m_chunkBytes, m_totalBytes - offset));
    if (chunk.isEmpty()) {
        finishWithError(tr("Cannot read %1: %2")
                            .arg(shownPath(), m_file.errorString()));
        return;
    }
    // A chunk that is sent again after a failure is hashed only once.
    if (offset <= m_hashedBytes && offset + chunk.size() > m_hashedBytes) {
        m_hash.addData(QByteArrayView(chunk).sliced(m_hashedBytes - offset));
        m_hashedBytes = offset + chunk.size();
    }

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    ApiJob *job = m_client->sendBytes(QByteArrayLiteral("PUT"), uploadPath(), query, chunk);
    track(job);
    connect(job, &ApiJob::uploadProgress, this, [this, offset](qint64 sent, qint64 total) {
        // QNetworkReply reports (0, 0) once the request is over, which is no progress.
        if (total > 0)
            emit progress(qMin(offset + sent, m_totalBytes), m_totalBytes);
    });
    connect(job, &ApiJob::finished, this, &FileUpload::handleChunk);
}

void FileUpload::handleChunk(const ApiResult &result)
{
    if (m_cancelled)
        return;
    const QJsonObject body = result.body.object();
    if (result.ok()) {
        m_sentBytes = body.value(QStringLiteral("receivedBytes")).toInteger();
        m_failuresInRow = 0;
        emit progress(m_sentBytes, m_totalBytes);
        sendNextChunk();
        return;
    }
    if (result.httpStatus == 409 && body.contains(QStringLiteral("receivedBytes"))) {
        // The engine stored a chunk whose response was lost, so continue at its received size.
        if (++m_failuresInRow > m_maxRetries) {
            finish(result);
            return;
        }
        m_sentBytes = body.value(QStringLiteral("receivedBytes")).toInteger();
        sendNextChunk();
        return;
    }
    if (isTransient(result)) {
        retryLater(result, &FileUpload::askReceivedBytes);
        return;
    }
    finish(result);
}

void FileUpload::askReceivedBytes()
{
    ApiJob *job = m_client->get(uploadPath());
    track(job);
    connect(job, &ApiJob::finished, this, [this](const ApiResult &result) {
        if (m_cancelled)
            return;
        if (isTransient(result)) {
            retryLater(result, &FileUpload::askReceivedBytes);
            return;
        }
        if (!result.ok()) {
            finish(result);
            return;
        }
        m_sentBytes = result.body.object().value(QStringLiteral("receivedBytes")).toInteger();
        qCInfo(lcClient) << "Resuming upload" << m_uploadId << "at byte" << m_sentBytes;
        emit progress(m_sentBytes, m_totalBytes);
        sendNextChunk();
    });
}

void FileUpload::complete()
{
    const QJsonObject body{
        {QStringLiteral("sha256"), QString::fromLatin1(m_hash.result().toHex())}};
    ApiJob *job = m_client->post(uploadPath() + QStringLiteral("/complete"), body);
    track(job);
    connect(job, &ApiJob::finished, this, [this](const ApiResult &result) {
        if (m_cancelled)
            return;
        // The engine replies to a repeated completion with the run that the first one queued,
        // so retrying after a lost response never queues a second run.
        if (isTransient(result)) {
            retryLater(result, &FileUpload::complete);
            return;
        }
        finish(result);
    });
}

bool FileUpload::isTransient(const ApiResult &result)
{
    return result.httpStatus == 0 || result.httpStatus == 408 || result.httpStatus == 502
           || result.httpStatus == 503 || result.httpStatus == 504;
}

void FileUpload::retryLater(const ApiResult &result, void (FileUpload::*next)())
{
    if (++m_failuresInRow > m_maxRetries) {
        finish(result);
        return;
    }
    ++m_totalRetries;
    const int delayMs = m_retryDelayMs * (1 << qMin(m_failuresInRow - 1, 6));
    qCWarning(lcClient) << "Upload" << m_uploadId << "attempt" << m_failuresInRow << "of"
                        << m_maxRetries << "in" << delayMs << "ms after:" << result.errorMessage;
    emit retrying(m_failuresInRow, m_maxRetries, delayMs, result.errorMessage);
    disconnect(&m_retryTimer, &QTimer::timeout, this, nullptr);
    connect(&m_retryTimer, &QTimer::timeout, this, next);
    m_retryTimer.start(delayMs);
}

void FileUpload::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_retryTimer.stop();
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->abort();
    }
    if (!m_uploadId.isEmpty()) {
        // The response is not awaited, because the engine also deletes abandoned uploads itself.
        m_client->deleteResource(uploadPath());
    }
    qCInfo(lcClient) << "Cancelled upload" << m_uploadId << "at byte" << m_sentBytes;
    ApiResult result;
    result.errorMessage = tr("The upload of %1 was cancelled.")
                              .arg(shownPath());
    finish(result);
}

void FileUpload::finish(const ApiResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_file.close();
    emit finished(result);
}

void FileUpload::finishWithError(const QString &message)
{
    ApiResult result;
    result.errorMessage = message;
    finish(result);
}

void FileUpload::track(ApiJob *job)
{
    m_job = job;
}

QString FileUpload::shownPath() const
{
    return QDir::toNativeSeparators(m_shownPath.isEmpty() ? m_file.fileName() : m_shownPath);
}

} // namespace hubdesk
