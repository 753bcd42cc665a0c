// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "destinationmodel.h"
#include "integrationmodel.h"
#include "occurrencemodel.h"
#include "productmodel.h"
#include "runbookmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace hubdesk;

namespace {

// One of the sample files in data/, which hold JSON as the engine's routes return it.
QJsonArray sample(const char *fileName)
{
    QFile file(QStringLiteral(":/samples/") + QLatin1String(fileName));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("Cannot read the sample %s", fileName);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isArray())
        qFatal("The sample %s is not a JSON array: %s", fileName, qPrintable(error.errorString()));
    return document.array();
}

// GET /api/v1/runs/11 (the second run of runs.json) with its first phaseCount phases, of
// three, and one log line.
QJsonObject runDetail(int phaseCount)
{
    const QJsonArray allPhases = sample("phases.json");
    QJsonObject detail = sample("runs.json").at(1).toObject();
    QJsonArray phases;
    for (int i = 0; i < phaseCount; ++i)
        phases.append(allPhases.at(i));
    detail.insert(QStringLiteral("phases"), phases);
    detail.insert(
        QStringLiteral("log"),
        QJsonArray{QJsonObject{{QStringLiteral("at"), QStringLiteral("2026-07-15T06:00:14.000Z")},
                               {QStringLiteral("level"), QStringLiteral("info")},
                               {QStringLiteral("message"), QStringLiteral("634 rows read.")},
                               {QStringLiteral("phaseId"), 31}}});
    return detail;
}

// The elements from index first on, at most count of them (all when count is -1).
QJsonArray slice(const QJsonArray &array, qsizetype first, qsizetype count = -1)
{
    QJsonArray result;
    for (qsizetype i = first; i < array.size() && (count < 0 || i < first + count); ++i)
        result.append(array.at(i));
    return result;
}

QString display(const QAbstractItemModel &model, int row, int column,
                const QModelIndex &parent = {})
{
    return model.index(row, column, parent).data().toString();
}

// Makes United States English the default locale until it goes out of scope, for numbers with
// thousands separators.
class EnglishLocale
{
public:
    EnglishLocale() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    ~EnglishLocale() { QLocale::setDefault(m_previous); }

private:
    QLocale m_previous;
};

} // namespace

class tst_Models final : public QObject
{
    Q_OBJECT

private slots:
    void productModel();
    void productModelHeaders();
    void integrationModel();
    void destinationModel();
    void occurrenceModel();
    void runbookRunRows_data();
    void runbookRunRows();
    void runbookRetryNamesItsRun();
    void runbookTimesFollowZone();
    void runbookNameCanBeLeftOut();
    void runbookDetailInsertsPhases();
    void runbookDetailUpdatesPhases();
    void runbookDetailOfUnknownRunInsertsIt();
    void runbookIgnoresOlderChanges();
    void runbookAppendSkipsDuplicates();
    void runbookFetchMoreRequestsDetail();
    void runbookActiveRuns();
    void runbookApiPhaseCounts();
    void apiPhaseCountWords_data();
    void apiPhaseCountWords();
    void phaseCountWords_data();
    void phaseCountWords();
    void triggerWords_data();
    void triggerWords();
    void statusWords_data();
    void statusWords();
};

