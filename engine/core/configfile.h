// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace hub {

// Reads a configuration file of "key = value" lines, as /etc/hubd/hubd.conf holds. Blank lines
// and lines that start with '#' are skipped; spaces around keys and values are trimmed. A key
// outside allowedKeys, a line without '=' or a key given twice is an error that names the line.
Result<QHash<QString, QString>> readConfigFile(const QString &path, const QStringList &allowedKeys);

} // namespace hub
