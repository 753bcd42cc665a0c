// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The Validation Report dialog against an in-process engine that rejected a real bad bundle:
// the rows, the counts, sorting, the severity, file and text filters and the CSV export.

#include "uitestengine.h"
#include "testzip.h"

#include "integrationspage.h"
#include "mainwindow.h"
#include "runbookmodel.h"
#include "runbookpage.h"
#include "validationreportdialog.h"
#include "validationreportmodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>

using hubdesk::MainWindow;
using hubdesk::RunbookModel;
using hubdesk::RunbookPage;
using hubdesk::ValidationReportDialog;
using hubdesk::ValidationReportModel;
using hubtest::UiTestEngine;

namespace {

constexpr int kRunTimeoutMs = 30000;

// A OneRoster 1.1 bundle with errors and warnings in two files. orgs.csv: an unknown column
// (warning, line 1), a day-first date (line 3), an unknown parent (warning, line 5), a wrong
// org type (line 11) and a repeated sourcedId (line 12). courses.csv: a missing title (line 2).
QByteArray badBundle()
{
    QByteArray orgs = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,"
                      "color\r\n"
                      "org-d,active,2024-01-02T03:04:05Z,District,district,D1,,blue\r\n"
                      "org-1,active,15/06/2023,School 1,school,S1,org-d,red\r\n";
    for (int i = 2; i <= 9; ++i) {
        const QByteArray parent = i == 3 ? "org-missing" : "org-d";
        const QByteArray type = i == 9 ? "campus" : "school";
        orgs += "org-" + QByteArray::number(i) + ",active,2024-01-02T03:04:05Z,School "
                + QByteArray::number(i) + "," + type + ",S" + QByteArray::number(i) + ","
                + parent + ",\r\n";
    }
    orgs += "org-2,active,2024-01-02T03:04:05Z,Again,school,S10,org-d,\r\n";
    const QList<std::pair<QByteArray, QByteArray>> files{
        {"manifest.csv", "propertyName,value\r\nmanifest.version,1.0\r\n"
                         "oneroster.version,1.1\r\nfile.orgs,bulk\r\nfile.courses,bulk\r\n"},
        {"orgs.csv", orgs},
        {"courses.csv", "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,"
                        "grades,orgSourcedId,subjects\r\n"
                        "crs-1,active,2024-01-02T03:04:05Z,,,ALG,09,org-d,Math\r\n"},
    };
    return hubtest::zipArchive(files);
}

// A bulk bundle with one org and a column the hub does not load. It would retire every demo
// org, so the engine keeps the load waiting for approval, with a warning about the column.
QByteArray heldBundle()
{
    const QList<std::pair<QByteArray, QByteArray>> files{
        {"manifest.csv", "propertyName,value\r\nmanifest.version,1.0\r\n"
                         "oneroster.version,1.1\r\nfile.orgs,bulk\r\n"},
        {"orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId,"
                     "color\r\n"
                     "org-n,active,2024-01-02T03:04:05Z,New District,district,N1,,blue\r\n"},
    };
    return hubtest::zipArchive(files);
}

// The shown rows as "file|line|column|rule|severity", in the shown order.
QStringList shownRows(const ValidationReportDialog *dialog)
{
    const QAbstractItemModel *model = dialog->table()->model();
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        QStringList cells;
        for (int column : {ValidationReportModel::FileColumn, ValidationReportModel::LineColumn,
                           ValidationReportModel::FieldColumn, ValidationReportModel::RuleColumn,
                           ValidationReportModel::SeverityColumn})
            cells.append(model->index(row, column).data().toString());
        rows.append(cells.join(QLatin1Char('|')));
    }
    return rows;
}

} // namespace

class tst_ValidationReport final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void uploadMessageLinksReport();
    void reportListsFindings();
    void sortsByLineAsNumber();
    void filtersBySeverityFileAndText();
    void exportsShownRows();
    void exportFailureIsShown();
    void buttonOnlyForInboundFailures();
    void buttonForHeldAndRejectedLoads();

