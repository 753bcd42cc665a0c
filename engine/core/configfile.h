// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace hub {

// The values of a configuration file and the line that set each one.
struct ConfigFile
{
    QString path;
    QHash<QString, QString> values;
    QHash<QString, int> lines;

    bool contains(const QString &key) const { return values.contains(key); }
    QString value(const QString &key) const { return values.value(key); }
    // Where the key is set, as FILE:LINE, for error messages; empty when the file lacks it.
    QString location(const QString &key) const;
};

// Reads a configuration file of "key = value" lines, as /etc/hubd/hubd.conf holds. Blank lines
// and lines that start with '#' are skipped; spaces around keys and values are trimmed. A key
// outside allowedKeys, a line without '=' or a key given twice is an error that names the line.
Result<ConfigFile> readConfigFile(const QString &path, const QStringList &allowedKeys);

} // namespace hub
