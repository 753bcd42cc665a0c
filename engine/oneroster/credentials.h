// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QString>

namespace hub::oneroster {

// Client ids, client secrets and access tokens are random bytes from libsodium, written in
// Base64url without padding.
QByteArray newClientId();
QByteArray newClientSecret();
QByteArray newAccessToken();

// Hashes a client secret for storage as "b2:<salt>:<hash>": BLAKE2b-256 keyed with a random
// 16-byte salt. A secret carries 256 random bits, so a slow password hash such as Argon2id
// would add only latency to every token request without making a guess any less hopeless.
QString hashClientSecret(const QByteArray &secret);
// Compares in constant time; false also for a stored value in any other form.
bool verifyClientSecret(const QByteArray &secret, const QString &stored);

// The hex BLAKE2b-256 of an access token: the key under which the token is stored and looked up.
QString accessTokenHash(const QByteArray &token);

} // namespace hub::oneroster