void tst_Models::productModel()
{
    ProductModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setProducts(sample("products.json"));

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(ProductModel::ColumnCount));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(display(model, 0, ProductModel::TypeColumn), QStringLiteral("Outbound"));
    QCOMPARE(display(model, 0, ProductModel::SystemTypeColumn), QStringLiteral("External System"));
    QCOMPARE(display(model, 0, ProductModel::VendorColumn),
             QStringLiteral("State of Michigan - MDE"));
    QCOMPARE(display(model, 0, ProductModel::SystemColumn), QStringLiteral("MILEARN - v1"));
    QCOMPARE(display(model, 0, ProductModel::OutputsColumn),
             QStringLiteral("MiLEARN-Authorizations Data, MiLEARN-Sections Data"));
    QCOMPARE(display(model, 1, ProductModel::TypeColumn), QStringLiteral("Inbound"));
    QCOMPARE(display(model, 1, ProductModel::OutputsColumn), QString());

    const QModelIndex first = model.index(0, ProductModel::VendorColumn);
    QCOMPARE(first.data(ProductModel::IdRole).toLongLong(), 2);
    QCOMPARE(first.data(ProductModel::IntegrationTypeRole).toString(), QStringLiteral("outbound"));
    QCOMPARE(first.data(ProductModel::ProductJsonRole).toJsonObject().value(QStringLiteral("key")),
             QJsonValue(QStringLiteral("milearn")));
    QVERIFY(first.data(ProductModel::SearchTextRole)
                .toString()
                .contains(QStringLiteral("MiLEARN-Sections Data")));
    QCOMPARE(first.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Sends sections and user authorizations to the state's learning "
                            "platform."));

    QCOMPARE(model.product(1).value(QStringLiteral("id")).toInteger(), 9);
    QVERIFY(model.product(2).isEmpty());
    QVERIFY(model.product(-1).isEmpty());
    QVERIFY(!model.index(2, 0).isValid());
    QVERIFY(!model.index(0, ProductModel::ColumnCount).isValid());

    model.setProducts({});
    QCOMPARE(model.rowCount(), 0);
}

void tst_Models::productModelHeaders()
{
    ProductModel model;
    const QStringList expected
        = {QStringLiteral("Integration Type"), QStringLiteral("System Type"),
           QStringLiteral("Vendor"), QStringLiteral("System"), QStringLiteral("Outputs")};
    for (int column = 0; column < ProductModel::ColumnCount; ++column)
        QCOMPARE(model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString(),
                 expected.at(column));
}

void tst_Models::integrationModel()
{
    IntegrationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setIntegrations(sample("integrations.json"));

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowCount(model.index(0)), 0);
    QCOMPARE(display(model, 0, 0),
             QStringLiteral("External System: MiLEARN 1: MiLEARN-Sections Data (current)"));
    QCOMPARE(model.index(0).data(IntegrationModel::IdRole).toLongLong(), 1);
    QCOMPARE(model.index(0).data(IntegrationModel::IntegrationTypeRole).toString(),
             QStringLiteral("outbound"));
    QCOMPARE(model.index(0).data(IntegrationModel::ActiveRole).toBool(), true);
    QCOMPARE(model.index(1).data(IntegrationModel::ActiveRole).toBool(), false);
    QCOMPARE(model.index(0).data(IntegrationModel::LastRunStatusRole).toInt(), 9);
    QVERIFY(!model.index(1).data(IntegrationModel::LastRunStatusRole).isValid());
    QCOMPARE(model.index(1)
                 .data(IntegrationModel::IntegrationJsonRole)
                 .toJsonObject()
                 .value(QStringLiteral("outputName")),
             QJsonValue(QStringLiteral("MiLEARN-Authorizations Data")));
    QCOMPARE(model.index(0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Sends sections nightly."));

    QCOMPARE(model.rowOfId(2), 1);
    QCOMPARE(model.rowOfId(99), -1);
    QCOMPARE(model.integration(0).value(QStringLiteral("id")).toInteger(), 1);
    QVERIFY(model.integration(5).isEmpty());
}

void tst_Models::destinationModel()
{
    DestinationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setDestinations(sample("destinations.json"));

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowCount(model.index(0)), 0);
    QCOMPARE(display(model, 0, 0), QStringLiteral("Demo Outbound Folder"));
    QCOMPARE(model.index(0).data(DestinationModel::IdRole).toLongLong(), 1);
    QCOMPARE(model.index(1).data(DestinationModel::KindRole).toString(), QStringLiteral("sftp"));
    QCOMPARE(model.index(0).data(Qt::ToolTipRole).toString(), QStringLiteral("/srv/hub/outbound"));
    QCOMPARE(model.index(1)
                 .data(DestinationModel::DestinationJsonRole)
                 .toJsonObject()
                 .value(QStringLiteral("name")),
             QJsonValue(QStringLiteral("State SFTP")));
    QCOMPARE(model.rowOfId(4), 1);
    QCOMPARE(model.rowOfId(3), -1);
    QVERIFY(!model.index(2).data().isValid());
}

