// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Assessment results and attendance files read with file specifications: the sample exports,
// and a handmade file per fault kind that must leave the store unchanged.

#include "../testdata.h"
#include "core/timeutil.h"
#include "inbound/filespec.h"
#include "inbound/flatfile.h"
#include "store/store.h"
#include "testdatabase.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using hub::inbound::FileSpec;
using hub::inbound::FlatFile;
using hub::inbound::Issue;

namespace {

constexpr qint64 districtId = 1;

const FileSpec &builtIn(const QString &key)
{
    for (const FileSpec &spec : hub::inbound::builtInFileSpecs()) {
        if (spec.key == key)
            return spec;
    }
    qFatal("No built-in file specification %s", qPrintable(key));
}

QStringList texts(const QList<Issue> &issues, Issue::Severity severity)
{
    QStringList list;
    for (const Issue &issue : issues) {
        if (issue.severity == severity)
            list.append(issue.toString());
    }
    return list;
}

const QByteArray attendanceHeader
    = "id,student_id,school_year,school_id,attendance_date,all_day,Period,section_id,"
      "AttendanceCode,PresenceFlag,attendance_status,attendance_type,attendance_sequence\r\n";

} // namespace

class tst_FlatFile final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void builtInSpecsAreValid();
    void loadsContosoDay2();
    void skipsRepeatedRowOfDay1();
    void detectsIReadyLayouts();
    void loadsIReadySamples_data();
    void loadsIReadySamples();
    void mapsIReadyColumns();
    void rejectsIReadyDuplicateSession();
    void rejectsImpossibleScores_data();
    void rejectsImpossibleScores();
    void requiresKeyedColumns();
    void requiresDateFormat();
    void reportsFaults_data();
    void reportsFaults();
    void rejectsLongValues_data();
    void rejectsLongValues();
    void acceptsMultibyteValueAtLimit();
    void readsMaxLength();
    void rejectsInvalidSpecs_data();
    void rejectsInvalidSpecs();
    void mapsCopiedSpec();
    void countsOneStudentInSingular();
    void countsOneUnlistedFinding();

private:
    QSqlDatabase db() const { return m_store->connection(); }
    qint64 count(const QString &table) const;
    QString snapshot() const;
    QString writeFile(const QByteArray &content);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<hub::Store> m_store;
    int m_files = 0;
};

void tst_FlatFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    HUB_REQUIRE_TEST_DATABASE();
    const QString database = hubtest::testDatabase(m_dir->filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!database.isEmpty());
    m_store = std::make_unique<hub::Store>(database);
    auto opened = m_store->open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    auto inserted = hub::execute(db(),
                                 QStringLiteral("INSERT INTO districts (id, name, created_at) "
                                                "VALUES (?, 'District', ?)"),
                                 {districtId, hub::nowIsoUtc()});
    QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
}

void tst_FlatFile::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

qint64 tst_FlatFile::count(const QString &table) const
{
    auto value = hub::selectValue(db(), QStringLiteral("SELECT count(*) FROM %1").arg(table));
    return value ? value->toLongLong() : -1;
}

QString tst_FlatFile::snapshot() const
{
    QString text;
    for (const QString &table :
         {QStringLiteral("attendance"), QStringLiteral("assessment_results")}) {
        QSqlQuery query(db());
        query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
        while (query.next()) {
            for (int i = 0; i < query.record().count(); ++i)
                text += query.value(i).toString() + QLatin1Char('|');
            text += QLatin1Char('\n');
        }
    }
    return text;
}

