// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QTableView;

namespace hubdesk {

class PreviewModel;

// "Preview Output": the first rows of a draft outbound integration's file in a table, and the
// number of rows of the whole report for its school year. Nothing is saved or sent.
class PreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewDialog)

public:
    explicit PreviewDialog(QWidget *parent = nullptr);

    // Shows a response of POST /api/v1/integrations/preview.
    void setPreview(const QJsonObject &preview);

    PreviewModel *model() const { return m_model; }
    QString summaryText() const;

private:
    PreviewModel *m_model;
    QLabel *m_summary;
    QTableView *m_table;
};

} // namespace hubdesk
