// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "mainwindow.h"

#include "apiintegrationform.h"
#include "auditlogpage.h"
#include "catalogpage.h"
#include "elidinglabel.h"
#include "engineclient.h"
#include "filespecspage.h"
#include "inboundintegrationform.h"
#include "integrationactivitypage.h"
#include "integrationspage.h"
#include "notificationsettingsdialog.h"
#include "onerosterpage.h"
#include "outboundintegrationform.h"
#include "runbookpage.h"

#include <QAction>
#include <QComboBox>
#include <QPushButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimeZone>
#include <QToolBar>

namespace hubdesk {

namespace {

// The navigation list's rows; the integration forms belong to Integrations.
enum NavigationRow { CatalogRow, IntegrationsRow, RunbookRow, OneRosterRow, AuditLogRow };

NavigationRow navigationRowOf(MainWindow::Page page)
{
    switch (page) {
    case MainWindow::Page::Catalog:
    case MainWindow::Page::FileSpecs:
        return CatalogRow;
    case MainWindow::Page::Integrations:
    case MainWindow::Page::OutboundForm:
    case MainWindow::Page::IntegrationActivity:
    case MainWindow::Page::ApiForm:
    case MainWindow::Page::InboundForm:
        return IntegrationsRow;
    case MainWindow::Page::Runbook:
        return RunbookRow;
    case MainWindow::Page::OneRoster:
        return OneRosterRow;
    case MainWindow::Page::AuditLog:
        return AuditLogRow;
    }
    return CatalogRow;
}

} // namespace

MainWindow::MainWindow(EngineClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
    , m_navigation(new QListWidget)
    , m_pages(new QStackedWidget)
    , m_catalogPage(new CatalogPage(client))
    , m_integrationsPage(new IntegrationsPage(client))
    , m_outboundForm(new OutboundIntegrationForm(client))
    , m_apiForm(new ApiIntegrationForm(client))
    , m_inboundForm(new InboundIntegrationForm(client))
    , m_runbookPage(new RunbookPage(client))
    , m_oneRosterPage(new OneRosterPage(client))
    , m_activityPage(new IntegrationActivityPage(client))
    , m_auditLogPage(new AuditLogPage(client))
    , m_fileSpecsPage(new FileSpecsPage(client))
    , m_connectionLabel(new ElidingLabel)
    , m_districtLabel(new QLabel)
    , m_userLabel(new QLabel)
    , m_districtPicker(new QComboBox)
{
    setObjectName(QStringLiteral("mainWindow"));
    createPages();
    connectPages();

    auto refresh = new QAction(tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence(Qt::Key_F5));
    refresh->setToolTip(tr("Reload every page from the engine (F5)"));
    connect(refresh, &QAction::triggered, this, &MainWindow::refreshAll);
    auto toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->addAction(refresh);

    m_districtPicker->setObjectName(QStringLiteral("districtPicker"));
    m_districtPicker->setAccessibleName(tr("District"));
    m_districtPicker->setToolTip(tr("The district that every page shows and changes"));
    m_districtPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_districtPickerAction = toolBar->addWidget(m_districtPicker);
    m_districtPickerAction->setVisible(false);
    connect(m_districtPicker, &QComboBox::currentIndexChanged, this, &MainWindow::onDistrictPicked);
    m_signOutAction = new QAction(tr("Sign Out"), this);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    m_signOutAction->setVisible(false);
    connect(m_signOutAction, &QAction::triggered, this, &MainWindow::signOutRequested);
    toolBar->addAction(m_signOutAction);
    auto notifications = new QAction(tr("Notifications…"), this);
    notifications->setObjectName(QStringLiteral("notificationsAction"));
    notifications->setToolTip(tr("Choose who hears about failed, recovered and unusually long runs"));
    connect(notifications, &QAction::triggered, this, &MainWindow::showNotificationSettings);
    toolBar->addAction(notifications);

    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_districtLabel->setObjectName(QStringLiteral("districtLabel"));
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    // The user and district labels keep their whole text; the engine address shortens to
    // "…" first when the window is narrow.
    for (QLabel *label : {m_userLabel, m_districtLabel})
        label->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_userLabel);
    statusBar()->addPermanentWidget(m_districtLabel);

    connect(m_client, &EngineClient::connectionStateChanged, this, &MainWindow::updateStatus);
    updateStatus();
    // Opens at 1280x820 where the screen has room, and inside the screen's free area (less
    // the window frame) on a smaller one.
    const QSize frame(32, 64);
    resize(QSize(1280, 820).boundedTo(screen()->availableGeometry().size() - frame));
    showPage(Page::Catalog);
}

MainWindow::~MainWindow()
{
    if (m_healthJob)
        m_healthJob->abort();
    if (m_sessionJob)
        m_sessionJob->abort();
}

void MainWindow::setSession(const SessionInfo &session)
{
    m_session = session;
    {
        const QSignalBlocker blocker(m_districtPicker);
        m_districtPicker->clear();
        for (const SessionInfo::District &district : session.districts)
            m_districtPicker->addItem(district.name, district.id);
        m_districtPicker->setCurrentIndex(m_districtPicker->findData(session.district.id));
    }
    m_districtPickerAction->setVisible(session.districts.size() > 1);
    m_signOutAction->setVisible(session.isValid());
    //: The signed-in user's name and their role in the current district.
    m_userLabel->setText(session.isValid()
                             ? tr("Signed in as %1 (%2)").arg(session.shownName(), session.district.role)
                             : QString());
    applyRole();
}

void MainWindow::applyRole()
{
    // The engine checks every request; hiding what the role cannot do spares the user a 403.
    const bool operate = !m_session.isValid() || m_session.canOperate();
    const bool configure = !m_session.isValid() || m_session.canConfigure();
    const struct
    {
        const char *objectName;
        bool visible;
    } buttons[] = {
        {"runbookCancelButton", operate}, {"runbookRetryButton", operate},
        {"runbookRunNowButton", operate}, {"runNowButton", operate},
        {"runbookApproveButton", operate}, {"runbookRejectButton", operate},
        {"uploadFileButton", operate},    {"editIntegrationButton", configure},
        {"addIntegrationButton", configure},
    };
    m_integrationsPage->setCanAddIntegrations(configure);
    m_oneRosterPage->setCanConfigure(configure);
    m_fileSpecsPage->setCanConfigure(configure);
    // The catalog and the integrations page each have an addIntegrationButton.
    for (const auto &entry : buttons) {
        const auto matches = findChildren<QPushButton *>(QLatin1String(entry.objectName));
        for (QPushButton *button : matches)
            button->setVisible(entry.visible);
    }

    // Notification settings hold addresses and secrets that only Configure may change.
    if (auto notifications = findChild<QAction *>(QStringLiteral("notificationsAction")))
        notifications->setVisible(configure);

    // The audit log is for administrators; the engine rejects others with 403.
    const bool administer = !m_session.isValid() || m_session.canAdminister();
    m_navigation->item(AuditLogRow)->setHidden(!administer);
    if (!administer && m_pages->currentWidget() == m_auditLogPage)
        showPage(Page::Catalog);
}

void MainWindow::onDistrictPicked(int index)
{
    const qint64 districtId = m_districtPicker->itemData(index).toLongLong();
    if (districtId <= 0 || districtId == m_session.district.id)
        return;
    if (m_sessionJob)
        m_sessionJob->abort();
    m_client->setDistrict(districtId);
    clearPages();
    m_sessionJob = m_client->fetchSession();
    connect(m_sessionJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_sessionJob.clear();
        if (!result.ok()) {
            statusBar()->showMessage(result.errorMessage, 15000);
            return;
        }
        setSession(SessionInfo::fromJson(result.body.object()));
        refreshAll();
    });
}