QString tst_FlatFile::writeFile(const QByteArray &content)
{
    const QString path = m_dir->filePath(QStringLiteral("file%1.csv").arg(++m_files));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

void tst_FlatFile::builtInSpecsAreValid()
{
    QStringList keys;
    for (const FileSpec &spec : hub::inbound::builtInFileSpecs()) {
        keys.append(spec.key);
        auto again = FileSpec::fromJson(spec.toJson());
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(again->toJson(), spec.toJson());
    }
    QCOMPARE(keys, (QStringList{QStringLiteral("iready-diagnostic-ela"),
                                QStringLiteral("iready-diagnostic-math"),
                                QStringLiteral("contoso-daily-attendance")}));
}

void tst_FlatFile::loadsContosoDay2()
{
    HUB_REQUIRE_SAMPLE(path, "oea-contoso-sis-attendance/day2/studentattendance.csv");
    FlatFile file(path, builtIn(QStringLiteral("contoso-daily-attendance")));
    const QList<Issue> issues = file.validate(db(), districtId);
    QCOMPARE(texts(issues, Issue::Severity::Error), QStringList());
    QCOMPARE(texts(issues, Issue::Severity::Warning),
             QStringList{QStringLiteral("studentattendance.csv: 2 students are not among the "
                                        "district's users (such as st1, st2); their rows are "
                                        "stored as given. Load the roster to link them.")});
    QCOMPARE(file.validateCounts().rowsRead, 1467);
    auto loaded = file.load(db(), districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(loaded->rowsWritten, 1467);
    QCOMPARE(count(QStringLiteral("attendance")), 1467);

    // Day-first dates: 1/10/2019 is October 1, never January 10.
    auto october = hub::selectValue(db(), QStringLiteral("SELECT count(*) FROM attendance WHERE "
                                                         "attendance_date = '2019-10-01'"));
    QVERIFY(october->toInt() > 0);
    auto january = hub::selectValue(db(), QStringLiteral("SELECT count(*) FROM attendance WHERE "
                                                         "attendance_date = '2019-01-10'"));
    QCOMPARE(january->toInt(), 0);
    auto row
        = hub::execute(db(), QStringLiteral("SELECT code, school_sourced_id, class_sourced_id, "
                                            "extensions FROM attendance WHERE student_sourced_id = "
                                            "'st1' ORDER BY attendance_date LIMIT 1"));
    QVERIFY(row.ok() && row->next());
    QVERIFY(row->value(0).toString() == QLatin1String("P")
            || row->value(0).toString() == QLatin1String("A"));
    QCOMPARE(row->value(1).toString(), QStringLiteral("sch0"));
    QVERIFY(row->value(3).toString().contains(QStringLiteral("\"school_year\":2021")));
}

void tst_FlatFile::skipsRepeatedRowOfDay1()
{
    HUB_REQUIRE_SAMPLE(path, "oea-contoso-sis-attendance/day1/studentattendance.csv");
    FlatFile file(path, builtIn(QStringLiteral("contoso-daily-attendance")));
    const QList<Issue> issues = file.validate(db(), districtId);
    QCOMPARE(texts(issues, Issue::Severity::Error), QStringList());
    QVERIFY2(texts(issues, Issue::Severity::Warning)
                 .contains(QStringLiteral("studentattendance.csv line 3: The row repeats line 2 "
                                          "exactly; it is loaded once.")),
             qPrintable(texts(issues, Issue::Severity::Warning).join(QLatin1Char('\n'))));
    QVERIFY(file.load(db(), districtId).ok());
    QCOMPARE(count(QStringLiteral("attendance")), 1461);
}

void tst_FlatFile::detectsIReadyLayouts()
{
    HUB_REQUIRE_SAMPLE(ela, "oea-iready-diagnostic/diagnostic_results_ela.csv");
    HUB_REQUIRE_SAMPLE(math, "oea-iready-diagnostic/diagnostic_results_math.csv");
    QList<FileSpec> assessments;
    for (const FileSpec &spec : hub::inbound::builtInFileSpecs()) {
        if (spec.product == QLatin1String("assessment-results"))
            assessments.append(spec);
    }
    QCOMPARE(FlatFile::detectSpec(ela, assessments)->key, QStringLiteral("iready-diagnostic-ela"));
    QCOMPARE(FlatFile::detectSpec(math, assessments)->key,
             QStringLiteral("iready-diagnostic-math"));

    HUB_REQUIRE_SAMPLE(attendance, "oea-contoso-sis-attendance/day1/studentattendance.csv");
    auto none = FlatFile::detectSpec(attendance, assessments);
    QVERIFY(!none.ok());
    QVERIFY2(none.error().startsWith(QStringLiteral("The file's columns match no file "
                                                    "specification")),
             qPrintable(none.error()));
}

void tst_FlatFile::loadsIReadySamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QString>("retestStudent");
    QTest::addColumn<QString>("retestDate");
    // Each sample has students who started two diagnostics on one day, such as a rushed attempt
    // and the retest. Each sitting is a row of its own.
    QTest::newRow("ELA") << "oea-iready-diagnostic/diagnostic_results_ela.csv"
                         << "iready-diagnostic-ela" << 1022 << "f593917cfa3811eca922c4bde5bbed5f"
                         << "2021-08-18";
    QTest::newRow("Math") << "oea-iready-diagnostic/diagnostic_results_math.csv"
                          << "iready-diagnostic-math" << 1002 << "f9a46286fa3811ec9aa0c4bde5bbed5f"
                          << "2021-11-29";
}

void tst_FlatFile::loadsIReadySamples()
{
    QFETCH(QString, file);
    QFETCH(QString, spec);
    QFETCH(int, rows);
    QFETCH(QString, retestStudent);
    QFETCH(QString, retestDate);
    const QString path = hubtest::samplePath(file);
    if (path.isEmpty())
        QSKIP(qPrintable(QStringLiteral("Sample data %1 not found under %2; set "
                                        "HUBDESK_TEST_DATA_DIR to the folder of sample files.")
                             .arg(file, hubtest::sampleDataDir())));

    // Sent twice, the file updates its rows instead of adding them again.
    for (int send = 0; send < 2; ++send) {
        FlatFile flat(path, builtIn(spec));
        const QList<Issue> issues = flat.validate(db(), districtId);
        QCOMPARE(texts(issues, Issue::Severity::Error), QStringList());
        QCOMPARE(flat.validateCounts().rowsRead, rows);
        QCOMPARE(flat.validateCounts().rowsRejected, 0);
        auto loaded = flat.load(db(), districtId);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(loaded->rowsWritten, rows);
        QCOMPARE(count(QStringLiteral("assessment_results")), rows);
    }

    auto sittings = hub::execute(db(),
                                 QStringLiteral("SELECT completion_date, duration_minutes FROM "
                                                "assessment_results WHERE student_sourced_id = ? "
                                                "AND test_date = ? ORDER BY duration_minutes"),
                                 {retestStudent, retestDate});
    QVERIFY2(sittings.ok(), qPrintable(sittings.error()));
    int found = 0;
    while (sittings->next()) {
        ++found;
        QCOMPARE(sittings->value(0).toString(), retestDate);
        QVERIFY(sittings->value(1).toInt() > 0);
    }
    QCOMPARE(found, 2);
}

void tst_FlatFile::mapsIReadyColumns()
{
    HUB_REQUIRE_SAMPLE(path, "oea-iready-diagnostic/diagnostic_results_ela.csv");
    FlatFile file(path, builtIn(QStringLiteral("iready-diagnostic-ela")));
    QCOMPARE(texts(file.validate(db(), districtId), Issue::Severity::Error), QStringList());
    QVERIFY(file.load(db(), districtId).ok());

    auto row = hub::execute(db(),
                            QStringLiteral("SELECT school_year, assessment, subject, test_date, "
                                           "scale_score, performance_level, completion_date, "
                                           "duration_minutes, extensions FROM assessment_results "
                                           "WHERE student_sourced_id = ? AND test_date = "
                                           "'2021-08-27'"),
                            {QStringLiteral("f3888dd2fa3811ec97c8c4bde5bbed5f")});
    QVERIFY(row.ok() && row->next());
    QCOMPARE(row->value(0).toInt(), 2022);
    QCOMPARE(row->value(1).toString(), QStringLiteral("i-Ready Diagnostic"));
    QCOMPARE(row->value(2).toString(), QStringLiteral("ELA"));
    QCOMPARE(row->value(3).toString(), QStringLiteral("2021-08-27"));
    QCOMPARE(row->value(4).toDouble(), 613.0);
    QCOMPARE(row->value(5).toString(), QStringLiteral("Early On Grade Level"));
    QCOMPARE(row->value(6).toString(), QStringLiteral("2021-08-27"));
    QCOMPARE(row->value(7).toInt(), 105);
    const QString extensions = row->value(8).toString();
    QVERIFY2(extensions.contains(QStringLiteral("\"Lexile Measure\":\"1070L\"")),
             qPrintable(extensions));
    QVERIFY(extensions.contains(QStringLiteral("\"Last Name\":\"Parsons\"")));
    QVERIFY(!extensions.contains(QStringLiteral("Completion Date")));
    QVERIFY(!extensions.contains(QStringLiteral("Duration (min)")));
    QVERIFY(!row->next());
}

void tst_FlatFile::rejectsIReadyDuplicateSession()
{
    // Two rows of one session (student, start, completion and duration) with different scale
    // scores contradict each other, so the file is rejected.
    HUB_REQUIRE_SAMPLE(source, "oea-iready-diagnostic/diagnostic_results_ela.csv");
    QFile in(source);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = in.readAll().split('\n');
    QByteArray copy = lines.at(1);
    QVERIFY(copy.contains(",105,\"\",613,"));
    copy.replace(",105,\"\",613,", ",105,\"\",618,");
    const QString path
        = writeFile(lines.at(0) + '\n' + lines.at(1) + '\n' + lines.at(2) + '\n' + copy + '\n');

    FlatFile file(path, builtIn(QStringLiteral("iready-diagnostic-ela")));
    const QList<Issue> issues = file.validate(db(), districtId);
    QList<Issue> errors;
    for (const Issue &issue : issues) {
        if (issue.severity == Issue::Severity::Error)
            errors.append(issue);
    }
    QCOMPARE(errors.size(), 1);
    const Issue &error = errors.first();
    QCOMPARE(error.rule, QStringLiteral("duplicate-key"));
    QCOMPARE(error.file, QFileInfo(path).fileName());
    QCOMPARE(error.line, 4);
    QCOMPARE(error.column,
             QStringLiteral("Student ID, Start Date, Completion Date, Duration (min)"));
    QCOMPARE(error.value,
             QStringLiteral("f3888dd2fa3811ec97c8c4bde5bbed5f, 08/27/2021, 08/27/2021, 105"));
    QCOMPARE(error.message,
             QStringLiteral("Line 2 has the same Student ID, Start Date, Completion Date, "
                            "Duration (min) with other values. Remove one of the rows or correct "
                            "its key."));
    QCOMPARE(file.validateCounts().rowsRejected, 1);
    QVERIFY(!file.load(db(), districtId).ok());
    QCOMPARE(count(QStringLiteral("assessment_results")), 0);
}

void tst_FlatFile::rejectsImpossibleScores_data()
{
    QTest::addColumn<QByteArray>("score");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("message");
    const QString notNumber = QStringLiteral("Invalid Overall Scale Score; expected a number such "
                                             "as 512 or 512.5.");
    const QString outOfRange = QStringLiteral("Overall Scale Score is out of range; expected a "
                                              "number from 100 to 800.");
    QTest::newRow("not a number") << QByteArray("NaN") << "number" << notNumber;
    QTest::newRow("infinity") << QByteArray("inf") << "number" << notNumber;
    QTest::newRow("exponent") << QByteArray("1e9") << "number" << notNumber;
    QTest::newRow("negative") << QByteArray("-5") << "range" << outOfRange;
    QTest::newRow("above the scale") << QByteArray("801") << "range" << outOfRange;
}

void tst_FlatFile::rejectsImpossibleScores()
{
    QFETCH(QByteArray, score);
    QFETCH(QString, rule);
    QFETCH(QString, message);
    HUB_REQUIRE_SAMPLE(source, "oea-iready-diagnostic/diagnostic_results_ela.csv");
    QFile in(source);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = in.readAll().split('\n');
    QByteArray changed = lines.at(1);
    QVERIFY(changed.contains(",\"\",613,"));
    changed.replace(",\"\",613,", QByteArray(",\"\"," + score + ','));
    const QString path = writeFile(lines.at(0) + '\n' + changed + '\n' + lines.at(2) + '\n');

    FlatFile file(path, builtIn(QStringLiteral("iready-diagnostic-ela")));
    QList<Issue> errors;
    for (const Issue &issue : file.validate(db(), districtId)) {
        if (issue.severity == Issue::Severity::Error)
            errors.append(issue);
    }
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().rule, rule);
    QCOMPARE(errors.first().line, 2);
    QCOMPARE(errors.first().column, QStringLiteral("Overall Scale Score"));
    QCOMPARE(errors.first().value, QString::fromLatin1(score));
    QCOMPARE(errors.first().message, message);
    QVERIFY(!file.load(db(), districtId).ok());
    QCOMPARE(count(QStringLiteral("assessment_results")), 0);

    // The range survives a copy of the specification.
    const QJsonObject column = builtIn(QStringLiteral("iready-diagnostic-ela"))
                                   .toJson()
                                   .value(QStringLiteral("columns"))
                                   .toArray()
                                   .at(5)
                                   .toObject();
    QCOMPARE(column.value(QStringLiteral("name")).toString(),
             QStringLiteral("Overall Scale Score"));
    QCOMPARE(column.value(QStringLiteral("minimum")).toDouble(), 100.0);
    QCOMPARE(column.value(QStringLiteral("maximum")).toDouble(), 800.0);
}

