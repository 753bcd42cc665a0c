// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

// Character limits of inbound values, which the validators of OneRoster bundles and flat files
// enforce with the rule field-length. Lengths count Unicode code points, not bytes or UTF-16
// units, so "é" and "😀" count 1 each.

#include <QString>
#include <QStringView>

namespace hub::inbound {

// OneRoster 1.1 and 1.2 define no lengths, and every value goes on to vendors through the
// OneRoster API, so the hub sets the limits by kind of field:
// - 255 for sourcedIds and every reference to one: ids are keys that vendors store and index,
//   and 255 leaves room for a GUID (36 characters) or any SIS number;
// - 1,024 for names, titles, identifiers, codes, e-mail addresses, phone numbers and each item
//   of a list (grades, subjects, userIds), far above any real name and far below a broken
//   export's runaway value;
// - 10,000 for free text, which the OneRoster files that the hub stores only have in extension
//   columns.
// The items of a list of references (orgSourcedIds, termSourcedIds) are ids, 255 each.
constexpr qsizetype kMaxIdLength = 255;
constexpr qsizetype kMaxTextLength = 1024;
constexpr qsizetype kMaxFreeTextLength = 10000;

// Code points of the value shown in a field-length finding before "...".
constexpr qsizetype kShownValueLength = 40;

// Counts the Unicode code points in text, where a surrogate pair counts once.
qsizetype codePointCount(QStringView text);

// Returns the first kShownValueLength code points of text followed by "...", never splitting
// a surrogate pair, or text itself when it is no longer.
QString shortenedValue(QStringView text);

// A value over its limit, as a field-length finding shows it.
struct LengthBreach
{
    // The value's length in code points.
    qsizetype length = 0;
    // shortenedValue() of the value, for the finding's value column.
    QString shownValue;
    // The message, such as "The value has 100000 characters; the limit is 1024. Shorten it in
    // the source system."
    QString message;
};

// Returns true and fills breach when text has more than limit code points.
bool exceedsLength(QStringView text, qsizetype limit, LengthBreach &breach);

// Returns true and fills breach when one item of a list value has more than limit code
// points. The message then names the item instead of the value.
bool itemExceedsLength(QStringView item, qsizetype limit, LengthBreach &breach);

} // namespace hub::inbound
