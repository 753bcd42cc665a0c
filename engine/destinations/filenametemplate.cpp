// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "filenametemplate.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace hub::destinations {

namespace {

const QStringList kPlaceholders
    = {QStringLiteral("output"), QStringLiteral("schoolYear"), QStringLiteral("date"),
       QStringLiteral("time"),   QStringLiteral("runId"),      QStringLiteral("integrationId")};

QString checkPath(const QString &path, const QString &what)
{
    if (path.trimmed().isEmpty())
        return QStringLiteral("The %1 is empty.").arg(what);
    if (path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\'))
        || QRegularExpression(QStringLiteral("^[A-Za-z]:")).match(path).hasMatch())
        return QStringLiteral("The %1 \"%2\" must be a relative path with '/' between folders.")
            .arg(what, path);
    for (const QChar c : path) {
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("The %1 \"%2\" contains a control character.").arg(what, path);
    }
    const QStringList segments = path.split(QLatin1Char('/'));
    for (const QString &segment : segments) {
        if (segment.isEmpty())
            return QStringLiteral("The %1 \"%2\" has an empty folder name.").arg(what, path);
        if (segment == QLatin1String(".") || segment == QLatin1String(".."))
            return QStringLiteral("The %1 \"%2\" must not contain a path segment \".\" or "
                                  "\"..\" between slashes.")
                .arg(what, path);
    }
    return {};
}

} // namespace

QString FileNameTemplate::validate(const QString &pattern)
{
    qsizetype position = 0;
    while (position < pattern.size()) {
        const qsizetype open = pattern.indexOf(QLatin1Char('{'), position);
        const qsizetype strayClose = pattern.indexOf(QLatin1Char('}'), position);
        if (strayClose >= 0 && (open < 0 || strayClose < open))
            return QStringLiteral("The template \"%1\" has a '}' without '{'.").arg(pattern);
        if (open < 0)
            break;
        const qsizetype close = pattern.indexOf(QLatin1Char('}'), open);
        if (close < 0)
            return QStringLiteral("The template \"%1\" has a '{' without '}'.").arg(pattern);
        const QString name = pattern.mid(open + 1, close - open - 1);
        if (!kPlaceholders.contains(name))
            return QStringLiteral("The template \"%1\" uses the unknown placeholder {%2}; use "
                                  "{output}, {schoolYear}, {date}, {time}, {runId} or "
                                  "{integrationId}.")
                .arg(pattern, name);
        position = close + 1;
    }
    return checkPath(pattern, QStringLiteral("template"));
}

Result<QString> FileNameTemplate::expand(const QString &pattern, const TemplateValues &values)
{
    if (const QString invalid = validate(pattern); !invalid.isEmpty())
        return failure(invalid);

    QTimeZone zone(values.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone(QByteArrayLiteral("America/Detroit"));
    const QDateTime local = values.startedAt.toTimeZone(zone);

    QString result = pattern;
    result.replace(QStringLiteral("{output}"), values.output);
    result.replace(QStringLiteral("{schoolYear}"), QString::number(values.schoolYear));
    result.replace(QStringLiteral("{date}"), local.toString(QStringLiteral("yyyyMMdd")));
    result.replace(QStringLiteral("{time}"), local.toString(QStringLiteral("HHmmss")));
    result.replace(QStringLiteral("{runId}"), QString::number(values.runId));
    result.replace(QStringLiteral("{integrationId}"), QString::number(values.integrationId));

    // A value such as the output name could in principle carry a '/', so the expanded path is
    // checked again.
    if (const QString invalid = checkPath(result, QStringLiteral("file path")); !invalid.isEmpty())
        return failure(invalid);
    return result;
}

} // namespace hub::destinations
