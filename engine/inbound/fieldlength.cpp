// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "fieldlength.h"

namespace hub::inbound {

qsizetype codePointCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        // The high surrogate of a pair is counted, its low surrogate is not.
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++count;
    }
    return count;
}

QString shortenedValue(QStringView text)
{
    qsizetype end = 0;
    for (qsizetype shown = 0; shown < kShownValueLength && end < text.size(); ++shown) {
        const bool pair = text.at(end).isHighSurrogate() && end + 1 < text.size()
                          && text.at(end + 1).isLowSurrogate();
        end += pair ? 2 : 1;
    }
    if (end >= text.size())
        return text.toString();
    return text.first(end).toString() + QStringLiteral("...");
}

namespace {

bool exceeds(QStringView text, qsizetype limit, const QString &subject, LengthBreach &breach)
{
    // A string of at most limit UTF-16 units has at most limit code points, so the common
    // short value needs no count.
    if (text.size() <= limit)
        return false;
    const qsizetype length = codePointCount(text);
    if (length <= limit)
        return false;
    breach.length = length;
    breach.shownValue = shortenedValue(text);
    breach.message = QStringLiteral("%1 has %2 characters; the limit is %3. Shorten it in the "
                                    "source system.")
                         .arg(subject)
                         .arg(length)
                         .arg(limit);
    return true;
}

} // namespace

bool exceedsLength(QStringView text, qsizetype limit, LengthBreach &breach)
{
    return exceeds(text, limit, QStringLiteral("The value"), breach);
}

bool itemExceedsLength(QStringView item, qsizetype limit, LengthBreach &breach)
{
    return exceeds(item, limit, QStringLiteral("An item of the list"), breach);
}

} // namespace hub::inbound
