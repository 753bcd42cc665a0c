// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/timeutil.h"
#include "demo/demodistrict.h"
#include "inbound/onerosterbundle.h"
#include "store/store.h"
#include "testdatabase.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace hub::demo;

namespace {

const QStringList kRosterTables = {QStringLiteral("orgs"),
                                   QStringLiteral("academic_sessions"),
                                   QStringLiteral("courses"),
                                   QStringLiteral("classes"),
                                   QStringLiteral("users"),
                                   QStringLiteral("user_roles"),
                                   QStringLiteral("enrollments"),
                                   QStringLiteral("demographics"),
                                   QStringLiteral("assessment_results")};

} // namespace

class TestDemoDistrict : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void loadFillsEveryTable();
    void loadUsesCurrentSchoolYear();
    void eachClassHasOnePrimaryTeacher();
    void userRolesArePrimaryPerOrg();
    void columnsFollowStoreConventions();
    void bundleMatchesStore();
    void generatedBundleLoadsCleanly();
    void secondLoadIsRejected();
    void missingDistrictIsRejected();
    void otherDistrictStaysSeparate();

private:
    qint64 addDistrict(const QString &name);
    qint64 count(const QString &table, qint64 districtId);
    qint64 scalar(const QString &sql, const QVariantList &bindings = {});
    QString workDir(const QString &name) const { return m_temp->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<hub::Store> m_store;
    qint64 m_districtId = 0;
};

void TestDemoDistrict::init()
{
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    HUB_REQUIRE_TEST_DATABASE();
    const QString database = hubtest::testDatabase(m_temp->filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!database.isEmpty());
    m_store = std::make_unique<hub::Store>(database);
    auto opened = m_store->open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    m_districtId = addDistrict(QStringLiteral("Maple Valley Schools"));
    QVERIFY(m_districtId > 0);
}

void TestDemoDistrict::cleanup()
{
    m_store.reset();
    m_temp.reset();
}

qint64 TestDemoDistrict::addDistrict(const QString &name)
{
    auto inserted = hub::execute(m_store->connection(),
                                 QStringLiteral("INSERT INTO districts (name, created_at) "
                                                "VALUES (?, ?)"),
                                 {name, hub::nowIsoUtc()});
    if (!inserted)
        return -1;
    return inserted->lastInsertId().toLongLong();
}

qint64 TestDemoDistrict::scalar(const QString &sql, const QVariantList &bindings)
{
    auto value = hub::selectValue(m_store->connection(), sql, bindings);
    return value ? value->toLongLong() : -1;
}

qint64 TestDemoDistrict::count(const QString &table, qint64 districtId)
{
    return scalar(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE district_id = ?").arg(table),
                  {districtId});
}

void TestDemoDistrict::loadFillsEveryTable()
{
    auto summary = loadDemoDistrict(*m_store, m_districtId, workDir(QStringLiteral("demo")));
    QVERIFY2(summary.ok(), qPrintable(summary.error()));

    // 3 schools of 200 students and 10 teachers, 5 classes per teacher, 6 classes per student.
    const qint64 tested = 600 - summary->bundle.studentsWithoutResults;
    QCOMPARE(count(QStringLiteral("orgs"), m_districtId), 4);
    QCOMPARE(count(QStringLiteral("academic_sessions"), m_districtId), 3);
    QCOMPARE(count(QStringLiteral("courses"), m_districtId), 91);
    QCOMPARE(count(QStringLiteral("classes"), m_districtId), 150);
    QCOMPARE(count(QStringLiteral("users"), m_districtId), 634);
    QCOMPARE(count(QStringLiteral("user_roles"), m_districtId), 634);
    QCOMPARE(count(QStringLiteral("enrollments"), m_districtId), 150 + 600 * 6);
    QCOMPARE(count(QStringLiteral("demographics"), m_districtId), 600);
    QCOMPARE(count(QStringLiteral("assessment_results"), m_districtId), tested * 6);

    QCOMPARE(summary->districtId, m_districtId);
    QCOMPARE(summary->tables.size(), kRosterTables.size());
    for (const QString &table : kRosterTables)
        QCOMPARE(summary->rows(table), count(table, m_districtId));
    QVERIFY(summary->elapsedMs >= 0);

    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE district_id = ? AND "
                                   "sourced_id IN (SELECT user_sourced_id FROM user_roles WHERE "
                                   "role = 'student')"),
                    {m_districtId}),
             600);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM user_roles WHERE district_id = ? AND "
                                   "role = 'teacher'"),
                    {m_districtId}),
             30);
    QVERIFY(tested > 0);
    QVERIFY(tested < 600);
}

