// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "sftpdestination.h"

#include "core/logging.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtEndian>

#include <libssh/libssh.h>
#include <libssh/sftp.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

namespace hub::destinations {

namespace {

QString setting(const QJsonObject &object, const char *name)
{
    return object.value(QLatin1String(name)).toString().trimmed();
}

void logLine(const DeliveryIds &ids, const QString &message)
{
    qCInfo(lcDestinations).noquote() << QStringLiteral("Run %1 destination %2: %3")
                                            .arg(ids.runId)
                                            .arg(ids.destinationId)
                                            .arg(message);
}

// A pinned host key: either a whole public key from a known_hosts line or a SHA256 fingerprint.
struct PinnedHostKey
{
    QString keyType;
    QByteArray keyBase64;
    QString fingerprint;
};

Result<PinnedHostKey> parseHostKey(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("SHA256:"))) {
        QString fingerprint = trimmed;
        while (fingerprint.endsWith(QLatin1Char('=')))
            fingerprint.chop(1);
        if (fingerprint.size() != 7 + 43)
            return failure(QStringLiteral("The fingerprint \"%1\" is not a SHA256 fingerprint "
                                          "as ssh-keygen -l prints it.")
                               .arg(trimmed));
        return PinnedHostKey{{}, {}, fingerprint};
    }
    // known_hosts: [markers] hostnames keytype base64 [comment]; the type is the field before
    // the Base64 key.
    const QStringList fields
        = trimmed.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i + 1 < fields.size(); ++i) {
        if (ssh_key_type_from_name(fields[i].toLatin1().constData()) != SSH_KEYTYPE_UNKNOWN)
            return PinnedHostKey{fields[i], fields[i + 1].toLatin1(), {}};
    }
    return failure(QStringLiteral("Enter the host key as a known_hosts line (\"host ssh-ed25519 "
                                  "AAAA...\") or a fingerprint (\"SHA256:...\")."));
}

QString sha256Fingerprint(ssh_key key)
{
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != SSH_OK)
        return {};
    QByteArray base64 = QByteArray(reinterpret_cast<const char *>(hash), qsizetype(length))
                            .toBase64(QByteArray::OmitTrailingEquals);
    ssh_clean_pubkey_hash(&hash);
    return QStringLiteral("SHA256:") + QString::fromLatin1(base64);
}

QString sftpErrorText(int code)
{
    switch (code) {
    case SSH_FX_NO_SUCH_FILE:
        return QStringLiteral("no such file or folder");
    case SSH_FX_PERMISSION_DENIED:
        return QStringLiteral("permission denied");
    case SSH_FX_FILE_ALREADY_EXISTS:
        return QStringLiteral("the file already exists");
    case SSH_FX_OP_UNSUPPORTED:
        return QStringLiteral("operation not supported");
    case SSH_FX_CONNECTION_LOST:
    case SSH_FX_NO_CONNECTION:
        return QStringLiteral("connection lost");
    default:
        return QStringLiteral("SFTP status %1").arg(code);
    }
}

QString joinRemote(const QString &folder, const QString &path)
{
    if (folder.isEmpty() || folder == QLatin1String("."))
        return path;
    if (folder.endsWith(QLatin1Char('/')))
        return folder + path;
    return folder + QLatin1Char('/') + path;
}

} // namespace

// One SSH connection with its SFTP session; closes both when destroyed.
class SftpDestination::Connection
{
public:
    explicit Connection(const QJsonObject &settings, const QJsonObject &secrets)
        : m_settings(settings)
        , m_secrets(secrets)
    {}

    ~Connection()
    {
        if (m_sftp)
            sftp_free(m_sftp);
        if (m_session) {
            if (ssh_is_connected(m_session))
                ssh_disconnect(m_session);
            ssh_free(m_session);
        }
    }

