// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "configfile.h"

#include <QFile>

namespace hub {

QString ConfigFile::location(const QString &key) const
{
    return lines.contains(key) ? QStringLiteral("%1:%2").arg(path).arg(lines.value(key)) : QString();
}

Result<ConfigFile> readConfigFile(const QString &path, const QStringList &allowedKeys)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return failure(QStringLiteral("Cannot read the configuration file %1: %2")
                           .arg(path, file.errorString()));

    ConfigFile config;
    config.path = path;
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
        if (config.values.contains(key))
            return failure(QStringLiteral("%1:%2: \"%3\" is set a second time.")
                               .arg(path)
                               .arg(lineNumber)
                               .arg(key));
        config.values.insert(key, line.mid(equals + 1).trimmed());
        config.lines.insert(key, lineNumber);
    }
    return config;
}

} // namespace hub
