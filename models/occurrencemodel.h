// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QAbstractListModel>
#include <QJsonArray>

namespace hubdesk {

// The next run times of a schedule, from the "occurrences" array of
// POST /api/v1/schedules/preview or GET /api/v1/integrations/{id}/schedule/next. The display
// text is the district-local time with the zone's abbreviation, such as
// "Sun 11/01/2026 01:30 AM EDT", taken from the engine's "local" and "abbreviation".
class OccurrenceModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OccurrenceModel)

public:
    enum Role {
        // The instant as a UTC QDateTime.
        InstantRole = Qt::UserRole + 1,
        // True when a daylight-saving change moved the run off its wall-clock time.
        ShiftedRole,
        // The engine's note on the time, or a sentence for a shift without a note; empty for
        // an ordinary run.
        NoteRole,
        // The reason of the blackout window that the run's date falls in, or an empty string.
        HeldByRole,
    };

    explicit OccurrenceModel(QObject *parent = nullptr);

    void setOccurrences(const QJsonArray &occurrences);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Formats the engine's local time text (2026-11-01T01:30:00) with the abbreviation.
    static QString formatLocalTime(const QString &local, const QString &abbreviation);

private:
    QJsonArray m_occurrences;
};

} // namespace hubdesk