    Attempt open();
    Attempt upload(const QString &sourceFile, const QString &temporary, const DeliveryIds &ids);
    Attempt replace(const QString &temporary, const QString &target, const DeliveryIds &ids);
    Attempt ensureFolder(const QString &folder);
    Attempt checkFolder(const QString &folder);
    void removeQuietly(const QString &path);

private:
    Attempt verifyHostKey();
    Attempt authenticate();
    Result<void> posixRename(const QString &from, const QString &to);
    Attempt sftpFailure(const QString &what) const;

    QJsonObject m_settings;
    QJsonObject m_secrets;
    ssh_session m_session = nullptr;
    sftp_session m_sftp = nullptr;
    int m_timeoutMs = 60000;
};

Attempt SftpDestination::Connection::open()
{
    const QByteArray host = setting(m_settings, "host").toUtf8();
    const QByteArray user = setting(m_settings, "username").toUtf8();
    unsigned int port = unsigned(m_settings.value(QStringLiteral("port")).toInt(22));
    long timeoutSeconds = m_settings.value(QStringLiteral("timeoutSeconds")).toInt(60);
    m_timeoutMs = int(timeoutSeconds * 1000);
    const int noConfig = 0;

    m_session = ssh_new();
    if (!m_session)
        return Attempt::permanent(QStringLiteral("Cannot create an SSH session."));
    ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeoutSeconds);
    // The host key is checked against the pinned key, never against ~/.ssh files.
    ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &noConfig);
    ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
    ssh_options_set(m_session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    auto pinned = parseHostKey(setting(m_settings, "hostKey"));
    if (pinned && !pinned->keyType.isEmpty()) {
        // Ask for the pinned key's type, so a server with several host keys offers that one.
        ssh_options_set(m_session, SSH_OPTIONS_HOSTKEYS, pinned->keyType.toLatin1().constData());
    }

    if (ssh_connect(m_session) != SSH_OK)
        return Attempt::transient(QStringLiteral("Cannot connect to %1 port %2: %3")
                                      .arg(QString::fromUtf8(host))
                                      .arg(port)
                                      .arg(QString::fromUtf8(ssh_get_error(m_session))));

    // Without TCP_NODELAY, Nagle's algorithm delays libssh's small packets and uploads crawl.
    const int one = 1;
    const socket_t fd = ssh_get_fd(m_session);
    if (fd != SSH_INVALID_SOCKET
        && ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) != 0)
        qCWarning(lcDestinations) << "Cannot set TCP_NODELAY on the SSH socket to" << host;

    if (Attempt verified = verifyHostKey(); !verified.ok())
        return verified;
    if (Attempt signedIn = authenticate(); !signedIn.ok())
        return signedIn;

    m_sftp = sftp_new(m_session);
    if (!m_sftp || sftp_init(m_sftp) != SSH_OK)
        return Attempt::transient(
            QStringLiteral("Cannot start SFTP on %1: %2")
                .arg(QString::fromUtf8(host), QString::fromUtf8(ssh_get_error(m_session))));
    return Attempt::succeeded({}, 0);
}

