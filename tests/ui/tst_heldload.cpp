// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "uitestengine.h"
#include "testzip.h"

#include "integrationactivitypage.h"
#include "integrationmodel.h"
#include "integrationspage.h"
#include "mainwindow.h"
#include "runbookmodel.h"
#include "runbookpage.h"
#include "runfilesbutton.h"
#include "runfilterbar.h"
#include "runlogview.h"
#include "sessioninfo.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimeZone>
#include <QTimer>
#include <QTreeView>

using hubdesk::MainWindow;
using hubdesk::RunbookModel;
using hubdesk::RunbookPage;
using hubtest::UiTestEngine;

namespace {

// The demo's inbound OneRoster bundle integration.
constexpr qint64 kInboundIntegration = 3;
constexpr int kRunTimeoutMs = 30000;

// Builds a bulk bundle with one org. It would retire every demo org, so the engine holds the load
// for approval.
QByteArray oneOrgBundle()
{
    const QList<std::pair<QByteArray, QByteArray>> files{
        {"manifest.csv", "propertyName,value\r\nmanifest.version,1.0\r\n"
                         "oneroster.version,1.1\r\nfile.orgs,bulk\r\n"},
        {"orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
                     "org-n,active,2024-01-02T03:04:05Z,New District,district,N1,\r\n"},
    };
    return hubtest::zipArchive(files);
}

hubdesk::SessionInfo sessionWithRole(const QString &role)
{
    hubdesk::SessionInfo session;
    session.user = QStringLiteral("pat");
    session.district = {1, QStringLiteral("Demo"), QStringLiteral("America/Detroit"), role};
    session.districts = {session.district};
    return session;
}

// Clicks the button answer in the next message box named objectName and copies its text to text.
void answerNextBox(const QString &objectName, QMessageBox::StandardButton answer, QString *text)
{
    QTimer::singleShot(0, [=] {
        for (int attempt = 0; attempt < 100; ++attempt) {
            auto box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (box && box->objectName() == objectName) {
                *text = box->text();
                hubtest::saveScreenshot(box, objectName);
                box->button(answer)->click();
                return;
            }
            QTest::qWait(50);
        }
    });
}

} // namespace

class tst_HeldLoad final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void heldRunReadsHeld();
    void queuedMessageFollowsHold();
    void viewerSeesNoApproval();
    void rejectAsksFirst();
    void approveShowsCountsAndOutcome();
    void emptyResultResetsSelection();
    void clearPagesEmptiesRunbook();

private:
    qint64 uploadHeld();
    QString statusText(qint64 runId) const;
    bool selectRun(qint64 runId);

    UiTestEngine m_engine;
    std::unique_ptr<MainWindow> m_window;
    RunbookPage *m_page = nullptr;
};

void tst_HeldLoad::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = std::make_unique<MainWindow>(m_engine.client());
    m_page = m_window->runbookPage();
    m_page->setTimeZone(QTimeZone(m_engine.client()->districtTimeZone()));
    m_window->showPage(MainWindow::Page::Runbook);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_HeldLoad::cleanupTestCase()
{
    m_window.reset();
    m_engine.stop();
}

qint64 tst_HeldLoad::uploadHeld()
{
    const hubdesk::ApiResult uploaded = UiTestEngine::wait(m_engine.client()->upload(
        QStringLiteral("/api/v1/integrations/%1/files").arg(kInboundIntegration), oneOrgBundle(),
        QStringLiteral("bundle.zip")));
    if (uploaded.httpStatus != 202) {
        qWarning("Upload failed: %d %s", uploaded.httpStatus, uploaded.data.constData());
        return 0;
    }
    const qint64 runId = uploaded.body.object().value(QStringLiteral("id")).toInteger();
    const QString path = QStringLiteral("/api/v1/runs/%1").arg(runId);
    const bool held = QTest::qWaitFor(
        [&] {
            return m_engine.getObject(path).value(QStringLiteral("hold")).toString()
                   == QLatin1String("held");
        },
        kRunTimeoutMs);
    return held ? runId : 0;
}

QString tst_HeldLoad::statusText(qint64 runId) const
{
    return m_page->model()->indexOfRun(runId).siblingAtColumn(RunbookModel::StatusColumn).data().toString();
}

