// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace hub {

// Writers of JSON strings for responses that are written as text instead of through
// QJsonDocument. Quotes and backslashes get a backslash, control characters become \u00XX, and
// every other character is written as UTF-8.

// Appends text as a quoted JSON string. Printable ASCII, which most names and values are, is
// copied without a UTF-8 conversion.
void appendJsonString(QByteArray &out, QStringView text);
// Appends UTF-8 text as a quoted JSON string. Invalid UTF-8 is replaced as QString::fromUtf8()
// replaces it.
void appendJsonUtf8(QByteArray &out, QByteArrayView text);

} // namespace hub