private:
    UiTestEngine m_engine;
    std::unique_ptr<MainWindow> m_window;
    RunbookPage *m_page = nullptr;
    QTemporaryDir m_folder;
    qint64 m_runId = 0;
};

void tst_ValidationReport::initTestCase()
{
    QVERIFY(m_folder.isValid());
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = std::make_unique<MainWindow>(m_engine.client());
    m_page = m_window->runbookPage();
    m_page->setTimeZone(QTimeZone(m_engine.client()->districtTimeZone()));
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void tst_ValidationReport::cleanupTestCase()
{
    m_window.reset();
    m_engine.stop();
}

void tst_ValidationReport::uploadMessageLinksReport()
{
    const QString path = m_folder.filePath(QStringLiteral("bad-bundle.zip"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(badBundle());
    file.close();

    QSignalSpy refreshed(m_window->integrationsPage(), &hubdesk::IntegrationsPage::refreshed);
    m_window->integrationsPage()->refresh();
    QVERIFY(refreshed.wait(kRunTimeoutMs));
    QVERIFY(m_window->integrationsPage()->selectIntegration(
        m_engine.integrationIdNamed(QStringLiteral("OneRoster Bundle"))));
    m_window->showPage(MainWindow::Page::Integrations);
    m_window->integrationsPage()->uploadFile(path);
    auto stack = m_window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    QVERIFY(stack);
    QTRY_COMPARE_WITH_TIMEOUT(MainWindow::Page(stack->currentIndex()), MainWindow::Page::Runbook,
                              kRunTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->selectedRunId() > 0, kRunTimeoutMs);
    m_runId = m_page->selectedRunId();

    // The message follows the run to its end and then links its report.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_page->message(),
        QStringLiteral("Run %1 ended: 9 Failed. See the Validation Report.").arg(m_runId),
        kRunTimeoutMs);
    auto reportButton
        = m_page->findChild<QPushButton *>(QStringLiteral("runbookValidationReportButton"));
    QVERIFY(reportButton);
    QVERIFY(reportButton->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(reportButton->isEnabled(), kRunTimeoutMs);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("validation-runbook"));

    auto message = m_page->findChild<QLabel *>(QStringLiteral("runbookMessage"));
    QVERIFY(message);
    QVERIFY(message->text().contains(QLatin1String("<a href=")));
    emit message->linkActivated(QStringLiteral("#validation"));
    ValidationReportDialog *dialog = m_page->validationReportDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->runId(), m_runId);
    QVERIFY(dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), kRunTimeoutMs);

    // The button brings the same report to the front instead of opening a second one.
    reportButton->click();
    QCOMPARE(m_page->validationReportDialog(), dialog);
}

