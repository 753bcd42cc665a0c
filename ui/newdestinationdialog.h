// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "fielderrors.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hubdesk {

class ApiJob;
class EngineClient;

// "New Destination": a name, a kind (Folder) and a folder path. Save posts the destination to
// /api/v1/destinations and closes the dialog once the engine accepts it; field errors show
// under their fields.
class NewDestinationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewDestinationDialog)

public:
    explicit NewDestinationDialog(EngineClient *client, QWidget *parent = nullptr);
    ~NewDestinationDialog() override;

    // Clears the fields for another destination.
    void reset();
    // The id of the destination the engine created, once the dialog is accepted.
    qint64 createdId() const { return m_createdId; }
    QString fieldError(const QString &key) const { return m_errors.message(key); }

    // Posts the destination; accept() follows when the engine saves it.
    void save();

private:
    void browse();

    EngineClient *m_client;
    FieldErrors m_errors;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_path;
    QPushButton *m_browse;
    QPushButton *m_saveButton;
    QLabel *m_generalError;
    QPointer<ApiJob> m_job;
    qint64 m_createdId = 0;
};

} // namespace hubdesk
