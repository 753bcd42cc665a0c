// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace hubdesk {

// The signed-in user as GET /api/v1/session returns it: who they are, the district the console
// acts on and their role there, and every district they may choose.
struct SessionInfo
{
    struct District
    {
        qint64 id = 0;
        QString name;
        QString timeZone;
        QString role; // viewer, operator, administrator or statewide
    };

    QString user;
    QString displayName;
    bool statewide = false;
    District district;
    QList<District> districts;

    static SessionInfo fromJson(const QJsonObject &object);

    bool isValid() const { return !user.isEmpty(); }
    // The name to show: the display name, or the user name when there is none.
    QString shownName() const { return displayName.isEmpty() ? user : displayName; }
    // Whether the role in the current district allows running, cancelling, retrying and
    // uploading.
    bool canOperate() const;
    // Whether the role in the current district allows changing configuration.
    bool canConfigure() const;
    // Whether the role in the current district allows managing users and reading the audit
    // log: administrator or statewide.
    bool canAdminister() const;
};

} // namespace hubdesk
