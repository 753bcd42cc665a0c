// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

namespace hubdesk {

// Keeps a remote engine's refresh token in the system keychain (the Secret Service or KWallet
// through QtKeychain), so "Remember me" signs in again without the password. Nothing is
// written elsewhere: without a keychain service the token is not remembered, and the error
// message tells the user.
class TokenStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    explicit TokenStore(QObject *parent = nullptr);

    // The keychain entry's name for a user of an engine, such as "ada@hub.example.org:8470".
    static QString entryName(const QString &user, const QString &engineAuthority);

    // Each call finishes with its signal; error is empty on success.
    void save(const QString &entry, const QByteArray &token);
    void load(const QString &entry);
    void remove(const QString &entry);

signals:
    void saved(const QString &error);
    void loaded(const QByteArray &token, const QString &error);
    void removed(const QString &error);

private:
    static QString errorMessage(int code, const QString &detail);
    // The reason, in the user's words, that no keychain service stored the token, for errors
    // that QtKeychain's own text does not explain.
    static QString unavailableReason(const QString &detail);
};

} // namespace hubdesk
