// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace hubdesk {

class EngineClient;
class CatalogPage;
class IntegrationsPage;
class OutboundIntegrationForm;
class RunbookPage;
class OneRosterPage;
class ApiJob;

// The console's main window: a navigation list on the left (Product Catalog, Integrations,
// Runbook Activities, OneRoster) and the pages on the right. The status bar shows the engine connection.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Page { Catalog, Integrations, OutboundForm, Runbook, OneRoster };

    explicit MainWindow(EngineClient *client, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    // Reloads every page from the engine.
    void refreshAll();
    // Opens a window-modal message box with a failure of the local engine. A data folder that
    // another engine uses gets the title "Engine Already Running".
    void showLocalEngineFailure(const QString &message, bool dataDirInUse);

    CatalogPage *catalogPage() const;
    IntegrationsPage *integrationsPage() const;
    OutboundIntegrationForm *outboundForm() const;
    RunbookPage *runbookPage() const;
    OneRosterPage *oneRosterPage() const { return m_oneRosterPage; }

private:
    void createPages();
    void connectPages();
    void updateStatus();
    void onNavigationChanged(int row);

    EngineClient *m_client;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    CatalogPage *m_catalogPage;
    IntegrationsPage *m_integrationsPage;
    OutboundIntegrationForm *m_outboundForm;
    RunbookPage *m_runbookPage;
    OneRosterPage *m_oneRosterPage;
    QLabel *m_connectionLabel;
    QLabel *m_districtLabel;
    QPointer<ApiJob> m_healthJob;
};

} // namespace hubdesk