Attempt SftpDestination::Connection::verifyHostKey()
{
    auto pinned = parseHostKey(setting(m_settings, "hostKey"));
    if (!pinned)
        return Attempt::permanent(pinned.error());

    ssh_key serverKey = nullptr;
    if (ssh_get_server_publickey(m_session, &serverKey) != SSH_OK)
        return Attempt::transient(QStringLiteral("The server sent no host key: %1")
                                      .arg(QString::fromUtf8(ssh_get_error(m_session))));
    const QString offered = sha256Fingerprint(serverKey);
    bool matches = false;
    QString expected = pinned->fingerprint;
    if (!pinned->keyBase64.isEmpty()) {
        ssh_key pinnedKey = nullptr;
        const enum ssh_keytypes_e type
            = ssh_key_type_from_name(pinned->keyType.toLatin1().constData());
        if (ssh_pki_import_pubkey_base64(pinned->keyBase64.constData(), type, &pinnedKey)
            != SSH_OK) {
            ssh_key_free(serverKey);
            return Attempt::permanent(
                QStringLiteral("The pinned host key is not a valid %1 key.").arg(pinned->keyType));
        }
        matches = ssh_key_cmp(pinnedKey, serverKey, SSH_KEY_CMP_PUBLIC) == 0;
        expected = sha256Fingerprint(pinnedKey);
        ssh_key_free(pinnedKey);
    } else {
        matches = offered == pinned->fingerprint;
    }
    ssh_key_free(serverKey);

    if (!matches)
        return Attempt::permanent(QStringLiteral("Host key mismatch for %1: the server offered %2 "
                                                 "but the destination pins %3. If the server's "
                                                 "key was changed on purpose, update the pinned "
                                                 "key; otherwise someone may be intercepting the "
                                                 "connection.")
                                      .arg(setting(m_settings, "host"), offered, expected));
    return Attempt::succeeded({}, 0);
}

Attempt SftpDestination::Connection::authenticate()
{
    const QString user = setting(m_settings, "username");
    int result = SSH_AUTH_DENIED;
    if (setting(m_settings, "authentication") == QLatin1String("password")) {
        const QByteArray password = m_secrets.value(QStringLiteral("password")).toString().toUtf8();
        result = ssh_userauth_password(m_session, nullptr, password.constData());
    } else {
        const QByteArray keyText
            = m_secrets.value(QStringLiteral("privateKey")).toString().toUtf8();
        const QByteArray passphrase
            = m_secrets.value(QStringLiteral("privateKeyPassphrase")).toString().toUtf8();
        ssh_key key = nullptr;
        if (ssh_pki_import_privkey_base64(keyText.constData(),
                                          passphrase.isEmpty() ? nullptr : passphrase.constData(),
                                          nullptr, nullptr, &key)
            != SSH_OK)
            return Attempt::permanent(QStringLiteral("The private key cannot be read; check the "
                                                     "key text and its passphrase."));
        result = ssh_userauth_publickey(m_session, nullptr, key);
        ssh_key_free(key);
    }

    if (result == SSH_AUTH_SUCCESS)
        return Attempt::succeeded({}, 0);
    if (result == SSH_AUTH_ERROR)
        return Attempt::transient(QStringLiteral("Signing in as %1 failed: %2")
                                      .arg(user, QString::fromUtf8(ssh_get_error(m_session))));
    return Attempt::permanent(QStringLiteral("Authentication failed for user %1 on %2; check the "
                                             "user name and the key or password.")
                                  .arg(user, setting(m_settings, "host")));
}

Attempt SftpDestination::Connection::sftpFailure(const QString &what) const
{
    const int code = sftp_get_error(m_sftp);
    const QString message = QStringLiteral("%1: %2.").arg(what, sftpErrorText(code));
    if (code == SSH_FX_CONNECTION_LOST || code == SSH_FX_NO_CONNECTION || code == SSH_FX_OK)
        return Attempt::transient(message);
    return Attempt::permanent(message);
}

Attempt SftpDestination::Connection::checkFolder(const QString &folder)
{
    sftp_attributes attributes = sftp_stat(m_sftp, folder.toUtf8().constData());
    if (!attributes)
        return sftpFailure(QStringLiteral("Cannot open the remote folder %1").arg(folder));
    const bool isFolder = attributes->type == SSH_FILEXFER_TYPE_DIRECTORY;
    sftp_attributes_free(attributes);
    if (!isFolder)
        return Attempt::permanent(
            QStringLiteral("The remote path %1 is not a folder.").arg(folder));
    return Attempt::succeeded({}, 0);
}

