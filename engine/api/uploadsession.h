// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace hub::api {

// A chunked upload that a client sends over several requests. Each session has a folder of its
// own under DATA_DIR/uploads (0700) with the received bytes in data.part and these fields in
// session.json (both 0600).
// NOTE: the folder belongs to the node that started the upload. With several nodes on one
// PostgreSQL store, every request of an upload must reach that node, because another returns 404.
struct UploadSession
{
    QString id; // 32 lowercase hexadecimal digits from the system's random source
    qint64 districtId = 0;
    qint64 integrationId = 0;
    qint64 accountId = 0; // 0 for the admin token
    QString actor;
    QString fileName; // as it will be stored, see storedUploadName()
    qint64 size = 0;  // the declared file size in bytes
    QString sha256;   // lowercase hexadecimal, or empty when the client gave none yet
    QDateTime createdAt;
    QDateTime updatedAt; // when the last chunk arrived or the upload completed, or createdAt
    // The run that the completed upload queued, or 0 while the upload is unfinished. A completed
    // session stays until it expires, so that a client whose completion response was lost can
    // complete again and learn the run instead of getting 404.
    qint64 runId = 0;

    bool isCompleted() const { return runId > 0; }

    // When the session expires if no chunk arrives before then.
    QDateTime expiresAt(qint64 expirySeconds) const { return updatedAt.addSecs(expirySeconds); }
};

QString uploadsFolder(const QString &dataDir);
QString uploadPartPath(const QString &dataDir, const QString &id);
bool isUploadSessionId(const QString &text);
QString newUploadSessionId();

// Creates the session's folder, an empty part file and session.json.
Result<void> createUploadSession(const QString &dataDir, const UploadSession &session);
// Replaces session.json and leaves the part file as it is.
Result<void> writeUploadSession(const QString &dataDir, const UploadSession &session);
// Reads session.json. A session with an empty id means that none exists.
Result<UploadSession> readUploadSession(const QString &dataDir, const QString &id);
// The number of bytes in the session's part file.
qint64 uploadReceivedBytes(const QString &dataDir, const QString &id);
// Deletes the session's folder with its part file.
void removeUploadSession(const QString &dataDir, const QString &id);
// Every session with a readable session.json.
QList<UploadSession> listUploadSessions(const QString &dataDir);
// Deletes every session that received no chunk for expirySeconds before now, and every
// session folder without a readable session.json, and returns how many it deleted.
int removeExpiredUploadSessions(const QString &dataDir, const QDateTime &now,
                                qint64 expirySeconds);

} // namespace hub::api
