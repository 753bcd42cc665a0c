// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runfiles.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "runs/runstatus.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace hub::runs {

QString runFilesFolder(const QString &dataDir, qint64 runId)
{
    return QDir(dataDir).filePath(QStringLiteral("runs/run-%1").arg(runId));
}

Result<void> keepRunFile(const QString &dataDir, qint64 runId, const QString &sourcePath,
                         const QString &name)
{
    const QString folder = runFilesFolder(dataDir, runId);
    if (!QDir().mkpath(folder))
        return failure(QStringLiteral("Cannot create the folder %1.").arg(folder));
    const QString target = QDir(folder).filePath(name);
    QFile::remove(target);
    if (!QFile::rename(sourcePath, target) && !QFile::copy(sourcePath, target))
        return failure(QStringLiteral("Cannot keep %1 for download in %2.").arg(name, folder));
    return {};
}

QList<RunFile> listRunFiles(const QString &dataDir, qint64 runId, const QString &inputFile)
{
    QList<RunFile> files;
    const QFileInfoList entries
        = QDir(runFilesFolder(dataDir, runId)).entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo &entry : entries) {
        files.append(RunFile{entry.fileName(), QStringLiteral("output"), entry.size(),
                             entry.absoluteFilePath()});
    }
    const QFileInfo input(inputFile);
    if (!inputFile.isEmpty() && input.isFile())
        files.append(RunFile{input.fileName(), QStringLiteral("input"), input.size(),
                             input.absoluteFilePath()});
    return files;
}

void pruneRunFiles(const QSqlDatabase &db, const QString &dataDir, qint64 integrationId)
{
    // Each run pushes one older run out, so looking a few runs past the kept ones suffices.
    auto older = execute(db,
                         QStringLiteral("SELECT id FROM runs WHERE integration_id = ? "
                                        "ORDER BY id DESC LIMIT 5 OFFSET ?"),
                         {integrationId, kKeptRunFiles});
    if (!older) {
        qCWarning(lcRuns) << "Cannot list old runs of integration" << integrationId << older.error();
        return;
    }
    while (older->next()) {
        QDir folder(runFilesFolder(dataDir, older->value(0).toLongLong()));
        if (folder.exists())
            folder.removeRecursively();
    }
}

namespace {

QString inboundFolder(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("inbound"));
}

bool isUnderInboundFolder(const QString &dataDir, const QString &path)
{
    const QString folder = QFileInfo(inboundFolder(dataDir)).absoluteFilePath() + QLatin1Char('/');
    return QFileInfo(path).absoluteFilePath().startsWith(folder);
}

// Whether the uploaded file at path may be deleted, judged by the runs that read it.
Result<bool> inputIsExpired(const QSqlDatabase &db, const QString &path, const QDateTime &now,
                            qint64 retentionSeconds)
{
    auto runs = execute(db,
                        QStringLiteral("SELECT status, coalesce(ended_at, '') FROM runs "
                                       "WHERE input_file = ?"),
                        {path});
    if (!runs)
        return failure(runs.error());
    bool named = false;
    bool loaded = false;
    QDateTime lastEnded;
    while (runs->next()) {
        named = true;
        const auto status = RunStatus(runs->value(0).toInt());
        // A held run is queued, so its file stays until it is approved or rejected.
        if (status == RunStatus::Queued || status == RunStatus::Running)
            return false;
        if (status == RunStatus::Succeeded || status == RunStatus::SucceededWithWarnings)
            loaded = true;
        const QDateTime ended = fromIsoUtc(runs->value(1).toString());
        if (ended.isValid() && (!lastEnded.isValid() || ended > lastEnded))
            lastEnded = ended;
    }
    if (loaded)
        return true;
    // A file that no run names yet may belong to an upload whose run is being queued, so
    // its age counts from when it was written.
    if (!named)
        lastEnded = QFileInfo(path).lastModified().toUTC();
    return lastEnded.isValid() && lastEnded.addSecs(retentionSeconds) <= now;
}

} // namespace

void removeUploadedInput(const QString &dataDir, const QString &inputFile)
{
    if (inputFile.isEmpty() || !isUnderInboundFolder(dataDir, inputFile))
        return;
    if (QFile::exists(inputFile) && !QFile::remove(inputFile)) {
        qCWarning(lcRuns) << "Cannot delete the uploaded file" << inputFile;
        return;
    }
    // Each upload has a folder of its own. rmdir leaves a folder that still has files.
    QDir().rmdir(QFileInfo(inputFile).path());
}

int removeExpiredInputs(const QSqlDatabase &db, const QString &dataDir, const QDateTime &now,
                        qint64 retentionSeconds)
{
    int removed = 0;
    const QDir inbound(inboundFolder(dataDir));
    const QStringList integrations
        = inbound.entryList({QStringLiteral("integration-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &integration : integrations) {
        const QDir uploads(inbound.filePath(integration));
        const QStringList folders = uploads.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &name : folders) {
            // The stored input_file is built the same way, so it compares as text.
            const QDir folder(uploads.filePath(name));
            const QStringList files = folder.entryList(QDir::Files | QDir::Hidden);
            for (const QString &file : files) {
                const QString path = folder.filePath(file);
                auto expired = inputIsExpired(db, path, now, retentionSeconds);
                if (!expired) {
                    qCWarning(lcRuns)
                        << "Cannot check the runs of the uploaded file" << path << expired.error();
                    continue;
                }
                if (!*expired)
                    continue;
                removeUploadedInput(dataDir, path);
                if (!QFile::exists(path)) {
                    qCInfo(lcRuns) << "Deleted the uploaded file" << path
                                   << "because its run loaded it or its retention ended";
                    ++removed;
                }
            }
            // An empty folder may be an upload that is being written, unless it is old.
            const QDateTime changed = QFileInfo(folder.path()).lastModified().toUTC();
            if (files.isEmpty() && changed.addSecs(retentionSeconds) <= now)
                QDir().rmdir(folder.path());
        }
    }
    return removed;
}

} // namespace hub::runs
