// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The Audit Log page against an in-process demo engine: entries with their before and after
// records, filters, pages and Export CSV. With HUBDESK_SCREENSHOT_DIR set, the main window on
// this page is saved as audit-log.png.

#include "uitestengine.h"

#include "auditlogmodel.h"
#include "auditlogpage.h"
#include "mainwindow.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using hubdesk::AuditLogModel;
using hubdesk::AuditLogPage;

class tst_AuditLogPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void entryShowsBeforeAndAfter();
    void filtersNarrowListing();
    void pagesMoveThroughEntries();
    void invalidDateRangeShowsError();
    void exportWritesCsv();
    void exportToMissingFolderFails();
    void uploadActionsShowWords();
    void navigationHidesPageForOthers();

private:
    AuditLogPage *page() const { return m_window->auditLogPage(); }
    template<typename T>
    T *child(const char *name) const
    {
        return page()->findChild<T *>(QLatin1String(name));
    }
    bool search();
    void insertEntries(int count, const QString &actor, const QString &loggedAt,
                       const QString &action = QStringLiteral("update"));

    hubtest::UiTestEngine m_engine;
    std::unique_ptr<hubdesk::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QTemporaryDir m_exportDir;
};

void tst_AuditLogPage::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = std::make_unique<hubdesk::MainWindow>(m_engine.client());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        page()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->showPage(hubdesk::MainWindow::Page::AuditLog);

    // A blackout window made and removed through the API, so the log has a create and a delete.
    const hubdesk::ApiResult created = hubtest::UiTestEngine::wait(m_engine.client()->post(
        QStringLiteral("/api/v1/blackouts"),
        QJsonObject{{QStringLiteral("startsOn"), QStringLiteral("2027-03-29")},
                    {QStringLiteral("endsOn"), QStringLiteral("2027-04-02")},
                    {QStringLiteral("reason"), QStringLiteral("Spring break")}}));
    QVERIFY2(created.ok(), qPrintable(created.errorMessage));
    const qint64 id = created.body.object().value(QStringLiteral("id")).toInteger();
    QVERIFY(hubtest::UiTestEngine::wait(
                m_engine.client()->deleteResource(QStringLiteral("/api/v1/blackouts/%1").arg(id)))
                .ok());
    insertEntries(120, QStringLiteral("bulk"), QStringLiteral("2026-12-02T12:00:00.000Z"));
}

void tst_AuditLogPage::cleanupTestCase()
{
    m_tester.reset();
    m_window.reset();
    m_engine.stop();
}

// Each test starts from no filters.
void tst_AuditLogPage::init()
{
    child<QLineEdit>("auditActorEdit")->clear();
    child<QComboBox>("auditEntityCombo")->setCurrentIndex(0);
    child<QComboBox>("auditActionCombo")->setCurrentIndex(0);
    page()->setDateRange(QDate(2020, 1, 1), QDate(2030, 12, 31));
}

bool tst_AuditLogPage::search()
{
    QSignalSpy refreshed(page(), &AuditLogPage::refreshed);
    QTest::mouseClick(child<QPushButton>("auditSearchButton"), Qt::LeftButton);
    return refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs);
}

void tst_AuditLogPage::insertEntries(int count, const QString &actor, const QString &loggedAt,
                                     const QString &action)
{
    const QSqlDatabase db = m_engine.engine()->store().connection();
    hub::Transaction transaction(db);
    for (int i = 0; i < count; ++i) {
        auto inserted
            = hub::execute(db,
                           QStringLiteral("INSERT INTO audit_log(district_id, logged_at, "
                                          "actor, action, entity, entity_id, after_json) "
                                          "VALUES (?, ?, ?, ?, 'integration', ?, "
                                          "'{\"notes\":\"bulk\"}')"),
                           {m_engine.engine()->districtId(), loggedAt, actor, action, i + 1});
        QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
    }
    QVERIFY(transaction.commit().ok());
}

