// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "occurrencemodel.h"

#include "timeformat.h"

#include <QJsonObject>
#include <QLocale>

namespace hubdesk {

OccurrenceModel::OccurrenceModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void OccurrenceModel::setOccurrences(const QJsonArray &occurrences)
{
    beginResetModel();
    m_occurrences = occurrences;
    endResetModel();
}

void OccurrenceModel::clear()
{
    if (m_occurrences.isEmpty())
        return;
    setOccurrences({});
}

int OccurrenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_occurrences.size());
}

QVariant OccurrenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject item = m_occurrences.at(index.row()).toObject();
    const bool shifted = item.value(QStringLiteral("shifted")).toBool();
    const QString note = item.value(QStringLiteral("note")).toString();

    switch (role) {
    case Qt::DisplayRole:
        return formatLocalTime(item.value(QStringLiteral("local")).toString(),
                               item.value(QStringLiteral("abbreviation")).toString());
    case InstantRole:
        return parseEngineTime(item.value(QStringLiteral("at")).toString());
    case ShiftedRole:
        return shifted;
    case NoteRole:
        if (note.isEmpty() && shifted)
            return tr("A daylight-saving change moves this run off its usual time.");
        return note;
    case HeldByRole:
        return item.value(QStringLiteral("heldBy")).toString();
    }
    return {};
}

QString OccurrenceModel::formatLocalTime(const QString &local, const QString &abbreviation)
{
    // The date and time are read apart, because a QDateTime in the machine's own zone would
    // move a wall-clock time that does not exist there.
    const QDate date = QDate::fromString(local.left(10), Qt::ISODate);
    const QTime time = QTime::fromString(local.mid(11, 8), QStringLiteral("HH:mm:ss"));
    if (!date.isValid() || !time.isValid())
        return local;
    const QLocale c = QLocale::c();
    const QString text = c.toString(date, QStringLiteral("ddd MM/dd/yyyy")) + QLatin1Char(' ')
                         + c.toString(time, QStringLiteral("hh:mm AP"));
    return abbreviation.isEmpty() ? text : text + QLatin1Char(' ') + abbreviation;
}

} // namespace hubdesk
