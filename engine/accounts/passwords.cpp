// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "passwords.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <sodium.h>

namespace hub::accounts {

namespace {

constexpr qsizetype kMinimumLength = 12;
constexpr qsizetype kMaximumLength = 1024;

bool initSodium()
{
    // sodium_init() is safe to call from several threads and more than once.
    return sodium_init() >= 0;
}

} // namespace

QString passwordProblem(const QString &password)
{
    if (password.size() < kMinimumLength)
        return QStringLiteral("Use a password of at least %1 characters.").arg(kMinimumLength);
    if (password.size() > kMaximumLength)
        return QStringLiteral("Use a password of at most %1 characters.").arg(kMaximumLength);
    if (password.trimmed().isEmpty())
        return QStringLiteral("Use a password that is not only spaces.");
    return {};
}

Result<QByteArray> hashPassword(const QString &password)
{
    if (!initSodium())
        return failure(QStringLiteral("Cannot initialise libsodium."));
    const QByteArray utf8 = password.toUtf8();
    QByteArray hash(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str(hash.data(), utf8.constData(), quint64(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return failure(QStringLiteral("Cannot hash the password: the engine is out of memory."));
    hash.truncate(qsizetype(qstrlen(hash.constData())));
    return hash;
}

bool verifyPassword(const QString &password, const QByteArray &hash)
{
    if (!initSodium() || hash.isEmpty())
        return false;
    const QByteArray utf8 = password.toUtf8();
    const QByteArray terminated = hash + '\0';
    return crypto_pwhash_str_verify(terminated.constData(), utf8.constData(), quint64(utf8.size()))
           == 0;
}

QByteArray randomToken()
{
    // QRandomGenerator::system() reads the operating system's cryptographic generator.
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / 4);
    return bytes.toHex();
}

QString tokenDigest(const QByteArray &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

} // namespace hub::accounts
