// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "sessioninfo.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hubdesk {

class ApiJob;
class EngineClient;
class TokenStore;
struct ApiResult;

// Signs in to a remote engine: its URL, the user name and password, an optional CA file that
// the engine's certificate chains to, and "Remember me", which keeps the refresh token in the
// system keychain. On success the client carries the new access token and trusts the CA file's
// certificates, and the dialog is accepted. Failures show under the fields and keep it open.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    SignInDialog(EngineClient *client, TokenStore *tokens, QWidget *parent = nullptr);
    ~SignInDialog() override;

    void setEngineUrl(const QUrl &url);
    void setUser(const QString &user);
    void setRemember(bool remember);
    // A PEM file of CA certificates to trust besides the system's; empty for none.
    void setCaFile(const QString &path);
    // The CA files chosen before, keyed by EngineClient::engineKey(); the CA file field takes
    // the one of the engine whose URL is entered.
    void setRememberedCaFiles(const QHash<QString, QString> &byEngine);

    QUrl engineUrl() const;
    QString user() const;
    bool remember() const;
    QString caFile() const;

    // Valid after the dialog was accepted.
    SessionInfo session() const { return m_session; }
    QByteArray refreshToken() const { return m_refreshToken; }
    // Seconds until the access token expires.
    qint64 expiresIn() const { return m_expiresIn; }
    // Why "Remember me" could not keep the sign-in, such as a missing keychain service; empty
    // when it could or when it was not asked for.
    QString keychainWarning() const { return m_keychainWarning; }

private:
    void signIn();
    void onSignedIn(const ApiResult &result);
    void onSession(const ApiResult &result);
    void showError(const QString &message);
    void setBusy(bool busy);
    // Puts the cursor in the engine URL, user name or password field, the first one empty.
    void focusFirstEmptyField();
    // Returns why the URL cannot be used, or an empty string.
    QString urlProblem(const QUrl &url) const;
    void chooseCaFile();
    void fillRememberedCaFile();

    EngineClient *m_client;
    TokenStore *m_tokens;
    QLineEdit *m_url;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLineEdit *m_caFile;
    QPushButton *m_caFileButton;
    QCheckBox *m_remember;
    QLabel *m_error;
    QPushButton *m_signInButton;
    QPointer<ApiJob> m_job;
    SessionInfo m_session;
    QByteArray m_refreshToken;
    qint64 m_expiresIn = 0;
    QString m_keychainWarning;
    QHash<QString, QString> m_rememberedCaFiles;
};

} // namespace hubdesk
