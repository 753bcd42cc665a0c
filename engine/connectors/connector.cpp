// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "connector.h"

#include "connectors/onerosterclient.h"
#include "connectors/restconnector.h"
#include "core/logging.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QMutex>
#include <QSet>
#include <QUrl>

namespace hub::connectors {

namespace {

const QStringList kSettingTypes = {QStringLiteral("text"), QStringLiteral("url"),
                                   QStringLiteral("integer"), QStringLiteral("boolean"),
                                   QStringLiteral("choice")};

QJsonObject storedMarker()
{
    return QJsonObject{{QStringLiteral("stored"), true}};
}

Result<SettingSpec> parseSetting(const QJsonObject &json, const QString &where)
{
    SettingSpec spec;
    spec.name = json.value(QStringLiteral("name")).toString();
    spec.label = json.value(QStringLiteral("label")).toString(spec.name);
    spec.type = json.value(QStringLiteral("type")).toString(QStringLiteral("text"));
    spec.secret = json.value(QStringLiteral("secret")).toBool();
    spec.required = json.value(QStringLiteral("required")).toBool();
    spec.defaultValue = json.value(QStringLiteral("default"));
    for (const QJsonValue &choice : json.value(QStringLiteral("choices")).toArray())
        spec.choices.append(choice.toString());
    spec.minimum = json.value(QStringLiteral("minimum")).toInt(0);
    spec.maximum = json.value(QStringLiteral("maximum")).toInt(0);
    spec.help = json.value(QStringLiteral("help")).toString();
    if (spec.name.isEmpty())
        return failure(QStringLiteral("%1 has no name.").arg(where));
    if (!kSettingTypes.contains(spec.type))
        return failure(QStringLiteral("%1 (%2) has the invalid type \"%3\".")
                           .arg(where, spec.name, spec.type));
    if (spec.type == QLatin1String("choice") && spec.choices.isEmpty())
        return failure(QStringLiteral("%1 (%2) is a choice without choices.").arg(where, spec.name));
    return spec;
}

QList<ConnectorDescription> loadDescriptions()
{
    QList<ConnectorDescription> descriptions;
    const QDir dir(QStringLiteral(":/hub/catalog/connectors"));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcCatalog) << "Cannot read the connector description" << name;
            continue;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
        auto description = document.isObject()
                               ? parseDescription(document.object())
                               : Result<ConnectorDescription>(failure(error.errorString()));
        if (!description) {
            qCWarning(lcCatalog).noquote()
                << QStringLiteral("The connector description %1 is invalid: %2")
                       .arg(name, description.error());
            continue;
        }
        descriptions.append(*description);
    }
    std::sort(descriptions.begin(), descriptions.end(),
              [](const ConnectorDescription &a, const ConnectorDescription &b) {
                  return a.productKey < b.productKey;
              });
    return descriptions;
}

QJsonValue settingValue(const SettingSpec &spec, const QJsonObject &settings)
{
    const QJsonValue value = settings.value(spec.name);
    return value.isUndefined() || value.isNull() ? spec.defaultValue : value;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// The lower-case hosts that the URL settings name, defaults included.
QSet<QString> urlHosts(const ConnectorDescription &description, const QJsonObject &settings)
{
    QSet<QString> hosts;
    for (const SettingSpec &spec : description.settings) {
        if (spec.secret || spec.type != QLatin1String("url"))
            continue;
        const QString host = QUrl(settingValue(spec, settings).toString()).host().toLower();
        if (!host.isEmpty())
            hosts.insert(host);
    }
    return hosts;
}

} // namespace

QJsonObject SettingSpec::toJson() const
{
    QJsonObject json{{QStringLiteral("name"), name},
                     {QStringLiteral("label"), label},
                     {QStringLiteral("type"), type},
                     {QStringLiteral("secret"), secret},
                     {QStringLiteral("required"), required}};
    if (!defaultValue.isUndefined() && !defaultValue.isNull())
        json.insert(QStringLiteral("default"), defaultValue);
    if (!choices.isEmpty())
        json.insert(QStringLiteral("choices"), QJsonArray::fromStringList(choices));
    if (type == QLatin1String("integer")) {
        json.insert(QStringLiteral("minimum"), minimum);
        json.insert(QStringLiteral("maximum"), maximum);
    }
    if (!help.isEmpty())
        json.insert(QStringLiteral("help"), help);
    return json;
}

QStringList ConnectorDescription::phases() const
{
    if (direction == QLatin1String("push"))
        return {QStringLiteral("Query"), QStringLiteral("Map"), QStringLiteral("Send")};
    return {QStringLiteral("Fetch"), QStringLiteral("Map"), QStringLiteral("Load")};
}

QStringList ConnectorDescription::secretNames() const
{
    QStringList names;
    for (const SettingSpec &spec : settings) {
        if (spec.secret)
            names.append(spec.name);
    }
    return names;
}

