// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "fielderrors.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace hubdesk {

class AdvancedDestinationSettings;
class ApiJob;
class DestinationPage;
class EngineClient;
struct ApiResult;

// "New Destination" or "Edit Destination": a name, a kind (Folder, SFTP, Azure Blob Storage or
// HTTPS), the kind's settings and, under Advanced, the time-out and retry settings. Save posts
// or puts the destination to /api/v1/destinations, and field errors show under their fields.
// The engine tests only saved destinations, so with unsaved changes the test button reads
// "Save and Test": it saves first, then requests a connection test and shows the outcome in
// the dialog. Without changes it reads "Test Connection". Cancel deletes a new destination
// that Save and Test saved, so that it leaves nothing behind.
class NewDestinationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewDestinationDialog)

public:
    // The result code when the dialog saved changes to an existing destination. A new
    // destination ends with Accepted, so a form that picks new destinations on accepted()
    // does not pick an edited one a second time.
    static constexpr int Edited = 2;

    enum class TestState { None, Running, Succeeded, Failed };

    explicit NewDestinationDialog(EngineClient *client, QWidget *parent = nullptr);
    ~NewDestinationDialog() override;

    // Clears the fields for another new destination.
    void reset();
    // Loads the saved destination id from the engine and opens the dialog to edit it.
    void editDestination(qint64 id);

    // The id of the destination the engine created, once the dialog is accepted; 0 when the
    // dialog edited an existing one.
    qint64 createdId() const { return m_createdId; }
    // The id of the saved destination the dialog shows; 0 while a new one is unsaved.
    qint64 destinationId() const { return m_id; }
    QString fieldError(const QString &key) const { return m_errors.message(key); }
    // Whether a load, save or test request is running.
    bool isBusy() const { return !m_job.isNull(); }
    TestState testState() const { return m_testState; }
    QString testMessage() const;

    // Saves the destination; the dialog closes when the engine accepts it.
    void save();
    // Saves unsaved changes, then tests the saved destination.
    void testConnection();

    // Closes the dialog. A new destination that Save and Test saved is deleted first. When the
    // engine cannot delete it, the dialog stays open with the error, and the next Close keeps it.
    // After Save and Test of an existing destination, it ends as a save does, without the
    // changes made since, so that the host receives the saved changes.
    void reject() override;

signals:
    // The engine saved the destination; destination is the API's object, secrets masked.
    void destinationSaved(const QJsonObject &destination);

private:
    enum class AfterSave { Close, Test };

    void createLayout();
    void setEditing(qint64 id);
    void load(const QJsonObject &destination);
    void showPage(int index);
    void setAdvancedVisible(bool visible);
    DestinationPage *currentPage() const;
    QJsonObject destinationJson() const;
    bool hasUnsavedChanges() const;
    void saveThen(AfterSave next);
    void startTest();
    void deleteCreated();
    void updateTestButton();
    void finish();
    void showFailure(const ApiResult &result);
    void showTestResult(TestState state, const QString &message);
    void showMessage(const QString &message);
    void updateButtons();

    EngineClient *m_client;
    FieldErrors m_errors;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QGroupBox *m_settingsGroup;
    QStackedWidget *m_pages;
    QToolButton *m_advancedButton;
    AdvancedDestinationSettings *m_advanced;
    QLabel *m_testIcon;
    QLabel *m_testLabel;
    QPushButton *m_testButton;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_generalError;
    QPointer<ApiJob> m_job;
    // The saved destination's id, 0 until a new one is saved.
    qint64 m_id = 0;
    qint64 m_createdId = 0;
    bool m_savedThisSession = false;
    // Whether a save request runs, and whether Cancel was pressed meanwhile and runs after it.
    bool m_saving = false;
    bool m_rejectAfterSave = false;
    bool m_deleting = false;
    // Whether deleting the destination that Save and Test created failed, so Close keeps it.
    bool m_deleteFailed = false;
    // The settings as loaded, the base that the pages write over, so that settings the dialog
    // does not show keep their values.
    QJsonObject m_loadedSettings;
    // destinationJson() right after the last load or save, to tell whether anything changed.
    QJsonObject m_savedJson;
    TestState m_testState = TestState::None;
};

} // namespace hubdesk
