// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

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

} // namespace hub::runs