void tst_AuditLogPage::entryShowsBeforeAndAfter()
{
    child<QComboBox>("auditEntityCombo")->setCurrentIndex(
        child<QComboBox>("auditEntityCombo")->findData(QStringLiteral("blackout")));
    QVERIFY(search());
    QCOMPARE(page()->model()->rowCount(), 2);
    QTableView *table = page()->table();
    QCOMPARE(table->currentIndex().row(), 0);
    const QAbstractItemModel *model = table->model();
    QCOMPARE(model->headerData(AuditLogModel::ActorColumn, Qt::Horizontal).toString(),
             QStringLiteral("User"));
    QCOMPARE(model->index(0, AuditLogModel::ActionColumn).data().toString(), QStringLiteral("Delete"));
    QCOMPARE(model->index(1, AuditLogModel::ActionColumn).data().toString(), QStringLiteral("Create"));
    QVERIFY(model->index(0, AuditLogModel::RecordColumn).data().toString().startsWith(
        QLatin1String("Blackout window ")));
    QCOMPARE(model->index(0, AuditLogModel::ActorColumn).data().toString(),
             QStringLiteral("local administrator"));
    QCOMPARE(model->index(0, AuditLogModel::DistrictColumn).data().toString(),
             QStringLiteral("Demo Public Schools"));
    QVERIFY(model->index(0, AuditLogModel::TimeColumn).data().toString().endsWith(QLatin1String("EST")));

    // A deleted record has only a before; a created one only an after.
    QVERIFY(child<QPlainTextEdit>("auditBeforeView")->toPlainText().contains(QLatin1String("Spring break")));
    QCOMPARE(child<QPlainTextEdit>("auditAfterView")->toPlainText(), QStringLiteral("—"));
    QVERIFY(child<QLabel>("auditEntryHeading")->text().startsWith(QLatin1String("Delete Blackout window")));
    table->selectRow(1);
    QCOMPARE(child<QPlainTextEdit>("auditBeforeView")->toPlainText(), QStringLiteral("—"));
    QVERIFY(child<QPlainTextEdit>("auditAfterView")->toPlainText().contains(QLatin1String("\"reason\": \"Spring break\"")));
    QCOMPARE(child<QLabel>("auditPageLabel")->text(), QStringLiteral("Entries 1–2 of 2"));

    hubtest::saveScreenshot(m_window.get(), QStringLiteral("audit-log"));
}

void tst_AuditLogPage::filtersNarrowListing()
{
    child<QComboBox>("auditActionCombo")->setCurrentIndex(
        child<QComboBox>("auditActionCombo")->findData(QStringLiteral("create")));
    child<QComboBox>("auditEntityCombo")->setCurrentIndex(
        child<QComboBox>("auditEntityCombo")->findData(QStringLiteral("blackout")));
    QVERIFY(search());
    QCOMPARE(page()->model()->rowCount(), 1);
    QCOMPARE(page()->query().queryItemValue(QStringLiteral("action")), QStringLiteral("create"));
    QCOMPARE(page()->query().queryItemValue(QStringLiteral("entity")), QStringLiteral("blackout"));

    child<QLineEdit>("auditActorEdit")->setText(QStringLiteral("nobody"));
    QVERIFY(search());
    QCOMPARE(page()->model()->rowCount(), 0);
    QCOMPARE(page()->message(), QStringLiteral("No entries match the filters."));
    QCOMPARE(child<QLabel>("auditPageLabel")->text(), QStringLiteral("Entries 0–0 of 0"));
    QVERIFY(child<QLabel>("auditEntryHeading")->text().startsWith(QLatin1String("Select an entry")));

    // Dates are read in the district's zone: 2 December 12:00 UTC is 07:00 EST that day.
    child<QLineEdit>("auditActorEdit")->setText(QStringLiteral("bulk"));
    child<QComboBox>("auditActionCombo")->setCurrentIndex(0);
    child<QComboBox>("auditEntityCombo")->setCurrentIndex(0);
    page()->setDateRange(QDate(2026, 12, 3), QDate(2026, 12, 4));
    QVERIFY(search());
    QCOMPARE(page()->model()->total(), 0);
    page()->setDateRange(QDate(2026, 12, 2), QDate(2026, 12, 2));
    QVERIFY(search());
    QCOMPARE(page()->model()->total(), 120);
    QCOMPARE(page()->model()->index(0, AuditLogModel::TimeColumn).data().toString(),
             QStringLiteral("12/02/2026 07:00:00 AM EST"));
}