Attempt SftpDestination::Connection::ensureFolder(const QString &folder)
{
    if (folder.isEmpty())
        return Attempt::succeeded({}, 0);
    sftp_attributes attributes = sftp_stat(m_sftp, folder.toUtf8().constData());
    if (attributes) {
        sftp_attributes_free(attributes);
        return Attempt::succeeded({}, 0);
    }
    const QString parent = folder.section(QLatin1Char('/'), 0, -2);
    if (!parent.isEmpty() && parent != folder) {
        if (Attempt made = ensureFolder(parent); !made.ok())
            return made;
    }
    if (sftp_mkdir(m_sftp, folder.toUtf8().constData(), 0750) != SSH_OK
        && sftp_get_error(m_sftp) != SSH_FX_FILE_ALREADY_EXISTS)
        return sftpFailure(QStringLiteral("Cannot create the remote folder %1").arg(folder));
    return Attempt::succeeded({}, 0);
}

Attempt SftpDestination::Connection::upload(const QString &sourceFile, const QString &temporary,
                                            const DeliveryIds &ids)
{
    QFile source(sourceFile);
    if (!source.open(QIODevice::ReadOnly))
        return Attempt::permanent(
            QStringLiteral("Cannot read %1: %2").arg(sourceFile, source.errorString()));

    sftp_file remote
        = sftp_open(m_sftp, temporary.toUtf8().constData(), O_WRONLY | O_CREAT | O_TRUNC, 0640);
    if (!remote)
        return sftpFailure(QStringLiteral("Cannot create %1").arg(temporary));
    logLine(ids, QStringLiteral("Writing %1 bytes to the temporary file %2.")
                     .arg(source.size())
                     .arg(temporary));

    qint64 bytes = 0;
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(maxWriteBytes);
        if (chunk.isEmpty()) {
            sftp_close(remote);
            return Attempt::permanent(
                QStringLiteral("Cannot read %1: %2").arg(sourceFile, source.errorString()));
        }
        const ssize_t written = sftp_write(remote, chunk.constData(), size_t(chunk.size()));
        if (written != chunk.size()) {
            Attempt failed = sftpFailure(
                QStringLiteral("Writing %1 failed after %2 bytes").arg(temporary).arg(bytes));
            sftp_close(remote);
            return failed;
        }
        bytes += written;
    }
    if (sftp_close(remote) != SSH_NO_ERROR)
        return sftpFailure(QStringLiteral("Cannot finish %1").arg(temporary));
    return Attempt::succeeded(temporary, bytes);
}

Result<void> SftpDestination::Connection::posixRename(const QString &from, const QString &to)
{
    // libssh 0.10 has no call for this OpenSSH extension, so the request goes over the SFTP
    // channel directly. Nothing else is outstanding on the channel at this point, so the
    // next packet that arrives is this request's status reply.
    const QByteArray name = QByteArrayLiteral("posix-rename@openssh.com");
    const QByteArray fromUtf8 = from.toUtf8();
    const QByteArray toUtf8 = to.toUtf8();
    const auto appendString = [](QByteArray &packet, const QByteArray &text) {
        char length[4];
        qToBigEndian(quint32(text.size()), length);
        packet.append(length, 4).append(text);
    };
    constexpr quint32 requestId = 0x7fff0001;
    QByteArray body;
    body.append(char(SSH_FXP_EXTENDED));
    char idBytes[4];
    qToBigEndian(requestId, idBytes);
    body.append(idBytes, 4);
    appendString(body, name);
    appendString(body, fromUtf8);
    appendString(body, toUtf8);
    QByteArray packet;
    appendString(packet, body);

    if (ssh_channel_write(m_sftp->channel, packet.constData(), uint32_t(packet.size()))
        != packet.size())
        return failure(QStringLiteral("Cannot send the rename request: %1")
                           .arg(QString::fromUtf8(ssh_get_error(m_session))));

    const auto readExactly = [this](QByteArray &buffer, qsizetype count) {
        buffer.resize(count);
        qsizetype done = 0;
        while (done < count) {
            const int read = ssh_channel_read_timeout(m_sftp->channel, buffer.data() + done,
                                                      uint32_t(count - done), 0, m_timeoutMs);
            if (read <= 0)
                return false;
            done += read;
        }
        return true;
    };
    QByteArray header;
    if (!readExactly(header, 4))
        return failure(QStringLiteral("No reply to the rename request."));
    const quint32 length = qFromBigEndian<quint32>(header.constData());
    QByteArray reply;
    if (length < 9 || length > 65536 || !readExactly(reply, length))
        return failure(QStringLiteral("An invalid reply to the rename request."));
    const auto type = quint8(reply.at(0));
    const quint32 id = qFromBigEndian<quint32>(reply.constData() + 1);
    const quint32 status = qFromBigEndian<quint32>(reply.constData() + 5);
    if (type != SSH_FXP_STATUS || id != requestId)
        return failure(
            QStringLiteral("An unexpected reply (type %1) to the rename request.").arg(type));
    if (status != SSH_FX_OK)
        return failure(sftpErrorText(int(status)));
    return {};
}