void tst_Models::occurrenceModel()
{
    OccurrenceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Occurrences as POST /api/v1/schedules/preview returns them for America/Detroit.
    const QJsonArray occurrences{
        QJsonObject{{QStringLiteral("at"), QStringLiteral("2026-11-01T05:30:00.000Z")},
                    {QStringLiteral("local"), QStringLiteral("2026-11-01T01:30:00")},
                    {QStringLiteral("abbreviation"), QStringLiteral("EDT")},
                    {QStringLiteral("shifted"), false},
                    {QStringLiteral("note"), QStringLiteral("01:30 occurs twice on 2026-11-01.")},
                    {QStringLiteral("heldBy"), QJsonValue()}},
        QJsonObject{{QStringLiteral("at"), QStringLiteral("2026-11-01T07:00:00.000Z")},
                    {QStringLiteral("local"), QStringLiteral("2026-11-01T02:00:00")},
                    {QStringLiteral("abbreviation"), QStringLiteral("EST")},
                    {QStringLiteral("shifted"), true},
                    {QStringLiteral("note"), QString()},
                    {QStringLiteral("heldBy"), QStringLiteral("Winter break")}},
    };
    model.setOccurrences(occurrences);

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowCount(model.index(0)), 0);
    QCOMPARE(display(model, 0, 0), QStringLiteral("Sun 11/01/2026 01:30 AM EDT"));
    QCOMPARE(display(model, 1, 0), QStringLiteral("Sun 11/01/2026 02:00 AM EST"));
    QCOMPARE(model.index(0).data(OccurrenceModel::InstantRole).toDateTime(),
             QDateTime(QDate(2026, 11, 1), QTime(5, 30), QTimeZone::utc()));
    QCOMPARE(model.index(0).data(OccurrenceModel::ShiftedRole).toBool(), false);
    QCOMPARE(model.index(0).data(OccurrenceModel::NoteRole).toString(),
             QStringLiteral("01:30 occurs twice on 2026-11-01."));
    QVERIFY(model.index(0).data(OccurrenceModel::HeldByRole).toString().isEmpty());
    // A shift without the engine's note still gets a sentence.
    QCOMPARE(model.index(1).data(OccurrenceModel::ShiftedRole).toBool(), true);
    QVERIFY(!model.index(1).data(OccurrenceModel::NoteRole).toString().isEmpty());
    QCOMPARE(model.index(1).data(OccurrenceModel::HeldByRole).toString(),
             QStringLiteral("Winter break"));
    QVERIFY(!model.index(2).data().isValid());

    // A local time that is no date-time is shown as the engine sent it.
    QCOMPARE(OccurrenceModel::formatLocalTime(QStringLiteral("soon"), QStringLiteral("EST")),
             QStringLiteral("soon"));
    QCOMPARE(OccurrenceModel::formatLocalTime(QStringLiteral("2026-03-08T15:05:00"), {}),
             QStringLiteral("Sun 03/08/2026 03:05 PM"));

    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_Models::runbookRunRows_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");

    const QString sections
        = QStringLiteral("External System: MiLEARN 1: MiLEARN-Sections Data (current)");
    QTest::newRow("queued status")
        << 0 << int(RunbookModel::StatusColumn) << QStringLiteral("2 Queued");
    QTest::newRow("queued has no start") << 0 << int(RunbookModel::StartTimeColumn) << QString();
    QTest::newRow("queued has no duration") << 0 << int(RunbookModel::DurationColumn) << QString();
    QTest::newRow("succeeded status")
        << 1 << int(RunbookModel::StatusColumn) << QStringLiteral("0 Succeeded");
    QTest::newRow("phase name of a run")
        << 1 << int(RunbookModel::PhaseNameColumn)
        << QStringLiteral("Integration Instance Id 11 - ") + sections;
    QTest::newRow("July start is EDT")
        << 1 << int(RunbookModel::StartTimeColumn) << QStringLiteral("07/15/2026 02:00:13 AM EDT");
    QTest::newRow("July end is EDT")
        << 1 << int(RunbookModel::EndTimeColumn) << QStringLiteral("07/15/2026 02:01:13 AM EDT");
    QTest::newRow("59.9 s truncates to 59")
        << 1 << int(RunbookModel::DurationColumn) << QStringLiteral("00:00:59");
    QTest::newRow("failed status")
        << 2 << int(RunbookModel::StatusColumn) << QStringLiteral("9 Failed");
    QTest::newRow("January start is EST")
        << 2 << int(RunbookModel::StartTimeColumn) << QStringLiteral("01/15/2026 02:00:13 AM EST");
    QTest::newRow("3600 s is one hour")
        << 2 << int(RunbookModel::DurationColumn) << QStringLiteral("01:00:00");
    QTest::newRow("scheduled trigger")
        << 0 << int(RunbookModel::TriggerColumn) << QStringLiteral("Schedule");
    QTest::newRow("manual trigger")
        << 1 << int(RunbookModel::TriggerColumn) << QStringLiteral("Manual");
    QTest::newRow("retry trigger")
        << 2 << int(RunbookModel::TriggerColumn) << QStringLiteral("Retry");
}

