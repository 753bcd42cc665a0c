// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "rowhashes.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <algorithm>

namespace hub::runs {

namespace {

constexpr qint64 kChunkValues = 64 * 1024;

} // namespace

Result<void> RowHashes::write(const QString &path)
{
    std::sort(m_hashes.begin(), m_hashes.end());
    m_sorted = true;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return failure(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    QByteArray chunk;
    for (size_t start = 0; start < m_hashes.size(); start += kChunkValues) {
        const size_t end = std::min(m_hashes.size(), start + size_t(kChunkValues));
        chunk.resize(qsizetype(end - start) * 8);
        for (size_t i = start; i < end; ++i)
            qToLittleEndian(m_hashes[i], chunk.data() + (i - start) * 8);
        if (file.write(chunk) != chunk.size())
            return failure(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    }
    return {};
}

Result<RowHashes::Changes> RowHashes::compareWith(const QString &previousPath) const
{
    Q_ASSERT(m_sorted || m_hashes.empty());
    QFile file(previousPath);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("Cannot read %1: %2").arg(previousPath, file.errorString()));
    if (file.size() % 8 != 0)
        return failure(QStringLiteral("%1 is not a row hash file: its size is not a multiple "
                                      "of 8 bytes.")
                           .arg(previousPath));

    // A merge of two sorted sequences: a hash only in the current run is an added row, one
    // only in the previous run a removed row. Equal hashes pair off one to one.
    Changes changes;
    size_t current = 0;
    QByteArray chunk;
    qsizetype offset = 0;
    const auto nextPrevious = [&](quint64 &value) {
        if (offset == chunk.size()) {
            chunk = file.read(kChunkValues * 8);
            offset = 0;
            if (chunk.isEmpty())
                return false;
        }
        value = qFromLittleEndian<quint64>(chunk.constData() + offset);
        offset += 8;
        return true;
    };
    quint64 previous = 0;
    bool hasPrevious = nextPrevious(previous);
    while (hasPrevious || current < m_hashes.size()) {
        if (!hasPrevious || (current < m_hashes.size() && m_hashes[current] < previous)) {
            ++changes.added;
            ++current;
        } else if (current == m_hashes.size() || previous < m_hashes[current]) {
            ++changes.removed;
            hasPrevious = nextPrevious(previous);
        } else {
            ++current;
            hasPrevious = nextPrevious(previous);
        }
    }
    return changes;
}

QString RowHashes::path(const QString &dataDir, qint64 integrationId, qint64 runId)
{
    return QDir(dataDir).filePath(
        QStringLiteral("row-hashes/integration-%1/run-%2.u64").arg(integrationId).arg(runId));
}

void RowHashes::removeOthers(const QString &dataDir, qint64 integrationId, qint64 keepRunId)
{
    const QFileInfo keep(path(dataDir, integrationId, keepRunId));
    QDir folder(keep.absolutePath());
    const QStringList files = folder.entryList({QStringLiteral("run-*.u64")}, QDir::Files);
    for (const QString &name : files) {
        if (name != keep.fileName() && !folder.remove(name))
            qCWarning(lcRuns) << "Cannot remove the row hash file" << folder.filePath(name);
    }
}

} // namespace hub::runs
