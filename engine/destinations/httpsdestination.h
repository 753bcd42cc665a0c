// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "destinations/destination.h"

#include <QNetworkRequest>
#include <QSslConfiguration>

namespace hub::destinations {

// An HTTPS endpoint that receives the file as the body of a POST or PUT. The server certificate
// is always verified, against the system's CAs plus an optional CA file; a certificate error
// fails the delivery. The remote name goes in a Content-Disposition header.
//
// Settings: url, method ("POST" or "PUT"), authentication ("none", "bearer" or "basic"),
// username, caFile (optional PEM file), clientCertificate (optional PEM text), pathTemplate,
// timeoutSeconds, retry. Secrets: bearerToken, password, clientKey (PEM text),
// clientKeyPassphrase.
class HttpsDestination final : public Destination
{
public:
    HttpsDestination(const QJsonObject &settings, const QJsonObject &secrets);

    static QJsonObject validateSettings(const QJsonObject &settings, const QJsonObject &secrets);

    Attempt testConnection() override;
    Attempt deliver(const QString &sourceFile, const QString &remotePath,
                    const DeliveryIds &ids) override;

private:
    Result<QSslConfiguration> sslConfiguration() const;
    Result<QNetworkRequest> makeRequest(const QString &remotePath) const;

    QJsonObject m_settings;
    QJsonObject m_secrets;
    int m_timeoutMs = 120000;
};

} // namespace hub::destinations
