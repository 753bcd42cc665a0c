// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "notificationsettings.h"

#include "core/secretbox.h"
#include "core/timeutil.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace hub::notify {

namespace {

const QString kPasswordSecret = QStringLiteral("smtpPassword");
const QString kSigningKeySecret = QStringLiteral("webhookSigningKey");

bool isEmailAddress(const QString &text)
{
    static const QRegularExpression address(QStringLiteral("^[^@\\s<>]+@[^@\\s<>]+$"));
    return address.match(text).hasMatch();
}

QJsonObject storedMarker()
{
    return QJsonObject{{QStringLiteral("stored"), true}};
}

// Reads a boolean member; a member of another type is an error.
bool readFlag(const QJsonObject &object, const QString &name, bool fallback,
              const QString &errorKey, QJsonObject &errors)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined())
        return fallback;
    if (!value.isBool()) {
        errors.insert(errorKey, QStringLiteral("Must be true or false."));
        return fallback;
    }
    return value.toBool();
}

const QStringList kEventKeys{QStringLiteral("failure"), QStringLiteral("recovery"),
                             QStringLiteral("longRun")};

// Appends the members of object that allowed does not list, prefixed with path, such as
// "events.bogus". A section of another type gets its own field error elsewhere.
void collectUnknownKeys(const QJsonObject &object, const QStringList &allowed,
                        const QString &path, QStringList &unknownKeys)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key()))
            unknownKeys.append(path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key());
    }
}

QJsonObject validateEvents(const QJsonValue &value, QJsonObject &errors)
{
    const QJsonObject events = value.toObject();
    if (!value.isUndefined() && !value.isObject())
        errors.insert(QStringLiteral("events"), QStringLiteral("Must be an object."));
    QJsonObject result;
    for (const QString &name : kEventKeys) {
        result.insert(name, readFlag(events, name, true, QStringLiteral("events.") + name, errors));
    }
    return result;
}

QJsonArray validateRecipients(const QJsonValue &value, const QString &errorKey,
                              QJsonObject &errors)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        errors.insert(errorKey, QStringLiteral("Must be a list of email addresses."));
        return {};
    }
    QJsonArray recipients;
    const QJsonArray list = value.toArray();
    for (const QJsonValue &entry : list) {
        const QString address = entry.toString().trimmed();
        if (!entry.isString() || !isEmailAddress(address)) {
            errors.insert(errorKey, QStringLiteral("\"%1\" is not an email address.")
                                        .arg(entry.isString() ? entry.toString()
                                                              : QStringLiteral("(not text)")));
            return {};
        }
        recipients.append(address);
    }
    return recipients;
}

// Applies the secret rule to one field: a string replaces, {"stored": true} or absent keeps,
// null or "" removes.
void splitSecret(const QJsonValue &value, const QString &secretName,
                 const QJsonObject &storedSecrets, QJsonObject &secrets)
{
    if (value.isString() && !value.toString().isEmpty())
        secrets.insert(secretName, value.toString());
    else if ((value.isUndefined() || value.isObject()) && storedSecrets.contains(secretName))
        secrets.insert(secretName, storedSecrets.value(secretName));
}

