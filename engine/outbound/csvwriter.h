// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QIODevice>
#include <QStringList>
#include <QVariantList>

namespace hub::outbound {

// Writes RFC 4180 CSV in UTF-8 with CRLF line endings. A field is quoted when it contains the
// delimiter, a quote, a line break or leading or trailing spaces; quotes inside are doubled.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device, QChar delimiter = QLatin1Char(','));

    bool writeRow(const QStringList &fields);
    bool writeRow(const QVariantList &values);

    // Formats one field as it would be written.
    static QString escapeField(const QString &field, QChar delimiter = QLatin1Char(','));

private:
    QIODevice *m_device;
    QChar m_delimiter;
};

} // namespace hub::outbound
