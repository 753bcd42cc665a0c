// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "language.h"

#include "applogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace hubdesk {

QList<Language> supportedLanguages()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("es"), QStringLiteral("Español")},
            {QStringLiteral("ar"), QStringLiteral("العربية")}};
}

QString resolveLanguage(const QString &setting, const QLocale &system)
{
    const QList<Language> languages = supportedLanguages();
    const auto supported = [&languages](const QString &code) {
        return std::any_of(languages.cbegin(), languages.cend(),
                           [&code](const Language &language) { return language.code == code; });
    };
    if (supported(setting))
        return setting;
    const QString systemCode = QLocale::languageToCode(system.language());
    return supported(systemCode) ? systemCode : QStringLiteral("en");
}

QLocale installLanguage(QCoreApplication &app, const QString &code)
{
    // English is the source language; its locale is the United States', as the product's.
    const QLocale locale = code == QLatin1String("en") ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                       : QLocale(code);
    QLocale::setDefault(locale);
    if (code == QLatin1String("en"))
        return locale;

    auto *console = new QTranslator(&app);
    if (console->load(locale, QStringLiteral("hubdesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(console);
    else
        qCWarning(lcApp) << "No console translation for" << code;

    // Qt's own strings: standard buttons and dialogs.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        qCInfo(lcApp) << "No Qt translation for" << code << "; standard dialogs stay in English";
    return locale;
}

} // namespace hubdesk
