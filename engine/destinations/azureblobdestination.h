// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "destinations/destination.h"

#include <QDateTime>
#include <QNetworkRequest>
#include <QUrl>

namespace hub::destinations {

class HttpTransfer;

// A container in Azure Blob Storage, reached over the Blob service REST API with
// QNetworkAccessManager. Small files go up with one Put Blob. Larger ones go up as blocks (Put
// Block) that a final Put Block List commits, so the blob appears, or is replaced, only whole.
//
// Settings: accountUrl (https://ACCOUNT.blob.core.windows.net, or path-style
// http://127.0.0.1:PORT/ACCOUNT for Azurite), container, pathTemplate, authentication
// ("sharedKey" or "sas"), blockSizeBytes (optional; forces the block size), timeoutSeconds,
// retry. Secrets: accountKey (Base64), sasToken (the query string the portal issues).
class AzureBlobDestination final : public Destination
{
public:
    AzureBlobDestination(const QJsonObject &settings, const QJsonObject &secrets);

    static QJsonObject validateSettings(const QJsonObject &settings, const QJsonObject &secrets);

    Attempt testConnection() override;
    Attempt deliver(const QString &sourceFile, const QString &remotePath,
                    const DeliveryIds &ids) override;

    // The URL of a blob, or of the container when blobPath is empty, with the path
    // percent-encoded per segment, then query (already encoded) and the SAS token appended.
    // Every request builds its URL afresh, so a retry never carries the SAS twice.
    QUrl requestUrl(const QString &blobPath, const QString &query) const;

    // The account name for Shared Key signing: the first label of the host for
    // ACCOUNT.blob.core.windows.net, else the first path segment (path-style, as Azurite uses).
    static QString accountName(const QUrl &accountUrl);

    // Checks the SAS token's validity window (st and se) against now.
    static Result<void> checkSasWindow(const QString &sasToken, const QDateTime &now);

    // The block size for a file: at least 4 MiB, large enough for at most 50,000 blocks.
    static Result<qint64> chooseBlockSize(qint64 fileSize, qint64 forcedBlockSize);

    // The Shared Key Authorization header value for a request.
    QByteArray sharedKeyAuthorization(const QByteArray &verb, const QUrl &url,
                                      const QList<QPair<QByteArray, QByteArray>> &headers,
                                      qint64 contentLength) const;

private:
    QNetworkRequest makeRequest(const QUrl &url, const QByteArray &verb, qint64 contentLength,
                                const QByteArray &contentType,
                                QList<QPair<QByteArray, QByteArray>> msHeaders) const;
    Attempt putSingle(HttpTransfer &http, const QString &sourceFile, const QString &remotePath,
                      qint64 size);
    Attempt putBlocks(HttpTransfer &http, const QString &sourceFile, const QString &remotePath,
                      qint64 size, qint64 blockSize, const DeliveryIds &ids);
    Result<void> checkAuthentication() const;

    QUrl m_accountUrl;
    QString m_account;
    QString m_container;
    bool m_useSas = false;
    QByteArray m_accountKey;
    QString m_sasToken;
    qint64 m_forcedBlockSize = 0;
    int m_timeoutMs = 120000;
};

} // namespace hub::destinations
