// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "sessioninfo.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace hubdesk {

class ElidingLabel;
class EngineClient;
class CatalogPage;
class IntegrationsPage;
class IntegrationActivityPage;
class ApiIntegrationForm;
class InboundIntegrationForm;
class OutboundIntegrationForm;
class RunbookPage;
class OneRosterPage;
class AuditLogPage;
class FileSpecsPage;
class ApiJob;

// The console's main window: a navigation list on the left (Product Catalog, Integrations,
// Runbook Activities, OneRoster, and Audit Log for administrators) and the pages on the right. The status bar shows the engine
// connection, and for a signed-in user the user's name and role. Actions the role does not allow
// are hidden.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Page {
        Catalog,
        Integrations,
        OutboundForm,
        Runbook,
        OneRoster,
        IntegrationActivity,
        AuditLog,
        ApiForm,
        FileSpecs,
        InboundForm
    };

    explicit MainWindow(EngineClient *client, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    // Reloads every page from the engine.
    void refreshAll();
    // Opens the district's notification settings in a window-modal dialog.
    void showNotificationSettings();
    // Opens a window-modal message box with a failure of the local engine. A data folder that
    // another engine uses gets the title "Engine Already Running".
    void showLocalEngineFailure(const QString &message, bool dataDirInUse);
    // Tells the user that the local engine stopped by itself and offers Restart Engine, which
    // emits restartEngineRequested(). The console cannot reach its data until then.
    void showLocalEngineStopped(const QString &message);
    // Tells the user in a window-modal message box that "Remember me" could not keep the
    // sign-in. The message is TokenStore's sentence with the reason and the fix.
    void showSignInNotRemembered(const QString &message);

    // Shows the signed-in user, offers their districts in a picker when there are several, and
    // hides the actions that the role in the current district does not allow. An invalid
    // session (the local admin token) shows every action.
    void setSession(const SessionInfo &session);
    // Removes the data, selection, filters and messages of every page, as on signing out or
    // switching district.
    void clearPages();
    const SessionInfo &session() const { return m_session; }

    CatalogPage *catalogPage() const;
    IntegrationsPage *integrationsPage() const;
    OutboundIntegrationForm *outboundForm() const;
    ApiIntegrationForm *apiForm() const;
    InboundIntegrationForm *inboundForm() const { return m_inboundForm; }
    RunbookPage *runbookPage() const;
    OneRosterPage *oneRosterPage() const { return m_oneRosterPage; }
    IntegrationActivityPage *integrationActivityPage() const;
    AuditLogPage *auditLogPage() const { return m_auditLogPage; }
    FileSpecsPage *fileSpecsPage() const { return m_fileSpecsPage; }

signals:
    void signOutRequested();
    // The user pressed Restart Engine after the local engine stopped.
    void restartEngineRequested();

private:
    void createPages();
    void applyRole();
    void onDistrictPicked(int index);
    void connectPages();
    void updateStatus();
    void onNavigationChanged(int row);
    // Shows the page of a navigation row, refreshing those that load on opening.
    void showNavigationRow(int row);

    EngineClient *m_client;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    CatalogPage *m_catalogPage;
    IntegrationsPage *m_integrationsPage;
    OutboundIntegrationForm *m_outboundForm;
    ApiIntegrationForm *m_apiForm;
    InboundIntegrationForm *m_inboundForm;
    RunbookPage *m_runbookPage;
    OneRosterPage *m_oneRosterPage;
    IntegrationActivityPage *m_activityPage;
    AuditLogPage *m_auditLogPage;
    FileSpecsPage *m_fileSpecsPage;
    ElidingLabel *m_connectionLabel;
    QLabel *m_districtLabel;
    QLabel *m_userLabel;
    QComboBox *m_districtPicker;
    QAction *m_districtPickerAction = nullptr;
    QAction *m_signOutAction = nullptr;
    SessionInfo m_session;
    QPointer<ApiJob> m_healthJob;
    QPointer<ApiJob> m_sessionJob;
};

} // namespace hubdesk
