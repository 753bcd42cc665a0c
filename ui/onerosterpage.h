// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "fielderrors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QTreeWidget;

namespace hubdesk {

class ApiJob;
class EngineClient;

// The OneRoster page: the district's vendor applications and a form to register or edit one
// (name, vendor, school year, scopes as checkboxes, Active). The token and base URLs for the
// vendor are on top. After Register or Reset Secret the form shows the client id and secret
// until the list is refreshed or another application is selected.
// Below, the requests that the applications made in the last 24 hours, per hour.
class OneRosterPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OneRosterPage)

public:
    explicit OneRosterPage(EngineClient *client, QWidget *parent = nullptr);
    ~OneRosterPage() override;

    // Reloads the applications and the activity. It hides and clears a client secret on show,
    // because the secret is shown only once.
    void refresh();
    // Removes the applications, the form, any client secret on show, the activity and the
    // message, and drops requests in flight, as on signing out or switching district.
    void clear();
    // Clears the form for a new application.
    void startNew();
    // Selects the application with the id in the list, or returns false when it is not listed.
    bool selectApplication(qint64 id);
    // Registers the form as a new application, or saves the selected one.
    void save();
    void resetSecret();
    void deleteSelected();
    // Sets whether the user's role may register, change and delete applications. Without that
    // role the page is read-only. It shows the selected application's settings and the URLs
    // without Register, Save Changes, Reset Secret, Delete and New Application.
    void setCanConfigure(bool canConfigure);
    bool canConfigure() const { return m_canConfigure; }

    qint64 selectedId() const { return m_selectedId; }
    // Whether a client secret is on show, after Register or Reset Secret.
    bool isSecretShown() const;
    QString message() const;
    QTreeWidget *list() const { return m_list; }
    QTreeWidget *activityList() const { return m_activity; }

signals:
    void refreshed();
    void saved(qint64 id);

private:
    // Builds the form into form and returns the row of its action buttons, which the caller
    // places below the form's scroll area.
    QHBoxLayout *buildForm(QWidget *form);
    // Builds the box of the URLs that a vendor needs, each with a Copy button.
    QGroupBox *buildVendorUrls();
    QPushButton *newCopyButton(QLineEdit *field, const QString &objectName);
    // Loads the applications and the activity, keeping a client secret on show.
    void reload();
    // Hides the client id and secret and clears their fields.
    void scrollFormToTop();
    void hideCredentials();
    void fillForm(const QJsonObject &application);
    QJsonObject formBody() const;
    void updateScopeWarning();
    void updateEditing();
    // Shows the client id and the one-time secret, scrolls them into view and focuses the secret.
    void showCredentials(const QJsonObject &application);
    void showMessage(const QString &text);
    void onSelectionChanged();
    // Loads the last 24 hours of requests, then emits refreshed().
    void loadActivity();

    EngineClient *m_client;
    QTreeWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_vendor;
    QComboBox *m_schoolYear;
    QCheckBox *m_active;
    QMap<QString, QCheckBox *> m_scopes;
    QLabel *m_scopeWarning;
    QLabel *m_roleNote;
    QWidget *m_settings;
    QLabel *m_fieldErrors;
    FieldErrors m_errors;
    QScrollArea *m_formScroll;
    QPushButton *m_saveButton;
    QPushButton *m_newButton;
    QPushButton *m_resetButton;
    QPushButton *m_deleteButton;
    QGroupBox *m_credentials;
    QLineEdit *m_clientId;
    QLineEdit *m_clientSecret;
    QLineEdit *m_tokenUrl;
    QLineEdit *m_baseUrl11;
    QLineEdit *m_rosteringUrl12;
    QLineEdit *m_gradebookUrl12;
    QLineEdit *m_resourcesUrl12;
    QLabel *m_message;
    QTreeWidget *m_activity;
    QJsonArray m_applications;
    qint64 m_selectedId = 0;
    bool m_canConfigure = true;
    QPointer<ApiJob> m_fetchJob;
    QPointer<ApiJob> m_saveJob;
    QPointer<ApiJob> m_activityJob;
};

} // namespace hubdesk