bool tst_HeldLoad::selectRun(qint64 runId)
{
    m_page->showRun(runId);
    return QTest::qWaitFor(
        [&] {
            return m_page->selectedRunId() == runId
                   && m_page->model()->rowCount(m_page->model()->indexOfRun(runId)) > 0;
        },
        kRunTimeoutMs);
}

void tst_HeldLoad::heldRunReadsHeld()
{
    const qint64 runId = uploadHeld();
    QVERIFY(runId > 0);
    QVERIFY(selectRun(runId));

    QCOMPARE(statusText(runId), QStringLiteral("2 Held for approval"));
    const QModelIndex run = m_page->model()->indexOfRun(runId);
    QModelIndex approval;
    for (int row = 0; row < m_page->model()->rowCount(run); ++row) {
        const QModelIndex phase = m_page->model()->index(row, RunbookModel::PhaseNameColumn, run);
        if (phase.data().toString() == QLatin1String("Approval"))
            approval = phase;
    }
    QVERIFY(approval.isValid());
    QCOMPARE(approval.siblingAtColumn(RunbookModel::StatusColumn).data().toString(),
             QStringLiteral("2 Held for approval"));

    auto approve = m_page->findChild<QPushButton *>(QStringLiteral("runbookApproveButton"));
    auto reject = m_page->findChild<QPushButton *>(QStringLiteral("runbookRejectButton"));
    QVERIFY(approve && reject);
    QVERIFY(approve->isVisible() && approve->isEnabled());
    QVERIFY(reject->isVisible() && reject->isEnabled());
    // An inbound run starts from a file, so Run Now, which the engine would reject, is off.
    auto runNow = m_page->findChild<QPushButton *>(QStringLiteral("runbookRunNowButton"));
    QVERIFY(runNow->isVisible());
    QVERIFY(!runNow->isEnabled());
    QCOMPARE(runNow->toolTip(), QStringLiteral("Inbound integrations run when a file is uploaded "
                                               "to them. Use Upload File… on the Integrations "
                                               "page."));
    QVERIFY2(m_page->holdReason().startsWith(
                 QStringLiteral("Run %1: Held for approval: the load would leave more "
                                "than 10% of the district's stored records marked to be "
                                "deleted (tobedeleted): orgs ")
                     .arg(runId)),
             qPrintable(m_page->holdReason()));
    m_page->view()->expand(run);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("held-runbook"));

    // The integration's page lists the held run among its last runs.
    hubdesk::IntegrationActivityPage *activity = m_window->integrationActivityPage();
    activity->showIntegration(kInboundIntegration);
    m_window->showPage(MainWindow::Page::IntegrationActivity);
    auto lastRuns = activity->findChild<QTreeView *>(QStringLiteral("lastRunsView"));
    QVERIFY(lastRuns);
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto model = qobject_cast<RunbookModel *>(lastRuns->model());
            return model && model->indexOfRun(runId).isValid();
        },
        kRunTimeoutMs));
    const auto lastModel = qobject_cast<RunbookModel *>(lastRuns->model());
    QCOMPARE(lastModel->indexOfRun(runId).siblingAtColumn(RunbookModel::StatusColumn).data().toString(),
             QStringLiteral("2 Held for approval"));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("held-activity"));
    m_window->showPage(MainWindow::Page::Runbook);
}

void tst_HeldLoad::queuedMessageFollowsHold()
{
    // As after Upload File: the page shows the run while the engine still validates it.
    const hubdesk::ApiResult uploaded = UiTestEngine::wait(m_engine.client()->upload(
        QStringLiteral("/api/v1/integrations/%1/files").arg(kInboundIntegration), oneOrgBundle(),
        QStringLiteral("bundle.zip")));
    QCOMPARE(uploaded.httpStatus, 202);
    const qint64 runId = uploaded.body.object().value(QStringLiteral("id")).toInteger();
    m_page->showQueuedRun(runId);

    // "Run N is queued." would tell a coordinator that the run still waits to start.
    QTRY_COMPARE_WITH_TIMEOUT(m_page->message(),
                              QStringLiteral("Run %1 is held for approval.").arg(runId),
                              kRunTimeoutMs);
    QCOMPARE(m_page->selectedRunId(), runId);
    QVERIFY(
        m_page->holdReason().startsWith(QStringLiteral("Run %1: Held for approval").arg(runId)));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("held-message"));
}

