// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "jsontext.h"

#include <QString>
#include <QUtf8StringView>

#include <algorithm>

namespace hub {

namespace {

void appendEscapedByte(QByteArray &out, unsigned char byte)
{
    static constexpr char kHex[] = "0123456789abcdef";
    if (byte == '"' || byte == '\\') {
        out += '\\';
        out += char(byte);
    } else if (byte < 0x20) {
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xf];
    } else {
        out += char(byte);
    }
}

} // namespace

// Runs of bytes that need no escaping are copied whole.
void appendJsonUtf8(QByteArray &out, QByteArrayView text)
{
    const bool ascii = std::all_of(text.cbegin(), text.cend(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    QByteArray repaired;
    if (!ascii && !QUtf8StringView(text).isValidUtf8()) {
        repaired = QString::fromUtf8(text).toUtf8();
        text = repaired;
    }
    out += '"';
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        out.append(text.sliced(runStart, i - runStart));
        appendEscapedByte(out, byte);
        runStart = i + 1;
    }
    out.append(text.sliced(runStart));
    out += '"';
}

// Printable ASCII is copied into space reserved for it.
void appendJsonString(QByteArray &out, QStringView text)
{
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        const char16_t unit = c.unicode();
        return unit >= 0x20 && unit < 0x80 && unit != u'"' && unit != u'\\';
    });
    if (!plain) {
        appendJsonUtf8(out, text.toUtf8());
        return;
    }
    const qsizetype start = out.size();
    out.resize(start + text.size() + 2);
    char *cursor = out.data() + start;
    *cursor++ = '"';
    for (const QChar c : text)
        *cursor++ = char(c.unicode());
    *cursor = '"';
}

} // namespace hub
