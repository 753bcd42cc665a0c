// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "auditlogmodel.h"

#include "timeformat.h"

#include <QJsonArray>

namespace hubdesk {

AuditLogModel::AuditLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void AuditLogModel::setPage(const QJsonObject &page)
{
    beginResetModel();
    m_entries.clear();
    const QJsonArray entries = page.value(QStringLiteral("entries")).toArray();
    for (const QJsonValue &entry : entries)
        m_entries.append(entry.toObject());
    m_total = page.value(QStringLiteral("total")).toInteger();
    m_offset = page.value(QStringLiteral("offset")).toInteger();
    endResetModel();
}

void AuditLogModel::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn),
                         {Qt::DisplayRole});
}

QJsonObject AuditLogModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : QJsonObject();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &entry = m_entries.at(index.row());
    if (role == EntryRole)
        return entry;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};

    switch (index.column()) {
    case TimeColumn:
        return formatDistrictTime(parseEngineTime(entry.value(QStringLiteral("loggedAt")).toString()),
                                  m_zone);
    case ActorColumn:
        return entry.value(QStringLiteral("actor")).toString();
    case ActionColumn:
        return actionText(entry.value(QStringLiteral("action")).toString());
    case RecordColumn: {
        const QString kind = entityText(entry.value(QStringLiteral("entity")).toString());
        const QJsonValue id = entry.value(QStringLiteral("entityId"));
        //: A kind of record and its id, such as "Destination 12".
        return id.isNull() || id.toInteger() == 0 ? kind : tr("%1 %2").arg(kind).arg(id.toInteger());
    }
    case DistrictColumn:
        return entry.value(QStringLiteral("district")).isNull()
                   ? tr("All districts")
                   : entry.value(QStringLiteral("district")).toString();
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("User");
    case ActionColumn:
        return tr("Action");
    case RecordColumn:
        return tr("Record");
    case DistrictColumn:
        return tr("District");
    default:
        return {};
    }
}

QString AuditLogModel::actionText(const QString &action)
{
    if (action == QLatin1String("create"))
        return tr("Create");
    if (action == QLatin1String("update"))
        return tr("Update");
    if (action == QLatin1String("delete"))
        return tr("Delete");
    if (action == QLatin1String("approve"))
        return tr("Approve load");
    if (action == QLatin1String("reject"))
        return tr("Reject load");
    if (action == QLatin1String("cancel"))
        return tr("Cancel run");
    if (action == QLatin1String("reset_secret"))
        return tr("Reset secret");
    if (action == QLatin1String("sign-in"))
        return tr("Sign-in");
    if (action == QLatin1String("upload_start"))
        return tr("Start upload");
    if (action == QLatin1String("upload_complete"))
        return tr("Complete upload");
    if (action == QLatin1String("upload_delete"))
        return tr("Delete upload");
    // An action added to the engine after this console was built reads as words, such as
    // "Some action" for some_action, until it gets its own translated text.
    QString words = action;
    words.replace(QLatin1Char('_'), QLatin1Char(' ')).replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return words;
}

QStringList AuditLogModel::actionCodes()
{
    return {QStringLiteral("create"),       QStringLiteral("update"),
            QStringLiteral("delete"),       QStringLiteral("approve"),
            QStringLiteral("reject"),       QStringLiteral("cancel"),
            QStringLiteral("reset_secret"), QStringLiteral("sign-in"),
            QStringLiteral("upload_start"), QStringLiteral("upload_complete"),
            QStringLiteral("upload_delete")};
}

QString AuditLogModel::entityText(const QString &entity)
{
    if (entity == QLatin1String("integration"))
        return tr("Integration");
    if (entity == QLatin1String("destination"))
        return tr("Destination");
    if (entity == QLatin1String("blackout"))
        return tr("Blackout window");
    if (entity == QLatin1String("file_spec"))
        return tr("File specification");
    if (entity == QLatin1String("oneroster_application"))
        return tr("OneRoster application");
    if (entity == QLatin1String("notification_settings"))
        return tr("Notification settings");
    if (entity == QLatin1String("integration_notifications"))
        return tr("Integration notifications");
    if (entity == QLatin1String("user"))
        return tr("User");
    if (entity == QLatin1String("district"))
        return tr("District");
    if (entity == QLatin1String("run"))
        return tr("Run");
    if (entity == QLatin1String("session"))
        return tr("Account");
    return entity;
}

} // namespace hubdesk