void tst_FlatFile::requiresKeyedColumns()
{
    // An optional column could leave completion_date empty, which its unique key does not take.
    QJsonObject json = builtIn(QStringLiteral("iready-diagnostic-math")).toJson();
    QJsonArray columns = json.value(QStringLiteral("columns")).toArray();
    QJsonObject completion = columns.at(3).toObject();
    QCOMPARE(completion.value(QStringLiteral("name")).toString(),
             QStringLiteral("Completion Date"));
    completion.insert(QStringLiteral("required"), false);
    columns[3] = completion;
    json.insert(QStringLiteral("columns"), columns);
    auto spec = FileSpec::fromJson(json);
    QVERIFY(!spec.ok());
    QCOMPARE(spec.error(),
             QStringLiteral("columns[3].required: Completion Date maps to completion_date, which "
                            "is part of the unique key of assessment_results, so the column must "
                            "be required."));

    // Unmapped, the store fills its default; the copy loads.
    completion.remove(QStringLiteral("target"));
    columns[3] = completion;
    json.insert(QStringLiteral("columns"), columns);
    QVERIFY2(FileSpec::fromJson(json).ok(), qPrintable(FileSpec::fromJson(json).error()));
}

void tst_FlatFile::requiresDateFormat()
{
    // Without a declared format, 1/9/2019 could be read either way.
    QJsonObject json = builtIn(QStringLiteral("contoso-daily-attendance")).toJson();
    QJsonArray columns = json.value(QStringLiteral("columns")).toArray();
    QJsonObject date = columns.at(4).toObject();
    QCOMPARE(date.value(QStringLiteral("name")).toString(), QStringLiteral("attendance_date"));
    date.remove(QStringLiteral("format"));
    columns[4] = date;
    json.insert(QStringLiteral("columns"), columns);
    auto spec = FileSpec::fromJson(json);
    QVERIFY(!spec.ok());
    QCOMPARE(FileSpec::errorField(spec.error()), QStringLiteral("columns[4].format"));
    QCOMPARE(FileSpec::errorMessage(spec.error()),
             QStringLiteral("attendance_date is a date column without a format; use one of "
                            "yyyy-MM-dd, M/d/yyyy, d/M/yyyy, MM/dd/yyyy, dd/MM/yyyy, d.M.yyyy, "
                            "yyyyMMdd."));

    date.insert(QStringLiteral("format"), QStringLiteral("yyyy-MM-dd"));
    columns[4] = date;
    json.insert(QStringLiteral("columns"), columns);
    QVERIFY2(FileSpec::fromJson(json).ok(), qPrintable(FileSpec::fromJson(json).error()));
}