void TestDemoDistrict::loadUsesCurrentSchoolYear()
{
    auto summary = loadDemoDistrict(*m_store, m_districtId, workDir(QStringLiteral("demo")));
    QVERIFY2(summary.ok(), qPrintable(summary.error()));

    const int expectedYear = hub::schoolYearForDate(QDate::currentDate());
    QCOMPARE(summary->schoolYear, expectedYear);
    QCOMPARE(scalar(QStringLiteral("SELECT school_year FROM academic_sessions WHERE "
                                   "district_id = ? AND type = 'schoolYear'"),
                    {m_districtId}),
             expectedYear);
    auto start = hub::selectValue(m_store->connection(),
                                  QStringLiteral("SELECT start_date FROM academic_sessions "
                                                 "WHERE district_id = ? AND type = 'schoolYear'"),
                                  {m_districtId});
    QVERIFY(start.ok());
    QCOMPARE(start->toString(), QStringLiteral("%1-07-01").arg(expectedYear - 1));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM assessment_results WHERE "
                                   "district_id = ? AND school_year <> ?"),
                    {m_districtId, expectedYear}),
             0);
}

void TestDemoDistrict::eachClassHasOnePrimaryTeacher()
{
    auto summary = loadDemoDistrict(*m_store, m_districtId, workDir(QStringLiteral("demo")));
    QVERIFY2(summary.ok(), qPrintable(summary.error()));

    auto query = hub::execute(
        m_store->connection(),
        QStringLiteral("SELECT c.sourced_id, "
                       "(SELECT COUNT(*) FROM enrollments e WHERE e.district_id = c.district_id "
                       "AND e.class_sourced_id = c.sourced_id AND e.role = 'teacher' "
                       "AND e.is_primary = 1) "
                       "FROM classes c WHERE c.district_id = ?"),
        {m_districtId});
    QVERIFY2(query.ok(), qPrintable(query.error()));
    int classes = 0;
    while (query->next()) {
        ++classes;
        QVERIFY2(query->value(1).toInt() == 1, qPrintable(query->value(0).toString()));
    }
    QCOMPARE(classes, 150);

    // Every enrollment points at a class and a user of the same district.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM enrollments e WHERE e.district_id = ? "
                                   "AND NOT EXISTS (SELECT 1 FROM classes c WHERE "
                                   "c.district_id = e.district_id AND "
                                   "c.sourced_id = e.class_sourced_id)"),
                    {m_districtId}),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM enrollments e WHERE e.district_id = ? "
                                   "AND NOT EXISTS (SELECT 1 FROM users u WHERE "
                                   "u.district_id = e.district_id AND "
                                   "u.sourced_id = e.user_sourced_id)"),
                    {m_districtId}),
             0);
}

void TestDemoDistrict::userRolesArePrimaryPerOrg()
{
    auto summary = loadDemoDistrict(*m_store, m_districtId, workDir(QStringLiteral("demo")));
    QVERIFY2(summary.ok(), qPrintable(summary.error()));

    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM user_roles WHERE district_id = ? AND "
                                   "(role_type <> 'primary' OR "
                                   "sourced_id <> user_sourced_id || ':' || org_sourced_id)"),
                    {m_districtId}),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users u JOIN user_roles r ON "
                                   "r.district_id = u.district_id AND "
                                   "r.user_sourced_id = u.sourced_id WHERE u.district_id = ? AND "
                                   "r.org_sourced_id = u.primary_org_sourced_id"),
                    {m_districtId}),
             634);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM user_roles r WHERE r.district_id = ? "
                                   "AND NOT EXISTS (SELECT 1 FROM orgs o WHERE "
                                   "o.district_id = r.district_id AND "
                                   "o.sourced_id = r.org_sourced_id)"),
                    {m_districtId}),
             0);
}