void tst_HeldLoad::viewerSeesNoApproval()
{
    auto approve = m_page->findChild<QPushButton *>(QStringLiteral("runbookApproveButton"));
    auto reject = m_page->findChild<QPushButton *>(QStringLiteral("runbookRejectButton"));
    m_window->setSession(sessionWithRole(QStringLiteral("viewer")));
    QVERIFY(!approve->isVisible());
    QVERIFY(!reject->isVisible());
    // A viewer has no Add Integration button, so the empty groups do not mention it.
    QCOMPARE(m_window->integrationsPage()->emptyText(hubdesk::IntegrationsPage::Api),
             QStringLiteral("No API integrations to show. A district administrator can add one."));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("held-viewer"));
    m_window->setSession(sessionWithRole(QStringLiteral("operator")));
    QVERIFY(approve->isVisible());
    QVERIFY(reject->isVisible());
    QCOMPARE(m_window->integrationsPage()->emptyText(hubdesk::IntegrationsPage::Api),
             QStringLiteral("No API integrations to show. A district administrator can add one."));
    m_window->setSession({});
    QCOMPARE(m_window->integrationsPage()->emptyText(hubdesk::IntegrationsPage::Api),
             QStringLiteral("No API integrations to show. Use Add Integration to add one from "
                            "the catalog."));
}

void tst_HeldLoad::rejectAsksFirst()
{
    const qint64 runId = uploadHeld();
    QVERIFY(runId > 0);
    QVERIFY(selectRun(runId));

    // No leaves the run held and the message as it was.
    const QString message = m_page->message();
    QString text;
    answerNextBox(QStringLiteral("runbookRejectConfirmation"), QMessageBox::No, &text);
    m_page->rejectSelectedRun();
    QCOMPARE(text, QStringLiteral("Reject run %1? Nothing is loaded, no record is marked "
                                  "tobedeleted, and the run ends as cancelled.")
                       .arg(runId));
    QCOMPARE(m_page->message(), message);
    QCOMPARE(m_engine.getObject(QStringLiteral("/api/v1/runs/%1").arg(runId))
                 .value(QStringLiteral("hold"))
                 .toString(),
             QStringLiteral("held"));

    answerNextBox(QStringLiteral("runbookRejectConfirmation"), QMessageBox::Yes, &text);
    m_page->rejectSelectedRun();
    QTRY_COMPARE_WITH_TIMEOUT(m_page->message(),
                              QStringLiteral("Run %1 is rejected; nothing was loaded.").arg(runId),
                              kRunTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(statusText(runId), QStringLiteral("3 Cancelled"), kRunTimeoutMs);
    auto approve = m_page->findChild<QPushButton *>(QStringLiteral("runbookApproveButton"));
    QVERIFY(!approve->isEnabled());
    QCOMPARE(m_page->holdReason(), QString());

    // The engine rejects a second reject of a run that is no longer held.
    hubdesk::ApiResult again
        = UiTestEngine::wait(m_engine.client()->post(QStringLiteral("/api/v1/runs/%1/reject").arg(runId)));
    QCOMPARE(again.httpStatus, 409);
}

void tst_HeldLoad::approveShowsCountsAndOutcome()
{
    const qint64 runId = uploadHeld();
    QVERIFY(runId > 0);
    QVERIFY(selectRun(runId));
    const QString reason = m_engine.getObject(QStringLiteral("/api/v1/runs/%1").arg(runId))
                               .value(QStringLiteral("message"))
                               .toString();
    QVERIFY(reason.contains(QStringLiteral("marked to be deleted (tobedeleted): orgs ")));

    QString text;
    answerNextBox(QStringLiteral("runbookApproveConfirmation"), QMessageBox::Yes, &text);
    m_page->approveSelectedRun();
    QCOMPARE(text, QStringLiteral("Approve run %1? The file is validated again and loaded, and "
                                  "stored records that it leaves out are marked to be deleted "
                                  "(tobedeleted).\n\n%2")
                       .arg(QString::number(runId), reason));
    // The message about the approved run changes to its outcome once the run ends.
    QTRY_VERIFY2_WITH_TIMEOUT(
        m_page->message().startsWith(QStringLiteral("Run %1 ended: ").arg(runId)),
        qPrintable(m_page->message() + QStringLiteral(" / ") + statusText(runId)), kRunTimeoutMs);
    const int status = m_engine.getObject(QStringLiteral("/api/v1/runs/%1").arg(runId))
                           .value(QStringLiteral("status"))
                           .toInt();
    QCOMPARE(m_page->message(),
             QStringLiteral("Run %1 ended: %2.").arg(QString::number(runId), hubdesk::statusLabel(status)));
    QVERIFY(status == 0 || status == 8);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("held-approved"));
}