void tst_FlatFile::reportsFaults_data()
{
    QTest::addColumn<QByteArray>("rows");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("rule");

    const QByteArray good = "7,st1,2021,sch0,1/9/2019,No,1,sec1,P,1,Present,Class,0\r\n";
    QTest::newRow("month-first date")
        << good + "8,st1,2021,sch0,2019-09-02,No,1,sec1,P,1,Present,Class,0\r\n"
        << QStringLiteral("line 3, column attendance_date, value \"2019-09-02\": Invalid "
                          "attendance_date; expected a date in the format d/M/yyyy, such as "
                          "30/9/2024. Day and month are never guessed.")
        << "date-format";
    QTest::newRow("impossible date")
        << good + "8,st1,2021,sch0,31/9/2019,No,1,sec1,P,1,Present,Class,0\r\n"
        << QStringLiteral("line 3, column attendance_date, value \"31/9/2019\": Invalid "
                          "attendance_date; expected a date in the format d/M/yyyy, such as "
                          "30/9/2024. Day and month are never guessed.")
        << "date-format";
    QTest::newRow("unknown code")
        << good + "8,st1,2021,sch0,2/9/2019,No,1,sec1,Q,1,Present,Class,0\r\n"
        << QStringLiteral("line 3, column AttendanceCode, value \"Q\": Invalid AttendanceCode; "
                          "expected one of P, A, T, E.")
        << "enum";
    QTest::newRow("empty student")
        << good + "8,,2021,sch0,2/9/2019,No,1,sec1,P,1,Present,Class,0\r\n"
        << QStringLiteral("line 3, column student_id: student_id is required but empty.")
        << "required";
    QTest::newRow("period not a number")
        << good + "8,st1,2021,sch0,2/9/2019,No,first,sec1,P,1,Present,Class,0\r\n"
        << QStringLiteral("line 3, column Period, value \"first\": Invalid Period; expected a "
                          "whole number.")
        << "integer";
    QTest::newRow("bad flag")
        << good + "8,st1,2021,sch0,2/9/2019,No,1,sec1,P,yes,Present,Class,0\r\n"
        << QStringLiteral("line 3, column PresenceFlag, value \"yes\": Invalid PresenceFlag; "
                          "expected 1 or 0.")
        << "boolean";
    QTest::newRow("same key, other values")
        << good + "8,st1,2021,sch0,1/9/2019,No,1,sec1,A,0,Absent,Class,0\r\n"
        << QStringLiteral("line 3, column student_id, section_id, attendance_date, value \"st1, "
                          "sec1, 1/9/2019\": Line 2 has the same student_id, section_id, "
                          "attendance_date with other values. Remove one of the rows or correct "
                          "its key.")
        << "duplicate-key";
    QTest::newRow("short row") << good + "8,st1,2021\r\n"
                               << QStringLiteral("line 3: The row has 3 values but the header "
                                                 "has 13 columns.")
                               << "row-width";
    QTest::newRow("unterminated quote")
        << good + "8,st1,2021,sch0,\"2/9/2019,No,1,sec1,P,1,Present,Class,0\r\n"
        << QStringLiteral("line 3: Line 3 starts a quoted field that is never closed.")
        << "csv-syntax";
}

