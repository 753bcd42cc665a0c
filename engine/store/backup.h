// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QString>

namespace hub::backup {

struct BackupInfo
{
    int schemaVersion = 0;
    qint64 bytes = 0;
};

// Copies the store at sqlitePath to outPath with SQLite's online backup API. The copy is one
// read transaction's snapshot, so it is consistent while an engine writes to the store. outPath
// must not exist yet; it is written beside itself first, checked, and then renamed, readable by
// its owner only. The secret key (secret.key) is not part of the copy.
Result<BackupInfo> backupStore(const QString &sqlitePath, const QString &outPath);

// Checks that backupPath is an intact Hubdesk store whose schema this engine supports
// (latestSchemaVersion or older).
Result<BackupInfo> checkBackup(const QString &backupPath, int latestSchemaVersion);

// Replaces the store in dataDir (hub.sqlite) with the backup at backupPath, after
// checkBackup(). It locks the data folder as a starting engine does, so it fails while an
// engine runs there. The store it replaces is kept beside it as hub.sqlite.replaced-TIME.
// Returns that file's path, or an empty string when dataDir held no store yet.
Result<QString> restoreStore(const QString &backupPath, const QString &dataDir,
                             int latestSchemaVersion);

// The newest migration that this build of the engine applies.
int latestSchemaVersion();

} // namespace hub::backup
