// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace hubdesk {

// A language of the console: its code ("en", "es", "ar") and its name in that language.
struct Language
{
    QString code;
    QString nativeName;
};

// The languages the console is translated into, English first.
QList<Language> supportedLanguages();

// The language to use: the setting when it names a supported language, else the language of
// the system locale when supported, else English.
QString resolveLanguage(const QString &setting, const QLocale &system = QLocale::system());

// Loads the console's translation for code and Qt's own, and makes the language's locale the
// default, so dates and numbers follow it. Returns that locale; its textDirection() is the
// direction the window should take.
QLocale installLanguage(QCoreApplication &app, const QString &code);

} // namespace hubdesk
