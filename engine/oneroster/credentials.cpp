// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "credentials.h"

#include <QStringList>

#include <sodium.h>

namespace hub::oneroster {

namespace {

constexpr int kSaltBytes = crypto_generichash_KEYBYTES_MIN;
constexpr int kHashBytes = crypto_generichash_BYTES;

QByteArray randomBytes(int count)
{
    // sodium_init() may be called more than once and from several threads.
    if (sodium_init() < 0)
        qFatal("Cannot initialise libsodium");
    QByteArray bytes(count, Qt::Uninitialized);
    randombytes_buf(bytes.data(), static_cast<size_t>(bytes.size()));
    return bytes;
}

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray keyedHash(const QByteArray &data, const QByteArray &key)
{
    QByteArray hash(kHashBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(hash.data()), kHashBytes,
                       reinterpret_cast<const unsigned char *>(data.constData()),
                       static_cast<unsigned long long>(data.size()),
                       key.isEmpty() ? nullptr
                                     : reinterpret_cast<const unsigned char *>(key.constData()),
                       static_cast<size_t>(key.size()));
    return hash;
}

} // namespace

QByteArray newClientId()
{
    return base64Url(randomBytes(18));
}

QByteArray newClientSecret()
{
    return base64Url(randomBytes(32));
}

QByteArray newAccessToken()
{
    return base64Url(randomBytes(32));
}

QString hashClientSecret(const QByteArray &secret)
{
    const QByteArray salt = randomBytes(kSaltBytes);
    return QStringLiteral("b2:%1:%2")
        .arg(QString::fromLatin1(salt.toBase64()),
             QString::fromLatin1(keyedHash(secret, salt).toBase64()));
}

bool verifyClientSecret(const QByteArray &secret, const QString &stored)
{
    const QStringList parts = stored.split(QLatin1Char(':'));
    if (parts.size() != 3 || parts.at(0) != QLatin1String("b2"))
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(1).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(2).toLatin1());
    if (salt.size() != kSaltBytes || expected.size() != kHashBytes)
        return false;
    const QByteArray actual = keyedHash(secret, salt);
    return sodium_memcmp(actual.constData(), expected.constData(), kHashBytes) == 0;
}

QString accessTokenHash(const QByteArray &token)
{
    return QString::fromLatin1(keyedHash(token, {}).toHex());
}

} // namespace hub::oneroster