void tst_ValidationReport::reportListsFindings()
{
    ValidationReportDialog *dialog = m_page->validationReportDialog();
    QVERIFY(dialog);
    QAbstractItemModelTester modelTester(dialog->model(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(dialog->filter(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Validation Report of Run %1").arg(m_runId));
    QCOMPARE(dialog->model()->errorCount(), 4);
    QCOMPARE(dialog->model()->warningCount(), 2);
    QCOMPARE(dialog->model()->rowCount(), 6);
    QCOMPARE(dialog->summaryText(), QStringLiteral("Errors: 4. Warnings: 2. Findings shown: 6 of 6."));
    QCOMPARE(dialog->model()->files(),
             (QStringList{QStringLiteral("courses.csv"), QStringLiteral("orgs.csv")}));

    // The engine's order, which is the order the validator found them in.
    QCOMPARE(shownRows(dialog),
             (QStringList{
                 QStringLiteral("orgs.csv|1|color|unknown-column|Warning"),
                 QStringLiteral("orgs.csv|3|dateLastModified|date-format|Error"),
                 QStringLiteral("orgs.csv|11|type|enum|Error"),
                 QStringLiteral("orgs.csv|12|sourcedId|duplicate-id|Error"),
                 QStringLiteral("courses.csv|2|title|required|Error"),
                 QStringLiteral("orgs.csv|5|parentSourcedId|unknown-reference|Warning"),
             }));
    const QModelIndex date = dialog->model()->index(1, ValidationReportModel::ValueColumn);
    QCOMPARE(date.data().toString(), QStringLiteral("15/06/2023"));
    QVERIFY2(date.siblingAtColumn(ValidationReportModel::MessageColumn)
                 .data()
                 .toString()
                 .contains(QStringLiteral("ISO 8601")),
             qPrintable(date.siblingAtColumn(ValidationReportModel::MessageColumn).data().toString()));

    // Each message, which tells what to change, wraps onto as many lines as it needs, and the
    // Column column fits OneRoster's longer names.
    QTableView *table = dialog->table();
    QTRY_VERIFY(table->isVisible());
    const int messageWidth = table->columnWidth(ValidationReportModel::MessageColumn);
    int wrappedRows = 0;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QString message
            = table->model()->index(row, ValidationReportModel::MessageColumn).data().toString();
        const QRect needed = table->fontMetrics().boundingRect(
            QRect(0, 0, messageWidth - 8, 10000), Qt::TextWordWrap, message);
        QVERIFY2(table->rowHeight(row) >= needed.height(),
                 qPrintable(QStringLiteral("row %1: %2 of %3")
                                .arg(row)
                                .arg(table->rowHeight(row))
                                .arg(needed.height())));
        if (needed.height() > table->fontMetrics().height())
            ++wrappedRows;
    }
    QVERIFY(wrappedRows > 0);
    QVERIFY(table->columnWidth(ValidationReportModel::FieldColumn)
            > table->fontMetrics().horizontalAdvance(QStringLiteral("schoolYearSourcedId")));
    QCOMPARE(table->textElideMode(), Qt::ElideMiddle);
    hubtest::saveScreenshot(dialog, QStringLiteral("validation-report"));
}

void tst_ValidationReport::sortsByLineAsNumber()
{
    ValidationReportDialog *dialog = m_page->validationReportDialog();
    QVERIFY(dialog);
    dialog->table()->sortByColumn(ValidationReportModel::LineColumn, Qt::AscendingOrder);
    QStringList lines;
    for (int row = 0; row < dialog->filter()->rowCount(); ++row)
        lines.append(dialog->filter()->index(row, ValidationReportModel::LineColumn).data().toString());
    // As text, 10 and 12 would sort before 2.
    QCOMPARE(lines, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                 QStringLiteral("5"), QStringLiteral("11"), QStringLiteral("12")}));

    dialog->table()->sortByColumn(ValidationReportModel::SeverityColumn, Qt::DescendingOrder);
    QCOMPARE(dialog->filter()->index(0, ValidationReportModel::SeverityColumn).data().toString(),
             QStringLiteral("Warning"));
    QCOMPARE(dialog->filter()->index(5, ValidationReportModel::SeverityColumn).data().toString(),
             QStringLiteral("Error"));
    QCOMPARE(dialog->table()->horizontalHeader()->sortIndicatorSection(),
             int(ValidationReportModel::SeverityColumn));
    dialog->table()->sortByColumn(ValidationReportModel::LineColumn, Qt::DescendingOrder);
    QCOMPARE(dialog->filter()->index(0, ValidationReportModel::LineColumn).data().toString(),
             QStringLiteral("12"));
}

void tst_ValidationReport::filtersBySeverityFileAndText()
{
    ValidationReportDialog *dialog = m_page->validationReportDialog();
    QVERIFY(dialog);
    dialog->table()->sortByColumn(ValidationReportModel::LineColumn, Qt::AscendingOrder);

    dialog->chooseSeverity(QStringLiteral("warning"));
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("validationReportSeverity"))->currentText(),
             QStringLiteral("Warnings"));
    QCOMPARE(shownRows(dialog),
             (QStringList{QStringLiteral("orgs.csv|1|color|unknown-column|Warning"),
                          QStringLiteral("orgs.csv|5|parentSourcedId|unknown-reference|Warning")}));
    QCOMPARE(dialog->summaryText(),
             QStringLiteral("Errors: 4. Warnings: 2. Findings shown: 2 of 6."));

    dialog->chooseSeverity(QStringLiteral("error"));
    dialog->chooseFile(QStringLiteral("courses.csv"));
    QCOMPARE(shownRows(dialog),
             QStringList{QStringLiteral("courses.csv|2|title|required|Error")});

    // The text filter matches values, columns, rules and messages, ignoring case.
    dialog->chooseFile({});
    dialog->setFilterText(QStringLiteral("  CAMPUS "));
    QCOMPARE(shownRows(dialog), QStringList{QStringLiteral("orgs.csv|11|type|enum|Error")});
    dialog->setFilterText(QStringLiteral("duplicate"));
    QCOMPARE(shownRows(dialog),
             QStringList{QStringLiteral("orgs.csv|12|sourcedId|duplicate-id|Error")});
    dialog->setFilterText(QStringLiteral("no such finding"));
    QCOMPARE(shownRows(dialog), QStringList());
    QCOMPARE(dialog->summaryText(),
             QStringLiteral("Errors: 4. Warnings: 2. Findings shown: 0 of 6."));

    // Only the finding about courses.csv names no org.
    dialog->setFilterText(QStringLiteral("org"));
    dialog->chooseSeverity({});
    QCOMPARE(dialog->filter()->rowCount(), 5);
    dialog->chooseFile(QStringLiteral("orgs.csv"));
    dialog->setFilterText({});
    QCOMPARE(dialog->filter()->rowCount(), 5);
    hubtest::saveScreenshot(dialog, QStringLiteral("validation-report-filtered"));
    dialog->chooseFile({});
}

