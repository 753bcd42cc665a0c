// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTimeZone>

namespace hubdesk {

// One page of the audit log from GET /api/v1/audit, newest entry first: when, who, what and
// on which record. The before and after records are available through EntryRole.
class AuditLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogModel)

public:
    enum Column { TimeColumn, ActorColumn, ActionColumn, RecordColumn, DistrictColumn, ColumnCount };
    enum Role {
        // The whole entry as a QJsonObject, as the engine returned it.
        EntryRole = Qt::UserRole,
    };

    explicit AuditLogModel(QObject *parent = nullptr);

    // Replaces the rows with the entries of a listing response; an empty object clears them.
    void setPage(const QJsonObject &page);
    // Shows times in this zone, with its abbreviation.
    void setTimeZone(const QTimeZone &zone);

    // Entries that match the filters, on every page.
    qint64 total() const { return m_total; }
    qint64 offset() const { return m_offset; }
    QJsonObject entry(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The words for an action or a kind of record, such as "Sign-in" or "OneRoster application".
    // An unknown action reads as its code in words; an unknown kind is returned as it is.
    static QString actionText(const QString &action);
    // Every action code that the engine writes to the audit log, in the Action filter's order.
    static QStringList actionCodes();
    static QString entityText(const QString &entity);

private:
    QList<QJsonObject> m_entries;
    QTimeZone m_zone = QTimeZone(QByteArrayLiteral("America/Detroit"));
    qint64 m_total = 0;
    qint64 m_offset = 0;
};

} // namespace hubdesk
