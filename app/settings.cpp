// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "settings.h"

#include "engineclient.h"

namespace hubdesk {

namespace {

const QString kModeKey = QStringLiteral("engine/mode");
const QString kRemoteUrlKey = QStringLiteral("engine/remoteUrl");
const QString kCaFileKey = QStringLiteral("engine/caFile");
const QString kCaFilesByEngineKey = QStringLiteral("engine/caFilesByEngine");
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kHighContrastKey = QStringLiteral("ui/highContrast");
const QString kRemoteUserKey = QStringLiteral("engine/remoteUser");
const QString kRememberSignInKey = QStringLiteral("engine/rememberSignIn");
const QString kWindowGeometryKey = QStringLiteral("window/geometry");
const QString kWindowStateKey = QStringLiteral("window/state");

} // namespace

Settings::Settings() = default;

Settings::Settings(const QString &iniFile)
    : m_settings(iniFile, QSettings::IniFormat)
{}

Settings::Mode Settings::mode() const
{
    return m_settings.value(kModeKey).toString() == QLatin1String("remote") ? Mode::Remote
                                                                            : Mode::Local;
}

void Settings::setMode(Mode mode)
{
    m_settings.setValue(kModeKey,
                        mode == Mode::Remote ? QStringLiteral("remote") : QStringLiteral("local"));
}

QUrl Settings::remoteUrl() const
{
    return QUrl(m_settings.value(kRemoteUrlKey).toString());
}

void Settings::setRemoteUrl(const QUrl &url)
{
    m_settings.setValue(kRemoteUrlKey, url.toString());
}

QString Settings::caFile() const
{
    return m_settings.value(kCaFileKey).toString();
}

void Settings::setCaFile(const QString &path)
{
    m_settings.setValue(kCaFileKey, path);
}

QString Settings::caFileFor(const QUrl &engine) const
{
    return caFilesByEngine().value(EngineClient::engineKey(engine));
}

void Settings::setCaFileFor(const QUrl &engine, const QString &path)
{
    QVariantMap files = m_settings.value(kCaFilesByEngineKey).toMap();
    if (path.isEmpty())
        files.remove(EngineClient::engineKey(engine));
    else
        files.insert(EngineClient::engineKey(engine), path);
    m_settings.setValue(kCaFilesByEngineKey, files);
}

QHash<QString, QString> Settings::caFilesByEngine() const
{
    QHash<QString, QString> files;
    const QVariantMap stored = m_settings.value(kCaFilesByEngineKey).toMap();
    for (auto it = stored.constBegin(); it != stored.constEnd(); ++it)
        files.insert(it.key(), it.value().toString());
    return files;
}

QString Settings::language() const
{
    return m_settings.value(kLanguageKey).toString();
}

void Settings::setLanguage(const QString &code)
{
    if (code.isEmpty())
        m_settings.remove(kLanguageKey);
    else
        m_settings.setValue(kLanguageKey, code);
}

bool Settings::highContrast() const
{
    return m_settings.value(kHighContrastKey, false).toBool();
}

void Settings::setHighContrast(bool on)
{
    m_settings.setValue(kHighContrastKey, on);
}

QString Settings::remoteUser() const
{
    return m_settings.value(kRemoteUserKey).toString();
}

void Settings::setRemoteUser(const QString &user)
{
    m_settings.setValue(kRemoteUserKey, user);
}

bool Settings::rememberSignIn() const
{
    return m_settings.value(kRememberSignInKey, false).toBool();
}

void Settings::setRememberSignIn(bool remember)
{
    m_settings.setValue(kRememberSignInKey, remember);
}

QByteArray Settings::windowGeometry() const
{
    return m_settings.value(kWindowGeometryKey).toByteArray();
}

void Settings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(kWindowGeometryKey, geometry);
}

QByteArray Settings::windowState() const
{
    return m_settings.value(kWindowStateKey).toByteArray();
}

void Settings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(kWindowStateKey, state);
}

void Settings::sync()
{
    m_settings.sync();
}

} // namespace hubdesk