void tst_ValidationReport::exportsShownRows()
{
    ValidationReportDialog *dialog = m_page->validationReportDialog();
    QVERIFY(dialog);
    dialog->table()->sortByColumn(ValidationReportModel::LineColumn, Qt::AscendingOrder);
    dialog->chooseSeverity(QStringLiteral("error"));
    dialog->chooseFile(QStringLiteral("orgs.csv"));

    const QString path = m_folder.filePath(QStringLiteral("report.csv"));
    QCOMPARE(dialog->exportTo(path), QString());
    QCOMPARE(dialog->message(),
             QStringLiteral("Saved %1. Findings: 3.").arg(QDir::toNativeSeparators(path)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(0), QByteArray("severity,rule,file,line,column,value,message\r"));
    QVERIFY2(lines.at(1).startsWith("error,date-format,orgs.csv,3,dateLastModified,15/06/2023,"),
             lines.at(1).constData());
    QVERIFY2(lines.at(2).startsWith("error,enum,orgs.csv,11,type,campus,"), lines.at(2).constData());
    QVERIFY2(lines.at(3).startsWith("error,duplicate-id,orgs.csv,12,sourcedId,org-2,"),
             lines.at(3).constData());
    QCOMPARE(lines.at(4), QByteArray());

    // The message column is the engine's sentence, the same as the engine's CSV export writes.
    const hubdesk::ApiResult engineCsv = UiTestEngine::wait(m_engine.client()->download(
        QStringLiteral("/api/v1/runs/%1/validation.csv").arg(m_runId)));
    QVERIFY(engineCsv.ok());
    for (int i = 1; i <= 3; ++i)
        QVERIFY2(engineCsv.data.contains(lines.at(i)), lines.at(i).constData());
    dialog->chooseSeverity({});
    dialog->chooseFile({});
}

void tst_ValidationReport::exportFailureIsShown()
{
    ValidationReportDialog *dialog = m_page->validationReportDialog();
    QVERIFY(dialog);
    const QString path = m_folder.filePath(QStringLiteral("no-such-folder/report.csv"));
    const QString error = dialog->exportTo(path);
    QVERIFY2(error.startsWith(QStringLiteral("Cannot write %1: ").arg(QDir::toNativeSeparators(path))),
             qPrintable(error));
    QCOMPARE(dialog->message(), error);
    QVERIFY(!QFile::exists(path));
    dialog->close();
    QTRY_VERIFY(m_page->validationReportDialog() == nullptr);
}

void tst_ValidationReport::buttonOnlyForInboundFailures()
{
    auto reportButton
        = m_page->findChild<QPushButton *>(QStringLiteral("runbookValidationReportButton"));
    QVERIFY(reportButton);
    // An outbound run that succeeded has no report.
    const qint64 outbound = m_engine.integrationIdNamed(QStringLiteral("MiLEARN-Sections Data"));
    QVERIFY(outbound > 0);
    const hubdesk::ApiResult queued = UiTestEngine::wait(m_engine.client()->runNow(outbound));
    QVERIFY(queued.ok());
    const qint64 runId = queued.body.object().value(QStringLiteral("id")).toInteger();
    m_page->showRun(runId);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->selectedRunId() == runId, kRunTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_page->model()->indexOfRun(runId).data(RunbookModel::StatusCodeRole).toInt(), 0,
        kRunTimeoutMs);
    QVERIFY(!reportButton->isEnabled());
    m_page->showValidationReport();
    QCOMPARE(m_page->validationReportDialog(), nullptr);

    // Selecting the rejected upload enables it again.
    m_page->showRun(m_runId);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->selectedRunId() == m_runId, kRunTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(reportButton->isEnabled(), kRunTimeoutMs);
    m_page->showValidationReport();
    QVERIFY(m_page->validationReportDialog());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->validationReportDialog()->isLoading(), kRunTimeoutMs);
    QCOMPARE(m_page->validationReportDialog()->model()->rowCount(), 6);

    // Signing out clears the page and closes the report with it.
    m_page->clear();
    QTRY_VERIFY(m_page->validationReportDialog() == nullptr);
    QVERIFY(!reportButton->isEnabled());
}

