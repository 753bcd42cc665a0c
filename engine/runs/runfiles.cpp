// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runfiles.h"

#include "core/logging.h"
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

} // namespace hub::runs