void tst_FlatFile::reportsFaults()
{
    QFETCH(QByteArray, rows);
    QFETCH(QString, expected);
    QFETCH(QString, rule);

    HUB_REQUIRE_SAMPLE(day2, "oea-contoso-sis-attendance/day2/studentattendance.csv");
    FlatFile first(day2, builtIn(QStringLiteral("contoso-daily-attendance")));
    first.validate(db(), districtId);
    QVERIFY(first.load(db(), districtId).ok());
    const QString before = snapshot();

    FlatFile file(writeFile(attendanceHeader + rows),
                  builtIn(QStringLiteral("contoso-daily-attendance")));
    const QList<Issue> issues = file.validate(db(), districtId);
    const QStringList errors = texts(issues, Issue::Severity::Error);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().endsWith(expected), qPrintable(errors.first()));
    bool ruleFound = false;
    for (const Issue &issue : issues)
        ruleFound = ruleFound || (issue.severity == Issue::Severity::Error && issue.rule == rule);
    QVERIFY(ruleFound);
    QVERIFY(!file.load(db(), districtId).ok());
    QCOMPARE(snapshot(), before);
}

void tst_FlatFile::rejectsLongValues_data()
{
    QTest::addColumn<QByteArray>("extraHeader");
    QTest::addColumn<QByteArray>("row");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("shownValue");
    QTest::addColumn<QString>("message");

    const QByteArray emoji = "\xF0\x9F\x98\x80"; // U+1F600, two UTF-16 units, four bytes
    QTest::newRow("student id over the sourcedId limit")
        << QByteArray()
        << "8,st" + QByteArray(254, '1') + ",2021,sch0,2/9/2019,No,1,sec1,P,1,Present,Class,0"
        << QStringLiteral("student_id")
        << QStringLiteral("st") + QString(38, QLatin1Char('1')) + QStringLiteral("...")
        << QStringLiteral("The value has 256 characters; the limit is 255. Shorten it in the "
                          "source system.");
    QTest::newRow("status over its maxLength")
        << QByteArray()
        << "8,st1,2021,sch0,2/9/2019,No,1,sec1,P,1," + emoji.repeated(65) + ",Class,0"
        << QStringLiteral("attendance_status")
        << QString::fromUtf8(emoji).repeated(40) + QStringLiteral("...")
        << QStringLiteral("The value has 65 characters; the limit is 64. Shorten it in the "
                          "source system.");
    QTest::newRow("integer of 2000 digits")
        << QByteArray()
        << "8,st1,2021,sch0,2/9/2019,No," + QByteArray(2000, '7') + ",sec1,P,1,Present,Class,0"
        << QStringLiteral("Period") << QString(40, QLatin1Char('7')) + QStringLiteral("...")
        << QStringLiteral("The value has 2000 characters; the limit is 1024. Shorten it in the "
                          "source system.");
    QTest::newRow("undeclared column over the free-text limit")
        << QByteArray(",note")
        << "8,st1,2021,sch0,2/9/2019,No,1,sec1,P,1,Present,Class,0," + QByteArray(10001, 'n')
        << QStringLiteral("note") << QString(40, QLatin1Char('n')) + QStringLiteral("...")
        << QStringLiteral("The value has 10001 characters; the limit is 10000. Shorten it in "
                          "the source system.");
}

