// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "tokenstore.h"

#include "clientlogging.h"

#include <qt6keychain/keychain.h>

namespace hubdesk {

namespace {

const QString kService = QStringLiteral("hubdesk");

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
    return tr("No system keychain is available (%1), so the sign-in is not remembered and "
              "you will enter your password next time. Start a Secret Service such as GNOME "
              "Keyring or KWallet to remember it.")
        .arg(detail);
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
            qCWarning(lcClient).noquote() << "Cannot save the refresh token of" << entry << "in the keychain:"
                                          << finished->errorString();
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