void MainWindow::clearPages()
{
    m_catalogPage->clear();
    m_runbookPage->clear();
    m_integrationsPage->clear();
    m_oneRosterPage->clear();
    m_auditLogPage->clear();
    m_fileSpecsPage->clear();
    m_activityPage->showIntegration(0);
    if (m_pages->currentWidget() == m_activityPage)
        showPage(Page::Integrations);
}

void MainWindow::createPages()
{
    m_navigation->setObjectName(QStringLiteral("navigationList"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->addItems({tr("Product Catalog"), tr("Integrations"), tr("Runbook Activities"),
                            tr("OneRoster"), tr("Audit Log")});
    m_navigation->setFixedWidth(m_navigation->sizeHintForColumn(0) + 32);
    m_navigation->setSpacing(2);

    // The stack's order follows MainWindow::Page.
    m_pages->setObjectName(QStringLiteral("pageStack"));
    m_pages->addWidget(m_catalogPage);
    m_pages->addWidget(m_integrationsPage);
    m_pages->addWidget(m_outboundForm);
    m_pages->addWidget(m_runbookPage);
    m_pages->addWidget(m_oneRosterPage);
    m_pages->addWidget(m_activityPage);
    m_pages->addWidget(m_auditLogPage);
    m_pages->addWidget(m_apiForm);
    m_pages->addWidget(m_fileSpecsPage);
    m_pages->addWidget(m_inboundForm);

    auto central = new QWidget;
    auto layout = new QHBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_navigation, &QListWidget::currentRowChanged, this, &MainWindow::onNavigationChanged);
}

void MainWindow::connectPages()
{
    connect(m_catalogPage, &CatalogPage::outboundIntegrationRequested, this,
            [this](const QJsonObject &product) {
                m_outboundForm->startNew(product);
                showPage(Page::OutboundForm);
            });
    const auto showIntegration = [this](qint64 integrationId) {
        connect(
            m_integrationsPage, &IntegrationsPage::refreshed, this,
            [this, integrationId] { m_integrationsPage->selectIntegration(integrationId); },
            Qt::SingleShotConnection);
        m_integrationsPage->refresh();
        showPage(Page::Integrations);
    };
    connect(m_catalogPage, &CatalogPage::integrationCreated, this, showIntegration);
    connect(m_outboundForm, &OutboundIntegrationForm::saved, this, showIntegration);
    connect(m_outboundForm, &OutboundIntegrationForm::cancelled, this,
            [this] { showPage(Page::Integrations); });

    connect(m_integrationsPage, &IntegrationsPage::addIntegrationRequested, this,
            [this] { showPage(Page::Catalog); });
    connect(m_integrationsPage, &IntegrationsPage::editRequested, this, [this](qint64 id) {
        m_outboundForm->loadIntegration(id);
        showPage(Page::OutboundForm);
    });
    connect(m_integrationsPage, &IntegrationsPage::activityRequested, this, [this](qint64 id) {
        m_activityPage->showIntegration(id);
        showPage(Page::IntegrationActivity);
    });
    connect(m_integrationsPage, &IntegrationsPage::inboundEditRequested, this, [this](qint64 id) {
        m_inboundForm->loadIntegration(id);
        showPage(Page::InboundForm);
    });
    connect(m_inboundForm, &InboundIntegrationForm::saved, this, showIntegration);
    connect(m_inboundForm, &InboundIntegrationForm::cancelled, this,
            [this] { showPage(Page::Integrations); });
    connect(m_activityPage, &IntegrationActivityPage::backRequested, this,
            [this] { showPage(Page::Integrations); });
    connect(m_activityPage, &IntegrationActivityPage::runbookRequested, this, [this](qint64 id) {
        m_runbookPage->showIntegrationRuns(id);
        showPage(Page::Runbook);
    });
    connect(m_activityPage, &IntegrationActivityPage::runActivated, this, [this](qint64 runId) {
        m_runbookPage->showRun(runId);
        showPage(Page::Runbook);
    });
    const auto openApiForm = [this](qint64 integrationId) {
        m_apiForm->loadIntegration(integrationId);
        showPage(Page::ApiForm);
    };
    // A new API integration is listed and selected at once, while its settings form opens.
    connect(m_catalogPage, &CatalogPage::apiIntegrationCreated, this,
            [this, openApiForm](qint64 integrationId) {
                connect(
                    m_integrationsPage, &IntegrationsPage::refreshed, this,
                    [this, integrationId] { m_integrationsPage->selectIntegration(integrationId); },
                    Qt::SingleShotConnection);
                m_integrationsPage->refresh();
                openApiForm(integrationId);
            });
    connect(m_integrationsPage, &IntegrationsPage::apiEditRequested, this, openApiForm);
    connect(m_apiForm, &ApiIntegrationForm::saved, this, showIntegration);
    connect(m_apiForm, &ApiIntegrationForm::cancelled, this,
            [this] { showPage(Page::Integrations); });
    connect(m_apiForm, &ApiIntegrationForm::runbookRequested, this, [this](qint64 integrationId) {
        m_runbookPage->showIntegrationRuns(integrationId);
        showPage(Page::Runbook);
    });
    // File specifications are reached from the catalog's products whose files they read.
    connect(m_catalogPage, &CatalogPage::fileSpecsRequested, this, [this](const QString &product) {
        m_fileSpecsPage->setBackText(tr("Back to Product Catalog"));
        m_fileSpecsPage->showProduct(product);
        showPage(Page::FileSpecs);
    });
    connect(m_fileSpecsPage, &FileSpecsPage::backRequested, this, [this] {
        m_fileSpecsPage->confirmLeave([this] { showPage(Page::Catalog); });
    });
    connect(m_fileSpecsPage, &FileSpecsPage::refreshed, this,
            [this] { m_catalogPage->setFileSpecProducts(m_fileSpecsPage->productKeys()); });
    connect(m_integrationsPage, &IntegrationsPage::runQueued, this,
            [this](qint64 runId, bool alreadyQueued) {
                m_runbookPage->showQueuedRun(runId, alreadyQueued);
                showPage(Page::Runbook);
            });
}

void MainWindow::showPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
    const QSignalBlocker blocker(m_navigation);
    m_navigation->setCurrentRow(navigationRowOf(page));
}