void TestDemoDistrict::columnsFollowStoreConventions()
{
    auto summary = loadDemoDistrict(*m_store, m_districtId, workDir(QStringLiteral("demo")));
    QVERIFY2(summary.ok(), qPrintable(summary.error()));

    auto query = hub::execute(m_store->connection(),
                              QStringLiteral("SELECT grades, term_sourced_ids, subjects, periods "
                                             "FROM classes WHERE district_id = ?"),
                              {m_districtId});
    QVERIFY2(query.ok(), qPrintable(query.error()));
    while (query->next()) {
        const QJsonDocument grades = QJsonDocument::fromJson(query->value(0).toString().toUtf8());
        QVERIFY(grades.isArray());
        QCOMPARE(grades.array().size(), 1);
        const QJsonDocument terms = QJsonDocument::fromJson(query->value(1).toString().toUtf8());
        QVERIFY(terms.isArray());
        QCOMPARE(terms.array().size(), 2);
        QVERIFY(QJsonDocument::fromJson(query->value(2).toString().toUtf8()).isArray());
        QVERIFY(QJsonDocument::fromJson(query->value(3).toString().toUtf8()).isArray());
    }

    const int year = summary->schoolYear;
    auto terms = hub::selectValue(m_store->connection(),
                                  QStringLiteral("SELECT term_sourced_ids FROM classes "
                                                 "WHERE district_id = ? LIMIT 1"),
                                  {m_districtId});
    QVERIFY(terms.ok());
    QCOMPARE(terms->toString(), QStringLiteral("[\"sy-%1-s1\",\"sy-%1-s2\"]").arg(year));

    const QRegularExpression isoDate(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    auto dates = hub::execute(m_store->connection(),
                              QStringLiteral("SELECT birth_date FROM demographics WHERE "
                                             "district_id = ? UNION ALL SELECT test_date FROM "
                                             "assessment_results WHERE district_id = ?"),
                              {m_districtId, m_districtId});
    QVERIFY2(dates.ok(), qPrintable(dates.error()));
    while (dates->next())
        QVERIFY2(isoDate.match(dates->value(0).toString()).hasMatch(),
                 qPrintable(dates->value(0).toString()));

    // Only students have grades, each a one-element JSON array.
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE district_id = ? AND "
                                   "grades IS NOT NULL AND grades NOT LIKE '[\"__\"]'"),
                    {m_districtId}),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE district_id = ? AND "
                                   "grades IS NOT NULL"),
                    {m_districtId}),
             600);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM orgs WHERE district_id = ? AND "
                                   "type = 'district' AND name = 'Maple Valley Schools'"),
                    {m_districtId}),
             1);
}

void TestDemoDistrict::bundleMatchesStore()
{
    const QString folder = workDir(QStringLiteral("demo"));
    auto summary = loadDemoDistrict(*m_store, m_districtId, folder);
    QVERIFY2(summary.ok(), qPrintable(summary.error()));

    QCOMPARE(summary->bundle.folder, folder);
    QVERIFY(QFileInfo::exists(QDir(folder).filePath(QStringLiteral("manifest.csv"))));
    QCOMPARE(summary->bundle.rows(QStringLiteral("orgs.csv")),
             summary->rows(QStringLiteral("orgs")));
    QCOMPARE(summary->bundle.rows(QStringLiteral("users.csv")),
             summary->rows(QStringLiteral("users")));
    QCOMPARE(summary->bundle.rows(QStringLiteral("classes.csv")),
             summary->rows(QStringLiteral("classes")));
    QCOMPARE(summary->bundle.rows(QStringLiteral("enrollments.csv")),
             summary->rows(QStringLiteral("enrollments")));
    QCOMPARE(summary->bundle.rows(QStringLiteral("demographics.csv")),
             summary->rows(QStringLiteral("demographics")));
    QCOMPARE(summary->bundle.assessmentResults,
             summary->rows(QStringLiteral("assessment_results")));
    QCOMPARE(summary->bundle.rows(QStringLiteral("assessmentResults.csv")), -1);
    QVERIFY(!QFileInfo::exists(QDir(folder).filePath(QStringLiteral("assessmentResults.csv"))));
}

