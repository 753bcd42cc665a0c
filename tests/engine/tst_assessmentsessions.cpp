// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Assessment results keyed by test session, on SQLite and PostgreSQL. The migration that adds
// completion_date and duration_minutes to the unique key keeps every stored row. Both i-Ready
// Diagnostic samples have retests that start on one day, and they load in full.

#include "../testdata.h"
#include "testdatabase.h"

#include "core/timeutil.h"
#include "inbound/filespec.h"
#include "inbound/flatfile.h"
#include "store/store.h"

#include <QTemporaryDir>
#include <QTest>

using hub::inbound::FileSpec;
using hub::inbound::FlatFile;
using hub::inbound::Issue;

namespace {

constexpr qint64 districtId = 1;
// The migration that makes completion_date and duration_minutes part of the key.
constexpr int sessionMigration = 15;

const FileSpec &builtIn(const QString &key)
{
    for (const FileSpec &spec : hub::inbound::builtInFileSpecs()) {
        if (spec.key == key)
            return spec;
    }
    qFatal("No built-in file specification %s", qPrintable(key));
}

} // namespace

class tst_AssessmentSessions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void migrationKeepsRows();
    void resentSampleUpdatesMigratedRows();
    void loadsIReadySamples_data();
    void loadsIReadySamples();

private:
    QString newDatabase();
    void makeStoreBeforeSessions(const QString &database, QList<qint64> &ids);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_AssessmentSessions::initTestCase()
{
    HUB_REQUIRE_TEST_DATABASE();
}

void tst_AssessmentSessions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_AssessmentSessions::cleanup()
{
    m_dir.reset();
}

QString tst_AssessmentSessions::newDatabase()
{
    return hubtest::testDatabase(m_dir->filePath(QStringLiteral("hub.sqlite")));
}

// Makes the store as it was before the migration, with every earlier script applied and
// recorded. It holds an i-Ready row and a row of another assessment, whose ids go to ids.
void tst_AssessmentSessions::makeStoreBeforeSessions(const QString &database, QList<qint64> &ids)
{
    hub::Store store(database);
    const QSqlDatabase db = store.connection();
    QVERIFY(db.isOpen());
    QVERIFY(hub::execute(db, QStringLiteral("CREATE TABLE schema_migrations (version INTEGER "
                                            "PRIMARY KEY, applied_at TEXT NOT NULL)"))
                .ok());
    auto scripts = hub::Store::migrations(store.dialect());
    QVERIFY2(scripts.ok(), qPrintable(scripts.error()));
    for (const auto &[version, statements] : std::as_const(*scripts)) {
        if (version >= sessionMigration)
            continue;
        for (const QString &statement : statements) {
            auto done = hub::execute(db, statement);
            QVERIFY2(done.ok(), qPrintable(done.error()));
        }
        QVERIFY(hub::execute(db,
                             QStringLiteral("INSERT INTO schema_migrations (version, "
                                            "applied_at) VALUES (?, ?)"),
                             {version, hub::nowIsoUtc()})
                    .ok());
    }
    QVERIFY(hub::execute(db,
                         QStringLiteral("INSERT INTO districts (id, name, created_at) VALUES "
                                        "(?, 'District', ?)"),
                         {districtId, hub::nowIsoUtc()})
                .ok());
    const QString insert = QStringLiteral(
        "INSERT INTO assessment_results (district_id, student_sourced_id, school_year, "
        "assessment, subject, test_date, scale_score, performance_level, extensions) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    QVERIFY(
        hub::execute(db, insert,
                     {districtId, QStringLiteral("f3888dd2fa3811ec97c8c4bde5bbed5f"), 2022,
                      QStringLiteral("i-Ready Diagnostic"), QStringLiteral("ELA"),
                      QStringLiteral("2021-08-27"), 613.0, QStringLiteral("Early On Grade Level"),
                      QStringLiteral("{\"Completion Date\":\"2021-08-27\","
                                     "\"Duration (min)\":\"105\",\"Lexile Measure\":"
                                     "\"1070L\"}")})
            .ok());
    QVERIFY(hub::execute(db, insert,
                         {districtId, QStringLiteral("s2"), 2024, QStringLiteral("State Reading"),
                          QStringLiteral("ELA"), QStringLiteral("2024-04-10"), 488.5, QVariant(),
                          QVariant()})
                .ok());
    auto stored = hub::execute(db, QStringLiteral("SELECT id FROM assessment_results ORDER BY id"));
    QVERIFY(stored.ok());
    while (stored->next())
        ids.append(stored->value(0).toLongLong());
    QCOMPARE(ids.size(), 2);
}

