// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Chunked, resumable uploads to inbound integrations. A client creates an upload with the
// file's name and size and sends the bytes in chunks at increasing offsets. After a dropped
// connection it requests the number of bytes received, and at the end it completes the upload,
// which queues the run. Each chunk is a request body of its own, so the body that Qt HTTP
// Server buffers stays as small as the chunk limit.

#include "api/adminapi.h"
#include "api/inboundupload.h"
#include "api/jsonutil.h"
#include "api/runjson.h"
#include "api/uploadsession.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStorageInfo>

#include <algorithm>

namespace hub::api {

namespace {

const QString kUploadParameter = QStringLiteral("upload");

QJsonObject sessionJson(const ApiContext &context, const UploadSession &session)
{
    // A completed upload's bytes have moved to the run's folder.
    const qint64 received = session.isCompleted()
                                ? session.size
                                : uploadReceivedBytes(context.dataDir, session.id);
    QJsonObject json{
        {QStringLiteral("id"), session.id},
        {QStringLiteral("integrationId"), session.integrationId},
        {QStringLiteral("fileName"), session.fileName},
        {QStringLiteral("user"), session.actor},
        {QStringLiteral("size"), session.size},
        {QStringLiteral("sha256"),
         session.sha256.isEmpty() ? QJsonValue() : QJsonValue(session.sha256)},
        {QStringLiteral("receivedBytes"), received},
        {QStringLiteral("complete"), received == session.size},
        {QStringLiteral("maxChunkBytes"), context.maxUploadChunkBytes},
        {QStringLiteral("createdAt"), toIsoUtc(session.createdAt)},
        {QStringLiteral("expiresAt"), toIsoUtc(session.expiresAt(context.uploadExpirySeconds))},
    };
    if (session.isCompleted())
        json.insert(QStringLiteral("runId"), session.runId);
    return json;
}

// Returns the run that a completed upload queued, with the status of the first completion, so
// that a client whose first response was lost carries on as if it had arrived.
http::Response repeatedCompletion(const ApiContext &context, const UploadSession &session)
{
    auto run = findRun(context.store->connection(), context.districtId, session.runId);
    if (!run)
        return http::Response::error(500, QStringLiteral("upload_failed"), run.error());
    if (run->isEmpty())
        return http::Response::error(
            404, QStringLiteral("not_found"),
            QStringLiteral("Upload %1 queued run %2, which no longer exists.")
                .arg(session.id)
                .arg(session.runId));
    qCInfo(lcApi) << "Upload" << session.id << "was completed again; it queued run"
                  << session.runId;
    return http::Response::json(*run, 202);
}

// An error with the offset where the client continues: {"error", "message", "receivedBytes"}.
http::Response chunkError(int status, const QString &code, const QString &message,
                          qint64 received)
{
    return http::Response::json(QJsonObject{{QStringLiteral("error"), code},
                                            {QStringLiteral("message"), message},
                                            {QStringLiteral("receivedBytes"), received}},
                                status);
}

// Whose uploads a request may act on: the caller's own, or any of the district's.
enum class UploadOwner { Caller, AnyUser };

// Reads the caller's upload of the integration into session; with UploadOwner::AnyUser, any
// upload of the integration in the request's district. Another district's or another user's
// upload gives 404, like one that does not exist, and an expired one is deleted (410).
std::optional<http::Response> findOwnUpload(const ApiContext &context, const http::Request &request,
                                            qint64 integrationId, UploadSession &session,
                                            UploadOwner owner = UploadOwner::Caller)
{
    const QString id = request.pathParameter(kUploadParameter);
    const http::Response missing
        = http::Response::error(404, QStringLiteral("not_found"),
                                QStringLiteral("Integration %1 has no upload %2 of yours; start "
                                               "a new upload.")
                                    .arg(integrationId)
                                    .arg(id.left(64)));
    auto read = readUploadSession(context.dataDir, id);
    if (!read)
        return http::Response::error(500, QStringLiteral("upload_failed"), read.error());
    const http::Principal &caller = request.principal();
    const bool ownedByCaller = read->accountId == caller.accountId && read->actor == caller.actor;
    if (read->id.isEmpty() || read->districtId != context.districtId
        || read->integrationId != integrationId || (owner == UploadOwner::Caller && !ownedByCaller))
        return missing;
    if (read->expiresAt(context.uploadExpirySeconds) <= context.now()) {
        qCInfo(lcApi) << "Deleting upload session" << id << "because it expired";
        removeUploadSession(context.dataDir, id);
        return http::Response::error(
            410, QStringLiteral("upload_expired"),
            QStringLiteral("Upload %1 expired because no chunk arrived for %2 seconds; start a "
                           "new upload.")
                .arg(id)
                .arg(context.uploadExpirySeconds));
    }
    session = *read;
    return std::nullopt;
}

QString readSha256(const QJsonObject &body, QJsonObject &errors)
{
    const QJsonValue value = body.value(QStringLiteral("sha256"));
    if (value.isUndefined() || value.isNull())
        return {};
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{64}$"));
    if (!value.isString() || !hex.match(value.toString()).hasMatch()) {
        errors.insert(QStringLiteral("sha256"),
                      QStringLiteral("Enter the SHA-256 of the file as 64 hexadecimal digits."));
        return {};
    }
    return value.toString().toLower();
}

http::Response createUpload(const ApiContext &context, const http::Request &request, qint64 id)
{
    if (auto rejected = checkInboundIntegration(context, id, InboundCheck::AcceptsFiles))
        return *rejected;
    auto body = parseObject(request.body());
    if (!body)
        return badRequest(body.error());

    QJsonObject errors;
    rejectUnknownFields(*body,
                        {QStringLiteral("fileName"), QStringLiteral("size"),
                         QStringLiteral("sha256")},
                        {}, errors);
    const QJsonValue nameValue = body->value(QStringLiteral("fileName"));
    if (!nameValue.isString() || nameValue.toString().trimmed().isEmpty())
        errors.insert(QStringLiteral("fileName"),
                      QStringLiteral("Enter the name of the file, such as bundle.zip."));
    const QJsonValue sizeValue = body->value(QStringLiteral("size"));
    const qint64 size = sizeValue.isDouble() && sizeValue.toDouble() == double(sizeValue.toInteger())
                            ? sizeValue.toInteger()
                            : 0;
    if (size < 1 || size > context.maxChunkedUploadBytes)
        errors.insert(QStringLiteral("size"),
                      QStringLiteral("Enter the file size in bytes as a whole number from 1 to "
                                     "%1.")
                          .arg(context.maxChunkedUploadBytes));
    const QString sha256 = readSha256(*body, errors);
    if (!errors.isEmpty())
        return validationFailed(errors);

    const QDateTime now = context.now();
    removeExpiredUploadSessions(context.dataDir, now, context.uploadExpirySeconds);
    qsizetype open = 0;
    const QList<UploadSession> sessions = listUploadSessions(context.dataDir);
    for (const UploadSession &session : sessions)
        open += session.districtId == context.districtId && !session.isCompleted() ? 1 : 0;
    if (open >= context.maxOpenUploadsPerDistrict) {
        QDateTime firstExpiry;
        for (const UploadSession &session : sessions) {
            const QDateTime expiry = session.expiresAt(context.uploadExpirySeconds);
            if (session.districtId == context.districtId && !session.isCompleted()
                && (!firstExpiry.isValid() || expiry < firstExpiry))
                firstExpiry = expiry;
        }
        return http::Response::error(
            409, QStringLiteral("too_many_uploads"),
            QStringLiteral("The district has %1 unfinished uploads, the maximum; complete or "
                           "delete one first, or wait until %2, when the first of them expires "
                           "unless it receives a chunk. GET /api/v1/integrations/%3/uploads "
                           "lists them, and an administrator can delete any of them.")
                .arg(open)
                .arg(toIsoUtc(firstExpiry))
                .arg(id));
    }

    // The space check counts this upload only: parts that other uploads have yet to receive
    // can still fill the disk, and then a chunk fails with 507.
    QDir().mkpath(uploadsFolder(context.dataDir));
    const QStorageInfo storage(uploadsFolder(context.dataDir));
    if (storage.isValid() && storage.bytesAvailable() < size)
        return http::Response::error(
            507, QStringLiteral("insufficient_storage"),
            QStringLiteral("The engine has %1 bytes free for uploads, fewer than the %2 bytes "
                           "of the file; free space on the engine's data disk first.")
                .arg(storage.bytesAvailable())
                .arg(size));

    UploadSession session;
    session.id = newUploadSessionId();
    session.districtId = context.districtId;
    session.integrationId = id;
    session.accountId = request.principal().accountId;
    session.actor = request.principal().actor;
    session.fileName = storedUploadName(nameValue.toString());
    session.size = size;
    session.sha256 = sha256;
    session.createdAt = now;
    session.updatedAt = now;
    if (auto created = createUploadSession(context.dataDir, session); !created) {
        qCWarning(lcApi) << "Cannot create an upload session for integration" << id
                         << created.error();
        return http::Response::error(500, QStringLiteral("upload_failed"), created.error());
    }
    qCInfo(lcApi) << "Started upload" << session.id << "of" << size << "bytes for integration"
                  << id;
    const QJsonObject json = sessionJson(context, session);
    writeAudit(context, QStringLiteral("upload_start"), QStringLiteral("integration"), id, {},
               QJsonObject{{QStringLiteral("uploadId"), session.id},
                           {QStringLiteral("fileName"), session.fileName},
                           {QStringLiteral("size"), size},
                           {QStringLiteral("sha256"), json.value(QStringLiteral("sha256"))}});
    return http::Response::json(json, 201);
}

// GET /api/v1/integrations/{id}/uploads: the unfinished uploads of the integration, oldest
// first. Callers see their own (viewers, who cannot upload, none), and administrators every
// user's in the district.
http::Response listUploads(const ApiContext &context, const http::Request &request, qint64 id)
{
    if (auto unknown = rejectUnknownParameters(request, {}))
        return *unknown;
    if (auto rejected = checkInboundIntegration(context, id))
        return *rejected;
    removeExpiredUploadSessions(context.dataDir, context.now(), context.uploadExpirySeconds);
    const http::Principal &caller = request.principal();
    const bool seesAll = caller.allows(http::Access::Administer);
    QList<UploadSession> sessions = listUploadSessions(context.dataDir);
    std::sort(sessions.begin(), sessions.end(),
              [](const UploadSession &left, const UploadSession &right) {
                  return left.createdAt != right.createdAt ? left.createdAt < right.createdAt
                                                           : left.id < right.id;
              });
    QJsonArray list;
    for (const UploadSession &session : std::as_const(sessions)) {
        if (session.districtId != context.districtId || session.integrationId != id
            || session.isCompleted())
            continue;
        if (!seesAll && (session.accountId != caller.accountId || session.actor != caller.actor))
            continue;
        list.append(sessionJson(context, session));
    }
    return http::Response::json(QJsonObject{{QStringLiteral("uploads"), list}});
}

http::Response getUpload(const ApiContext &context, const http::Request &request, qint64 id)
{
    UploadSession session;
    if (auto rejected = findOwnUpload(context, request, id, session))
        return *rejected;
    return http::Response::json(sessionJson(context, session));
}

http::Response storeChunk(const ApiContext &context, const http::Request &request, qint64 id);

// Reads the offset query parameter: digits only, at most 18 of them.
std::optional<qint64> readOffset(const http::Request &request)
{
    const QString text = request.query().queryItemValue(QStringLiteral("offset"));
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,18}$"));
    if (!digits.match(text).hasMatch())
        return std::nullopt;
    return text.toLongLong();
}

http::Response putChunk(const ApiContext &context, const http::Request &request, qint64 id)
{
    http::Response response = storeChunk(context, request, id);
    if (response.status >= 400)
        qCInfo(lcApi).noquote() << "Rejected a chunk of upload"
                                << request.pathParameter(kUploadParameter).left(64)
                                << "of integration" << id << "with" << response.status
                                << QString::fromUtf8(response.body);
    return response;
}

http::Response storeChunk(const ApiContext &context, const http::Request &request, qint64 id)
{
    if (auto unknown = rejectUnknownParameters(request, {QStringLiteral("offset")}))
        return *unknown;
    UploadSession session;
    if (auto rejected = findOwnUpload(context, request, id, session))
        return *rejected;
    if (session.isCompleted())
        return chunkError(409, QStringLiteral("upload_completed"),
                          QStringLiteral("Upload %1 is complete and queued run %2; start a new "
                                         "upload to send another file.")
                              .arg(session.id)
                              .arg(session.runId),
                          session.size);
    const qint64 received = uploadReceivedBytes(context.dataDir, session.id);
    const std::optional<qint64> offset = readOffset(request);
    if (!offset)
        return chunkError(400, QStringLiteral("invalid_offset"),
                          QStringLiteral("Give the chunk's first byte as ?offset=N, a whole "
                                         "number; \"%1\" is not one.")
                              .arg(request.query().queryItemValue(QStringLiteral("offset")).left(40)),
                          received);
    const QByteArray chunk = request.body();
    if (chunk.isEmpty())
        return chunkError(400, QStringLiteral("empty_chunk"),
                          QStringLiteral("The chunk at offset %1 has no bytes.").arg(*offset),
                          received);
    if (*offset < received)
        return chunkError(409, QStringLiteral("offset_mismatch"),
                          QStringLiteral("The chunk at offset %1 overlaps the %2 bytes already "
                                         "received; send the next chunk at offset %2.")
                              .arg(*offset)
                              .arg(received),
                          received);
    if (*offset > received)
        return chunkError(409, QStringLiteral("offset_mismatch"),
                          QStringLiteral("The chunk at offset %1 would leave a gap after the %2 "
                                         "bytes received; send the next chunk at offset %2.")
                              .arg(*offset)
                              .arg(received),
                          received);
    if (chunk.size() > session.size - received)
        return chunkError(413, QStringLiteral("chunk_past_end"),
                          QStringLiteral("The chunk of %1 bytes at offset %2 ends after the "
                                         "file's declared size of %3 bytes.")
                              .arg(chunk.size())
                              .arg(*offset)
                              .arg(session.size),
                          received);

    QFile part(uploadPartPath(context.dataDir, session.id));
    if (!part.open(QIODevice::WriteOnly | QIODevice::Append) || part.write(chunk) != chunk.size()
        || !part.flush()) {
        // A chunk is stored whole or not at all, so the received size stays a valid offset.
        const QString error = part.errorString();
        part.resize(received);
        qCWarning(lcApi) << "Cannot store a chunk of upload" << session.id << error;
        return chunkError(507, QStringLiteral("upload_failed"),
                          QStringLiteral("The engine could not store the chunk: %1").arg(error),
                          received);
    }
    part.close();
    session.updatedAt = context.now();
    if (auto written = writeUploadSession(context.dataDir, session); !written)
        qCWarning(lcApi) << "Cannot update upload session" << session.id << written.error();
    return http::Response::json(sessionJson(context, session));
}

Result<QString> fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(file.errorString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return failure(file.errorString());
    return QString::fromLatin1(hash.result().toHex());
}

http::Response completeUpload(const ApiContext &context, const http::Request &request,
                              qint64 id)
{
    UploadSession session;
    if (auto rejected = findOwnUpload(context, request, id, session))
        return *rejected;
    QJsonObject errors;
    QString requestedSha256;
    if (!request.body().trimmed().isEmpty()) {
        auto body = parseObject(request.body());
        if (!body)
            return badRequest(body.error());
        requestedSha256 = readSha256(*body, errors);
    }
    if (!errors.isEmpty())
        return validationFailed(errors);
    if (session.isCompleted()) {
        if (!requestedSha256.isEmpty() && !session.sha256.isEmpty()
            && requestedSha256 != session.sha256) {
            qCInfo(lcApi) << "Rejected a completion of upload" << session.id
                          << "with another SHA-256; it queued run" << session.runId;
            return http::Response::error(
                409, QStringLiteral("upload_completed"),
                QStringLiteral("Upload %1 completed with SHA-256 %2 and queued run %3; start a "
                               "new upload to send a different file.")
                    .arg(session.id, session.sha256)
                    .arg(session.runId));
        }
        return repeatedCompletion(context, session);
    }
    if (!requestedSha256.isEmpty() && !session.sha256.isEmpty()
        && requestedSha256 != session.sha256)
        return validationFailed(QJsonObject{
            {QStringLiteral("sha256"),
             QStringLiteral("The SHA-256 differs from %1, which the upload was started with.")
                 .arg(session.sha256)}});
    const QString sha256 = requestedSha256.isEmpty() ? session.sha256 : requestedSha256;

    const qint64 received = uploadReceivedBytes(context.dataDir, session.id);
    if (received != session.size)
        return chunkError(409, QStringLiteral("upload_incomplete"),
                          QStringLiteral("Upload %1 has %2 of its %3 bytes; send the rest from "
                                         "offset %2 before completing it.")
                              .arg(session.id)
                              .arg(received)
                              .arg(session.size),
                          received);

    const QString part = uploadPartPath(context.dataDir, session.id);
    if (!sha256.isEmpty()) {
        auto actual = fileSha256(part);
        if (!actual)
            return http::Response::error(500, QStringLiteral("upload_failed"),
                                         QStringLiteral("The engine could not read upload %1: %2")
                                             .arg(session.id, actual.error()));
        if (*actual != sha256) {
            // The client cannot tell which chunk went wrong, so the bytes are of no use.
            removeUploadSession(context.dataDir, session.id);
            qCWarning(lcApi) << "Deleted upload" << session.id << "of integration" << id
                             << "because its SHA-256 is" << *actual << "and not" << sha256;
            return http::Response::error(
                422, QStringLiteral("checksum_mismatch"),
                QStringLiteral("The %1 bytes received have SHA-256 %2, not %3, so upload %4 was "
                               "deleted; upload the file again.")
                    .arg(received)
                    .arg(*actual, sha256, session.id));
        }
    }

    auto folder = createUploadFolder(context, id);
    if (!folder)
        return http::Response::error(500, QStringLiteral("upload_failed"), folder.error());
    const QString path = QDir(*folder).filePath(session.fileName);
    if (!QFile::rename(part, path)) {
        QDir().rmdir(*folder);
        qCWarning(lcApi) << "Cannot move upload" << session.id << "to" << path;
        return http::Response::error(500, QStringLiteral("upload_failed"),
                                     QStringLiteral("The engine could not move upload %1 to "
                                                    "the folder of its run.")
                                         .arg(session.id));
    }
    qCInfo(lcApi) << "Completed upload" << session.id << "as" << path << "for integration" << id
                  << received << "bytes";

    http::Response queued = queueUploadedFileRun(context, request, id, path);
    const qint64 runId = queued.status == 202 ? QJsonDocument::fromJson(queued.body)
                                                    .object()
                                                    .value(QStringLiteral("id"))
                                                    .toInteger()
                                              : 0;
    if (runId <= 0) {
        removeUploadSession(context.dataDir, session.id);
    } else {
        // The session stays, without bytes, until it expires. A completion repeated after a lost
        // response then gets this run instead of 404.
        session.sha256 = sha256;
        session.runId = runId;
        session.updatedAt = context.now();
        if (auto written = writeUploadSession(context.dataDir, session); !written) {
            qCWarning(lcApi) << "Cannot record that upload" << session.id << "queued run"
                             << runId << written.error();
            removeUploadSession(context.dataDir, session.id);
        }
        writeAudit(context, QStringLiteral("upload_complete"), QStringLiteral("integration"), id,
                   {},
                   QJsonObject{{QStringLiteral("uploadId"), session.id},
                               {QStringLiteral("fileName"), session.fileName},
                               {QStringLiteral("size"), received},
                               {QStringLiteral("sha256"),
                                sha256.isEmpty() ? QJsonValue() : QJsonValue(sha256)},
                               {QStringLiteral("runId"), runId}});
    }
    return queued;
}

// DELETE /api/v1/integrations/{id}/uploads/{upload}: operators delete their own uploads, and
// administrators any upload of the district, so that abandoned ones free the district's limit.
http::Response deleteUpload(const ApiContext &context, const http::Request &request, qint64 id)
{
    UploadSession session;
    const UploadOwner owner = request.principal().allows(http::Access::Administer)
                                  ? UploadOwner::AnyUser
                                  : UploadOwner::Caller;
    if (auto rejected = findOwnUpload(context, request, id, session, owner))
        return *rejected;
    const qint64 received = uploadReceivedBytes(context.dataDir, session.id);
    removeUploadSession(context.dataDir, session.id);
    qCInfo(lcApi) << "Deleted upload" << session.id << "of integration" << id << "by"
                  << context.actor << "; it was started by" << session.actor;
    writeAudit(context, QStringLiteral("upload_delete"), QStringLiteral("integration"), id,
               QJsonObject{{QStringLiteral("uploadId"), session.id},
                           {QStringLiteral("user"), session.actor},
                           {QStringLiteral("fileName"), session.fileName},
                           {QStringLiteral("size"), session.size},
                           {QStringLiteral("receivedBytes"), received}},
               {});
    return http::Response::noContent();
}

} // namespace

void registerUploadRoutes(http::Router &router, const ApiContext &context)
{
    const QString collection = QStringLiteral("/api/v1/integrations/{id}/uploads");
    const QString item = collection + QStringLiteral("/{upload}");
    using UploadHandler = http::Response (*)(const ApiContext &, const http::Request &, qint64);
    const auto route = [&](const QByteArray &method, const QString &pattern, http::Access access,
                           UploadHandler handler) {
        router.addRoute(method, pattern, access,
                        [base = context, handler](const http::Request &request) {
                            const ApiContext scoped = base.forRequest(request);
                            return withPathId(request, QStringLiteral("integration"),
                                              [&](qint64 id) {
                                                  return handler(scoped, request, id);
                                              });
                        });
    };
    route("GET", collection, http::Access::View, &listUploads);
    route("POST", collection, http::Access::Operate, &createUpload);
    route("GET", item, http::Access::View, &getUpload);
    route("PUT", item, http::Access::Operate, &putChunk);
    route("POST", item + QStringLiteral("/complete"), http::Access::Operate, &completeUpload);
    route("DELETE", item, http::Access::Operate, &deleteUpload);
    router.setBodyLimit("PUT", item, context.maxUploadChunkBytes);
}

} // namespace hub::api
