// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

namespace hub::destinations {

// A folder on the engine's machine or a mounted share. Files appear atomically: the content is
// written to a temporary file in the same folder and renamed over the target, so a reader never
// sees a half-written file.
class FolderDestination
{
public:
    explicit FolderDestination(QString path);

    // Returns a message per invalid setting, keyed by setting name; empty when valid.
    static QJsonObject validateSettings(const QJsonObject &settings);

    // Creates the folder when missing and checks that a file can be written there.
    Result<void> testConnection() const;

    // Copies sourceFile into the folder as fileName, a relative path that may name subfolders;
    // returns the delivered path.
    Result<QString> deliver(const QString &sourceFile, const QString &fileName) const;

private:
    QString m_path;
};

} // namespace hub::destinations