// A value over its limit is an Error that shows the value shortened, and the store keeps the
// rows of the file loaded before.
void tst_FlatFile::rejectsLongValues()
{
    QFETCH(QByteArray, extraHeader);
    QFETCH(QByteArray, row);
    QFETCH(QString, column);
    QFETCH(QString, shownValue);
    QFETCH(QString, message);

    const FileSpec &spec = builtIn(QStringLiteral("contoso-daily-attendance"));
    const QByteArray good = "7,st1,2021,sch0,1/9/2019,No,1,sec1,P,1,Present,Class,0";
    const QByteArray goodRow = extraHeader.isEmpty() ? good : good + ",";
    FlatFile first(writeFile(attendanceHeader + good + "\r\n"), spec);
    first.validate(db(), districtId);
    QVERIFY(first.load(db(), districtId).ok());
    const QString before = snapshot();

    QByteArray header = attendanceHeader;
    header.insert(header.size() - 2, extraHeader);
    FlatFile file(writeFile(header + goodRow + "\r\n" + row + "\r\n"), spec);
    const QList<Issue> issues = file.validate(db(), districtId);
    QList<Issue> errors;
    for (const Issue &issue : issues) {
        if (issue.severity == Issue::Severity::Error)
            errors.append(issue);
    }
    QCOMPARE(errors.size(), 1);
    const Issue &issue = errors.first();
    QCOMPARE(issue.rule, QStringLiteral("field-length"));
    QCOMPARE(issue.file, QStringLiteral("file%1.csv").arg(m_files));
    QCOMPARE(issue.line, qint64(3));
    QCOMPARE(issue.column, column);
    QCOMPARE(issue.value, shownValue);
    QCOMPARE(issue.message, message);
    QCOMPARE(file.validateCounts().rowsRejected, 1);
    QVERIFY(!file.load(db(), districtId).ok());
    QCOMPARE(snapshot(), before);
}