Attempt SftpDestination::Connection::replace(const QString &temporary, const QString &target,
                                             const DeliveryIds &ids)
{
    const QByteArray from = temporary.toUtf8();
    const QByteArray to = target.toUtf8();
    if (sftp_extension_supported(m_sftp, "posix-rename@openssh.com", "1")) {
        if (auto renamed = posixRename(temporary, target); !renamed)
            return Attempt::permanent(QStringLiteral("Cannot rename %1 to %2 with "
                                                     "posix-rename@openssh.com: %3")
                                          .arg(temporary, target, renamed.error()));
        logLine(ids, QStringLiteral("Renamed %1 to %2 with posix-rename@openssh.com.")
                         .arg(temporary, target));
        return Attempt::succeeded(target, 0);
    }

    // SFTP version 3 rename fails when the target exists, and without the extension there is
    // no atomic replace: the old file is removed first, which leaves a short window with no
    // file but never a partial one.
    sftp_attributes attributes = sftp_stat(m_sftp, to.constData());
    const bool existed = attributes != nullptr;
    if (existed) {
        sftp_attributes_free(attributes);
        if (sftp_unlink(m_sftp, to.constData()) != SSH_OK)
            return sftpFailure(QStringLiteral("Cannot remove the old %1").arg(target));
    }
    if (sftp_rename(m_sftp, from.constData(), to.constData()) != SSH_OK)
        return sftpFailure(QStringLiteral("Cannot rename %1 to %2").arg(temporary, target));
    logLine(ids, QStringLiteral("The server lacks posix-rename@openssh.com; %1 %2 to %3.")
                     .arg(existed ? QStringLiteral("removed the old file, then renamed")
                                  : QStringLiteral("renamed"),
                          temporary, target));
    return Attempt::succeeded(target, 0);
}

void SftpDestination::Connection::removeQuietly(const QString &path)
{
    if (m_sftp)
        sftp_unlink(m_sftp, path.toUtf8().constData());
}

SftpDestination::SftpDestination(const QJsonObject &settings, const QJsonObject &secrets)
    : m_settings(settings)
    , m_secrets(secrets)
{}