QJsonObject validateEmail(const QJsonValue &value, const QJsonObject &storedSecrets,
                          QJsonObject &secrets, QJsonObject &errors)
{
    if (!value.isUndefined() && !value.isObject())
        errors.insert(QStringLiteral("email"), QStringLiteral("Must be an object."));
    const QJsonObject email = value.toObject();
    QJsonObject result;
    const bool enabled = readFlag(email, QStringLiteral("enabled"), false,
                                  QStringLiteral("email.enabled"), errors);
    result.insert(QStringLiteral("enabled"), enabled);

    const QJsonArray recipients = validateRecipients(email.value(QStringLiteral("recipients")),
                                                     QStringLiteral("email.recipients"), errors);
    result.insert(QStringLiteral("recipients"), recipients);
    const QString from = email.value(QStringLiteral("from")).toString().trimmed();
    result.insert(QStringLiteral("from"), from);
    const QString host = email.value(QStringLiteral("host")).toString().trimmed();
    result.insert(QStringLiteral("host"), host);

    const QJsonValue portValue = email.value(QStringLiteral("port"));
    const int port = portValue.isUndefined() ? 587 : portValue.toInt(-1);
    if (!portValue.isUndefined()
        && (!portValue.isDouble() || portValue.toDouble() != double(port) || port < 1
            || port > 65535))
        errors.insert(QStringLiteral("email.port"), QStringLiteral("Enter a port from 1 to 65535."));
    result.insert(QStringLiteral("port"), port);

    const QString security = email.value(QStringLiteral("security")).toString(QStringLiteral("starttls"));
    if (security != QLatin1String("starttls") && security != QLatin1String("tls")
        && security != QLatin1String("none"))
        errors.insert(QStringLiteral("email.security"),
                      QStringLiteral("Use starttls, tls or none."));
    result.insert(QStringLiteral("security"), security);
    const QString username = email.value(QStringLiteral("username")).toString();
    result.insert(QStringLiteral("username"), username);
    splitSecret(email.value(QStringLiteral("password")), kPasswordSecret, storedSecrets, secrets);

    if (enabled) {
        if (host.isEmpty())
            errors.insert(QStringLiteral("email.host"), QStringLiteral("Enter the SMTP server."));
        if (!isEmailAddress(from))
            errors.insert(QStringLiteral("email.from"),
                          QStringLiteral("Enter the sender's email address."));
        if (recipients.isEmpty() && !errors.contains(QStringLiteral("email.recipients")))
            errors.insert(QStringLiteral("email.recipients"),
                          QStringLiteral("Enter at least one recipient."));
        if (security == QLatin1String("none") && !username.isEmpty())
            errors.insert(QStringLiteral("email.security"),
                          QStringLiteral("Credentials are sent only over an encrypted "
                                         "connection; choose starttls or tls."));
    }
    return result;
}

QJsonObject validateWebhook(const QJsonValue &value, const QJsonObject &storedSecrets,
                            QJsonObject &secrets, QJsonObject &errors)
{
    if (!value.isUndefined() && !value.isObject())
        errors.insert(QStringLiteral("webhook"), QStringLiteral("Must be an object."));
    const QJsonObject webhook = value.toObject();
    QJsonObject result;
    const bool enabled = readFlag(webhook, QStringLiteral("enabled"), false,
                                  QStringLiteral("webhook.enabled"), errors);
    result.insert(QStringLiteral("enabled"), enabled);
    const QString urlText = webhook.value(QStringLiteral("url")).toString().trimmed();
    result.insert(QStringLiteral("url"), urlText);
    splitSecret(webhook.value(QStringLiteral("signingKey")), kSigningKeySecret, storedSecrets,
                secrets);

    if (enabled || !urlText.isEmpty()) {
        const QUrl url(urlText, QUrl::StrictMode);
        const bool loopback = url.host() == QLatin1String("127.0.0.1")
                              || url.host() == QLatin1String("localhost")
                              || url.host() == QLatin1String("::1");
        const bool https = url.scheme() == QLatin1String("https");
        const bool localHttp = url.scheme() == QLatin1String("http") && loopback;
        if (!url.isValid() || url.host().isEmpty() || !(https || localHttp))
            errors.insert(QStringLiteral("webhook.url"),
                          QStringLiteral("Enter an https:// URL (http:// only for this "
                                         "machine); \"%1\" is not one.")
                              .arg(urlText));
    }
    return result;
}

QJsonObject validateDailySummary(const QJsonValue &value, QJsonObject &errors)
{
    const QJsonObject summary = value.toObject();
    QJsonObject result;
    result.insert(QStringLiteral("enabled"),
                  readFlag(summary, QStringLiteral("enabled"), false,
                           QStringLiteral("dailySummary.enabled"), errors));
    const QString time = summary.value(QStringLiteral("time")).toString(QStringLiteral("07:00"));
    if (!QTime::fromString(time, QStringLiteral("HH:mm")).isValid())
        errors.insert(QStringLiteral("dailySummary.time"),
                      QStringLiteral("Enter the time as HH:MM, such as 07:00."));
    result.insert(QStringLiteral("time"), time);
    return result;
}

SmtpSettings::Security securityOf(const QString &text)
{
    if (text == QLatin1String("tls"))
        return SmtpSettings::Security::Tls;
    if (text == QLatin1String("none"))
        return SmtpSettings::Security::None;
    return SmtpSettings::Security::StartTls;
}

} // namespace

QJsonObject defaultDistrictSettings()
{
    return validateDistrictSettings({}, {}).settings;
}