void tst_FlatFile::acceptsMultibyteValueAtLimit()
{
    // attendance_status allows 64 characters: 64 emoji are 128 UTF-16 units and 256 bytes.
    const QString status = QString::fromUtf8("\xF0\x9F\x98\x80").repeated(64);
    FlatFile file(writeFile(attendanceHeader + "7,st1,2021,sch0,1/9/2019,No,1,sec1,P,1,"
                            + status.toUtf8() + ",Class,0\r\n"),
                  builtIn(QStringLiteral("contoso-daily-attendance")));
    QCOMPARE(texts(file.validate(db(), districtId), Issue::Severity::Error), QStringList());
    QVERIFY(file.load(db(), districtId).ok());
    auto extensions = hub::selectValue(db(), QStringLiteral("SELECT extensions FROM attendance"));
    QVERIFY(extensions.ok());
    const QJsonObject stored = QJsonDocument::fromJson(extensions->toString().toUtf8()).object();
    QCOMPARE(stored.value(QStringLiteral("attendance_status")).toString(), status);
}

void tst_FlatFile::readsMaxLength()
{
    const FileSpec &spec = builtIn(QStringLiteral("iready-diagnostic-ela"));
    const auto column = [&spec](const QString &name) {
        for (const hub::inbound::SpecColumn &column : spec.columns) {
            if (column.name == name)
                return column;
        }
        return hub::inbound::SpecColumn();
    };
    QCOMPARE(column(QStringLiteral("Lexile Measure")).maxLength, qsizetype(16));
    QCOMPARE(column(QStringLiteral("Lexile Measure")).lengthLimit(), qsizetype(16));
    QCOMPARE(column(QStringLiteral("Student ID")).lengthLimit(), qsizetype(255));
    QVERIFY(!column(QStringLiteral("Percentile")).maxLength);
    QCOMPARE(column(QStringLiteral("Percentile")).lengthLimit(), qsizetype(1024));
    const QJsonArray columns = spec.toJson().value(QStringLiteral("columns")).toArray();
    QCOMPARE(columns.last().toObject().value(QStringLiteral("maxLength")).toDouble(), 16.0);
}

void tst_FlatFile::rejectsInvalidSpecs_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown table") << "table" << QJsonValue(QStringLiteral("grades"))
                                   << "table: Use assessment_results or attendance";
    QTest::newRow("bad key") << "key" << QJsonValue(QStringLiteral("My Spec"))
                             << "key: Use 1 to 63 lower-case letters";
    QTest::newRow("key column undeclared")
        << "naturalKey" << QJsonValue(QJsonArray{QStringLiteral("Student")})
        << "naturalKey[0]: Student is not a declared column.";
    QTest::newRow("constant of unknown column")
        << "constants" << QJsonValue(QJsonObject{{QStringLiteral("grade"), QStringLiteral("5")}})
        << "constants.grade: attendance has no column grade.";
    QTest::newRow("tab in a column name")
        << "columns"
        << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("id\tcode")},
                                             {QStringLiteral("type"), QStringLiteral("text")}}})
        << "columns[0].name: Remove the control character U+0009;";
    QTest::newRow("range on a text column")
        << "columns"
        << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("id")},
                                             {QStringLiteral("type"), QStringLiteral("text")},
                                             {QStringLiteral("minimum"), 1}}})
        << "columns[0].minimum: id is not an integer or number column, so it cannot have a "
           "range.";
    QTest::newRow("maximum below minimum")
        << "columns"
        << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("score")},
                                             {QStringLiteral("type"), QStringLiteral("number")},
                                             {QStringLiteral("minimum"), 100},
                                             {QStringLiteral("maximum"), 10}}})
        << "columns[0].maximum: score has a maximum of 10, below its minimum of 100.";
    QTest::newRow("minimum as text")
        << "columns"
        << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("score")},
                                             {QStringLiteral("type"), QStringLiteral("number")},
                                             {QStringLiteral("minimum"), QStringLiteral("100")}}})
        << "columns[0].minimum: score has a minimum that is not a number.";
    const auto textColumn = [](const QJsonValue &maxLength) {
        return QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("id")},
                                                 {QStringLiteral("type"), QStringLiteral("text")},
                                                 {QStringLiteral("maxLength"), maxLength}}});
    };
    QTest::newRow("maxLength of 0") << "columns" << textColumn(0)
                                    << "columns[0].maxLength: id has a maxLength that is not a "
                                       "whole number from 1 to 10000.";
    QTest::newRow("maxLength over 10000") << "columns" << textColumn(10001)
                                          << "columns[0].maxLength: id has a maxLength that is "
                                             "not a whole number from 1 to 10000.";
    QTest::newRow("fractional maxLength") << "columns" << textColumn(1.5)
                                          << "columns[0].maxLength: id has a maxLength that is "
                                             "not a whole number from 1 to 10000.";
    QTest::newRow("maxLength as text") << "columns" << textColumn(QStringLiteral("64"))
                                       << "columns[0].maxLength: id has a maxLength that is not "
                                          "a whole number from 1 to 10000.";
    QTest::newRow("maxLength on a date column")
        << "columns"
        << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("day")},
                                             {QStringLiteral("type"), QStringLiteral("date")},
                                             {QStringLiteral("format"), QStringLiteral("d/M/yyyy")},
                                             {QStringLiteral("maxLength"), 10}}})
        << "columns[0].maxLength: day is not a text column, so it cannot have a maxLength.";
    QTest::newRow("sourcedId over 255")
        << "columns"
        << QJsonValue(QJsonArray{
               QJsonObject{{QStringLiteral("name"), QStringLiteral("student")},
                           {QStringLiteral("type"), QStringLiteral("text")},
                           {QStringLiteral("required"), true},
                           {QStringLiteral("target"), QStringLiteral("student_sourced_id")},
                           {QStringLiteral("maxLength"), 256}}})
        << "columns[0].maxLength: student fills student_sourced_id, and a sourcedId has at most "
           "255 characters.";
    QTest::newRow("unknown column type")
        << "columns"
        << QJsonValue(QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("id")},
                                             {QStringLiteral("type"), QStringLiteral("text")}},
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("day")},
                                             {QStringLiteral("type"), QStringLiteral("when")}}})
        << "columns[1].type: day has the unknown type \"when\".";
}

