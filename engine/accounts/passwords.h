// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace hub::accounts {

// Checks a new password against the rules every account password must meet; returns the
// reason for rejecting it, or an empty string.
QString passwordProblem(const QString &password);

// Hashes a password with Argon2id (libsodium crypto_pwhash_str, interactive limits). The
// result contains its own salt and parameters.
Result<QByteArray> hashPassword(const QString &password);

// Whether the password matches a hash made by hashPassword().
bool verifyPassword(const QString &password, const QByteArray &hash);

// A new random token of 32 bytes as 64 hex digits.
QByteArray randomToken();

// The SHA-256 hex digest under which a token is stored; the token itself never is.
QString tokenDigest(const QByteArray &token);

} // namespace hub::accounts
