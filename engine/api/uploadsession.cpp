// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "api/uploadsession.h"

#include "core/logging.h"
#include "core/timeutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

namespace hub::api {

namespace {

constexpr QFileDevice::Permissions kOwnerOnlyFile = QFileDevice::ReadOwner
                                                    | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerOnlyFolder = kOwnerOnlyFile | QFileDevice::ExeOwner;

QString sessionFolder(const QString &dataDir, const QString &id)
{
    return QDir(uploadsFolder(dataDir)).filePath(id);
}

QString sessionFilePath(const QString &dataDir, const QString &id)
{
    return QDir(sessionFolder(dataDir, id)).filePath(QStringLiteral("session.json"));
}

QJsonObject toJson(const UploadSession &session)
{
    return QJsonObject{
        {QStringLiteral("id"), session.id},
        {QStringLiteral("districtId"), session.districtId},
        {QStringLiteral("integrationId"), session.integrationId},
        {QStringLiteral("accountId"), session.accountId},
        {QStringLiteral("actor"), session.actor},
        {QStringLiteral("fileName"), session.fileName},
        {QStringLiteral("size"), session.size},
        {QStringLiteral("sha256"), session.sha256},
        {QStringLiteral("createdAt"), toIsoUtc(session.createdAt)},
        {QStringLiteral("updatedAt"), toIsoUtc(session.updatedAt)},
        {QStringLiteral("runId"), session.runId},
    };
}

} // namespace

QString uploadsFolder(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("uploads"));
}

QString uploadPartPath(const QString &dataDir, const QString &id)
{
    return QDir(sessionFolder(dataDir, id)).filePath(QStringLiteral("data.part"));
}

bool isUploadSessionId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}$"));
    return pattern.match(text).hasMatch();
}

QString newUploadSessionId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QString id;
    for (const quint32 word : words)
        id += QStringLiteral("%1").arg(word, 8, 16, QLatin1Char('0'));
    return id;
}

Result<void> createUploadSession(const QString &dataDir, const UploadSession &session)
{
    const QString folder = sessionFolder(dataDir, session.id);
    if (!QDir().mkpath(folder))
        return failure(QStringLiteral("The engine could not create the folder %1.").arg(folder));
    QFile::setPermissions(uploadsFolder(dataDir), kOwnerOnlyFolder);
    QFile::setPermissions(folder, kOwnerOnlyFolder);
    QFile part(uploadPartPath(dataDir, session.id));
    if (!part.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        const QString error = part.errorString();
        removeUploadSession(dataDir, session.id);
        return failure(QStringLiteral("The engine could not create %1: %2")
                           .arg(part.fileName(), error));
    }
    part.setPermissions(kOwnerOnlyFile);
    part.close();
    if (auto written = writeUploadSession(dataDir, session); !written) {
        removeUploadSession(dataDir, session.id);
        return written;
    }
    return {};
}

Result<void> writeUploadSession(const QString &dataDir, const UploadSession &session)
{
    // A crash while writing leaves the previous session.json, never half of one.
    QSaveFile file(sessionFilePath(dataDir, session.id));
    if (!file.open(QIODevice::WriteOnly))
        return failure(QStringLiteral("The engine could not write %1: %2")
                           .arg(file.fileName(), file.errorString()));
    file.setPermissions(kOwnerOnlyFile);
    file.write(QJsonDocument(toJson(session)).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return failure(QStringLiteral("The engine could not write %1: %2")
                           .arg(file.fileName(), file.errorString()));
    return {};
}

Result<UploadSession> readUploadSession(const QString &dataDir, const QString &id)
{
    if (!isUploadSessionId(id))
        return UploadSession();
    QFile file(sessionFilePath(dataDir, id));
    if (!file.exists())
        return UploadSession();
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("The engine could not read %1: %2")
                           .arg(file.fileName(), file.errorString()));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    UploadSession session;
    session.id = json.value(QStringLiteral("id")).toString();
    session.districtId = json.value(QStringLiteral("districtId")).toInteger();
    session.integrationId = json.value(QStringLiteral("integrationId")).toInteger();
    session.accountId = json.value(QStringLiteral("accountId")).toInteger();
    session.actor = json.value(QStringLiteral("actor")).toString();
    session.fileName = json.value(QStringLiteral("fileName")).toString();
    session.size = json.value(QStringLiteral("size")).toInteger();
    session.sha256 = json.value(QStringLiteral("sha256")).toString();
    session.createdAt = fromIsoUtc(json.value(QStringLiteral("createdAt")).toString());
    session.updatedAt = fromIsoUtc(json.value(QStringLiteral("updatedAt")).toString());
    session.runId = json.value(QStringLiteral("runId")).toInteger();
    if (session.id != id || session.districtId <= 0 || session.size <= 0
        || !session.updatedAt.isValid())
        return failure(QStringLiteral("The upload session file %1 is damaged.").arg(file.fileName()));
    return session;
}

qint64 uploadReceivedBytes(const QString &dataDir, const QString &id)
{
    return QFileInfo(uploadPartPath(dataDir, id)).size();
}

void removeUploadSession(const QString &dataDir, const QString &id)
{
    if (!isUploadSessionId(id))
        return;
    if (!QDir(sessionFolder(dataDir, id)).removeRecursively())
        qCWarning(lcApi) << "Cannot delete the upload folder" << sessionFolder(dataDir, id);
}

QList<UploadSession> listUploadSessions(const QString &dataDir)
{
    QList<UploadSession> sessions;
    const QStringList ids = QDir(uploadsFolder(dataDir)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &id : ids) {
        auto session = readUploadSession(dataDir, id);
        if (session && !session->id.isEmpty())
            sessions.append(*session);
    }
    return sessions;
}

int removeExpiredUploadSessions(const QString &dataDir, const QDateTime &now,
                                qint64 expirySeconds)
{
    int removed = 0;
    const QStringList ids = QDir(uploadsFolder(dataDir)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &id : ids) {
        auto session = readUploadSession(dataDir, id);
        const bool unreadable = !session || session->id.isEmpty();
        if (!unreadable && session->expiresAt(expirySeconds) > now)
            continue;
        if (!isUploadSessionId(id)) {
            qCWarning(lcApi) << "Ignoring the folder" << id << "in" << uploadsFolder(dataDir)
                             << "because it is not an upload session";
            continue;
        }
        qCInfo(lcApi) << "Deleting upload session" << id
                      << (unreadable ? "because its session file is missing or damaged"
                                     : "because it expired")
                      << "with" << uploadReceivedBytes(dataDir, id) << "bytes received";
        removeUploadSession(dataDir, id);
        ++removed;
    }
    return removed;
}

} // namespace hub::api