void tst_AssessmentSessions::migrationKeepsRows()
{
    const QString database = newDatabase();
    QVERIFY(!database.isEmpty());
    QList<qint64> idsBefore;
    makeStoreBeforeSessions(database, idsBefore);
    if (QTest::currentTestFailed())
        return;

    hub::Store store(database);
    auto opened = store.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    QVERIFY(store.schemaVersion() >= sessionMigration);
    const QSqlDatabase db = store.connection();

    auto rows = hub::execute(db, QStringLiteral("SELECT id, student_sourced_id, assessment, "
                                                "test_date, scale_score, extensions, "
                                                "completion_date, duration_minutes FROM "
                                                "assessment_results ORDER BY id"));
    QVERIFY2(rows.ok(), qPrintable(rows.error()));
    QVERIFY(rows->next());
    QCOMPARE(rows->value(0).toLongLong(), idsBefore.at(0));
    QCOMPARE(rows->value(1).toString(), QStringLiteral("f3888dd2fa3811ec97c8c4bde5bbed5f"));
    QCOMPARE(rows->value(3).toString(), QStringLiteral("2021-08-27"));
    QCOMPARE(rows->value(4).toDouble(), 613.0);
    QVERIFY(rows->value(5).toString().contains(QStringLiteral("\"Lexile Measure\":\"1070L\"")));
    QCOMPARE(rows->value(6).toString(), QStringLiteral("2021-08-27"));
    QCOMPARE(rows->value(7).toInt(), 105);
    QVERIFY(rows->next());
    QCOMPARE(rows->value(0).toLongLong(), idsBefore.at(1));
    QCOMPARE(rows->value(2).toString(), QStringLiteral("State Reading"));
    QCOMPARE(rows->value(4).toDouble(), 488.5);
    QVERIFY(rows->value(5).isNull());
    QCOMPARE(rows->value(6).toString(), QString());
    QCOMPARE(rows->value(7).toInt(), 0);
    QVERIFY(!rows->next());
    rows->finish();

    // A second sitting that starts on the same day is a row of its own.
    auto retest = hub::execute(
        db,
        QStringLiteral("INSERT INTO assessment_results (district_id, student_sourced_id, "
                       "school_year, assessment, subject, test_date, completion_date, "
                       "duration_minutes) VALUES (?, ?, 2022, 'i-Ready Diagnostic', 'ELA', "
                       "'2021-08-27', '2021-08-28', 40)"),
        {districtId, QStringLiteral("f3888dd2fa3811ec97c8c4bde5bbed5f")});
    QVERIFY2(retest.ok(), qPrintable(retest.error()));

    // The same session again breaks the key.
    auto again = hub::execute(
        db,
        QStringLiteral("INSERT INTO assessment_results (district_id, student_sourced_id, "
                       "school_year, assessment, subject, test_date, completion_date, "
                       "duration_minutes) VALUES (?, ?, 2022, 'i-Ready Diagnostic', 'ELA', "
                       "'2021-08-27', '2021-08-27', 105)"),
        {districtId, QStringLiteral("f3888dd2fa3811ec97c8c4bde5bbed5f")});
    QVERIFY(!again.ok());
}

void tst_AssessmentSessions::resentSampleUpdatesMigratedRows()
{
    // The sample sent again after the migration updates the row loaded before it instead of
    // adding a second one.
    HUB_REQUIRE_SAMPLE(ela, "oea-iready-diagnostic/diagnostic_results_ela.csv");
    const QString database = newDatabase();
    QVERIFY(!database.isEmpty());
    QList<qint64> idsBefore;
    makeStoreBeforeSessions(database, idsBefore);
    if (QTest::currentTestFailed())
        return;
    hub::Store store(database);
    auto opened = store.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    const QSqlDatabase db = store.connection();

    FlatFile file(ela, builtIn(QStringLiteral("iready-diagnostic-ela")));
    file.validate(db, districtId);
    QCOMPARE(file.validateCounts().rowsRejected, 0);
    auto loaded = file.load(db, districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    auto migrated = hub::selectValue(db,
                                     QStringLiteral("SELECT count(*) FROM assessment_results "
                                                    "WHERE id = ? AND scale_score = 613"),
                                     {idsBefore.at(0)});
    QCOMPARE(migrated->toInt(), 1);
    auto total = hub::selectValue(db, QStringLiteral("SELECT count(*) FROM assessment_results"));
    // The 1,022 sessions of the file and the State Reading row.
    QCOMPARE(total->toInt(), 1022 + 1);
}

void tst_AssessmentSessions::loadsIReadySamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("rows");
    QTest::newRow("ELA") << "oea-iready-diagnostic/diagnostic_results_ela.csv"
                         << "iready-diagnostic-ela" << 1022;
    QTest::newRow("Math") << "oea-iready-diagnostic/diagnostic_results_math.csv"
                          << "iready-diagnostic-math" << 1002;
}

void tst_AssessmentSessions::loadsIReadySamples()
{
    QFETCH(QString, file);
    QFETCH(QString, spec);
    QFETCH(int, rows);
    const QString path = hubtest::samplePath(file);
    if (path.isEmpty())
        QSKIP(qPrintable(QStringLiteral("Sample data %1 not found under %2; set "
                                        "HUBDESK_TEST_DATA_DIR to the folder of sample files.")
                             .arg(file, hubtest::sampleDataDir())));

    const QString database = newDatabase();
    QVERIFY(!database.isEmpty());
    hub::Store store(database);
    auto opened = store.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    const QSqlDatabase db = store.connection();
    QVERIFY(hub::execute(db,
                         QStringLiteral("INSERT INTO districts (id, name, created_at) VALUES "
                                        "(?, 'District', ?)"),
                         {districtId, hub::nowIsoUtc()})
                .ok());

    FlatFile flat(path, builtIn(spec));
    QStringList errors;
    for (const Issue &issue : flat.validate(db, districtId)) {
        if (issue.severity == Issue::Severity::Error)
            errors.append(issue.toString());
    }
    QCOMPARE(errors, QStringList());
    auto loaded = flat.load(db, districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->rowsWritten, rows);
    auto stored = hub::selectValue(db, QStringLiteral("SELECT count(*) FROM assessment_results"));
    QCOMPARE(stored->toInt(), rows);
}

QTEST_GUILESS_MAIN(tst_AssessmentSessions)
#include "tst_assessmentsessions.moc"
