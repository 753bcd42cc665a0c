// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QString>

namespace hub {

// Helpers for the engine's English messages, which run logs, the API and notifications show.

// Returns a count with its noun in the right number, such as "1 error" or "3 errors".
inline QString countOf(qint64 count, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? singular : plural);
}

// Returns the text with a closing period when it has no closing punctuation, so that a message
// from a library can be followed by another sentence.
inline QString asSentence(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.endsWith(QLatin1Char('.')) || trimmed.endsWith(QLatin1Char('!'))
        || trimmed.endsWith(QLatin1Char('?')))
        return trimmed;
    return trimmed + QLatin1Char('.');
}

} // namespace hub