void tst_ValidationReport::buttonForHeldAndRejectedLoads()
{
    auto reportButton
        = m_page->findChild<QPushButton *>(QStringLiteral("runbookValidationReportButton"));
    QVERIFY(reportButton);
    const hubdesk::ApiResult uploaded = UiTestEngine::wait(m_engine.client()->upload(
        QStringLiteral("/api/v1/integrations/3/files"), heldBundle(), QStringLiteral("held.zip")));
    QCOMPARE(uploaded.httpStatus, 202);
    const qint64 runId = uploaded.body.object().value(QStringLiteral("id")).toInteger();
    m_page->showRun(runId);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->selectedRunId() == runId, kRunTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        RunbookModel::isHeld(
            m_page->model()->indexOfRun(runId).data(RunbookModel::RunJsonRole).toJsonObject()),
        kRunTimeoutMs);

    // The coordinator reads the findings of a held load before approving it.
    QVERIFY(reportButton->isEnabled());
    m_page->showValidationReport();
    ValidationReportDialog *dialog = m_page->validationReportDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->runId(), runId);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), kRunTimeoutMs);
    QCOMPARE(dialog->model()->rowCount(), 1);
    QCOMPARE(dialog->model()->index(0, ValidationReportModel::FieldColumn).data().toString(),
             QStringLiteral("color"));
    hubtest::saveScreenshot(dialog, QStringLiteral("validation-report-held"));
    dialog->close();
    QTRY_VERIFY(m_page->validationReportDialog() == nullptr);

    // A rejected load ends cancelled and keeps its report.
    const hubdesk::ApiResult rejected = UiTestEngine::wait(
        m_engine.client()->post(QStringLiteral("/api/v1/runs/%1/reject").arg(runId)));
    QVERIFY2(rejected.ok(), rejected.data.constData());
    m_page->search();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_page->model()->indexOfRun(runId).data(RunbookModel::StatusCodeRole).toInt(), 3,
        kRunTimeoutMs);
    m_page->showRun(runId);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->selectedRunId() == runId, kRunTimeoutMs);
    QVERIFY(reportButton->isEnabled());
    m_page->showValidationReport();
    QVERIFY(m_page->validationReportDialog());
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->validationReportDialog()->isLoading(), kRunTimeoutMs);
    QCOMPARE(m_page->validationReportDialog()->model()->rowCount(), 1);
    m_page->validationReportDialog()->close();
    QTRY_VERIFY(m_page->validationReportDialog() == nullptr);
}

QTEST_MAIN(tst_ValidationReport)
#include "tst_validationreport.moc"