void TestDemoDistrict::generatedBundleLoadsCleanly()
{
    DistrictOptions options;
    options.schools = 2;
    options.studentsPerSchool = 30;
    options.teachersPerSchool = 3;
    const QString folder = workDir(QStringLiteral("generated"));
    const QString resultsFile = workDir(QStringLiteral("assessmentResults.csv"));
    auto generated = DistrictGenerator(options).writeBundle(folder, nullptr, resultsFile);
    QVERIFY2(generated.ok(), qPrintable(generated.error()));

    auto bundle = hub::inbound::OneRosterBundle::open(folder, workDir(QStringLiteral("work")));
    QVERIFY2(bundle.ok(), qPrintable(bundle.error()));
    QStringList findings;
    for (const hub::inbound::Issue &issue : bundle->validate(m_store->connection(), m_districtId))
        findings.append(issue.rule + QStringLiteral(": ") + issue.toString());
    // users.csv has the password column of OneRoster 1.1, empty in every row, and no file
    // draws an unknown-file warning.
    QCOMPARE(findings,
             QStringList{QStringLiteral("dropped-column: users.csv line 1, column password: The "
                                        "hub does not load this column. The uploaded file is "
                                        "deleted after the load, or kept 14 days if the load "
                                        "fails.")});

    auto loaded = bundle->load(m_store->connection(), m_districtId);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QCOMPARE(count(QStringLiteral("users"), m_districtId),
             generated->rows(QStringLiteral("users.csv")));
    QCOMPARE(count(QStringLiteral("enrollments"), m_districtId),
             generated->rows(QStringLiteral("enrollments.csv")));
}

void TestDemoDistrict::secondLoadIsRejected()
{
    auto first = loadDemoDistrict(*m_store, m_districtId, workDir(QStringLiteral("first")));
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QHash<QString, qint64> before;
    for (const QString &table : kRosterTables)
        before.insert(table, count(table, m_districtId));

    auto second = loadDemoDistrict(*m_store, m_districtId, workDir(QStringLiteral("second")));
    QVERIFY(!second.ok());
    QVERIFY2(second.error().contains(QStringLiteral("already has roster data")),
             qPrintable(second.error()));
    QVERIFY2(second.error().contains(QString::number(m_districtId)), qPrintable(second.error()));
    for (const QString &table : kRosterTables)
        QCOMPARE(count(table, m_districtId), before.value(table));
    QVERIFY(!QFileInfo::exists(workDir(QStringLiteral("second"))));

    // The rejected load left no transaction open, so the store still takes writes.
    QVERIFY(addDistrict(QStringLiteral("After the rejected load")) > 0);
}

void TestDemoDistrict::missingDistrictIsRejected()
{
    auto summary = loadDemoDistrict(*m_store, m_districtId + 100, workDir(QStringLiteral("demo")));
    QVERIFY(!summary.ok());
    QVERIFY2(summary.error().contains(QStringLiteral("not found")), qPrintable(summary.error()));
    for (const QString &table : kRosterTables)
        QCOMPARE(count(table, m_districtId + 100), 0);
}

void TestDemoDistrict::otherDistrictStaysSeparate()
{
    const qint64 otherId = addDistrict(QStringLiteral("Cedar Falls Schools"));
    QVERIFY(otherId > 0);
    auto first = loadDemoDistrict(*m_store, m_districtId, workDir(QStringLiteral("first")));
    QVERIFY2(first.ok(), qPrintable(first.error()));
    auto second = loadDemoDistrict(*m_store, otherId, workDir(QStringLiteral("second")));
    QVERIFY2(second.ok(), qPrintable(second.error()));

    for (const QString &table : kRosterTables)
        QCOMPARE(count(table, otherId), count(table, m_districtId));
}

QTEST_GUILESS_MAIN(TestDemoDistrict)

#include "tst_demodistrict.moc"
