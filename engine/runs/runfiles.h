// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace hub::runs {

// The files a run leaves for download: the outbound file it wrote, kept in DATA_DIR/runs/run-ID,
// and the uploaded file of an inbound run, which stays where the upload route stored it.
struct RunFile
{
    QString name;
    // output or input
    QString kind;
    qint64 bytes = 0;
    QString path;
};

// The runs of one integration whose files are kept; older runs' files are removed.
constexpr int kKeptRunFiles = 30;

QString runFilesFolder(const QString &dataDir, qint64 runId);
// Moves sourcePath into the run's folder as name.
Result<void> keepRunFile(const QString &dataDir, qint64 runId, const QString &sourcePath,
                         const QString &name);
// Lists the run's files, the input file (an absolute path or empty) included when it exists.
QList<RunFile> listRunFiles(const QString &dataDir, qint64 runId, const QString &inputFile);
// Removes the folders of the few runs just older than the integration's newest kKeptRunFiles.
void pruneRunFiles(const QSqlDatabase &db, const QString &dataDir, qint64 integrationId);

// How long the uploaded file of an inbound run that did not load (failed, rejected or
// cancelled) is kept for inspection and retry. A run that loads deletes its file at once.
constexpr qint64 kUnloadedInputRetentionDays = 14;

// Deletes an uploaded input file and its folder when the file lies under DATA_DIR/inbound.
// Any other path is left alone, so a file the engine did not store is never deleted.
void removeUploadedInput(const QString &dataDir, const QString &inputFile);

// Deletes the uploaded files under DATA_DIR/inbound that are no longer needed, and returns how
// many it deleted. These are the files of runs that loaded, the files of runs that did not load
// and ended more than retentionSeconds before now, and files older than retentionSeconds that
// no run names. A file whose run is queued, running or held for approval stays.
int removeExpiredInputs(const QSqlDatabase &db, const QString &dataDir, const QDateTime &now,
                        qint64 retentionSeconds);

} // namespace hub::runs