QJsonObject ConnectorDescription::toJson() const
{
    QJsonArray settingArray;
    for (const SettingSpec &spec : settings)
        settingArray.append(spec.toJson());
    QJsonObject json{{QStringLiteral("productKey"), productKey},
                     {QStringLiteral("kind"), kind},
                     {QStringLiteral("direction"), direction},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("template"), isTemplate},
                     {QStringLiteral("notes"), notes},
                     {QStringLiteral("phases"), QJsonArray::fromStringList(phases())},
                     {QStringLiteral("settings"), settingArray}};
    if (!documentationUrl.isEmpty())
        json.insert(QStringLiteral("documentationUrl"), documentationUrl);
    if (kind == QLatin1String("rest")) {
        for (const char *key : {"auth", "pagination", "endpoints"})
            json.insert(QLatin1String(key), definition.value(QLatin1String(key)));
    }
    return json;
}

Result<ConnectorDescription> parseDescription(const QJsonObject &json)
{
    ConnectorDescription description;
    description.productKey = json.value(QStringLiteral("productKey")).toString();
    description.kind = json.value(QStringLiteral("kind")).toString();
    description.direction = json.value(QStringLiteral("direction")).toString();
    description.name = json.value(QStringLiteral("name")).toString();
    description.isTemplate = json.value(QStringLiteral("template")).toBool();
    description.notes = json.value(QStringLiteral("notes")).toString();
    description.documentationUrl = json.value(QStringLiteral("documentationUrl")).toString();
    description.definition = json;
    if (description.productKey.isEmpty())
        return failure(QStringLiteral("productKey is missing."));
    if (description.kind != QLatin1String("oneroster") && description.kind != QLatin1String("rest"))
        return failure(QStringLiteral("kind must be oneroster or rest."));
    if (description.direction != QLatin1String("pull")
        && description.direction != QLatin1String("push"))
        return failure(QStringLiteral("direction must be pull or push."));
    if (description.kind == QLatin1String("oneroster")
        && description.direction != QLatin1String("pull"))
        return failure(QStringLiteral("A OneRoster connector pulls; direction must be pull."));

    const QJsonArray settings = json.value(QStringLiteral("settings")).toArray();
    for (qsizetype i = 0; i < settings.size(); ++i) {
        auto spec = parseSetting(settings.at(i).toObject(), QStringLiteral("settings[%1]").arg(i));
        if (!spec)
            return failure(spec.error());
        description.settings.append(*spec);
    }
    if (description.kind == QLatin1String("rest")) {
        if (auto checked = checkRestDefinition(json); !checked)
            return failure(checked.error());
    }
    return description;
}

namespace {

QMutex g_descriptionsMutex;

QList<ConnectorDescription> &registeredDescriptions()
{
    static QList<ConnectorDescription> descriptions = loadDescriptions();
    return descriptions;
}

} // namespace

QList<ConnectorDescription> connectorDescriptions()
{
    QMutexLocker locker(&g_descriptionsMutex);
    return registeredDescriptions();
}

std::optional<ConnectorDescription> descriptionForProduct(const QString &productKey)
{
    QMutexLocker locker(&g_descriptionsMutex);
    for (const ConnectorDescription &description : registeredDescriptions()) {
        if (description.productKey == productKey)
            return description;
    }
    return std::nullopt;
}

void registerConnectorDescription(const ConnectorDescription &description)
{
    QMutexLocker locker(&g_descriptionsMutex);
    QList<ConnectorDescription> &descriptions = registeredDescriptions();
    descriptions.removeIf([&](const ConnectorDescription &existing) {
        return existing.productKey == description.productKey;
    });
    descriptions.append(description);
    std::sort(descriptions.begin(), descriptions.end(),
              [](const ConnectorDescription &a, const ConnectorDescription &b) {
                  return a.productKey < b.productKey;
              });
}

