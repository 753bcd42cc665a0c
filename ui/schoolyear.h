// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDate>
#include <QString>

namespace hubdesk {

// The ending year of the school year that contains date. A school year runs from July 1 to
// June 30, so 2026-12-04 is in school year 2026-2027, which ends in 2027.
int schoolYearEnding(const QDate &date);
// The school year's label as the hub screens show it, such as "2026-2027" for 2027.
QString schoolYearLabel(int endingYear);

} // namespace hubdesk