void tst_Models::runbookRetryNamesItsRun()
{
    RunbookModel model;
    model.setRuns(sample("runs.json"));
    const QModelIndex retry = model.indexOfRun(10).siblingAtColumn(RunbookModel::TriggerColumn);
    QCOMPARE(retry.data().toString(), QStringLiteral("Retry"));
    QCOMPARE(retry.data(Qt::AccessibleDescriptionRole).toString(),
             QStringLiteral("Retry of Integration Instance Id 9"));
    QVERIFY(retry.data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Retry of Integration Instance Id 9\n")));
    const QModelIndex manual = model.indexOfRun(11).siblingAtColumn(RunbookModel::TriggerColumn);
    QCOMPARE(manual.data(Qt::AccessibleDescriptionRole).toString(), QString());
}

void tst_Models::runbookRunRows()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, expected);

    RunbookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setTimeZone(QTimeZone("America/Detroit"));
    model.setRuns(sample("runs.json"));

    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(display(model, row, column), expected);
}

void tst_Models::runbookNameCanBeLeftOut()
{
    RunbookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRuns(sample("runs.json"));
    const QString withName = display(model, 1, RunbookModel::PhaseNameColumn);
    QVERIFY2(withName.startsWith(QStringLiteral("Integration Instance Id ")), qPrintable(withName));
    QVERIFY2(withName.contains(QStringLiteral(" - ")), qPrintable(withName));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setShowsIntegrationName(false);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(display(model, 1, RunbookModel::PhaseNameColumn),
             QStringLiteral("Integration Instance Id 11"));
    model.setShowsIntegrationName(false);
    QCOMPARE(changed.size(), 1);
}

