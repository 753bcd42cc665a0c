// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "azureblobdestination.h"

#include "core/logging.h"
#include "destinations/httptransfer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QLocale>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>

namespace hub::destinations {

namespace {

// The REST API version sent with every request. 2021-08-06 allows blocks of up to 4000 MiB and
// Put Blob of up to 5000 MiB.
const QByteArray kApiVersion = QByteArrayLiteral("2021-08-06");

constexpr qint64 kMiB = 1024 * 1024;
// Files up to this size go up in one Put Blob; a failed attempt then repeats little work.
constexpr qint64 kSinglePutLimit = 32 * kMiB;
constexpr qint64 kMinimumBlockSize = 4 * kMiB;
// Blocks are read into memory one at a time, so the block size bounds the memory a delivery
// uses; 100 MiB still allows files of about 4.7 TiB.
constexpr qint64 kMaximumBlockSize = 100 * kMiB;
constexpr qint64 kMaximumBlocks = 50000;

QString setting(const QJsonObject &object, const char *name)
{
    return object.value(QLatin1String(name)).toString().trimmed();
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QByteArray httpDate(const QDateTime &utc)
{
    return QLocale::c()
        .toString(utc.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

QByteArray blockId(int index)
{
    // Every block id of a blob must have the same length before Base64 encoding.
    return QStringLiteral("hubd-block-%1")
        .arg(index, 6, 10, QLatin1Char('0'))
        .toLatin1()
        .toBase64();
}

QDateTime parseSasTime(const QString &value)
{
    QDateTime time = QDateTime::fromString(value, Qt::ISODate);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (date.isValid())
            time = QDateTime(date, QTime(0, 0), Qt::UTC);
    }
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time;
}

void logLine(const DeliveryIds &ids, const QString &message)
{
    qCInfo(lcDestinations).noquote() << QStringLiteral("Run %1 destination %2: %3")
                                            .arg(ids.runId)
                                            .arg(ids.destinationId)
                                            .arg(message);
}

} // namespace

AzureBlobDestination::AzureBlobDestination(const QJsonObject &settings, const QJsonObject &secrets)
    : m_accountUrl(setting(settings, "accountUrl"))
    , m_container(setting(settings, "container"))
    , m_useSas(setting(settings, "authentication") == QLatin1String("sas"))
    , m_accountKey(QByteArray::fromBase64(setting(secrets, "accountKey").toLatin1()))
    , m_sasToken(setting(secrets, "sasToken"))
    , m_forcedBlockSize(settings.value(QStringLiteral("blockSizeBytes")).toInteger())
    , m_timeoutMs(settings.value(QStringLiteral("timeoutSeconds")).toInt(120) * 1000)
{
    if (m_sasToken.startsWith(QLatin1Char('?')))
        m_sasToken.remove(0, 1);
    QString path = m_accountUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    m_accountUrl.setPath(path);
    m_accountUrl.setQuery(QString());
    m_account = accountName(m_accountUrl);
}

QJsonObject AzureBlobDestination::validateSettings(const QJsonObject &settings,
                                                   const QJsonObject &secrets)
{
    QJsonObject errors;
    const QUrl url(setting(settings, "accountUrl"), QUrl::StrictMode);
    if (setting(settings, "accountUrl").isEmpty()) {
        errors.insert(QStringLiteral("settings.accountUrl"),
                      QStringLiteral("Enter the storage account URL, such as "
                                     "https://myaccount.blob.core.windows.net."));
    } else if (!url.isValid() || url.host().isEmpty()
               || (url.scheme() != QLatin1String("https")
                   && url.scheme() != QLatin1String("http"))) {
        errors.insert(QStringLiteral("settings.accountUrl"),
                      QStringLiteral("Enter an https:// URL; \"%1\" is not one.")
                          .arg(setting(settings, "accountUrl")));
    } else if (url.scheme() == QLatin1String("http") && !isLoopback(url)) {
        errors.insert(QStringLiteral("settings.accountUrl"),
                      QStringLiteral("Use https://; plain http is allowed only for a local "
                                     "emulator on 127.0.0.1."));
    } else if (accountName(url).isEmpty()) {
        errors.insert(QStringLiteral("settings.accountUrl"),
                      QStringLiteral("The URL names no storage account."));
    }

    static const QRegularExpression containerName(
        QStringLiteral("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$"));
    if (!containerName.match(setting(settings, "container")).hasMatch())
        errors.insert(QStringLiteral("settings.container"),
                      QStringLiteral("Enter a container name of 3 to 63 lower-case letters, "
                                     "digits and single hyphens."));

    const QString authentication = setting(settings, "authentication");
    if (authentication == QLatin1String("sharedKey")) {
        const QString key = setting(secrets, "accountKey");
        if (key.isEmpty() || QByteArray::fromBase64(key.toLatin1()).isEmpty())
            errors.insert(QStringLiteral("settings.accountKey"),
                          QStringLiteral("Enter the storage account key (Base64)."));
    } else if (authentication == QLatin1String("sas")) {
        const QString token = setting(secrets, "sasToken");
        if (!QUrlQuery(token.startsWith(QLatin1Char('?')) ? token.mid(1) : token)
                 .hasQueryItem(QStringLiteral("sig")))
            errors.insert(QStringLiteral("settings.sasToken"),
                          QStringLiteral("Enter a SAS token with its sig parameter."));
    } else {
        errors.insert(QStringLiteral("settings.authentication"),
                      QStringLiteral("Choose sharedKey or sas."));
    }

    const QJsonValue blockSize = settings.value(QStringLiteral("blockSizeBytes"));
    if (!blockSize.isUndefined() && !blockSize.isNull()
        && (!blockSize.isDouble() || blockSize.toInteger() < 1024
            || blockSize.toInteger() > kMaximumBlockSize))
        errors.insert(QStringLiteral("settings.blockSizeBytes"),
                      QStringLiteral("Enter a block size from 1024 to %1 bytes, or leave it "
                                     "empty to choose it from the file size.")
                          .arg(kMaximumBlockSize));
    return errors;
}

QString AzureBlobDestination::accountName(const QUrl &accountUrl)
{
    const QString host = accountUrl.host();
    const qsizetype blobLabel = host.indexOf(QLatin1String(".blob."));
    if (blobLabel > 0)
        return host.left(blobLabel);
    return accountUrl.path().section(QLatin1Char('/'), 1, 1);
}

Result<void> AzureBlobDestination::checkSasWindow(const QString &sasToken, const QDateTime &now)
{
    const QUrlQuery query(sasToken.startsWith(QLatin1Char('?')) ? sasToken.mid(1) : sasToken);
    const QString expiry = query.queryItemValue(QStringLiteral("se"), QUrl::FullyDecoded);
    const QString start = query.queryItemValue(QStringLiteral("st"), QUrl::FullyDecoded);
    if (!expiry.isEmpty()) {
        const QDateTime expiresAt = parseSasTime(expiry);
        if (!expiresAt.isValid())
            return failure(
                QStringLiteral("The SAS token's expiry (se=%1) is not a valid time.").arg(expiry));
        if (expiresAt <= now)
            return failure(QStringLiteral("The SAS token expired at %1 UTC; create a new one "
                                          "and save it in the destination.")
                               .arg(expiresAt.toUTC().toString(Qt::ISODate)));
    }
    if (!start.isEmpty()) {
        const QDateTime startsAt = parseSasTime(start);
        if (!startsAt.isValid())
            return failure(
                QStringLiteral("The SAS token's start (st=%1) is not a valid time.").arg(start));
        if (startsAt > now)
            return failure(QStringLiteral("The SAS token is not valid until %1 UTC; use a token "
                                          "whose start time has passed.")
                               .arg(startsAt.toUTC().toString(Qt::ISODate)));
    }
    return {};
}

Result<qint64> AzureBlobDestination::chooseBlockSize(qint64 fileSize, qint64 forcedBlockSize)
{
    qint64 blockSize = forcedBlockSize;
    if (blockSize <= 0) {
        const qint64 needed = (fileSize + kMaximumBlocks - 1) / kMaximumBlocks;
        const qint64 roundedToMiB = (needed + kMiB - 1) / kMiB * kMiB;
        blockSize = std::clamp(roundedToMiB, kMinimumBlockSize, kMaximumBlockSize);
    }
    if ((fileSize + blockSize - 1) / blockSize > kMaximumBlocks)
        return failure(QStringLiteral("The file has %1 bytes, more than %2 blocks of %3 bytes; "
                                      "Azure Blob Storage allows at most %2 blocks per blob.")
                           .arg(fileSize)
                           .arg(kMaximumBlocks)
                           .arg(blockSize));
    return blockSize;
}

QUrl AzureBlobDestination::requestUrl(const QString &blobPath, const QString &query) const
{
    QByteArray path = m_accountUrl.path(QUrl::FullyEncoded).toLatin1() + '/'
                      + QUrl::toPercentEncoding(m_container);
    if (!blobPath.isEmpty()) {
        for (const QString &segment : blobPath.split(QLatin1Char('/')))
            path += '/' + QUrl::toPercentEncoding(segment);
    }
    QStringList queryParts;
    if (!query.isEmpty())
        queryParts.append(query);
    if (m_useSas && !m_sasToken.isEmpty())
        queryParts.append(m_sasToken);

    QUrl url = m_accountUrl;
    url.setPath(QString::fromLatin1(path), QUrl::TolerantMode);
    url.setQuery(queryParts.join(QLatin1Char('&')), QUrl::TolerantMode);
    return url;
}

QByteArray
AzureBlobDestination::sharedKeyAuthorization(const QByteArray &verb, const QUrl &url,
                                             const QList<QPair<QByteArray, QByteArray>> &headers,
                                             qint64 contentLength) const
{
    const auto header = [&headers](const QByteArray &name) {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    };

    QList<QPair<QByteArray, QByteArray>> msHeaders;
    for (const auto &[key, value] : headers) {
        if (key.toLower().startsWith("x-ms-"))
            msHeaders.append({key.toLower(), value.trimmed()});
    }
    std::sort(msHeaders.begin(), msHeaders.end());

    QByteArray toSign = verb + '\n';
    toSign += header("Content-Encoding") + '\n';
    toSign += header("Content-Language") + '\n';
    toSign += (contentLength > 0 ? QByteArray::number(contentLength) : QByteArray()) + '\n';
    toSign += header("Content-MD5") + '\n';
    toSign += header("Content-Type") + '\n';
    toSign += QByteArray("\n"); // Date: x-ms-date is sent instead.
    toSign += header("If-Modified-Since") + '\n';
    toSign += header("If-Match") + '\n';
    toSign += header("If-None-Match") + '\n';
    toSign += header("If-Unmodified-Since") + '\n';
    toSign += header("Range") + '\n';
    for (const auto &[key, value] : msHeaders)
        toSign += key + ':' + value + '\n';

    // The canonical resource is "/" + account + the encoded path. With a path-style URL the
    // path itself starts with the account, so the name appears twice, as the service expects.
    toSign += '/' + m_account.toUtf8() + url.path(QUrl::FullyEncoded).toLatin1();
    QMap<QByteArray, QList<QByteArray>> parameters;
    const QUrlQuery query(url);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
        parameters[name.toLower().toUtf8()].append(value.toUtf8());
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        QList<QByteArray> values = it.value();
        std::sort(values.begin(), values.end());
        toSign += '\n' + it.key() + ':' + values.join(',');
    }

    const QByteArray signature
        = QMessageAuthenticationCode::hash(toSign, m_accountKey, QCryptographicHash::Sha256)
              .toBase64();
    return "SharedKey " + m_account.toUtf8() + ':' + signature;
}

QNetworkRequest
AzureBlobDestination::makeRequest(const QUrl &url, const QByteArray &verb, qint64 contentLength,
                                  const QByteArray &contentType,
                                  QList<QPair<QByteArray, QByteArray>> msHeaders) const
{
    msHeaders.append({QByteArrayLiteral("x-ms-date"), httpDate(QDateTime::currentDateTimeUtc())});
    msHeaders.append({QByteArrayLiteral("x-ms-version"), kApiVersion});

    QNetworkRequest request(url);
    QList<QPair<QByteArray, QByteArray>> signedHeaders = msHeaders;
    for (const auto &[name, value] : std::as_const(msHeaders))
        request.setRawHeader(name, value);
    if (!contentType.isEmpty()) {
        request.setRawHeader("Content-Type", contentType);
        signedHeaders.append({QByteArrayLiteral("Content-Type"), contentType});
    }
    if (verb == "PUT")
        request.setHeader(QNetworkRequest::ContentLengthHeader, contentLength);
    if (!m_useSas)
        request.setRawHeader("Authorization",
                             sharedKeyAuthorization(verb, url, signedHeaders, contentLength));
    return request;
}

Result<void> AzureBlobDestination::checkAuthentication() const
{
    if (m_useSas)
        return checkSasWindow(m_sasToken, QDateTime::currentDateTimeUtc());
    if (m_accountKey.isEmpty())
        return failure(QStringLiteral("No account key is stored for this destination."));
    return {};
}

Attempt AzureBlobDestination::testConnection()
{
    if (auto authenticated = checkAuthentication(); !authenticated)
        return Attempt::permanent(authenticated.error());

    HttpTransfer http(m_timeoutMs);
    const QUrl url = requestUrl({}, QStringLiteral("restype=container&comp=list&maxresults=1"));
    const HttpExchange exchange
        = http.send(makeRequest(url, "GET", 0, {}, {}), "GET", QByteArray());
    if (exchange.status == 404)
        return Attempt::permanent(QStringLiteral("The container %1 does not exist in account %2.")
                                      .arg(m_container, m_account));
    if (!exchange.succeeded())
        return attemptFromFailure(exchange,
                                  QStringLiteral("Cannot list container %1").arg(m_container));
    return Attempt::succeeded(
        {}, 0,
        QStringLiteral("Container %1 in account %2 is reachable.").arg(m_container, m_account));
}

Attempt AzureBlobDestination::deliver(const QString &sourceFile, const QString &remotePath,
                                      const DeliveryIds &ids)
{
    if (auto authenticated = checkAuthentication(); !authenticated)
        return Attempt::permanent(authenticated.error());

    const qint64 size = QFileInfo(sourceFile).size();
    const bool useBlocks
        = size > kSinglePutLimit || (m_forcedBlockSize > 0 && size > m_forcedBlockSize);
    HttpTransfer http(m_timeoutMs);
    if (!useBlocks) {
        logLine(ids, QStringLiteral("Uploading %1 bytes to container %2 as %3 with one Put Blob.")
                         .arg(size)
                         .arg(m_container, remotePath));
        return putSingle(http, sourceFile, remotePath, size);
    }

    auto blockSize = chooseBlockSize(size, m_forcedBlockSize);
    if (!blockSize)
        return Attempt::permanent(blockSize.error());
    return putBlocks(http, sourceFile, remotePath, size, *blockSize, ids);
}

Attempt AzureBlobDestination::putSingle(HttpTransfer &http, const QString &sourceFile,
                                        const QString &remotePath, qint64 size)
{
    QFile file(sourceFile);
    if (!file.open(QIODevice::ReadOnly))
        return Attempt::permanent(
            QStringLiteral("Cannot read %1: %2").arg(sourceFile, file.errorString()));
    const QUrl url = requestUrl(remotePath, {});
    const QNetworkRequest request = makeRequest(url, "PUT", size, "application/octet-stream",
                                                {{"x-ms-blob-type", "BlockBlob"}});
    const HttpExchange exchange = http.send(request, "PUT", &file);
    if (exchange.status == 404)
        return Attempt::permanent(QStringLiteral("The container %1 does not exist in account %2.")
                                      .arg(m_container, m_account));
    if (!exchange.succeeded())
        return attemptFromFailure(exchange, QStringLiteral("Put Blob %1 failed").arg(remotePath));
    return Attempt::succeeded(remotePath, size);
}

Attempt AzureBlobDestination::putBlocks(HttpTransfer &http, const QString &sourceFile,
                                        const QString &remotePath, qint64 size, qint64 blockSize,
                                        const DeliveryIds &ids)
{
    QFile file(sourceFile);
    if (!file.open(QIODevice::ReadOnly))
        return Attempt::permanent(
            QStringLiteral("Cannot read %1: %2").arg(sourceFile, file.errorString()));
    const int blockCount = int((size + blockSize - 1) / blockSize);
    logLine(ids,
            QStringLiteral("Uploading %1 bytes to container %2 as %3 in %4 blocks of %5 bytes.")
                .arg(size)
                .arg(m_container, remotePath)
                .arg(blockCount)
                .arg(blockSize));

    QByteArray blockList
        = QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"utf-8\"?><BlockList>");
    for (int index = 0; index < blockCount; ++index) {
        const QByteArray block = file.read(blockSize);
        if (block.isEmpty())
            return Attempt::permanent(
                QStringLiteral("Cannot read %1: %2").arg(sourceFile, file.errorString()));
        const QByteArray id = blockId(index);
        const QUrl url = requestUrl(
            remotePath,
            QStringLiteral("comp=block&blockid=%1")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(id)))));
        const HttpExchange exchange = http.send(
            makeRequest(url, "PUT", block.size(), "application/octet-stream", {}), "PUT", block);
        if (exchange.status == 404)
            return Attempt::permanent(
                QStringLiteral("The container %1 does not exist in account %2.")
                    .arg(m_container, m_account));
        if (!exchange.succeeded())
            return attemptFromFailure(exchange, QStringLiteral("Put Block %1 of %2 for %3 failed")
                                                    .arg(index + 1)
                                                    .arg(blockCount)
                                                    .arg(remotePath));
        blockList += "<Latest>" + id + "</Latest>";
    }
    blockList += "</BlockList>";

    // Until this commit the blob is unchanged: readers see the old blob or none at all.
    const QUrl url = requestUrl(remotePath, QStringLiteral("comp=blocklist"));
    const HttpExchange committed = http.send(
        makeRequest(url, "PUT", blockList.size(), "application/xml", {}), "PUT", blockList);
    if (!committed.succeeded())
        return attemptFromFailure(committed,
                                  QStringLiteral("Put Block List for %1 failed").arg(remotePath));
    return Attempt::succeeded(remotePath, size,
                              QStringLiteral("Committed %1 blocks.").arg(blockCount));
}

} // namespace hub::destinations
