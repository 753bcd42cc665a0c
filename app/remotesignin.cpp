// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "remotesignin.h"

#include "engineclient.h"
#include "mainwindow.h"
#include "sessioninfo.h"
#include "settings.h"
#include "signindialog.h"
#include "tokenstore.h"

#include <QApplication>
#include <QJsonObject>

#include <algorithm>

namespace hubdesk {

namespace {

// How long before the access token expires it is refreshed, in seconds.
constexpr qint64 kRefreshMarginSeconds = 60;

} // namespace

RemoteSignIn::RemoteSignIn(EngineClient *client, MainWindow *window, Settings *settings,
                           TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_window(window)
    , m_settings(settings)
    , m_tokens(tokens)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &RemoteSignIn::refresh);
    connect(m_window, &MainWindow::signOutRequested, this, &RemoteSignIn::signOut);
}

QString RemoteSignIn::caFileFor(const QUrl &url) const
{
    const QString chosen = m_settings->caFileFor(url);
    return chosen.isEmpty() ? m_settings->caFile() : chosen;
}

QString RemoteSignIn::keychainEntry() const
{
    return TokenStore::entryName(m_settings->remoteUser(), m_url.authority());
}

void RemoteSignIn::start(const QUrl &url)
{
    m_url = url.isValid() ? url : m_settings->remoteUrl();
    if (!m_url.isValid() || !m_settings->rememberSignIn() || m_settings->remoteUser().isEmpty()) {
        showDialog();
        return;
    }
    connect(m_tokens, &TokenStore::loaded, this, &RemoteSignIn::resumeRemembered,
            Qt::SingleShotConnection);
    m_tokens->load(keychainEntry());
}

void RemoteSignIn::resumeRemembered(const QByteArray &refreshToken, const QString &error)
{
    if (refreshToken.isEmpty()) {
        showDialog();
        return;
    }
    m_client->setBaseUrl(m_url);
    // The CA file chosen for this engine at the last sign-in; a file that cannot be read any
    // more sends the user to the dialog, which names the problem.
    if (const QString path = caFileFor(m_url); !path.isEmpty()) {
        const CaFile ca = EngineClient::readCaFile(path);
        if (!ca.error.isEmpty()) {
            showDialog();
            return;
        }
        m_client->setCaCertificates(ca.certificates);
    }
    connect(m_client->refreshSession(refreshToken), &ApiJob::finished, this,
            [this](const ApiResult &result) {
                if (!result.ok()) {
                    showDialog();
                    return;
                }
                useTokens(result.body.object());
                connect(m_client->fetchSession(), &ApiJob::finished, this,
                        &RemoteSignIn::enterSession);
            });
}

void RemoteSignIn::enterSession(const ApiResult &result)
{
    if (!result.ok()) {
        showDialog();
        return;
    }
    const SessionInfo session = SessionInfo::fromJson(result.body.object());
    m_client->setDistrict(session.district.id);
    m_window->setSession(session);
    m_window->show();
    m_window->refreshAll();
}

void RemoteSignIn::showDialog()
{
    m_refreshTimer.stop();
    if (m_dialog)
        return;
    m_dialog = new SignInDialog(m_client, m_tokens, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setEngineUrl(m_url);
    m_dialog->setUser(m_settings->remoteUser());
    m_dialog->setRemember(m_settings->rememberSignIn());
    m_dialog->setCaFile(caFileFor(m_url));
    m_dialog->setRememberedCaFiles(m_settings->caFilesByEngine());
    connect(m_dialog, &QDialog::finished, this, &RemoteSignIn::onDialogFinished);
    m_dialog->open();
}

void RemoteSignIn::onDialogFinished(int result)
{
    if (result != QDialog::Accepted) {
        // Without a session the window has nothing to show.
        if (!m_window->session().isValid())
            QApplication::quit();
        return;
    }
    m_url = m_dialog->engineUrl();
    m_settings->setMode(Settings::Mode::Remote);
    m_settings->setRemoteUrl(m_url);
    m_settings->setRemoteUser(m_dialog->user());
    m_settings->setRememberSignIn(m_dialog->remember());
    m_settings->setCaFileFor(m_url, m_dialog->caFile());
    m_refreshToken = m_dialog->refreshToken();
    m_refreshTimer.start(std::chrono::seconds(
        std::max<qint64>(30, m_dialog->expiresIn() - kRefreshMarginSeconds)));

    m_window->setSession(m_dialog->session());
    m_window->show();
    m_window->refreshAll();
    if (!m_dialog->keychainWarning().isEmpty())
        m_window->showSignInNotRemembered(m_dialog->keychainWarning());
}

void RemoteSignIn::useTokens(const QJsonObject &body)
{
    m_client->setToken(body.value(QStringLiteral("accessToken")).toString().toLatin1());
    m_refreshToken = body.value(QStringLiteral("refreshToken")).toString().toLatin1();
    if (m_settings->rememberSignIn())
        m_tokens->save(keychainEntry(), m_refreshToken);
    const qint64 expiresIn = body.value(QStringLiteral("expiresIn")).toInteger();
    m_refreshTimer.start(
        std::chrono::seconds(std::max<qint64>(30, expiresIn - kRefreshMarginSeconds)));
}

void RemoteSignIn::refresh()
{
    connect(m_client->refreshSession(m_refreshToken), &ApiJob::finished, this,
            [this](const ApiResult &result) {
                if (result.ok()) {
                    useTokens(result.body.object());
                    return;
                }
                // A network failure leaves the session as it is until the token runs out.
                if (result.httpStatus == 0) {
                    m_refreshTimer.start(std::chrono::seconds(kRefreshMarginSeconds / 2));
                    return;
                }
                m_window->setSession({});
                showDialog();
            });
}

void RemoteSignIn::signOut()
{
    m_refreshTimer.stop();
    connect(m_client->signOut(), &ApiJob::finished, this, [this](const ApiResult &) {
        m_client->setToken({});
        m_refreshToken.clear();
        if (m_settings->rememberSignIn())
            m_tokens->remove(keychainEntry());
        m_window->setSession({});
        m_window->clearPages();
        m_window->hide();
        showDialog();
    });
}

} // namespace hubdesk