void MainWindow::refreshAll()
{
    // A message such as "The local engine stopped." is out of date once the pages reload.
    statusBar()->clearMessage();
    if (!m_healthJob) {
        m_healthJob = m_client->checkHealth();
        connect(m_healthJob, &ApiJob::finished, this, [this] {
            m_healthJob.clear();
            m_runbookPage->setTimeZone(QTimeZone(m_client->districtTimeZone()));
            m_activityPage->setTimeZone(QTimeZone(m_client->districtTimeZone()));
            m_auditLogPage->setTimeZone(QTimeZone(m_client->districtTimeZone()));
            updateStatus();
        });
    }
    m_catalogPage->refresh();
    m_integrationsPage->refresh();
    m_runbookPage->search();
    m_oneRosterPage->refresh();
    m_fileSpecsPage->refresh();
    m_activityPage->reload();
    if (!m_navigation->item(AuditLogRow)->isHidden())
        m_auditLogPage->refresh();
}

void MainWindow::showNotificationSettings()
{
    auto dialog = new NotificationSettingsDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->load();
    dialog->open();
}

void MainWindow::showLocalEngineFailure(const QString &message, bool dataDirInUse)
{
    const QString title = dataDirInUse ? tr("Engine Already Running") : tr("Local Engine Failed");
    auto box = new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("localEngineFailureBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showLocalEngineStopped(const QString &message)
{
    auto box = new QMessageBox(QMessageBox::Critical, tr("Local Engine Stopped"), message,
                               QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("localEngineStoppedBox"));
    box->setInformativeText(tr("Until the engine runs again, the console cannot show or change "
                               "the district's data, and no scheduled run starts. Runs that "
                               "were in progress are marked failed when it starts, and queued "
                               "again where the integration allows retries after an engine "
                               "stop."));
    QPushButton *restart = box->addButton(tr("Restart Engine"), QMessageBox::AcceptRole);
    restart->setObjectName(QStringLiteral("restartEngineButton"));
    box->addButton(QMessageBox::Close);
    box->setDefaultButton(restart);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, restart](QAbstractButton *button) {
        if (button == restart)
            emit restartEngineRequested();
    });
    statusBar()->showMessage(tr("The local engine stopped."));
    box->open();
}

