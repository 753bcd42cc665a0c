// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace hub {

// Encrypts the secrets that the engine must reuse (destination passwords, keys and tokens) with
// libsodium's crypto_secretbox (XSalsa20-Poly1305). The key lives in DATA_DIR/secret.key, outside
// the database, so a copy of the database alone reveals no secret.
class SecretBox
{
public:
    // Reads the key file in dataDir, or creates it (mode 0600) when it does not exist yet.
    static Result<SecretBox> openOrCreate(const QString &dataDir);
    static QString keyPath(const QString &dataDir);

    // Returns "v1:" followed by the Base64 of a random nonce and the ciphertext.
    QByteArray seal(const QByteArray &plainText) const;
    Result<QByteArray> open(const QByteArray &sealed) const;

private:
    explicit SecretBox(QByteArray key);

    QByteArray m_key;
};

} // namespace hub
