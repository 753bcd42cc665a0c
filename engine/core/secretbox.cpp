// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "secretbox.h"

#include "core/logging.h"

#include <QDir>
#include <QFile>

#include <sodium.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hub {

namespace {

const QByteArray kPrefix = QByteArrayLiteral("v1:");

Result<void> initSodium()
{
    // sodium_init() is safe to call from several threads and more than once.
    if (sodium_init() < 0)
        return failure(QStringLiteral("Cannot initialise libsodium."));
    return {};
}

Result<QByteArray> createKeyFile(const QString &path)
{
    QByteArray key(crypto_secretbox_KEYBYTES, Qt::Uninitialized);
    randombytes_buf(key.data(), size_t(key.size()));

    // O_EXCL with mode 0600 gives the file its permissions as it is created, so the key is
    // never readable by others, not even for a moment.
    const QByteArray nativePath = QFile::encodeName(path);
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return failure(QStringLiteral("Cannot create the secret key file %1: %2")
                           .arg(path, QString::fromLocal8Bit(strerror(errno))));
    const ssize_t written = ::write(fd, key.constData(), size_t(key.size()));
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (written != key.size() || !synced) {
        QFile::remove(path);
        return failure(QStringLiteral("Cannot write the secret key file %1.").arg(path));
    }
    qCInfo(lcDestinations) << "Created the secret key file" << path;
    return key;
}

} // namespace

SecretBox::SecretBox(QByteArray key)
    : m_key(std::move(key))
{}

QString SecretBox::keyPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("secret.key"));
}

Result<SecretBox> SecretBox::openOrCreate(const QString &dataDir)
{
    if (auto initialised = initSodium(); !initialised)
        return failure(initialised.error());

    const QString path = keyPath(dataDir);
    QFile file(path);
    if (!file.exists()) {
        auto created = createKeyFile(path);
        if (!created)
            return failure(created.error());
        return SecretBox(*created);
    }

    if (!file.open(QIODevice::ReadOnly))
        return failure(
            QStringLiteral("Cannot read the secret key file %1: %2").arg(path, file.errorString()));
    const QByteArray key = file.readAll();
    if (key.size() != crypto_secretbox_KEYBYTES)
        return failure(QStringLiteral("The secret key file %1 has %2 bytes; it must have %3. "
                                      "Restore it from a backup; without it the stored "
                                      "secrets cannot be read.")
                           .arg(path)
                           .arg(key.size())
                           .arg(crypto_secretbox_KEYBYTES));

    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                            | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (file.permissions() & others) {
        qCWarning(lcDestinations) << "The secret key file" << path
                                  << "was readable by other users; setting its mode to 0600";
        ::chmod(QFile::encodeName(path).constData(), 0600);
    }
    return SecretBox(key);
}

QByteArray SecretBox::seal(const QByteArray &plainText) const
{
    QByteArray box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plainText.size(),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(box.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(plainText.constData()),
                          quint64(plainText.size()), nonce,
                          reinterpret_cast<const unsigned char *>(m_key.constData()));
    return kPrefix + box.toBase64();
}

Result<QByteArray> SecretBox::open(const QByteArray &sealed) const
{
    if (!sealed.startsWith(kPrefix))
        return failure(QStringLiteral("The stored secret has an unknown format."));
    const QByteArray box = QByteArray::fromBase64(sealed.mid(kPrefix.size()));
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (box.size() < overhead)
        return failure(QStringLiteral("The stored secret is truncated."));

    QByteArray plainText(box.size() - overhead, Qt::Uninitialized);
    const auto *nonce = reinterpret_cast<const unsigned char *>(box.constData());
    const int opened = crypto_secretbox_open_easy(
        reinterpret_cast<unsigned char *>(plainText.data()), nonce + crypto_secretbox_NONCEBYTES,
        quint64(box.size() - crypto_secretbox_NONCEBYTES), nonce,
        reinterpret_cast<const unsigned char *>(m_key.constData()));
    if (opened != 0)
        return failure(QStringLiteral("A stored secret cannot be decrypted with the key in "
                                      "secret.key; was the key file replaced? Enter the "
                                      "secret again."));
    return plainText;
}

} // namespace hub
