// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QIODevice>
#include <QStringList>
#include <QVariantList>
#include <QXmlStreamWriter>

namespace hub::outbound {

// Writes a report as XML: <report output="..." schoolYear="..."><row><Column>value</Column>
// ...</row>...</report>. Column names become element names, so a report's columns must be
// valid XML names. Characters that XML 1.0 cannot carry (control characters other than tab,
// line feed and carriage return) are replaced with U+FFFD and counted.
class XmlWriter
{
public:
    XmlWriter(QIODevice *device, const QString &outputName, int schoolYear,
              const QStringList &columns);

    bool writeRow(const QVariantList &values);
    bool finish();

    qint64 replacedCharacters() const { return m_replaced; }

private:
    QString clean(const QString &text);

    QXmlStreamWriter m_writer;
    QStringList m_columns;
    qint64 m_replaced = 0;
};

} // namespace hub::outbound