void tst_Models::runbookTimesFollowZone()
{
    RunbookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRuns(sample("runs.json"));
    model.setRunDetail(runDetail(3));
    QCOMPARE(display(model, 1, RunbookModel::StartTimeColumn),
             QStringLiteral("07/15/2026 02:00:13 AM EDT"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setTimeZone(QTimeZone("America/Los_Angeles"));

    // One change for the run rows and one for the phases of the run with detail.
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{Qt::DisplayRole});
    QCOMPARE(display(model, 1, RunbookModel::StartTimeColumn),
             QStringLiteral("07/14/2026 11:00:13 PM PDT"));
    const QModelIndex run = model.indexOfRun(11);
    QCOMPARE(display(model, 0, RunbookModel::StartTimeColumn, run),
             QStringLiteral("07/14/2026 11:00:13 PM PDT"));

    model.setTimeZone(QTimeZone("America/Los_Angeles"));
    QCOMPARE(changed.size(), 2);
}

void tst_Models::runbookDetailInsertsPhases()
{
    RunbookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRuns(sample("runs.json"));
    const QModelIndex run = model.indexOfRun(11);
    QCOMPARE(run.row(), 1);
    QCOMPARE(model.rowCount(run), 0);
    QVERIFY(!run.data(RunbookModel::LogRole).isValid());

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setRunDetail(runDetail(3));

    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), run);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(model.rowCount(run), 3);
    QVERIFY(model.hasChildren(run));

    // Each phase shows its rows and bytes where keyboard and screen reader users reach them.
    const QString bytes = QLocale().formattedDataSize(84571);
    QCOMPARE(display(model, 0, RunbookModel::PhaseNameColumn, run),
             QStringLiteral("Query: 634 rows read"));
    QCOMPARE(display(model, 1, RunbookModel::PhaseNameColumn, run),
             QStringLiteral("Format: 634 rows read, 634 rows written, %1").arg(bytes));
    QCOMPARE(display(model, 2, RunbookModel::PhaseNameColumn, run),
             QStringLiteral("Deliver to Demo Outbound Folder: 634 rows written, %1").arg(bytes));
    QCOMPARE(display(model, 0, RunbookModel::TriggerColumn, run), QString());
    QCOMPARE(display(model, 0, RunbookModel::StatusColumn, run), QStringLiteral("0 Succeeded"));
    QCOMPARE(display(model, 0, RunbookModel::DurationColumn, run), QStringLiteral("00:59:59"));
    QCOMPARE(display(model, 1, RunbookModel::EndTimeColumn, run),
             QStringLiteral("07/15/2026 02:00:14 AM EDT"));

    const QModelIndex phase = model.index(1, 0, run);
    QCOMPARE(model.parent(phase), run);
    QCOMPARE(phase.data(RunbookModel::IsPhaseRole).toBool(), true);
    QCOMPARE(run.data(RunbookModel::IsPhaseRole).toBool(), false);
    QCOMPARE(phase.data(RunbookModel::RunIdRole).toLongLong(), 11);
    QCOMPARE(phase.data(RunbookModel::IntegrationIdRole).toLongLong(), 1);
    QCOMPARE(phase.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Rows read: 634, written: 634, rejected: 0; bytes: %1").arg(QLocale().toString(84571)));
    QCOMPARE(model.rowCount(phase), 0);
    QVERIFY(!model.hasChildren(phase));
    QCOMPARE(run.data(RunbookModel::LogRole).toJsonArray().size(), 1);
    QCOMPARE(run.data(Qt::ToolTipRole).toString(),
             QStringLiteral("634 rows delivered to 1 destination."));
}

void tst_Models::runbookDetailUpdatesPhases()
{
    RunbookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRuns(sample("runs.json"));
    model.setRunDetail(runDetail(1));
    const QModelIndex run = model.indexOfRun(11);
    QCOMPARE(model.rowCount(run), 1);

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // The run moves on: two more phases appear, the first one is updated in place.
    model.setRunDetail(runDetail(3));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(changed.size(), 2);
    QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(Qt::DisplayRole));
    QCOMPARE(model.rowCount(run), 3);

    // A detail with fewer phases removes the rows it no longer has.
    model.setRunDetail(runDetail(2));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 2);
    QCOMPARE(removed.at(0).at(2).toInt(), 2);
    QCOMPARE(model.rowCount(run), 2);
    QCOMPARE(model.rowCount(), 3);
}