ValidatedSettings validateDistrictSettings(const QJsonObject &incoming,
                                           const QJsonObject &storedSecrets)
{
    ValidatedSettings result;
    result.settings.insert(QStringLiteral("events"),
                           validateEvents(incoming.value(QStringLiteral("events")), result.errors));
    result.settings.insert(QStringLiteral("email"),
                           validateEmail(incoming.value(QStringLiteral("email")), storedSecrets,
                                         result.secrets, result.errors));
    result.settings.insert(QStringLiteral("webhook"),
                           validateWebhook(incoming.value(QStringLiteral("webhook")),
                                           storedSecrets, result.secrets, result.errors));
    result.settings.insert(QStringLiteral("dailySummary"),
                           validateDailySummary(incoming.value(QStringLiteral("dailySummary")),
                                                result.errors));

    collectUnknownKeys(incoming,
                       {QStringLiteral("events"), QStringLiteral("email"),
                        QStringLiteral("webhook"), QStringLiteral("dailySummary")},
                       {}, result.unknownKeys);
    const QList<std::pair<QString, QStringList>> sections{
        {QStringLiteral("events"), kEventKeys},
        {QStringLiteral("email"),
         {QStringLiteral("enabled"), QStringLiteral("recipients"), QStringLiteral("from"),
          QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("security"),
          QStringLiteral("username"), QStringLiteral("password")}},
        {QStringLiteral("webhook"),
         {QStringLiteral("enabled"), QStringLiteral("url"), QStringLiteral("signingKey")}},
        {QStringLiteral("dailySummary"), {QStringLiteral("enabled"), QStringLiteral("time")}},
    };
    for (const auto &[section, keys] : sections)
        collectUnknownKeys(incoming.value(section).toObject(), keys, section, result.unknownKeys);
    return result;
}

ValidatedSettings validateIntegrationSettings(const QJsonObject &incoming)
{
    ValidatedSettings result;
    const bool inherit = readFlag(incoming, QStringLiteral("inherit"), true,
                                  QStringLiteral("inherit"), result.errors);
    result.settings.insert(QStringLiteral("inherit"), inherit);
    collectUnknownKeys(incoming,
                       {QStringLiteral("inherit"), QStringLiteral("events"),
                        QStringLiteral("recipients")},
                       {}, result.unknownKeys);
    collectUnknownKeys(incoming.value(QStringLiteral("events")).toObject(), kEventKeys,
                       QStringLiteral("events"), result.unknownKeys);
    if (inherit)
        return result;
    result.settings.insert(QStringLiteral("events"),
                           validateEvents(incoming.value(QStringLiteral("events")), result.errors));
    result.settings.insert(QStringLiteral("recipients"),
                           validateRecipients(incoming.value(QStringLiteral("recipients")),
                                              QStringLiteral("recipients"), result.errors));
    return result;
}

QJsonObject maskedDistrictSettings(const QJsonObject &settings, const QJsonObject &secrets)
{
    QJsonObject masked = settings.isEmpty() ? defaultDistrictSettings() : settings;
    QJsonObject email = masked.value(QStringLiteral("email")).toObject();
    email.insert(QStringLiteral("password"),
                 secrets.contains(kPasswordSecret) ? QJsonValue(storedMarker()) : QJsonValue());
    masked.insert(QStringLiteral("email"), email);
    QJsonObject webhook = masked.value(QStringLiteral("webhook")).toObject();
    webhook.insert(QStringLiteral("signingKey"), secrets.contains(kSigningKeySecret)
                                                     ? QJsonValue(storedMarker())
                                                     : QJsonValue());
    masked.insert(QStringLiteral("webhook"), webhook);
    return masked;
}

QJsonObject auditedDistrictSettings(const QJsonObject &settings, const QJsonObject &secrets,
                                    const QJsonObject &previousSecrets)
{
    QJsonObject audited = maskedDistrictSettings(settings, secrets);
    struct SecretField
    {
        QString secretName;
        QString section;
        QString field;
    };
    const SecretField secretFields[] = {
        {kPasswordSecret, QStringLiteral("email"), QStringLiteral("password")},
        {kSigningKeySecret, QStringLiteral("webhook"), QStringLiteral("signingKey")},
    };
    for (const SecretField &secret : secretFields) {
        const QString &name = secret.secretName;
        if (!secrets.contains(name) || !previousSecrets.contains(name)
            || secrets.value(name) == previousSecrets.value(name))
            continue;
        QJsonObject marker = storedMarker();
        marker.insert(QStringLiteral("replaced"), true);
        QJsonObject group = audited.value(secret.section).toObject();
        group.insert(secret.field, marker);
        audited.insert(secret.section, group);
    }
    return audited;
}

