// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QList>

#include <archive.h>
#include <archive_entry.h>

#include <utility>

namespace hubtest {

enum class ZipCompression { Deflate, Store };

// Builds a zip archive in memory with the files in their order, each as (name, content).
// Store keeps each entry as large as its content. Returns an empty array when libarchive
// fails, so the upload that follows is rejected and the test fails.
inline QByteArray zipArchive(const QList<std::pair<QByteArray, QByteArray>> &files,
                             ZipCompression compression = ZipCompression::Deflate)
{
    // Deflate can grow incompressible data a little, and every entry adds its headers.
    qsizetype capacity = 64 * 1024;
    for (const auto &file : files)
        capacity += file.first.size() * 3 + file.second.size() + 1024;
    QByteArray bytes(capacity, '\0');
    size_t used = 0;
    archive *zip = archive_write_new();
    archive_write_set_format_zip(zip);
    if (compression == ZipCompression::Store)
        archive_write_set_format_option(zip, "zip", "compression", "store");
    bool written = archive_write_open_memory(zip, bytes.data(), size_t(bytes.size()), &used)
                   == ARCHIVE_OK;
    for (const auto &[name, content] : files) {
        if (!written)
            break;
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, name.constData());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_size(entry, content.size());
        written = archive_write_header(zip, entry) == ARCHIVE_OK
                  && archive_write_data(zip, content.constData(), size_t(content.size()))
                         == content.size();
        archive_entry_free(entry);
    }
    written = archive_write_close(zip) == ARCHIVE_OK && written;
    archive_write_free(zip);
    if (!written)
        return {};
    bytes.truncate(qsizetype(used));
    return bytes;
}

} // namespace hubtest