void tst_Models::runbookDetailOfUnknownRunInsertsIt()
{
    RunbookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRuns(slice(sample("runs.json"), 2)); // Only run 10.

    model.setRunDetail(runDetail(3));

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.indexOfRun(11).row(), 0);
    QCOMPARE(model.indexOfRun(10).row(), 1);
    QCOMPARE(model.rowCount(model.indexOfRun(11)), 3);
    QCOMPARE(display(model, 0, RunbookModel::PhaseNameColumn, model.indexOfRun(11)),
             QStringLiteral("Query: 634 rows read"));
}

void tst_Models::runbookIgnoresOlderChanges()
{
    RunbookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRuns(sample("runs.json"));
    const auto runAt = [](int version, int status) {
        QJsonObject run = sample("runs.json").at(0).toObject(); // Run 12.
        run.insert(QStringLiteral("changeVersion"), version);
        run.insert(QStringLiteral("status"), status);
        return run;
    };
    const auto statusOf = [&model] {
        return model.indexOfRun(12).data(RunbookModel::StatusCodeRole).toInt();
    };
    model.applyRunChanges(QJsonArray{runAt(5, 1)});
    QCOMPARE(statusOf(), 1);

    // A detail read before version 5 arrives late, as does an older change.
    model.setRunDetail(runAt(4, 2));
    QCOMPARE(statusOf(), 1);
    const RunbookModel::RunChanges older = model.applyRunChanges(QJsonArray{runAt(3, 2)});
    QVERIFY(older.updated.isEmpty());
    QCOMPARE(statusOf(), 1);

    // Newer and equal versions apply, because an equal version may carry more log lines.
    model.setRunDetail(runAt(6, 0));
    QCOMPARE(statusOf(), 0);
    QJsonObject sameVersion = runAt(6, 0);
    sameVersion.insert(QStringLiteral("log"), QJsonArray{QJsonObject{{QStringLiteral("message"),
                                                                      QStringLiteral("Done.")}}});
    model.setRunDetail(sameVersion);
    QCOMPARE(model.indexOfRun(12).data(RunbookModel::LogRole).toJsonArray().size(), 1);
}

void tst_Models::runbookAppendSkipsDuplicates()
{
    RunbookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QJsonArray runs = sample("runs.json");
    model.setRuns(slice(runs, 0, 2));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // The next page overlaps the first by one run and repeats a run within itself.
    model.appendRuns(QJsonArray{runs.at(1), runs.at(2), runs.at(2)});

    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 2);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(2, 0).data(RunbookModel::RunIdRole).toLongLong(), 10);

    model.appendRuns(runs);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(!model.indexOfRun(99).isValid());
}

void tst_Models::runbookFetchMoreRequestsDetail()
{
    RunbookModel model;
    model.setRuns(sample("runs.json"));
    const QModelIndex run = model.indexOfRun(10);
    QVERIFY(model.hasChildren(run));
    QVERIFY(model.canFetchMore(run));

    QSignalSpy requested(&model, &RunbookModel::runDetailRequested);
    model.fetchMore(run);
    model.fetchMore(run);

    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), 10);
    QVERIFY(!model.canFetchMore(run));
    QVERIFY(!model.canFetchMore(QModelIndex()));
}

void tst_Models::runbookActiveRuns()
{
    RunbookModel model;
    model.setRuns(sample("runs.json"));
    QVERIFY(model.hasActiveRuns());

    model.setRuns(slice(sample("runs.json"), 1));
    QVERIFY(!model.hasActiveRuns());
}