Result<StoredSettings> loadStoredSettings(const QSqlDatabase &db, const SecretBox &box,
                                          qint64 districtId, qint64 integrationId)
{
    auto query = execute(db,
                         QStringLiteral("SELECT settings, secrets FROM notification_settings "
                                        "WHERE district_id = ? AND integration_id = ?"),
                         {districtId, integrationId});
    if (!query)
        return failure(query.error());
    StoredSettings stored;
    if (!query->next())
        return stored;
    stored.settings = QJsonDocument::fromJson(query->value(0).toByteArray()).object();
    const QByteArray sealed = query->value(1).toByteArray();
    if (!sealed.isEmpty()) {
        auto opened = box.open(sealed);
        if (!opened)
            return failure(opened.error());
        stored.secrets = QJsonDocument::fromJson(*opened).object();
    }
    return stored;
}

Result<void> saveStoredSettings(const QSqlDatabase &db, const SecretBox &box, qint64 districtId,
                                qint64 integrationId, const QJsonObject &settings,
                                const QJsonObject &secrets)
{
    const QVariant sealed
        = secrets.isEmpty()
              ? QVariant()
              : QVariant(QString::fromLatin1(
                  box.seal(QJsonDocument(secrets).toJson(QJsonDocument::Compact))));
    auto saved = execute(db,
                         QStringLiteral("INSERT INTO notification_settings(district_id, "
                                        "integration_id, settings, secrets, updated_at) "
                                        "VALUES (?, ?, ?, ?, ?) "
                                        "ON CONFLICT (district_id, integration_id) DO UPDATE SET "
                                        "settings = excluded.settings, secrets = excluded.secrets, "
                                        "updated_at = excluded.updated_at"),
                         {districtId, integrationId,
                          QString::fromUtf8(QJsonDocument(settings).toJson(QJsonDocument::Compact)),
                          sealed, nowIsoUtc()});
    if (!saved)
        return failure(saved.error());
    return {};
}

Result<EffectiveSettings> loadEffectiveSettings(const QSqlDatabase &db, const SecretBox &box,
                                                qint64 districtId, qint64 integrationId)
{
    auto district = loadStoredSettings(db, box, districtId, 0);
    if (!district)
        return failure(district.error());
    const QJsonObject settings
        = district->settings.isEmpty() ? defaultDistrictSettings() : district->settings;
    QJsonObject events = settings.value(QStringLiteral("events")).toObject();
    const QJsonObject email = settings.value(QStringLiteral("email")).toObject();
    const QJsonObject webhook = settings.value(QStringLiteral("webhook")).toObject();
    const QJsonObject summary = settings.value(QStringLiteral("dailySummary")).toObject();
    QJsonArray recipients = email.value(QStringLiteral("recipients")).toArray();

    if (integrationId > 0) {
        auto own = loadStoredSettings(db, box, districtId, integrationId);
        if (!own)
            return failure(own.error());
        if (!own->settings.value(QStringLiteral("inherit")).toBool(true)) {
            events = own->settings.value(QStringLiteral("events")).toObject();
            const QJsonArray ownRecipients
                = own->settings.value(QStringLiteral("recipients")).toArray();
            if (!ownRecipients.isEmpty())
                recipients = ownRecipients;
        }
    }

    EffectiveSettings effective;
    effective.onFailure = events.value(QStringLiteral("failure")).toBool(true);
    effective.onRecovery = events.value(QStringLiteral("recovery")).toBool(true);
    effective.onLongRun = events.value(QStringLiteral("longRun")).toBool(true);
    effective.emailEnabled = email.value(QStringLiteral("enabled")).toBool();
    effective.from = email.value(QStringLiteral("from")).toString();
    for (const QJsonValue &recipient : std::as_const(recipients))
        effective.recipients.append(recipient.toString());
    effective.smtp.host = email.value(QStringLiteral("host")).toString();
    effective.smtp.port = quint16(email.value(QStringLiteral("port")).toInt(587));
    effective.smtp.security = securityOf(email.value(QStringLiteral("security")).toString());
    effective.smtp.username = email.value(QStringLiteral("username")).toString();
    effective.smtp.password = district->secrets.value(kPasswordSecret).toString();
    effective.webhookEnabled = webhook.value(QStringLiteral("enabled")).toBool();
    effective.webhookUrl = QUrl(webhook.value(QStringLiteral("url")).toString());
    effective.webhookSigningKey = district->secrets.value(kSigningKeySecret).toString().toUtf8();
    effective.dailySummary = summary.value(QStringLiteral("enabled")).toBool();
    effective.dailySummaryTime
        = QTime::fromString(summary.value(QStringLiteral("time")).toString(QStringLiteral("07:00")),
                            QStringLiteral("HH:mm"));
    return effective;
}

} // namespace hub::notify
