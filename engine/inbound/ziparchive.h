// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QString>

namespace hub::inbound {

// Declared in onerosterbundle.h, because OneRosterBundle::open() takes it.
struct ArchiveLimits;

// Returns whether the file at path starts with a zip signature: a local file header, or the end
// record of an empty zip. It reads the content, so a zip with any name is found.
bool looksLikeZip(const QString &path);

namespace detail {

// Extracts the zip at zipPath into workDir. Before writing any file, it reads every entry
// header and rejects the zip when the entry count or the declared size exceeds limits. It also
// rejects entries that are not regular files or folders, and names that are empty, absolute, or
// contain "\" or a ".." part. While writing, it counts the bytes actually extracted, because
// header sizes may lie, and fails past limits.maxTotalBytes or the compression ratio limit. On
// failure it removes the files it wrote but leaves the folders it created.
hub::Result<void> extractArchive(const QString &zipPath, const QString &workDir,
                                 const ArchiveLimits &limits);

} // namespace detail

} // namespace hub::inbound