void tst_FlatFile::rejectsInvalidSpecs()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, error);
    QJsonObject json = builtIn(QStringLiteral("contoso-daily-attendance")).toJson();
    json.insert(field, value);
    auto spec = FileSpec::fromJson(json);
    QVERIFY(!spec.ok());
    QVERIFY2(spec.error().startsWith(error), qPrintable(spec.error()));
}

void tst_FlatFile::mapsCopiedSpec()
{
    // A copy that reads the status word as the code and unmaps the date's target is invalid;
    // one that only moves the code to attendance_status loads the words.
    QJsonObject json = builtIn(QStringLiteral("contoso-daily-attendance")).toJson();
    json.insert(QStringLiteral("key"), QStringLiteral("contoso-status-words"));
    QJsonArray columns = json.value(QStringLiteral("columns")).toArray();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        QJsonObject column = columns.at(i).toObject();
        const QString name = column.value(QStringLiteral("name")).toString();
        if (name == QLatin1String("AttendanceCode"))
            column.remove(QStringLiteral("target"));
        if (name == QLatin1String("attendance_status"))
            column.insert(QStringLiteral("target"), QStringLiteral("code"));
        columns[i] = column;
    }
    json.insert(QStringLiteral("columns"), columns);
    auto spec = FileSpec::fromJson(json);
    QVERIFY2(spec.ok(), qPrintable(spec.error()));

    FlatFile file(
        writeFile(attendanceHeader + "7,st1,2021,sch0,1/9/2019,No,1,sec1,P,1,Present,Class,0\r\n"),
        *spec);
    file.validate(db(), districtId);
    QVERIFY(file.load(db(), districtId).ok());
    auto code = hub::selectValue(db(), QStringLiteral("SELECT code FROM attendance"));
    QCOMPARE(code->toString(), QStringLiteral("Present"));
}

void tst_FlatFile::countsOneStudentInSingular()
{
    FlatFile file(
        writeFile(attendanceHeader + "7,st9,2021,sch0,1/9/2019,No,1,sec1,P,1,Present,Class,0\r\n"),
        builtIn(QStringLiteral("contoso-daily-attendance")));
    const QStringList warnings = texts(file.validate(db(), districtId), Issue::Severity::Warning);
    QCOMPARE(warnings.size(), 1);
    QVERIFY2(warnings.first().endsWith(
                 QStringLiteral(": 1 student is not among the district's users (st9); their rows "
                                "are stored as given. Load the roster to link them.")),
             qPrintable(warnings.first()));
}

// 10000 invalid rows fill the list of findings, so the unknown student's warning is one more.
void tst_FlatFile::countsOneUnlistedFinding()
{
    QByteArray rows;
    for (int row = 0; row < 10000; ++row)
        rows += "7,st1,2021,sch0,1/9/2019,No,1,sec" + QByteArray::number(row)
                + ",Q,1,Present,Class,0\r\n";
    FlatFile file(writeFile(attendanceHeader + rows),
                  builtIn(QStringLiteral("contoso-daily-attendance")));
    const QList<Issue> issues = file.validate(db(), districtId);
    QCOMPARE(issues.size(), 10001);
    QCOMPARE(issues.last().rule, QStringLiteral("unlisted-findings"));
    QVERIFY2(issues.last().toString().endsWith(QStringLiteral(": 1 more finding is not listed.")),
             qPrintable(issues.last().toString()));
}

QTEST_GUILESS_MAIN(tst_FlatFile)
#include "tst_flatfile.moc"
