// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QIODevice>
#include <QStringList>
#include <QVariantList>
#include <QXmlStreamWriter>

namespace hub::outbound {

// Writes a report as UTF-8 XML 1.0 in this layout, indented by two spaces:
//
//   <?xml version="1.0" encoding="UTF-8"?>
//   <report output="MiLEARN-Sections Data" schoolYear="2027">
//     <row>
//       <SchoolYear>2027</SchoolYear>
//       <SectionId>cls-0001</SectionId>
//       <Location/>
//       ...
//     </row>
//     ...
//   </report>
//
// "output" is the output's catalog name and "schoolYear" the ending calendar year. Each data
// row is one <row> with one element per report column, in column order, named after the
// column; a NULL value is an empty element. Column names become element names, so a report's
// columns must be valid XML names. Characters that XML 1.0 cannot carry (control characters
// other than tab, line feed and carriage return) are replaced with U+FFFD and counted. A
// carriage return is written as &#13; so that parsers do not normalize it away.
class XmlWriter
{
public:
    XmlWriter(QIODevice *device, const QString &outputName, int schoolYear,
              const QStringList &columns);

    bool writeRow(const QVariantList &values);
    bool finish();

    qint64 dataRows() const { return m_dataRows; }
    qint64 replacedCharacters() const { return m_replaced; }
    // The column name and the 1-based data row of the first replacement.
    QString firstReplacementColumn() const { return m_firstReplacedColumn; }
    qint64 firstReplacementRow() const { return m_firstReplacedRow; }

private:
    QString clean(const QString &text, const QString &column);
    void writeTextElement(const QString &name, const QString &text);

    QXmlStreamWriter m_writer;
    QStringList m_columns;
    qint64 m_dataRows = 0;
    qint64 m_replaced = 0;
    QString m_firstReplacedColumn;
    qint64 m_firstReplacedRow = 0;
};

} // namespace hub::outbound
