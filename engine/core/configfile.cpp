// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "configfile.h"

#include <QFile>

namespace hub {

Result<QHash<QString, QString>> readConfigFile(const QString &path, const QStringList &allowedKeys)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return failure(QStringLiteral("Cannot read the configuration file %1: %2")
                           .arg(path, file.errorString()));

    QHash<QString, QString> values;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;

        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals < 0)
            return failure(QStringLiteral("%1:%2: expected \"key = value\", found \"%3\".")
                               .arg(path)
                               .arg(lineNumber)
                               .arg(line));
        const QString key = line.left(equals).trimmed();
        if (!allowedKeys.contains(key))
            return failure(QStringLiteral("%1:%2: unknown key \"%3\"; the keys are %4.")
                               .arg(path)
                               .arg(lineNumber)
                               .arg(key, allowedKeys.join(QStringLiteral(", "))));
        if (values.contains(key))
            return failure(QStringLiteral("%1:%2: \"%3\" is set a second time.")
                               .arg(path)
                               .arg(lineNumber)
                               .arg(key));
        values.insert(key, line.mid(equals + 1).trimmed());
    }
    return values;
}

} // namespace hub
