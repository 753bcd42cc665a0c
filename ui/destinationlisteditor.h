// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonArray>
#include <QList>
#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace hubdesk {

class DestinationModel;
class FieldErrors;
class NewDestinationDialog;

// The Destinations section of the outbound form: rows "Destination 1..n", each with a status
// (Active or Inactive), a saved destination, an Edit button and a Remove button, plus
// "+ Destination". It reads and writes the engine's [{destinationId, active}] array.
//
// Edit opens the destination dialog that the hosting form owns. The editor finds it among the
// direct children of its ancestors, so the form needs no extra wiring. Without such a dialog
// the Edit buttons stay disabled.
class DestinationListEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationListEditor)

public:
    // Registers each row's picker in errors as "destinations[i].destinationId" and the section
    // as "destinations".
    DestinationListEditor(DestinationModel *model, FieldErrors *errors, QWidget *parent = nullptr);

    void setDestinations(const QJsonArray &destinations);
    QJsonArray destinations() const;

    // Adds a row; destinationId 0 leaves its picker empty.
    void addRow(qint64 destinationId = 0, bool active = true);
    void removeRow(int row);
    // Picks the destination in the first row whose picker is empty, adding a row when none is.
    void selectDestination(qint64 destinationId);

    int rowCount() const { return int(m_rows.size()); }
    QComboBox *statusCombo(int row) const;
    QComboBox *destinationCombo(int row) const;
    QPushButton *editButton(int row) const;
    QPushButton *removeButton(int row) const;
    QPushButton *addButton() const { return m_addButton; }
    // Adds button to the row of buttons under the destinations, after "+ Destination".
    void addButton(QPushButton *button);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Row
    {
        QWidget *container = nullptr;
        QLabel *title = nullptr;
        QComboBox *status = nullptr;
        QComboBox *picker = nullptr;
        QPushButton *edit = nullptr;
        QPushButton *remove = nullptr;
        QLabel *error = nullptr;
        // The destination to pick once the model has it, for rows filled before it loaded.
        qint64 pendingId = 0;
    };

    qint64 destinationIdOf(const Row &row) const;
    NewDestinationDialog *destinationDialog() const;
    void editDestination(const Row &row);
    // Replaces the saved destination in the model, so that the pickers show its new name.
    void updateDestination(const QJsonObject &destination);
    void updateEditButtons();
    void rememberSelections();
    void restoreSelections();
    void renumber();

    DestinationModel *m_model;
    FieldErrors *m_errors;
    QList<Row> m_rows;
    QVBoxLayout *m_rowsLayout;
    QHBoxLayout *m_buttons;
    QPushButton *m_addButton;
    QLabel *m_sectionError;
};

} // namespace hubdesk
