// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"
#include "notify/smtpclient.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QTime>
#include <QUrl>

namespace hub {
class SecretBox;
}

namespace hub::notify {

// The settings that decide whether and where a notification goes, after an integration's own
// settings replaced the district's events and recipients.
struct EffectiveSettings
{
    bool onFailure = true;
    bool onRecovery = true;
    bool onLongRun = true;

    bool emailEnabled = false;
    QString from;
    QStringList recipients;
    SmtpSettings smtp;

    bool webhookEnabled = false;
    QUrl webhookUrl;
    // Signs each webhook body with HMAC-SHA256 when not empty.
    QByteArray webhookSigningKey;

    bool dailySummary = false;
    // Wall-clock time in the district's zone.
    QTime dailySummaryTime = QTime(7, 0);
};

// The district's settings with defaults filled in: every event on, both channels off.
QJsonObject defaultDistrictSettings();

// A district settings request, checked and split: the settings without secrets, the secrets
// (email.password, webhook.signingKey) and one message per invalid field, keyed such as
// "email.host". Secret fields follow the destination rule: a string replaces the stored value,
// {"stored": true} or an absent field keeps it, and null or "" removes it.
struct ValidatedSettings
{
    QJsonObject settings;
    QJsonObject secrets;
    QJsonObject errors;
    // Members that the settings do not have, as dotted paths such as "events.bogus". The API
    // rejects a request with any, because a misspelled key would otherwise be dropped silently.
    QStringList unknownKeys;
};
ValidatedSettings validateDistrictSettings(const QJsonObject &incoming,
                                           const QJsonObject &storedSecrets);
// An integration's settings: {"inherit": true}, or {"inherit": false, "events": {...},
// "recipients": [...]} where no recipients means the district's.
ValidatedSettings validateIntegrationSettings(const QJsonObject &incoming);

// The district settings as the API returns them: each stored secret shows as {"stored": true}.
QJsonObject maskedDistrictSettings(const QJsonObject &settings, const QJsonObject &secrets);
// The masked settings as the audit log records them after a change: a secret that replaced a
// different stored value shows as {"stored": true, "replaced": true}, because {"stored": true}
// before and after would hide the change. Neither value appears.
QJsonObject auditedDistrictSettings(const QJsonObject &settings, const QJsonObject &secrets,
                                    const QJsonObject &previousSecrets);

// Reads the stored settings of the district (integrationId 0) or of one integration, and the
// secrets opened with box; an empty settings object when none are stored.
struct StoredSettings
{
    QJsonObject settings;
    QJsonObject secrets;
};
Result<StoredSettings> loadStoredSettings(const QSqlDatabase &db, const SecretBox &box,
                                          qint64 districtId, qint64 integrationId);
Result<void> saveStoredSettings(const QSqlDatabase &db, const SecretBox &box, qint64 districtId,
                                qint64 integrationId, const QJsonObject &settings,
                                const QJsonObject &secrets);

// The district's settings merged with the integration's own (integrationId 0: the district's).
Result<EffectiveSettings> loadEffectiveSettings(const QSqlDatabase &db, const SecretBox &box,
                                                qint64 districtId, qint64 integrationId);

} // namespace hub::notify
