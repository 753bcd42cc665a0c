// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "schoolyear.h"

namespace hubdesk {

int schoolYearEnding(const QDate &date)
{
    constexpr int firstMonth = 7;
    return date.month() >= firstMonth ? date.year() + 1 : date.year();
}

QString schoolYearLabel(int endingYear)
{
    return QStringLiteral("%1-%2").arg(endingYear - 1).arg(endingYear);
}

} // namespace hubdesk