void MainWindow::showSignInNotRemembered(const QString &message)
{
    auto box = new QMessageBox(QMessageBox::Warning, tr("Sign-In Not Remembered"), message,
                               QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("signInNotRememberedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

CatalogPage *MainWindow::catalogPage() const
{
    return m_catalogPage;
}

IntegrationsPage *MainWindow::integrationsPage() const
{
    return m_integrationsPage;
}

OutboundIntegrationForm *MainWindow::outboundForm() const
{
    return m_outboundForm;
}

ApiIntegrationForm *MainWindow::apiForm() const
{
    return m_apiForm;
}

RunbookPage *MainWindow::runbookPage() const
{
    return m_runbookPage;
}

IntegrationActivityPage *MainWindow::integrationActivityPage() const
{
    return m_activityPage;
}

void MainWindow::updateStatus()
{
    const QString engine = m_client->baseUrl().toDisplayString();
    switch (m_client->connectionState()) {
    case EngineClient::ConnectionState::Disconnected:
        m_connectionLabel->setText(tr("Not connected to an engine"));
        break;
    case EngineClient::ConnectionState::Connecting:
        m_connectionLabel->setText(tr("Connecting to the engine at %1…").arg(engine));
        break;
    case EngineClient::ConnectionState::Connected:
        m_connectionLabel->setText(tr("Connected to the engine at %1").arg(engine));
        break;
    case EngineClient::ConnectionState::Failed:
        m_connectionLabel->setText(
            tr("Cannot reach the engine at %1; press F5 to try again").arg(engine));
        break;
    }

    const QString district = m_client->districtName();
    const QTimeZone zone(m_client->districtTimeZone());
    const QString abbreviation
        = zone.isValid() ? zone.abbreviation(QDateTime::currentDateTimeUtc()) : QString();
    //: The district's name, its IANA time zone and the zone's abbreviation now.
    m_districtLabel->setText(
        district.isEmpty()
            ? QString()
            : tr("%1 · %2 (%3)")
                  .arg(district, QString::fromUtf8(m_client->districtTimeZone()), abbreviation));
    setWindowTitle(district.isEmpty() ? tr("Hubdesk") : tr("Hubdesk — %1").arg(district));
}

void MainWindow::onNavigationChanged(int row)
{
    if (m_pages->currentWidget() != m_fileSpecsPage || !m_fileSpecsPage->isModified()) {
        showNavigationRow(row);
        return;
    }
    // The row changes only once the unsaved changes are saved or discarded.
    {
        const QSignalBlocker blocker(m_navigation);
        m_navigation->setCurrentRow(navigationRowOf(Page::FileSpecs));
    }
    m_fileSpecsPage->confirmLeave([this, row] {
        {
            const QSignalBlocker blocker(m_navigation);
            m_navigation->setCurrentRow(row);
        }
        showNavigationRow(row);
    });
}

void MainWindow::showNavigationRow(int row)
{
    switch (row) {
    case CatalogRow:
        showPage(Page::Catalog);
        break;
    case IntegrationsRow:
        showPage(Page::Integrations);
        break;
    case RunbookRow:
        showPage(Page::Runbook);
        break;
    case OneRosterRow:
        m_oneRosterPage->refresh();
        showPage(Page::OneRoster);
        break;
    case AuditLogRow:
        m_auditLogPage->refresh();
        showPage(Page::AuditLog);
        break;
    default:
        break;
    }
}

} // namespace hubdesk
