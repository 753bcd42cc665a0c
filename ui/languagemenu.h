// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QList>
#include <QMenu>
#include <QString>

#include <utility>

namespace hubdesk {

// The Language menu: "System Language" and one entry per translation, named in its own
// language. Choosing one emits languageChosen(); the console applies it at its next start.
class LanguageMenu final : public QMenu
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageMenu)

public:
    // languages: code and native name of each language. current: the chosen code, or an empty
    // string for the system language.
    LanguageMenu(const QList<std::pair<QString, QString>> &languages, const QString &current,
                 QWidget *parent = nullptr);

signals:
    // code is empty for the system language.
    void languageChosen(const QString &code);
};

} // namespace hubdesk