QJsonObject validateSettings(const ConnectorDescription &description, const QJsonObject &settings,
                             const QJsonObject &secrets)
{
    QJsonObject errors;
    for (const SettingSpec &spec : description.settings) {
        const QString key = QStringLiteral("settings.") + spec.name;
        const QJsonValue value = spec.secret ? secrets.value(spec.name)
                                             : settingValue(spec, settings);
        const bool empty = value.isUndefined() || value.isNull()
                           || (value.isString() && value.toString().trimmed().isEmpty());
        if (empty) {
            if (spec.required)
                errors.insert(key, QStringLiteral("Enter the %1.").arg(spec.label.toLower()));
            continue;
        }
        if (spec.type == QLatin1String("integer")) {
            const double number = value.toDouble(-1e18);
            if (!value.isDouble() || number != double(qint64(number)) || number < spec.minimum
                || number > spec.maximum)
                errors.insert(key, QStringLiteral("Enter a whole number from %1 to %2.")
                                       .arg(spec.minimum)
                                       .arg(spec.maximum));
        } else if (spec.type == QLatin1String("boolean")) {
            if (!value.isBool())
                errors.insert(key, QStringLiteral("Use true or false."));
        } else if (!value.isString()) {
            errors.insert(key, QStringLiteral("Enter the %1 as text.").arg(spec.label.toLower()));
        } else if (spec.type == QLatin1String("url")) {
            const QUrl url(value.toString(), QUrl::StrictMode);
            if (!url.isValid()
                || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))
                || url.host().isEmpty())
                errors.insert(key, QStringLiteral("Enter an http or https URL such as "
                                                  "https://sis.example.org/api; \"%1\" is not one.")
                                       .arg(value.toString()));
            // Plain HTTP would send the credentials and student records in clear text.
            else if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host()))
                errors.insert(key, QStringLiteral("Use https for the %1: \"%2\" would send "
                                                  "credentials and records to %3 unencrypted. "
                                                  "http is allowed only for localhost, "
                                                  "127.0.0.0/8 and ::1.")
                                       .arg(spec.label.toLower(), value.toString(), url.host()));
        } else if (spec.type == QLatin1String("choice") && !spec.choices.contains(value.toString())) {
            errors.insert(key, QStringLiteral("Choose one of %1; \"%2\" is not one.")
                                   .arg(spec.choices.join(QStringLiteral(", ")), value.toString()));
        }
    }
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        const bool known = std::any_of(description.settings.cbegin(), description.settings.cend(),
                                       [&](const SettingSpec &spec) { return spec.name == it.key(); });
        if (!known)
            errors.insert(QStringLiteral("settings.") + it.key(),
                          QStringLiteral("The %1 connector has no setting \"%2\".")
                              .arg(description.name, it.key()));
    }
    return errors;
}

SplitSettings splitSettings(const ConnectorDescription &description, const QJsonObject &incoming,
                            const QJsonObject &storedSettings, const QJsonObject &storedSecrets)
{
    SplitSettings split;
    const QStringList secretNames = description.secretNames();
    split.settings = storedSettings;
    for (auto it = incoming.begin(); it != incoming.end(); ++it) {
        if (secretNames.contains(it.key()))
            continue;
        if (it.value().isNull())
            split.settings.remove(it.key());
        else
            split.settings.insert(it.key(), it.value());
    }

    // A stored secret goes only to the hosts it was saved with. When the URL settings name a
    // new host, the request must give each secret again.
    const QSet<QString> storedHosts = urlHosts(description, storedSettings);
    QStringList newHosts;
    for (const QString &host : urlHosts(description, split.settings)) {
        if (!storedHosts.contains(host))
            newHosts.append(host);
    }
    newHosts.sort();

    for (const SettingSpec &spec : description.settings) {
        if (!spec.secret)
            continue;
        const QString &name = spec.name;
        const QJsonValue value = incoming.value(name);
        if (value.isUndefined() || value == QJsonValue(storedMarker())) {
            if (!storedSecrets.contains(name))
                continue;
            if (newHosts.isEmpty()) {
                split.secrets.insert(name, storedSecrets.value(name));
                continue;
            }
            split.errors.insert(QStringLiteral("settings.") + name,
                                QStringLiteral("Enter the %1 again: the URL settings now name %2, "
                                               "and the stored %1 is not sent to a new host.")
                                    .arg(spec.label.toLower(),
                                         newHosts.join(QLatin1String(", "))));
        } else if (value.isString() && !value.toString().isEmpty()) {
            split.secrets.insert(name, value);
        } else if (!value.isNull() && !value.isString()) {
            // Kept as given so validation reports the field instead of dropping it silently.
            split.secrets.insert(name, value);
        }
    }
    return split;
}

QJsonObject maskedSettings(const ConnectorDescription &description, const QJsonObject &settings,
                           const QJsonObject &secrets)
{
    QJsonObject masked;
    for (const SettingSpec &spec : description.settings) {
        if (spec.secret) {
            if (secrets.contains(spec.name))
                masked.insert(spec.name, storedMarker());
            continue;
        }
        const QJsonValue value = settingValue(spec, settings);
        if (!value.isUndefined() && !value.isNull())
            masked.insert(spec.name, value);
    }
    return masked;
}

QJsonObject effectiveSettings(const ConnectorDescription &description,
                              const QJsonObject &settings, const QJsonObject &secrets)
{
    QJsonObject effective;
    for (const SettingSpec &spec : description.settings) {
        const QJsonValue value = spec.secret ? secrets.value(spec.name)
                                             : settingValue(spec, settings);
        if (!value.isUndefined() && !value.isNull())
            effective.insert(spec.name, value);
    }
    return effective;
}

Result<std::unique_ptr<Connector>> createConnector(const ConnectorDescription &description,
                                                   const QJsonObject &effective)
{
    if (description.kind == QLatin1String("oneroster"))
        return std::unique_ptr<Connector>(std::make_unique<OneRosterClient>(effective));
    return std::unique_ptr<Connector>(std::make_unique<RestConnector>(description, effective));
}

} // namespace hub::connectors