void tst_Models::runbookApiPhaseCounts()
{
    const EnglishLocale english;
    RunbookModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QJsonObject detail = runDetail(0);
    detail.insert(QStringLiteral("integrationType"), QStringLiteral("api"));
    const auto phase = [](const QString &name, int status, const QJsonObject &counts) {
        QJsonObject object{{QStringLiteral("name"), name}, {QStringLiteral("status"), status}};
        for (auto it = counts.begin(); it != counts.end(); ++it)
            object.insert(it.key(), it.value());
        return object;
    };
    detail.insert(QStringLiteral("phases"),
                  QJsonArray{phase(QStringLiteral("Fetch"), 0,
                                   {{QStringLiteral("requests"), 12},
                                    {QStringLiteral("pages"), 3},
                                    {QStringLiteral("rowsRead"), 2400},
                                    {QStringLiteral("retries"), 1}}),
                             phase(QStringLiteral("Map"), 0, {{QStringLiteral("rowsRead"), 2400}}),
                             phase(QStringLiteral("Load"), 1, {})});
    model.setRunDetail(detail);
    const QModelIndex run = model.indexOfRun(11);
    QCOMPARE(model.rowCount(run), 3);

    QCOMPARE(display(model, 0, RunbookModel::PhaseNameColumn, run),
             QStringLiteral("Fetch: 12 requests, 3 pages, 2,400 records, 1 retry"));
    QCOMPARE(model.index(0, 0, run).data(RunbookModel::PhaseCountsRole).toString(),
             QStringLiteral("12 requests, 3 pages, 2,400 records, 1 retry"));
    QCOMPARE(model.index(0, 0, run).data(Qt::ToolTipRole).toString(),
             QStringLiteral("12 requests, 3 pages, 2,400 records, 1 retry\n"
                            "Rows read: 2,400, written: 0, rejected: 0; bytes: 0"));
    QCOMPARE(display(model, 1, RunbookModel::PhaseNameColumn, run),
             QStringLiteral("Map: 2,400 rows"));
    // A running phase has no counts yet.
    QCOMPARE(display(model, 2, RunbookModel::PhaseNameColumn, run), QStringLiteral("Load"));

    // The phases of other runs show their rows and bytes instead.
    detail.insert(QStringLiteral("integrationType"), QStringLiteral("outbound"));
    model.setRunDetail(detail);
    QCOMPARE(display(model, 0, RunbookModel::PhaseNameColumn, run),
             QStringLiteral("Fetch: 2,400 rows read"));
    QVERIFY(!model.index(0, 0, run).data(RunbookModel::PhaseCountsRole).isValid());
}

void tst_Models::apiPhaseCountWords_data()
{
    QTest::addColumn<QJsonObject>("phase");
    QTest::addColumn<QString>("expected");

    const auto counts = [](const QString &name, qint64 requests, qint64 pages, qint64 records,
                           qint64 retries) {
        return QJsonObject{{QStringLiteral("name"), name},
                           {QStringLiteral("status"), 0},
                           {QStringLiteral("requests"), requests},
                           {QStringLiteral("pages"), pages},
                           {QStringLiteral("rowsRead"), records},
                           {QStringLiteral("retries"), retries}};
    };
    QTest::newRow("one of each") << counts(QStringLiteral("Fetch"), 1, 1, 1, 1)
                                 << QStringLiteral("1 request, 1 page, 1 record, 1 retry");
    QTest::newRow("none") << counts(QStringLiteral("Fetch"), 0, 0, 0, 0)
                          << QStringLiteral("0 requests, 0 pages, 0 records, 0 retries");
    QTest::newRow("send") << counts(QStringLiteral("Send"), 4, 2, 1234567, 2)
                          << QStringLiteral("4 requests, 2 pages, 1,234,567 records, 2 retries");
    QTest::newRow("failed fetch")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("Fetch")},
                       {QStringLiteral("status"), 9},
                       {QStringLiteral("requests"), 5},
                       {QStringLiteral("retries"), 3}}
        << QStringLiteral("5 requests, 0 pages, 0 records, 3 retries");
    QTest::newRow("load") << counts(QStringLiteral("Load"), 0, 0, 28, 0)
                          << QStringLiteral("28 rows");
    QTest::newRow("one row") << counts(QStringLiteral("Map"), 0, 0, 1, 0)
                             << QStringLiteral("1 row");
    QTest::newRow("queued") << QJsonObject{{QStringLiteral("name"), QStringLiteral("Fetch")},
                                           {QStringLiteral("status"), 2}}
                            << QString();
}

