// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "languagemenu.h"

#include <QActionGroup>

namespace hubdesk {

LanguageMenu::LanguageMenu(const QList<std::pair<QString, QString>> &languages,
                           const QString &current, QWidget *parent)
    : QMenu(tr("&Language"), parent)
{
    setObjectName(QStringLiteral("languageMenu"));
    menuAction()->setObjectName(QStringLiteral("languageMenuAction"));
    menuAction()->setToolTip(tr("Choose the language of Hubdesk; it applies at the next start"));
    auto *group = new QActionGroup(this);
    group->setExclusive(true);

    const auto addLanguage = [this, group, &current](const QString &code, const QString &name) {
        QAction *action = addAction(name);
        action->setObjectName(code.isEmpty() ? QStringLiteral("language-system")
                                             : QStringLiteral("language-") + code);
        action->setCheckable(true);
        action->setChecked(code == current);
        action->setData(code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { emit languageChosen(code); });
    };
    addLanguage(QString(), tr("System Language"));
    addSeparator();
    for (const auto &[code, name] : languages)
        addLanguage(code, name);
}

} // namespace hubdesk
