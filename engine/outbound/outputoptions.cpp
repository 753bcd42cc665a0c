// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "outputoptions.h"

#include <QJsonDocument>

#include <array>
#include <utility>

namespace hub::outbound {

namespace {

const std::array<std::pair<QLatin1String, QChar>, 4> kDelimiters = {{
    {QLatin1String("comma"), QLatin1Char(',')},
    {QLatin1String("semicolon"), QLatin1Char(';')},
    {QLatin1String("tab"), QLatin1Char('\t')},
    {QLatin1String("pipe"), QLatin1Char('|')},
}};

QString delimiterName(QChar delimiter)
{
    for (const auto &[name, character] : kDelimiters) {
        if (character == delimiter)
            return name;
    }
    return QStringLiteral("comma");
}

QString errorKey(const QString &key)
{
    return QStringLiteral("outputOptions.") + key;
}

void readBool(const QJsonObject &object, const QString &key, bool &value, QJsonObject &errors)
{
    const QJsonValue json = object.value(key);
    if (json.isUndefined() || json.isNull())
        return;
    if (!json.isBool()) {
        errors.insert(errorKey(key), QStringLiteral("Use true or false."));
        return;
    }
    value = json.toBool();
}

} // namespace

QJsonObject OutputOptions::toJson() const
{
    return QJsonObject{
        {QStringLiteral("delimiter"), delimiterName(delimiter)},
        {QStringLiteral("quoting"),
         quoting == Quoting::All ? QStringLiteral("all") : QStringLiteral("minimal")},
        {QStringLiteral("header"), header},
        {QStringLiteral("lineEnding"), crlf ? QStringLiteral("CRLF") : QStringLiteral("LF")},
        {QStringLiteral("byteOrderMark"), byteOrderMark},
        {QStringLiteral("formulaProtection"), formulaProtection},
    };
}

OutputOptions OutputOptions::fromJson(const QJsonValue &json, QJsonObject &errors)
{
    OutputOptions options;
    if (json.isUndefined() || json.isNull())
        return options;
    if (!json.isObject()) {
        errors.insert(QStringLiteral("outputOptions"),
                      QStringLiteral("Send the output options as an object, or null for the "
                                     "defaults."));
        return options;
    }
    const QJsonObject object = json.toObject();

    const QJsonValue delimiter = object.value(QStringLiteral("delimiter"));
    if (!delimiter.isUndefined() && !delimiter.isNull()) {
        bool known = false;
        for (const auto &[name, character] : kDelimiters) {
            if (delimiter.toString() == name) {
                options.delimiter = character;
                known = true;
            }
        }
        if (!known)
            errors.insert(errorKey(QStringLiteral("delimiter")),
                          QStringLiteral("Choose comma, semicolon, tab or pipe; \"%1\" is not a "
                                         "delimiter.")
                              .arg(delimiter.toVariant().toString()));
    }

    const QJsonValue quoting = object.value(QStringLiteral("quoting"));
    if (quoting == QJsonValue(QStringLiteral("all")))
        options.quoting = Quoting::All;
    else if (!quoting.isUndefined() && !quoting.isNull()
             && quoting != QJsonValue(QStringLiteral("minimal")))
        errors.insert(errorKey(QStringLiteral("quoting")),
                      QStringLiteral("Choose minimal or all; \"%1\" is not a quoting rule.")
                          .arg(quoting.toVariant().toString()));

    const QJsonValue lineEnding = object.value(QStringLiteral("lineEnding"));
    if (lineEnding == QJsonValue(QStringLiteral("LF")))
        options.crlf = false;
    else if (!lineEnding.isUndefined() && !lineEnding.isNull()
             && lineEnding != QJsonValue(QStringLiteral("CRLF")))
        errors.insert(errorKey(QStringLiteral("lineEnding")),
                      QStringLiteral("Choose CRLF or LF; \"%1\" is not a line ending.")
                          .arg(lineEnding.toVariant().toString()));

    readBool(object, QStringLiteral("header"), options.header, errors);
    readBool(object, QStringLiteral("byteOrderMark"), options.byteOrderMark, errors);
    readBool(object, QStringLiteral("formulaProtection"), options.formulaProtection, errors);

    static const QStringList known
        = {QStringLiteral("delimiter"),     QStringLiteral("quoting"),
           QStringLiteral("header"),        QStringLiteral("lineEnding"),
           QStringLiteral("byteOrderMark"), QStringLiteral("formulaProtection")};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            errors.insert(errorKey(it.key()),
                          QStringLiteral("Unknown output option; use one of %1.")
                              .arg(known.join(QStringLiteral(", "))));
    }
    return options;
}

OutputOptions OutputOptions::fromStoredJson(const QByteArray &json)
{
    QJsonObject ignored;
    return fromJson(QJsonDocument::fromJson(json).object(), ignored);
}

} // namespace hub::outbound