QJsonObject SftpDestination::validateSettings(const QJsonObject &settings,
                                              const QJsonObject &secrets)
{
    QJsonObject errors;
    if (setting(settings, "host").isEmpty())
        errors.insert(QStringLiteral("settings.host"),
                      QStringLiteral("Enter the SFTP server's host name."));
    const QJsonValue port = settings.value(QStringLiteral("port"));
    if (!port.isUndefined() && (!port.isDouble() || port.toInt() < 1 || port.toInt() > 65535))
        errors.insert(QStringLiteral("settings.port"),
                      QStringLiteral("Enter a port from 1 to 65535."));
    if (setting(settings, "username").isEmpty())
        errors.insert(QStringLiteral("settings.username"), QStringLiteral("Enter the user name."));
    if (auto pinned = parseHostKey(setting(settings, "hostKey")); !pinned)
        errors.insert(QStringLiteral("settings.hostKey"), pinned.error());

    const QString authentication = setting(settings, "authentication");
    if (authentication == QLatin1String("password")) {
        if (secrets.value(QStringLiteral("password")).toString().isEmpty())
            errors.insert(QStringLiteral("settings.password"),
                          QStringLiteral("Enter the password."));
    } else if (authentication == QLatin1String("privateKey")) {
        if (!secrets.value(QStringLiteral("privateKey"))
                 .toString()
                 .contains(QLatin1String("PRIVATE KEY")))
            errors.insert(QStringLiteral("settings.privateKey"),
                          QStringLiteral("Paste the private key, from its BEGIN line to its END "
                                         "line."));
    } else {
        errors.insert(QStringLiteral("settings.authentication"),
                      QStringLiteral("Choose privateKey or password."));
    }
    const QString folder = setting(settings, "remoteFolder");
    if (folder.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        errors.insert(QStringLiteral("settings.remoteFolder"),
                      QStringLiteral("The remote folder must not contain \"..\"."));
    return errors;
}

Attempt SftpDestination::testConnection()
{
    Connection connection(m_settings, m_secrets);
    if (Attempt opened = connection.open(); !opened.ok())
        return opened;
    QString folder = setting(m_settings, "remoteFolder");
    if (folder.isEmpty())
        folder = QStringLiteral(".");
    if (Attempt checked = connection.checkFolder(folder); !checked.ok()) {
        // Deliveries create missing folders, so a folder that does not exist yet is no error.
        if (!checked.message.contains(QLatin1String("no such file")))
            return checked;
        return Attempt::succeeded({}, 0,
                                  QStringLiteral("Signed in to %1; the folder %2 does not "
                                                 "exist yet and will be created by the "
                                                 "first delivery.")
                                      .arg(setting(m_settings, "host"), folder));
    }
    return Attempt::succeeded({}, 0,
                              QStringLiteral("Signed in to %1 and found the folder %2.")
                                  .arg(setting(m_settings, "host"), folder));
}

Attempt SftpDestination::deliver(const QString &sourceFile, const QString &remotePath,
                                 const DeliveryIds &ids)
{
    Connection connection(m_settings, m_secrets);
    logLine(ids, QStringLiteral("Connecting to %1 port %2 as %3.")
                     .arg(setting(m_settings, "host"))
                     .arg(m_settings.value(QStringLiteral("port")).toInt(22))
                     .arg(setting(m_settings, "username")));
    if (Attempt opened = connection.open(); !opened.ok())
        return opened;

    const QString target = joinRemote(setting(m_settings, "remoteFolder"), remotePath);
    const QString folder
        = target.contains(QLatin1Char('/')) ? target.section(QLatin1Char('/'), 0, -2) : QString();
    const QString baseName = target.section(QLatin1Char('/'), -1);
    // A leading dot and the .part suffix keep receivers that watch for *.csv from picking the
    // file up before the rename.
    const QString temporaryName = QStringLiteral(".%1.hubd-%2.part").arg(baseName).arg(ids.runId);
    const QString temporary = joinRemote(folder, temporaryName);

    if (Attempt made = connection.ensureFolder(folder); !made.ok())
        return made;
    const Attempt uploaded = connection.upload(sourceFile, temporary, ids);
    if (!uploaded.ok()) {
        connection.removeQuietly(temporary);
        return uploaded;
    }
    Attempt replaced = connection.replace(temporary, target, ids);
    if (!replaced.ok()) {
        connection.removeQuietly(temporary);
        return replaced;
    }
    return Attempt::succeeded(target, uploaded.bytes);
}

} // namespace hub::destinations
