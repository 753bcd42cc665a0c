// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QChar>
#include <QJsonObject>
#include <QJsonValue>

namespace hub::outbound {

// The layout of an integration's CSV file, stored as JSON in integrations.output_options:
//
//   {"delimiter": "comma" | "semicolon" | "tab" | "pipe",
//    "quoting": "minimal" | "all",
//    "header": true, "lineEnding": "CRLF" | "LF",
//    "byteOrderMark": false, "formulaProtection": true}
//
// A missing key takes the default shown first. "minimal" quotes a field only when it contains
// the delimiter, a quote, a line break or a leading or trailing space. "byteOrderMark" starts
// the file with a UTF-8 BOM so that spreadsheet programs detect the encoding.
// "formulaProtection" puts an apostrophe before a text value that starts with =, +, -, @, tab
// or CR, so that a spreadsheet shows it as text instead of evaluating it as a formula. XML files
// ignore these options.
struct OutputOptions
{
    enum class Quoting { Minimal, All };

    QChar delimiter = QLatin1Char(',');
    Quoting quoting = Quoting::Minimal;
    bool header = true;
    bool crlf = true;
    bool byteOrderMark = false;
    bool formulaProtection = true;

    QJsonObject toJson() const;

    // Reads options from a JSON object; null or a missing value gives the defaults. Adds one
    // message per invalid key to errors, under "outputOptions.<key>".
    static OutputOptions fromJson(const QJsonValue &json, QJsonObject &errors);
    // Reads stored options, which were validated when saved; invalid keys keep their defaults.
    static OutputOptions fromStoredJson(const QByteArray &json);
};

} // namespace hub::outbound
