// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "folderdestination.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace hub::destinations {

FolderDestination::FolderDestination(QString path)
    : m_path(std::move(path))
{}

QJsonObject FolderDestination::validateSettings(const QJsonObject &settings)
{
    QJsonObject errors;
    const QString path = settings.value(QStringLiteral("path")).toString();
    if (path.trimmed().isEmpty())
        errors.insert(QStringLiteral("settings.path"), QStringLiteral("Enter the folder path."));
    else if (QDir::isRelativePath(path))
        errors.insert(QStringLiteral("settings.path"),
                      QStringLiteral("Enter an absolute path; \"%1\" is relative.").arg(path));
    return errors;
}

Result<void> FolderDestination::testConnection() const
{
    if (!QDir().mkpath(m_path))
        return failure(QStringLiteral("Cannot create the folder %1.").arg(m_path));
    QSaveFile probe(QDir(m_path).filePath(QStringLiteral(".hubd-write-test")));
    if (!probe.open(QIODevice::WriteOnly))
        return failure(QStringLiteral("Cannot write to the folder %1: %2")
                           .arg(m_path, probe.errorString()));
    probe.cancelWriting();
    probe.commit();
    return {};
}

Result<QString> FolderDestination::deliver(const QString &sourceFile, const QString &fileName) const
{
    // fileName may name subfolders ("2025/sections.csv") but must stay inside the folder.
    const QStringList segments = fileName.split(QLatin1Char('/'));
    const bool escapes = std::any_of(segments.begin(), segments.end(), [](const QString &segment) {
        return segment.isEmpty() || segment == QLatin1String(".") || segment == QLatin1String("..");
    });
    if (escapes || fileName.contains(QLatin1Char('\\')) || segments.last().startsWith(QLatin1Char('.')))
        return failure(QStringLiteral("Invalid file name %1.").arg(fileName));
    const QString target = QDir(m_path).filePath(fileName);
    if (!QDir().mkpath(QFileInfo(target).absolutePath()))
        return failure(QStringLiteral("Cannot create the folder %1.").arg(QFileInfo(target).absolutePath()));

    QFile source(sourceFile);
    if (!source.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("Cannot read %1: %2").arg(sourceFile, source.errorString()));

    QSaveFile output(target);
    if (!output.open(QIODevice::WriteOnly))
        return failure(QStringLiteral("Cannot write %1: %2").arg(target, output.errorString()));

    constexpr qint64 chunkSize = 1 << 20;
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(chunkSize);
        if (chunk.isEmpty() && source.error() != QFile::NoError)
            return failure(QStringLiteral("Cannot read %1: %2").arg(sourceFile, source.errorString()));
        if (output.write(chunk) != chunk.size())
            return failure(QStringLiteral("Cannot write %1: %2").arg(target, output.errorString()));
    }
    if (!output.commit())
        return failure(QStringLiteral("Cannot finish %1: %2").arg(target, output.errorString()));

    qCInfo(lcDestinations) << "Delivered" << fileName << "to folder" << m_path;
    return target;
}

} // namespace hub::destinations
