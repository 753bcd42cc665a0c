// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "destinations/destination.h"

namespace hub::destinations {

// A folder on an SFTP server, reached with libssh. The server's host key must match the pinned
// one before any credential is sent. Files are written under a temporary name in the target
// folder and renamed over the target, so the receiver never gets a partial file.
//
// Settings: host, port, username, authentication ("privateKey" or "password"), hostKey (a
// known_hosts line, or an OpenSSH SHA256 fingerprint such as "SHA256:abc..."), remoteFolder,
// pathTemplate, timeoutSeconds, retry. Secrets: password, privateKey (OpenSSH or PEM text),
// privateKeyPassphrase.
class SftpDestination final : public Destination
{
public:
    SftpDestination(const QJsonObject &settings, const QJsonObject &secrets);

    static QJsonObject validateSettings(const QJsonObject &settings, const QJsonObject &secrets);

    Attempt testConnection() override;
    Attempt deliver(const QString &sourceFile, const QString &remotePath,
                    const DeliveryIds &ids) override;

    // The largest payload of one SFTP write request. OpenSSH accepts more, but some servers
    // reject requests over 32 KiB plus headers or 64 KiB, so no request carries more than this.
    static constexpr qint64 maxWriteBytes = 64 * 1024;

private:
    class Connection;

    QJsonObject m_settings;
    QJsonObject m_secrets;
};

} // namespace hub::destinations