void tst_AuditLogPage::pagesMoveThroughEntries()
{
    child<QLineEdit>("auditActorEdit")->setText(QStringLiteral("bulk"));
    QVERIFY(search());
    auto previous = child<QPushButton>("auditPreviousButton");
    auto next = child<QPushButton>("auditNextButton");
    auto label = child<QLabel>("auditPageLabel");
    QCOMPARE(label->text(), QStringLiteral("Entries 1–50 of 120"));
    QVERIFY(!previous->isEnabled());
    QVERIFY(next->isEnabled());

    QSignalSpy refreshed(page(), &AuditLogPage::refreshed);
    QTest::mouseClick(next, Qt::LeftButton);
    QVERIFY(refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(label->text(), QStringLiteral("Entries 51–100 of 120"));
    QTest::mouseClick(next, Qt::LeftButton);
    QVERIFY(refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(label->text(), QStringLiteral("Entries 101–120 of 120"));
    QCOMPARE(page()->model()->rowCount(), 20);
    QVERIFY(!next->isEnabled());
    QVERIFY(previous->isEnabled());
    QTest::mouseClick(previous, Qt::LeftButton);
    QVERIFY(refreshed.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(label->text(), QStringLiteral("Entries 51–100 of 120"));
    // A new search starts at the first page.
    QVERIFY(search());
    QCOMPARE(label->text(), QStringLiteral("Entries 1–50 of 120"));
}

void tst_AuditLogPage::invalidDateRangeShowsError()
{
    page()->setDateRange(QDate(2026, 12, 4), QDate(2026, 12, 1));
    QVERIFY(search());
    QCOMPARE(page()->model()->rowCount(), 0);
    QVERIFY2(page()->message().contains(QLatin1String("The end date is before the start date.")),
             qPrintable(page()->message()));
}

void tst_AuditLogPage::exportWritesCsv()
{
    child<QLineEdit>("auditActorEdit")->setText(QStringLiteral("bulk"));
    const QString path = m_exportDir.filePath(QStringLiteral("audit.csv"));
    QSignalSpy exported(page(), &AuditLogPage::exported);
    page()->exportTo(path);
    QVERIFY(exported.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(exported.first().at(1).toString(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    // Every matching entry, not only the page on screen.
    QCOMPARE(lines.size(), 121);
    QVERIFY(lines.at(0).startsWith("id,logged_at_utc,logged_at_local,"));
    QVERIFY(lines.at(1).contains(",2026-12-02 07:00:00 EST,"));
    QVERIFY(page()->message().startsWith(QLatin1String("Saved the audit log to ")));
    QVERIFY(child<QPushButton>("auditExportButton")->isEnabled());
}

void tst_AuditLogPage::exportToMissingFolderFails()
{
    const QString path = m_exportDir.filePath(QStringLiteral("missing/audit.csv"));
    QSignalSpy exported(page(), &AuditLogPage::exported);
    page()->exportTo(path);
    QVERIFY(exported.wait(hubtest::UiTestEngine::kRequestTimeoutMs));
    const QString error = exported.first().at(1).toString();
    QVERIFY2(error.startsWith(QLatin1String("Cannot write ")), qPrintable(error));
    QCOMPARE(page()->message(), error);
    QVERIFY(!QFile::exists(path));
}

void tst_AuditLogPage::navigationHidesPageForOthers()
{
    auto navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigationList"));
    QCOMPARE(navigation->item(4)->text(), QStringLiteral("Audit Log"));
    QVERIFY(!navigation->item(4)->isHidden());

    hubdesk::SessionInfo session;
    session.user = QStringLiteral("ops");
    session.district = {m_engine.engine()->districtId(), QStringLiteral("Demo Public Schools"),
                        QStringLiteral("America/Detroit"), QStringLiteral("operator")};
    session.districts = {session.district};
    m_window->showPage(hubdesk::MainWindow::Page::AuditLog);
    m_window->setSession(session);
    QVERIFY(navigation->item(4)->isHidden());
    // The page on screen moves away from the audit log.
    QCOMPARE(navigation->currentRow(), 0);

    session.district.role = QStringLiteral("administrator");
    m_window->setSession(session);
    QVERIFY(!navigation->item(4)->isHidden());
    session.district.role = QStringLiteral("statewide");
    m_window->setSession(session);
    QVERIFY(!navigation->item(4)->isHidden());
}

void tst_AuditLogPage::uploadActionsShowWords()
{
    const QString loggedAt = QStringLiteral("2026-12-03T12:00:00.000Z");
    insertEntries(1, QStringLiteral("uploader"), loggedAt, QStringLiteral("upload_start"));
    insertEntries(1, QStringLiteral("uploader"), loggedAt, QStringLiteral("upload_complete"));
    insertEntries(1, QStringLiteral("uploader"), loggedAt, QStringLiteral("upload_delete"));
    child<QLineEdit>("auditActorEdit")->setText(QStringLiteral("uploader"));
    QVERIFY(search());
    const QAbstractItemModel *model = page()->table()->model();
    QCOMPARE(model->rowCount(), 3);
    QStringList actionTexts;
    for (int row = 0; row < model->rowCount(); ++row)
        actionTexts.append(model->index(row, AuditLogModel::ActionColumn).data().toString());
    actionTexts.sort();
    QCOMPARE(actionTexts,
             QStringList({QStringLiteral("Complete upload"), QStringLiteral("Delete upload"),
                          QStringLiteral("Start upload")}));
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("audit-log-uploads"));

    // Every code the engine writes has words in the Action filter, and a code added later
    // reads as words too.
    auto combo = child<QComboBox>("auditActionCombo");
    for (const QString &code : AuditLogModel::actionCodes()) {
        const int item = combo->findData(code);
        QVERIFY2(item > 0, qPrintable(code));
        QVERIFY2(!combo->itemText(item).contains(QLatin1Char('_')), qPrintable(code));
        QVERIFY2(combo->itemText(item) != code, qPrintable(code));
    }
    QCOMPARE(combo->itemText(combo->findData(QStringLiteral("upload_start"))),
             QStringLiteral("Start upload"));
    QCOMPARE(AuditLogModel::actionText(QStringLiteral("archive_run")),
             QStringLiteral("Archive run"));

    // The engine takes each of them as a filter; it rejects an action that it does not write.
    child<QLineEdit>("auditActorEdit")->clear();
    for (const QString &code : AuditLogModel::actionCodes()) {
        combo->setCurrentIndex(combo->findData(code));
        QVERIFY2(search(), qPrintable(code));
        const QString message = page()->message();
        QVERIFY2(message.isEmpty() || message == QLatin1String("No entries match the filters."),
                 qPrintable(code + QLatin1String(": ") + message));
    }
}

QTEST_MAIN(tst_AuditLogPage)
#include "tst_auditlogpage.moc"
