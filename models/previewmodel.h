// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace hubdesk {

// The first rows of an outbound report, from POST /api/v1/integrations/preview: one column per
// report column, one row per previewed row, the report's column names as horizontal headers
// and 1-based row numbers as vertical headers.
class PreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewModel)

public:
    explicit PreviewModel(QObject *parent = nullptr);

    // Replaces the contents with a preview response; an empty object clears the model.
    void setPreview(const QJsonObject &preview);

    // Rows of the whole report; rowCount() shows at most the first 100.
    qint64 totalRows() const { return m_totalRows; }
    // The ending calendar year of the previewed school year, or 0 when empty.
    int schoolYear() const { return m_schoolYear; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QStringList m_columns;
    QList<QStringList> m_rows;
    qint64 m_totalRows = 0;
    int m_schoolYear = 0;
};

} // namespace hubdesk
