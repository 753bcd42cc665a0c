// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "bundlefolderzip.h"

#include "clientlogging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <archive.h>
#include <archive_entry.h>

namespace hubdesk {

namespace {

constexpr qint64 kBlockBytes = 1024 * 1024;
const QString kManifestName = QStringLiteral("manifest.csv");

QString shownPath(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
}

QString archiveError(archive *zip)
{
    const char *text = archive_error_string(zip);
    return text ? QString::fromLocal8Bit(text) : QString();
}

} // namespace

QFileInfoList BundleFolderZip::bundleFiles(const QString &folder)
{
    // Without QDir::Hidden and QDir::System, QDir lists neither hidden files nor FIFOs, sockets
    // and devices.
    return QDir(folder).entryInfoList(QDir::Files | QDir::NoSymLinks, QDir::Name);
}

QString BundleFolderZip::checkFolder(const QString &folder)
{
    const QFileInfo info(folder);
    if (!info.isDir())
        return tr("The folder %1 was not found.").arg(shownPath(folder));
    if (!info.isReadable() || !info.isExecutable())
        return tr("Cannot read the folder %1. Check that your account may open it.")
            .arg(shownPath(folder));
    const QFileInfoList files = bundleFiles(folder);
    for (const QFileInfo &file : files) {
        if (file.fileName().compare(kManifestName, Qt::CaseInsensitive) == 0)
            return {};
    }
    return tr("The folder %1 has no manifest.csv, so it is not a OneRoster bundle. Choose the "
              "folder that contains manifest.csv and the bundle's CSV files.")
        .arg(shownPath(folder));
}

BundleFolderZip::Result BundleFolderZip::pack(const QString &folder, const QString &zipPath,
                                              const ProgressCallback &progress,
                                              const StopCallback &stop)
{
    Result result;
    result.error = checkFolder(folder);
    if (!result.error.isEmpty())
        return result;

    const QFileInfoList files = bundleFiles(folder);
    qint64 totalBytes = 0;
    for (const QFileInfo &file : files)
        totalBytes += file.size();

    archive *zip = archive_write_new();
    archive_write_set_format_zip(zip);
    archive_write_set_format_option(zip, "zip", "compression", "deflate");
    // Names are stored as UTF-8 with the zip's UTF-8 flag, which the engine's libarchive reads.
    archive_write_set_format_option(zip, "zip", "hdrcharset", "UTF-8");
    if (archive_write_open_filename(zip, QFile::encodeName(zipPath).constData()) != ARCHIVE_OK) {
        result.error = tr("Cannot create the zip file %1: %2")
                           .arg(shownPath(zipPath), archiveError(zip));
        archive_write_free(zip);
        QFile::remove(zipPath);
        return result;
    }

    qint64 doneBytes = 0;
    QByteArray block;
    for (const QFileInfo &file : files) {
        if (stop && stop()) {
            result.stopped = true;
            break;
        }
        QFile input(file.absoluteFilePath());
        if (!input.open(QIODevice::ReadOnly)) {
            result.error = tr("Cannot read %1: %2")
                               .arg(shownPath(input.fileName()), input.errorString());
            break;
        }
        // The size is taken once the file is open, and exactly that many bytes are written.
        const qint64 size = input.size();
        archive_entry *entry = archive_entry_new();
        archive_entry_update_pathname_utf8(entry, file.fileName().toUtf8().constData());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_size(entry, size);
        archive_entry_set_mtime(entry, file.lastModified().toSecsSinceEpoch(), 0);
        const bool headerWritten = archive_write_header(zip, entry) == ARCHIVE_OK;
        archive_entry_free(entry);
        if (!headerWritten) {
            result.error = tr("Cannot write %1 into the zip file %2: %3")
                               .arg(file.fileName(), shownPath(zipPath), archiveError(zip));
            break;
        }

        qint64 fileDone = 0;
        while (fileDone < size && result.error.isEmpty() && !result.stopped) {
            block = input.read(qMin(kBlockBytes, size - fileDone));
            if (block.isEmpty()) {
                result.error = input.error() != QFileDevice::NoError
                                   ? tr("Cannot read %1: %2")
                                         .arg(shownPath(input.fileName()), input.errorString())
                                   : tr("The file %1 got shorter while it was packed. Wait until "
                                        "the export has finished, then upload the folder again.")
                                         .arg(shownPath(input.fileName()));
                break;
            }
            if (archive_write_data(zip, block.constData(), size_t(block.size())) != block.size()) {
                result.error = tr("Cannot write %1 into the zip file %2: %3")
                                   .arg(file.fileName(), shownPath(zipPath), archiveError(zip));
                break;
            }
            fileDone += block.size();
            doneBytes += block.size();
            if (progress)
                progress(doneBytes, totalBytes);
            if (stop && stop())
                result.stopped = true;
        }
        if (!result.error.isEmpty() || result.stopped)
            break;
        result.fileCount += 1;
        result.fileBytes += size;
    }

    const bool closed = archive_write_close(zip) == ARCHIVE_OK;
    if (!closed && result.error.isEmpty() && !result.stopped)
        result.error = tr("Cannot write the zip file %1: %2")
                           .arg(shownPath(zipPath), archiveError(zip));
    archive_write_free(zip);
    if (!result.ok()) {
        QFile::remove(zipPath);
        if (!result.stopped)
            qCWarning(lcClient) << "Packing the folder" << folder << "failed:" << result.error;
        return result;
    }
    qCInfo(lcClient) << "Packed" << result.fileCount << "files of" << result.fileBytes
                     << "bytes from the folder" << folder << "into" << zipPath;
    return result;
}

} // namespace hubdesk
