// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

namespace hub::destinations {

// The values that a file name template may use.
struct TemplateValues
{
    // The file name that the run wrote, with its extension.
    QString output;
    int schoolYear = 0;
    // The run's start, shown in the district's zone by {date} (yyyyMMdd) and {time} (HHmmss).
    QDateTime startedAt;
    QString timeZone = QStringLiteral("America/Detroit");
    qint64 runId = 0;
    qint64 integrationId = 0;
};

// A destination's file name or path, such as "milearn/{schoolYear}/{date}_{output}", with the
// placeholders {output}, {schoolYear}, {date}, {time}, {runId} and {integrationId}. Templates
// are relative: no absolute path, no "." or ".." segment, no empty segment, no backslash and no
// control character, so a delivered file stays inside the destination's folder or container.
class FileNameTemplate
{
public:
    static QString defaultTemplate() { return QStringLiteral("{output}"); }

    // Returns an error message, or an empty string when the template is valid.
    static QString validate(const QString &pattern);

    static Result<QString> expand(const QString &pattern, const TemplateValues &values);
};

} // namespace hub::destinations
