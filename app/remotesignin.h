// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace hubdesk {

class EngineClient;
class MainWindow;
class Settings;
class SignInDialog;
class TokenStore;
struct ApiResult;

// Remote mode: signs the user in to an engine, with the remembered refresh token from the
// keychain when there is one and the sign-in dialog otherwise. Refreshes the access token
// before it expires, and signs out when the main window requests it.
class RemoteSignIn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteSignIn)

public:
    RemoteSignIn(EngineClient *client, MainWindow *window, Settings *settings,
                 TokenStore *tokens, QObject *parent = nullptr);

    // Starts with the engine at url, or the last one used when url is empty.
    void start(const QUrl &url);

private:
    void resumeRemembered(const QByteArray &refreshToken, const QString &error);
    void showDialog();
    void onDialogFinished(int result);
    // Takes new tokens from a sign-in or refresh body and schedules the next refresh.
    void useTokens(const QJsonObject &body);
    void refresh();
    void signOut();
    void enterSession(const ApiResult &session);
    QString keychainEntry() const;
    // The CA file for the engine at url: the one chosen for it in the dialog, else the one of
    // hubdesk --ca-file, else none.
    QString caFileFor(const QUrl &url) const;

    EngineClient *m_client;
    MainWindow *m_window;
    Settings *m_settings;
    TokenStore *m_tokens;
    QUrl m_url;
    QByteArray m_refreshToken;
    QTimer m_refreshTimer;
    QPointer<SignInDialog> m_dialog;
};

} // namespace hubdesk
