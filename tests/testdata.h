// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDir>
#include <QString>
#include <QTest>

namespace hubtest {

// The folder of public education sample files: HUBDESK_TEST_DATA_DIR from the environment when
// set, otherwise the folder that CMake was configured with.
inline QString sampleDataDir()
{
    const QByteArray fromEnvironment = qgetenv("HUBDESK_TEST_DATA_DIR");
    if (!fromEnvironment.isEmpty())
        return QString::fromLocal8Bit(fromEnvironment);
    return QStringLiteral(HUBDESK_TEST_DATA_DIR);
}

// The path of one sample folder or file, or an empty string when the sample data is absent.
inline QString samplePath(const QString &relative)
{
    const QString path = QDir(sampleDataDir()).filePath(relative);
    return QFileInfo::exists(path) ? path : QString();
}

} // namespace hubtest

// Skips the current test with a message that names the missing folder and the variable to set.
#define HUB_REQUIRE_SAMPLE(variable, relative)                                                     \
    const QString variable = hubtest::samplePath(QStringLiteral(relative));                       \
    if (variable.isEmpty())                                                                        \
        QSKIP(qPrintable(QStringLiteral("Sample data %1 not found under %2; set "                  \
                                        "HUBDESK_TEST_DATA_DIR to the folder of sample files.")    \
                             .arg(QStringLiteral(relative), hubtest::sampleDataDir())))
