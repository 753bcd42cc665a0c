// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "tokenstore.h"

#include "clientlogging.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>

#include <qt6keychain/keychain.h>

#include <algorithm>

namespace hubdesk {

namespace {

const QString kService = QStringLiteral("hubdesk");

// The D-Bus names of the keychain services that QtKeychain uses on Linux: the Secret Service
// (GNOME Keyring, KeePassXC) and KWallet 5 and 6.
const QStringList kKeychainServices{QStringLiteral("org.freedesktop.secrets"),
                                    QStringLiteral("org.kde.kwalletd5"),
                                    QStringLiteral("org.kde.kwalletd6")};

} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{}

QString TokenStore::entryName(const QString &user, const QString &engineAuthority)
{
    return user + QLatin1Char('@') + engineAuthority;
}

QString TokenStore::errorMessage(int code, const QString &detail)
{
    switch (QKeychain::Error(code)) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return tr("No sign-in is remembered for this engine and user.");
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return tr("The system keychain denied access (%1), so the sign-in is not remembered.")
            .arg(detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    //: %1 is a reason such as "no Secret Service or KWallet is running".
    return tr("Hubdesk cannot keep the sign-in in the system keychain because %1. You will "
              "enter your password at the next start. To be remembered, start GNOME Keyring, "
              "KWallet or another Secret Service, then sign in with \"Remember me on this "
              "computer\" ticked.")
        .arg(unavailableReason(detail));
}

QString TokenStore::unavailableReason(const QString &detail)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return tr("this desktop session has no D-Bus session bus");
    if (const QDBusConnectionInterface *services = bus.interface()) {
        const QDBusReply<QStringList> activatable = services->activatableServiceNames();
        const bool found = std::any_of(
            kKeychainServices.cbegin(), kKeychainServices.cend(), [&](const QString &name) {
                return services->isServiceRegistered(name).value()
                       || (activatable.isValid() && activatable.value().contains(name));
            });
        if (!found)
            return tr("no Secret Service or KWallet is running");
    }
    // QtKeychain 0.13.2 gives the text "Unknown error" for failures it cannot explain.
    if (detail.isEmpty() || detail == QLatin1String("Unknown error"))
        return tr("the keychain service gave no reason");
    //: %1 is the keychain library's own error text, usually in English.
    return tr("the keychain service reported: %1").arg(detail);
}

void TokenStore::save(const QString &entry, const QByteArray &token)
{
    auto job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(entry);
    job->setBinaryData(token);
    connect(job, &QKeychain::Job::finished, this, [this, entry](QKeychain::Job *finished) {
        const QString error = errorMessage(finished->error(), finished->errorString());
        if (error.isEmpty())
            qCInfo(lcClient) << "Saved the refresh token of" << entry << "in the keychain";
        else
            qCWarning(lcClient).noquote()
                << "Cannot save the refresh token of" << entry
                << "in the keychain:" << finished->errorString() << "-" << error;
        emit saved(error);
    });
    job->start();
}

void TokenStore::load(const QString &entry)
{
    auto job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(entry);
    connect(job, &QKeychain::Job::finished, this, [this, entry](QKeychain::Job *finished) {
        const auto read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        const QString error = errorMessage(read->error(), read->errorString());
        if (!error.isEmpty())
            qCInfo(lcClient).noquote() << "No refresh token of" << entry << "from the keychain:"
                                       << read->errorString();
        emit loaded(error.isEmpty() ? read->binaryData() : QByteArray(), error);
    });
    job->start();
}

void TokenStore::remove(const QString &entry)
{
    auto job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(entry);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        const QKeychain::Error code = finished->error();
        emit removed(code == QKeychain::NoError || code == QKeychain::EntryNotFound
                         ? QString()
                         : errorMessage(code, finished->errorString()));
    });
    job->start();
}

} // namespace hubdesk