void tst_Models::apiPhaseCountWords()
{
    QFETCH(QJsonObject, phase);
    QFETCH(QString, expected);

    const EnglishLocale english;
    QCOMPARE(apiPhaseCounts(phase), expected);
}

void tst_Models::phaseCountWords_data()
{
    QTest::addColumn<QJsonObject>("phase");
    QTest::addColumn<QString>("expected");

    const auto phase = [](int status, qint64 read, qint64 written, qint64 rejected, qint64 bytes) {
        return QJsonObject{{QStringLiteral("status"), status},
                           {QStringLiteral("rowsRead"), read},
                           {QStringLiteral("rowsWritten"), written},
                           {QStringLiteral("rowsRejected"), rejected},
                           {QStringLiteral("bytes"), bytes}};
    };
    QTest::newRow("one of each") << phase(0, 1, 1, 1, 0)
                                 << QStringLiteral("1 row read, 1 row written, 1 row rejected");
    QTest::newRow("rejected rows of a failed validation")
        << phase(9, 1200, 0, 3, 0) << QStringLiteral("1,200 rows read, 3 rows rejected");
    QTest::newRow("bytes in binary units") << phase(0, 0, 0, 0, 1536) << QStringLiteral("1.50 KiB");
    QTest::newRow("all zero") << phase(0, 0, 0, 0, 0) << QString();
    QTest::newRow("running phase has no counts yet") << phase(1, 10, 10, 0, 100) << QString();
}

void tst_Models::phaseCountWords()
{
    QFETCH(QJsonObject, phase);
    QFETCH(QString, expected);
    const EnglishLocale english;
    QCOMPARE(phaseCounts(phase), expected);
}

void tst_Models::triggerWords_data()
{
    QTest::addColumn<QJsonObject>("run");
    QTest::addColumn<QString>("expected");

    const auto run = [](const char *trigger) {
        return QJsonObject{{QStringLiteral("trigger"), QLatin1String(trigger)}};
    };
    QTest::newRow("schedule") << run("schedule") << QStringLiteral("Schedule");
    QTest::newRow("manual") << run("manual") << QStringLiteral("Manual");
    QTest::newRow("catch-up") << run("catch-up") << QStringLiteral("Catch-up");
    QTest::newRow("retry") << run("retry") << QStringLiteral("Retry");
    QTest::newRow("unknown trigger as sent") << run("webhook") << QStringLiteral("webhook");
}

void tst_Models::triggerWords()
{
    QFETCH(QJsonObject, run);
    QFETCH(QString, expected);
    QCOMPARE(triggerText(run), expected);
}

void tst_Models::statusWords_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("expected");

    QTest::newRow("0") << 0 << QStringLiteral("Succeeded");
    QTest::newRow("1") << 1 << QStringLiteral("Running");
    QTest::newRow("2") << 2 << QStringLiteral("Queued");
    QTest::newRow("3") << 3 << QStringLiteral("Cancelled");
    QTest::newRow("8") << 8 << QStringLiteral("Succeeded with warnings");
    QTest::newRow("9") << 9 << QStringLiteral("Failed");
    QTest::newRow("unknown") << 5 << QStringLiteral("Unknown status");
}

void tst_Models::statusWords()
{
    QFETCH(int, status);
    QFETCH(QString, expected);

    QCOMPARE(statusText(status), expected);
}

QTEST_GUILESS_MAIN(tst_Models)

#include "tst_models.moc"
