// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "ziparchive.h"

#include "core/logging.h"
#include "onerosterbundle.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>

#include <archive.h>
#include <archive_entry.h>

namespace hub::inbound {

bool looksLikeZip(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray start = file.read(4);
    return start == QByteArrayLiteral("PK\x03\x04") || start == QByteArrayLiteral("PK\x05\x06");
}

namespace detail {

namespace {

struct ArchiveReader
{
    archive *handle = archive_read_new();
    ~ArchiveReader() { archive_read_free(handle); }
};

QString entryName(archive_entry *entry)
{
    if (const char *utf8 = archive_entry_pathname_utf8(entry))
        return QString::fromUtf8(utf8);
    if (const char *local = archive_entry_pathname(entry))
        return QString::fromLocal8Bit(local);
    return {};
}

// Checks that an entry name stays inside the extraction folder once joined to it.
hub::Result<void> checkEntryName(const QString &name)
{
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:"));
    if (name.isEmpty())
        return hub::failure(QStringLiteral("The zip has an entry without a name."));
    if (name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\'))
        || drive.match(name).hasMatch())
        return hub::failure(QStringLiteral("The zip entry \"%1\" is an absolute or Windows path, "
                                           "but entries must be relative paths inside the zip.")
                                .arg(name));
    const QStringList parts = name.split(QLatin1Char('/'));
    if (parts.contains(QLatin1String("..")))
        return hub::failure(QStringLiteral("The zip entry \"%1\" points outside the extraction "
                                           "folder, so the bundle was rejected.")
                                .arg(name));
    return {};
}

hub::Result<void> openArchive(ArchiveReader &reader, const QString &zipPath)
{
    archive_read_support_format_zip(reader.handle);
    if (archive_read_open_filename(reader.handle, QFile::encodeName(zipPath).constData(), 65536)
        != ARCHIVE_OK)
        return hub::failure(
            QStringLiteral("Cannot read %1 as a zip file: %2")
                .arg(zipPath, QString::fromUtf8(archive_error_string(reader.handle))));
    return {};
}

// Reads every entry header without extracting, so a hostile zip is rejected before any file is
// written.
hub::Result<void> inspectArchive(const QString &zipPath, const ArchiveLimits &limits)
{
    ArchiveReader reader;
    if (auto opened = openArchive(reader, zipPath); !opened)
        return opened;

    qint64 entries = 0;
    qint64 declaredBytes = 0;
    archive_entry *entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(reader.handle, &entry)) == ARCHIVE_OK) {
        ++entries;
        if (entries > limits.maxEntries)
            return hub::failure(QStringLiteral("The zip %1 has more than %2 entries, but a "
                                               "OneRoster bundle has a few dozen files at most.")
                                    .arg(zipPath)
                                    .arg(limits.maxEntries));
        const QString name = entryName(entry);
        if (auto checked = checkEntryName(name); !checked)
            return checked;
        const auto type = archive_entry_filetype(entry);
        if (type != AE_IFREG && type != AE_IFDIR)
            return hub::failure(QStringLiteral("The zip entry \"%1\" is not a regular file or "
                                               "folder (for example a symbolic link).")
                                    .arg(name));
        if (archive_entry_size_is_set(entry))
            declaredBytes += archive_entry_size(entry);
        if (declaredBytes > limits.maxTotalBytes)
            return hub::failure(QStringLiteral("The zip %1 would extract to more than %2 bytes.")
                                    .arg(zipPath)
                                    .arg(limits.maxTotalBytes));
        if (archive_read_data_skip(reader.handle) != ARCHIVE_OK)
            return hub::failure(
                QStringLiteral("Cannot read the zip entry \"%1\": %2")
                    .arg(name, QString::fromUtf8(archive_error_string(reader.handle))));
    }
    if (status != ARCHIVE_EOF)
        return hub::failure(
            QStringLiteral("Cannot read %1 as a zip file: %2")
                .arg(zipPath, QString::fromUtf8(archive_error_string(reader.handle))));
    return {};
}

} // namespace

hub::Result<void> extractArchive(const QString &zipPath, const QString &workDir,
                                 const ArchiveLimits &limits)
{
    if (auto inspected = inspectArchive(zipPath, limits); !inspected)
        return inspected;

    const QString root = QDir::cleanPath(QDir(workDir).absolutePath());
    if (!QDir().mkpath(root))
        return hub::failure(QStringLiteral("Cannot create the work folder %1.").arg(root));
    const qint64 zipSize = QFileInfo(zipPath).size();

    ArchiveReader reader;
    if (auto opened = openArchive(reader, zipPath); !opened)
        return opened;

    QStringList written;
    auto removeWritten = [&written]() {
        for (const QString &path : std::as_const(written))
            QFile::remove(path);
    };

    qint64 totalBytes = 0;
    archive_entry *entry = nullptr;
    QByteArray block(65536, Qt::Uninitialized);
    while (archive_read_next_header(reader.handle, &entry) == ARCHIVE_OK) {
        const QString name = entryName(entry);
        const QString target = QDir::cleanPath(root + QLatin1Char('/') + name);
        if (target != root && !target.startsWith(root + QLatin1Char('/'))) {
            removeWritten();
            return hub::failure(QStringLiteral("The zip entry \"%1\" points outside the "
                                               "extraction folder, so the bundle was rejected.")
                                    .arg(name));
        }
        if (archive_entry_filetype(entry) == AE_IFDIR || target == root) {
            QDir().mkpath(target);
            continue;
        }
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            removeWritten();
            return hub::failure(QStringLiteral("Cannot write %1 (the zip may hold it twice): %2")
                                    .arg(target, out.errorString()));
        }
        written.append(target);
        for (;;) {
            const la_ssize_t count = archive_read_data(reader.handle, block.data(), block.size());
            if (count == 0)
                break;
            if (count < 0) {
                out.close();
                removeWritten();
                return hub::failure(
                    QStringLiteral("Cannot extract the zip entry \"%1\": %2")
                        .arg(name, QString::fromUtf8(archive_error_string(reader.handle))));
            }
            totalBytes += count;
            if (totalBytes > limits.maxTotalBytes) {
                out.close();
                removeWritten();
                return hub::failure(QStringLiteral("The zip %1 extracts to more than %2 bytes; "
                                                   "the bundle was rejected.")
                                        .arg(zipPath)
                                        .arg(limits.maxTotalBytes));
            }
            if (totalBytes > limits.ratioGraceBytes
                && totalBytes > limits.maxCompressionRatio * zipSize) {
                out.close();
                removeWritten();
                return hub::failure(QStringLiteral("The zip %1 expands more than %2 times its "
                                                   "size, so the bundle was rejected as a possible "
                                                   "zip bomb.")
                                        .arg(zipPath)
                                        .arg(limits.maxCompressionRatio));
            }
            out.write(block.constData(), count);
        }
    }
    qCInfo(lcInbound) << "Extracted" << written.size() << "files," << totalBytes << "bytes, from"
                      << zipPath;
    return {};
}

} // namespace detail

} // namespace hub::inbound
