// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QHash>
#include <QSettings>
#include <QString>
#include <QUrl>

namespace hubdesk {

// The console's persistent settings with their types and defaults, so no other code spells a
// QSettings key.
class Settings final
{
    Q_DISABLE_COPY_MOVE(Settings)

public:
    // Local: hubdesk starts its own engine. Remote: it connects to an engine at remoteUrl().
    enum class Mode { Local, Remote };

    // The user's settings under the application's organization and name.
    Settings();
    // Settings in an INI file, for tests.
    explicit Settings(const QString &iniFile);

    Mode mode() const;
    void setMode(Mode mode);
    // The remote engine's base URL; empty until the user enters one.
    QUrl remoteUrl() const;
    void setRemoteUrl(const QUrl &url);
    // A PEM file of CA certificates that the console trusts for remote engines; empty for none.
    QString caFile() const;
    void setCaFile(const QString &path);
    // The CA file chosen in the sign-in dialog for one engine, by scheme, host and port; empty
    // when none was chosen, and then caFile() applies.
    QString caFileFor(const QUrl &engine) const;
    void setCaFileFor(const QUrl &engine, const QString &path);
    // Every engine's CA file, keyed as EngineClient::engineKey() names engines.
    QHash<QString, QString> caFilesByEngine() const;
    // The console's language code ("es"), or an empty string to follow the system locale.
    QString language() const;
    void setLanguage(const QString &code);
    // Whether the console uses its high-contrast palette; off by default.
    bool highContrast() const;
    void setHighContrast(bool on);
    // The user name last signed in to the remote engine; empty at first.
    QString remoteUser() const;
    void setRemoteUser(const QString &user);
    // Whether the refresh token is kept in the system keychain; false at first.
    bool rememberSignIn() const;
    void setRememberSignIn(bool remember);
    // QWidget::saveGeometry() and QMainWindow::saveState() of the main window; empty at first.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    // Writes pending changes to storage; QSettings also does so on its own.
    void sync();

private:
    QSettings m_settings;
};

} // namespace hubdesk