void tst_HeldLoad::emptyResultResetsSelection()
{
    QVERIFY(m_page->selectedRunId() > 0);
    QVERIFY(m_page->downloadButton()->runId() > 0);
    QVERIFY(m_page->logView()->lineCount() > 0);
    QVERIFY(!m_page->message().isEmpty());

    QSignalSpy loaded(m_page, &RunbookPage::runsLoaded);
    m_page->filterBar()->setDate(QDate(2001, 1, 1));
    m_page->search();
    QVERIFY(loaded.wait(kRunTimeoutMs));
    QCOMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(m_page->emptyText(), QStringLiteral("No runs match these filters. Choose another "
                                                 "date or clear a filter, then press Search."));
    QCOMPARE(m_page->selectedRunId(), 0);
    QCOMPARE(m_page->downloadButton()->runId(), 0);
    QCOMPARE(m_page->logView()->lineCount(), 0);
    QCOMPARE(m_page->message(), QString());
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("runbook-empty"));

    // The runs of this test started today in the district's zone, which may be another day in UTC.
    const QTimeZone zone(m_engine.client()->districtTimeZone());
    m_page->filterBar()->setDate(QDateTime::currentDateTimeUtc().toTimeZone(zone).date());
    m_page->search();
    QVERIFY(loaded.wait(kRunTimeoutMs));
    QVERIFY(m_page->model()->rowCount() > 0);
    QCOMPARE(m_page->emptyText(), QString());
}

void tst_HeldLoad::clearPagesEmptiesRunbook()
{
    QSignalSpy refreshed(m_window->integrationsPage(), &hubdesk::IntegrationsPage::refreshed);
    m_window->integrationsPage()->refresh();
    QVERIFY(refreshed.wait(kRunTimeoutMs));
    QVERIFY(m_window->integrationsPage()->selectIntegration(kInboundIntegration));
    QVERIFY(m_page->model()->rowCount() > 0);
    m_page->view()->setCurrentIndex(m_page->model()->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->logView()->lineCount() > 0, kRunTimeoutMs);
    m_page->filterBar()->setDate(QDate(2001, 1, 1));

    m_window->clearPages();
    QCOMPARE(m_page->model()->rowCount(), 0);
    QCOMPARE(m_page->selectedRunId(), 0);
    QCOMPARE(m_page->logView()->lineCount(), 0);
    QCOMPARE(m_page->downloadButton()->runId(), 0);
    QCOMPARE(m_page->message(), QString());
    QCOMPARE(m_page->holdReason(), QString());
    QVERIFY(m_page->filterBar()->date() != QDate(2001, 1, 1));
    QVERIFY(!m_page->filterBar()->hasIntegrations());
    QVERIFY(!m_page->isRefreshing());
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("runbook-cleared"));
    QCOMPARE(m_window->integrationsPage()->model(hubdesk::IntegrationsPage::Inbound)->rowCount(),
             0);
    QCOMPARE(m_window->integrationsPage()->selectedIntegration(), QJsonObject());

    // The next search lists the runs and the integrations again.
    QSignalSpy loaded(m_page, &RunbookPage::runsLoaded);
    m_page->search();
    QVERIFY(loaded.wait(kRunTimeoutMs));
    QVERIFY(m_page->model()->rowCount() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->filterBar()->hasIntegrations(), kRunTimeoutMs);
}

QTEST_MAIN(tst_HeldLoad)
#include "tst_heldload.moc"
