// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "demo/districtgenerator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace hub::demo;

namespace {

const QStringList kBundleFiles
    = {QStringLiteral("manifest.csv"),         QStringLiteral("orgs.csv"),
       QStringLiteral("academicSessions.csv"), QStringLiteral("courses.csv"),
       QStringLiteral("classes.csv"),          QStringLiteral("users.csv"),
       QStringLiteral("enrollments.csv"),      QStringLiteral("demographics.csv")};

const QString kResultsFileName = QStringLiteral("assessmentResults.csv");

// A CSV table read back with an RFC 4180 parser written for this test, independent of the
// generator's writer.
struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;

    int column(const QString &name) const { return int(header.indexOf(name)); }

    QStringList values(const QString &name) const
    {
        const int index = column(name);
        QStringList values;
        for (const QStringList &row : rows)
            values.append(row.value(index));
        return values;
    }
};

QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('"')) {
                field.append(c);
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field.append(c);
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
        } else {
            field.append(c);
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

CsvTable readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> records = parseCsv(QString::fromUtf8(file.readAll()));
    CsvTable table;
    if (!records.isEmpty())
        table.header = records.takeFirst();
    table.rows = records;
    return table;
}

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

DistrictOptions smallOptions()
{
    DistrictOptions options;
    options.schools = 4;
    options.studentsPerSchool = 300;
    options.teachersPerSchool = 6;
    options.classesPerTeacher = 4;
    options.classesPerStudent = 5;
    options.schoolYear = 2027;
    options.seed = 42;
    return options;
}

} // namespace

class TestDistrictGenerator : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedGivesIdenticalFiles();
    void differentSeedGivesDifferentUsers();
    void countsMatchOptions_data();
    void countsMatchOptions();
    void manifestDescribesBulkBundle();
    void sessionsFollowSchoolYear();
    void enrollmentsReferenceExistingRecords();
    void classesBelongToExistingSchools();
    void eachClassHasOnePrimaryTeacher();
    void studentsHaveGradesAndNoPasswords();
    void aboutTenPercentLackResults();
    void bundleLeavesOutResults();
    void locationWithCommaIsQuoted();
    void quoteCsvField_data();
    void quoteCsvField();
    void invalidOptionsAreRejected_data();
    void invalidOptionsAreRejected();

private:
    // Generates smallOptions() once into m_folder for the tests that only read the bundle.
    void ensureSmallBundle();

    QTemporaryDir m_temp;
    QString m_folder;
    QString m_resultsFile;
    GenerationReport m_report;
};

void TestDistrictGenerator::ensureSmallBundle()
{
    if (!m_folder.isEmpty())
        return;
    QVERIFY(m_temp.isValid());
    const QString folder = m_temp.filePath(QStringLiteral("small"));
    const QString resultsFile
        = m_temp.filePath(QStringLiteral("small-results/") + kResultsFileName);
    DistrictGenerator generator(smallOptions());
    auto report = generator.writeBundle(folder, nullptr, resultsFile);
    QVERIFY2(report.ok(), qPrintable(report.error()));
    m_report = report.value();
    m_folder = folder;
    m_resultsFile = resultsFile;
}

void TestDistrictGenerator::sameSeedGivesIdenticalFiles()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString first = temp.filePath(QStringLiteral("first"));
    const QString second = temp.filePath(QStringLiteral("second"));
    const QString firstResults = temp.filePath(QStringLiteral("first-results.csv"));
    const QString secondResults = temp.filePath(QStringLiteral("second-results.csv"));
    QVERIFY(DistrictGenerator(smallOptions()).writeBundle(first, nullptr, firstResults).ok());
    QVERIFY(DistrictGenerator(smallOptions()).writeBundle(second, nullptr, secondResults).ok());

    for (const QString &file : kBundleFiles) {
        const QByteArray firstBytes = readBytes(QDir(first).filePath(file));
        QVERIFY2(!firstBytes.isEmpty(), qPrintable(file));
        QVERIFY2(firstBytes == readBytes(QDir(second).filePath(file)), qPrintable(file));
    }
    const QByteArray firstResultBytes = readBytes(firstResults);
    QVERIFY(!firstResultBytes.isEmpty());
    QVERIFY(firstResultBytes == readBytes(secondResults));
}

void TestDistrictGenerator::differentSeedGivesDifferentUsers()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    DistrictOptions other = smallOptions();
    other.seed = 43;
    const QString first = temp.filePath(QStringLiteral("first"));
    const QString second = temp.filePath(QStringLiteral("second"));
    QVERIFY(DistrictGenerator(smallOptions()).writeBundle(first).ok());
    QVERIFY(DistrictGenerator(other).writeBundle(second).ok());

    const QString users = QStringLiteral("users.csv");
    QVERIFY(readBytes(QDir(first).filePath(users)) != readBytes(QDir(second).filePath(users)));
}

void TestDistrictGenerator::countsMatchOptions_data()
{
    QTest::addColumn<int>("schools");
    QTest::addColumn<int>("studentsPerSchool");
    QTest::addColumn<int>("teachersPerSchool");
    QTest::addColumn<int>("classesPerTeacher");
    QTest::addColumn<int>("classesPerStudent");

    QTest::newRow("small district") << 3 << 200 << 10 << 5 << 6;
    QTest::newRow("one school") << 1 << 50 << 4 << 3 << 4;
    QTest::newRow("fewer classes than wanted") << 2 << 40 << 1 << 2 << 6;
    QTest::newRow("no students") << 2 << 0 << 3 << 2 << 6;
    QTest::newRow("six schools") << 6 << 30 << 5 << 5 << 7;
}

void TestDistrictGenerator::countsMatchOptions()
{
    QFETCH(int, schools);
    QFETCH(int, studentsPerSchool);
    QFETCH(int, teachersPerSchool);
    QFETCH(int, classesPerTeacher);
    QFETCH(int, classesPerStudent);

    DistrictOptions options;
    options.schools = schools;
    options.studentsPerSchool = studentsPerSchool;
    options.teachersPerSchool = teachersPerSchool;
    options.classesPerTeacher = classesPerTeacher;
    options.classesPerStudent = classesPerStudent;
    options.seed = 9;

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString bundleFolder = temp.filePath(QStringLiteral("bundle"));
    const QString resultsFile = temp.filePath(QStringLiteral("results/") + kResultsFileName);
    auto report = DistrictGenerator(options).writeBundle(bundleFolder, nullptr, resultsFile);
    QVERIFY2(report.ok(), qPrintable(report.error()));

    const qint64 students = qint64(schools) * studentsPerSchool;
    const qint64 classesPerSchool = qint64(teachersPerSchool) * classesPerTeacher;
    const qint64 classes = schools * classesPerSchool;
    const qint64 studentEnrollments
        = students * std::min<qint64>(classesPerStudent, classesPerSchool);
    const qint64 tested = students - report->studentsWithoutResults;

    QCOMPARE(report->students, students);
    QCOMPARE(report->teachers, qint64(schools) * teachersPerSchool);
    QCOMPARE(report->administrators, qint64(schools) + 1);
    QCOMPARE(report->rows(QStringLiteral("manifest.csv")), 17);
    QCOMPARE(report->rows(QStringLiteral("orgs.csv")), schools + 1);
    QCOMPARE(report->rows(QStringLiteral("academicSessions.csv")), 3);
    QCOMPARE(report->rows(QStringLiteral("courses.csv")), 13 * 7);
    QCOMPARE(report->rows(QStringLiteral("classes.csv")), classes);
    QCOMPARE(report->rows(QStringLiteral("users.csv")),
             students + qint64(schools) * teachersPerSchool + schools + 1);
    QCOMPARE(report->rows(QStringLiteral("enrollments.csv")), classes + studentEnrollments);
    QCOMPARE(report->rows(QStringLiteral("demographics.csv")), students);
    QCOMPARE(report->rows(kResultsFileName), tested * 6);
    QCOMPARE(report->assessmentResults, tested * 6);
    QCOMPARE(report->rows(QStringLiteral("missing.csv")), -1);

    // The report must match what the files contain.
    QCOMPARE(report->files.size(), kBundleFiles.size() + 1);
    QCOMPARE(report->files.constLast().fileName, kResultsFileName);
    QStringList paths;
    for (const QString &file : kBundleFiles)
        paths.append(QDir(bundleFolder).filePath(file));
    paths.append(resultsFile);
    for (const QString &path : std::as_const(paths)) {
        const CsvTable table = readCsv(path);
        QVERIFY2(!table.header.isEmpty(), qPrintable(path));
        QCOMPARE(qint64(table.rows.size()), report->rows(QFileInfo(path).fileName()));
        for (const QStringList &row : table.rows)
            QCOMPARE(row.size(), table.header.size());
    }
}

void TestDistrictGenerator::manifestDescribesBulkBundle()
{
    ensureSmallBundle();
    const CsvTable manifest = readCsv(QDir(m_folder).filePath(QStringLiteral("manifest.csv")));
    QMap<QString, QString> properties;
    for (const QStringList &row : manifest.rows)
        properties.insert(row.value(0), row.value(1));

    QCOMPARE(manifest.header,
             QStringList({QStringLiteral("propertyName"), QStringLiteral("value")}));
    QCOMPARE(properties.value(QStringLiteral("manifest.version")), QStringLiteral("1.0"));
    QCOMPARE(properties.value(QStringLiteral("oneroster.version")), QStringLiteral("1.1"));
    QCOMPARE(properties.value(QStringLiteral("source.systemName")),
             QStringLiteral("Hubdesk generator"));
    QCOMPARE(properties.value(QStringLiteral("file.users")), QStringLiteral("bulk"));
    QCOMPARE(properties.value(QStringLiteral("file.enrollments")), QStringLiteral("bulk"));
    QCOMPARE(properties.value(QStringLiteral("file.demographics")), QStringLiteral("bulk"));
    QCOMPARE(properties.value(QStringLiteral("file.results")), QStringLiteral("absent"));
    for (auto it = properties.cbegin(); it != properties.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("file.")))
            continue;
        QVERIFY2(it.value() == QLatin1String("bulk") || it.value() == QLatin1String("absent"),
                 qPrintable(it.key()));
    }
}

void TestDistrictGenerator::sessionsFollowSchoolYear()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    DistrictOptions options = smallOptions();
    options.schoolYear = 2031;
    QVERIFY(DistrictGenerator(options).writeBundle(temp.path()).ok());

    const CsvTable sessions
        = readCsv(QDir(temp.path()).filePath(QStringLiteral("academicSessions.csv")));
    QCOMPARE(sessions.rows.size(), 3);
    const QStringList &year = sessions.rows.at(0);
    QCOMPARE(year.value(sessions.column(QStringLiteral("type"))), QStringLiteral("schoolYear"));
    QCOMPARE(year.value(sessions.column(QStringLiteral("startDate"))),
             QStringLiteral("2030-07-01"));
    QCOMPARE(year.value(sessions.column(QStringLiteral("endDate"))), QStringLiteral("2031-06-30"));
    QCOMPARE(year.value(sessions.column(QStringLiteral("schoolYear"))), QStringLiteral("2031"));
    const QString yearId = year.value(sessions.column(QStringLiteral("sourcedId")));

    for (int i = 1; i < 3; ++i) {
        const QStringList &term = sessions.rows.at(i);
        QCOMPARE(term.value(sessions.column(QStringLiteral("type"))), QStringLiteral("semester"));
        QCOMPARE(term.value(sessions.column(QStringLiteral("parentSourcedId"))), yearId);
        QCOMPARE(term.value(sessions.column(QStringLiteral("schoolYear"))), QStringLiteral("2031"));
        const QDate start = QDate::fromString(
            term.value(sessions.column(QStringLiteral("startDate"))), Qt::ISODate);
        const QDate end = QDate::fromString(term.value(sessions.column(QStringLiteral("endDate"))),
                                            Qt::ISODate);
        QVERIFY(start >= QDate(2030, 7, 1));
        QVERIFY(end <= QDate(2031, 6, 30));
        QVERIFY(start < end);
    }

    // Every class lists both semesters as its terms.
    const CsvTable classes = readCsv(QDir(temp.path()).filePath(QStringLiteral("classes.csv")));
    const QString bothTerms
        = sessions.rows.at(1).value(0) + QLatin1Char(',') + sessions.rows.at(2).value(0);
    for (const QString &terms : classes.values(QStringLiteral("termSourcedIds")))
        QCOMPARE(terms, bothTerms);
}

void TestDistrictGenerator::enrollmentsReferenceExistingRecords()
{
    ensureSmallBundle();
    const QDir folder(m_folder);
    const CsvTable classes = readCsv(folder.filePath(QStringLiteral("classes.csv")));
    const CsvTable users = readCsv(folder.filePath(QStringLiteral("users.csv")));
    const CsvTable enrollments = readCsv(folder.filePath(QStringLiteral("enrollments.csv")));
    QVERIFY(!enrollments.rows.isEmpty());

    QHash<QString, QString> classSchools;
    for (const QStringList &row : classes.rows)
        classSchools.insert(row.value(classes.column(QStringLiteral("sourcedId"))),
                            row.value(classes.column(QStringLiteral("schoolSourcedId"))));
    QHash<QString, QString> userOrgs;
    for (const QStringList &row : users.rows)
        userOrgs.insert(row.value(users.column(QStringLiteral("sourcedId"))),
                        row.value(users.column(QStringLiteral("orgSourcedIds"))));

    const int classColumn = enrollments.column(QStringLiteral("classSourcedId"));
    const int userColumn = enrollments.column(QStringLiteral("userSourcedId"));
    const int schoolColumn = enrollments.column(QStringLiteral("schoolSourcedId"));
    QSet<QString> enrollmentIds;
    for (const QStringList &row : enrollments.rows) {
        const QString classId = row.value(classColumn);
        const QString userId = row.value(userColumn);
        QVERIFY2(classSchools.contains(classId), qPrintable(classId));
        QVERIFY2(userOrgs.contains(userId), qPrintable(userId));
        QCOMPARE(row.value(schoolColumn), classSchools.value(classId));
        QCOMPARE(userOrgs.value(userId), classSchools.value(classId));
        enrollmentIds.insert(row.value(0));
    }
    QCOMPARE(enrollmentIds.size(), enrollments.rows.size());
}

void TestDistrictGenerator::classesBelongToExistingSchools()
{
    ensureSmallBundle();
    const QDir folder(m_folder);
    const CsvTable orgs = readCsv(folder.filePath(QStringLiteral("orgs.csv")));
    const CsvTable classes = readCsv(folder.filePath(QStringLiteral("classes.csv")));
    const CsvTable courses = readCsv(folder.filePath(QStringLiteral("courses.csv")));

    QString districtId;
    QSet<QString> schoolIds;
    for (const QStringList &row : orgs.rows) {
        const QString type = row.value(orgs.column(QStringLiteral("type")));
        if (type == QLatin1String("district"))
            districtId = row.value(0);
        else if (type == QLatin1String("school"))
            schoolIds.insert(row.value(0));
    }
    QVERIFY(!districtId.isEmpty());
    QCOMPARE(schoolIds.size(), smallOptions().schools);
    for (const QStringList &row : orgs.rows) {
        if (row.value(orgs.column(QStringLiteral("type"))) == QLatin1String("school"))
            QCOMPARE(row.value(orgs.column(QStringLiteral("parentSourcedId"))), districtId);
    }

    const QStringList courseIdList = courses.values(QStringLiteral("sourcedId"));
    const QSet<QString> courseIds(courseIdList.cbegin(), courseIdList.cend());
    QSet<QString> classCodes;
    for (const QStringList &row : classes.rows) {
        const QString schoolId = row.value(classes.column(QStringLiteral("schoolSourcedId")));
        QVERIFY2(schoolIds.contains(schoolId), qPrintable(schoolId));
        QVERIFY(courseIds.contains(row.value(classes.column(QStringLiteral("courseSourcedId")))));
        QVERIFY(!row.value(classes.column(QStringLiteral("periods"))).isEmpty());
        QVERIFY(!row.value(classes.column(QStringLiteral("location"))).isEmpty());
        classCodes.insert(schoolId + QLatin1Char('/')
                          + row.value(classes.column(QStringLiteral("classCode"))));
    }
    // A class code is unique within its school.
    QCOMPARE(classCodes.size(), classes.rows.size());
}

void TestDistrictGenerator::eachClassHasOnePrimaryTeacher()
{
    ensureSmallBundle();
    const QDir folder(m_folder);
    const CsvTable classes = readCsv(folder.filePath(QStringLiteral("classes.csv")));
    const CsvTable enrollments = readCsv(folder.filePath(QStringLiteral("enrollments.csv")));

    QHash<QString, int> primaryTeachers;
    const int roleColumn = enrollments.column(QStringLiteral("role"));
    const int primaryColumn = enrollments.column(QStringLiteral("primary"));
    for (const QStringList &row : enrollments.rows) {
        if (row.value(roleColumn) == QLatin1String("teacher")
            && row.value(primaryColumn) == QLatin1String("true"))
            ++primaryTeachers[row.value(enrollments.column(QStringLiteral("classSourcedId")))];
    }
    for (const QString &classId : classes.values(QStringLiteral("sourcedId")))
        QCOMPARE(primaryTeachers.value(classId), 1);
}

void TestDistrictGenerator::studentsHaveGradesAndNoPasswords()
{
    ensureSmallBundle();
    const CsvTable users = readCsv(QDir(m_folder).filePath(QStringLiteral("users.csv")));
    const QStringList grades
        = {QStringLiteral("KG"), QStringLiteral("01"), QStringLiteral("02"), QStringLiteral("03"),
           QStringLiteral("04"), QStringLiteral("05"), QStringLiteral("06"), QStringLiteral("07"),
           QStringLiteral("08"), QStringLiteral("09"), QStringLiteral("10"), QStringLiteral("11"),
           QStringLiteral("12")};
    QSet<QString> usernames;
    QSet<QString> gradesSeen;
    for (const QStringList &row : users.rows) {
        const QString role = row.value(users.column(QStringLiteral("role")));
        QVERIFY(role == QLatin1String("student") || role == QLatin1String("teacher")
                || role == QLatin1String("administrator"));
        QVERIFY(row.value(users.column(QStringLiteral("password"))).isEmpty());
        QVERIFY(row.value(users.column(QStringLiteral("email")))
                    .endsWith(QLatin1String("@example.org")));
        QVERIFY(!row.value(users.column(QStringLiteral("givenName"))).isEmpty());
        QVERIFY(!row.value(users.column(QStringLiteral("familyName"))).isEmpty());
        usernames.insert(row.value(users.column(QStringLiteral("username"))));
        const QString grade = row.value(users.column(QStringLiteral("grades")));
        if (role == QLatin1String("student")) {
            QVERIFY2(grades.contains(grade), qPrintable(grade));
            gradesSeen.insert(grade);
        } else {
            QVERIFY(grade.isEmpty());
        }
    }
    QCOMPARE(usernames.size(), users.rows.size());
    // Four schools are elementary, middle, high and elementary, so every grade has students.
    QCOMPARE(gradesSeen.size(), grades.size());
}

void TestDistrictGenerator::aboutTenPercentLackResults()
{
    ensureSmallBundle();
    const QDir folder(m_folder);
    const CsvTable users = readCsv(folder.filePath(QStringLiteral("users.csv")));
    const CsvTable results = readCsv(m_resultsFile);

    QSet<QString> students;
    for (const QStringList &row : users.rows) {
        if (row.value(users.column(QStringLiteral("role"))) == QLatin1String("student"))
            students.insert(row.value(0));
    }
    QSet<QString> tested;
    for (const QStringList &row : results.rows) {
        const QString studentId = row.value(results.column(QStringLiteral("studentSourcedId")));
        QVERIFY2(students.contains(studentId), qPrintable(studentId));
        tested.insert(studentId);
        QCOMPARE(row.value(results.column(QStringLiteral("assessment"))),
                 QStringLiteral("i-Ready Diagnostic"));
        QCOMPARE(row.value(results.column(QStringLiteral("schoolYear"))), QStringLiteral("2027"));
        const QString subject = row.value(results.column(QStringLiteral("subject")));
        QVERIFY(subject == QLatin1String("ELA") || subject == QLatin1String("Math"));
        const QDate testDate
            = QDate::fromString(row.value(results.column(QStringLiteral("testDate"))), Qt::ISODate);
        QVERIFY(testDate >= QDate(2026, 7, 1));
        QVERIFY(testDate <= QDate(2027, 6, 30));
        QVERIFY(testDate.dayOfWeek() <= 5);
        const double score = row.value(results.column(QStringLiteral("scaleScore"))).toDouble();
        QVERIFY(score >= 100);
        QVERIFY(score <= 800);
        QVERIFY(!row.value(results.column(QStringLiteral("performanceLevel"))).isEmpty());
    }

    const qint64 untested = students.size() - tested.size();
    QCOMPARE(untested, m_report.studentsWithoutResults);
    const double share = double(untested) / double(students.size());
    QVERIFY2(share >= 0.06, qPrintable(QString::number(share)));
    QVERIFY2(share <= 0.14, qPrintable(QString::number(share)));
}

void TestDistrictGenerator::bundleLeavesOutResults()
{
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString folder = temp.filePath(QStringLiteral("bundle"));
    auto report = DistrictGenerator(smallOptions()).writeBundle(folder);
    QVERIFY2(report.ok(), qPrintable(report.error()));

    // The folder contains only the OneRoster files, so a bundle load finds no unknown file.
    QStringList expected = kBundleFiles;
    expected.sort();
    QCOMPARE(QDir(folder).entryList(QDir::Files, QDir::Name), expected);
    QCOMPARE(report->files.size(), kBundleFiles.size());
    QCOMPARE(report->rows(kResultsFileName), -1);
    QVERIFY(report->assessmentResults > 0);
}

void TestDistrictGenerator::locationWithCommaIsQuoted()
{
    ensureSmallBundle();
    const QString path = QDir(m_folder).filePath(QStringLiteral("classes.csv"));
    const CsvTable classes = readCsv(path);
    const QString location
        = classes.rows.value(0).value(classes.column(QStringLiteral("location")));
    QVERIFY2(location.contains(QLatin1Char(',')), qPrintable(location));

    const QByteArray bytes = readBytes(path);
    const QByteArray quotedLocation = QByteArray(",\"") + location.toUtf8() + QByteArray("\",");
    QVERIFY(bytes.contains(quotedLocation));
    // Multi-value fields are comma-joined within one quoted field.
    QVERIFY(bytes.contains(",\"sy-2027-s1,sy-2027-s2\","));
}

void TestDistrictGenerator::quoteCsvField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QStringLiteral("Lincoln") << QStringLiteral("Lincoln");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("apostrophe") << QStringLiteral("O'Brien") << QStringLiteral("O'Brien");
    QTest::newRow("comma") << QStringLiteral("Building A, Room 101")
                           << QStringLiteral("\"Building A, Room 101\"");
    QTest::newRow("double quote") << QStringLiteral("The \"Annex\"")
                                  << QStringLiteral("\"The \"\"Annex\"\"\"");
    QTest::newRow("line feed") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
}

void TestDistrictGenerator::quoteCsvField()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(hub::demo::quoteCsvField(field), expected);
}

void TestDistrictGenerator::invalidOptionsAreRejected_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<int>("value");

    QTest::newRow("no schools") << QStringLiteral("schools") << 0;
    QTest::newRow("negative students") << QStringLiteral("studentsPerSchool") << -1;
    QTest::newRow("no teachers") << QStringLiteral("teachersPerSchool") << 0;
    QTest::newRow("no classes per teacher") << QStringLiteral("classesPerTeacher") << 0;
    QTest::newRow("too many classes per student") << QStringLiteral("classesPerStudent") << 21;
    QTest::newRow("school year out of range") << QStringLiteral("schoolYear") << 1800;
}

void TestDistrictGenerator::invalidOptionsAreRejected()
{
    QFETCH(QString, option);
    QFETCH(int, value);

    DistrictOptions options = smallOptions();
    if (option == QLatin1String("schools"))
        options.schools = value;
    else if (option == QLatin1String("studentsPerSchool"))
        options.studentsPerSchool = value;
    else if (option == QLatin1String("teachersPerSchool"))
        options.teachersPerSchool = value;
    else if (option == QLatin1String("classesPerTeacher"))
        options.classesPerTeacher = value;
    else if (option == QLatin1String("classesPerStudent"))
        options.classesPerStudent = value;
    else if (option == QLatin1String("schoolYear"))
        options.schoolYear = value;

    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString folder = temp.filePath(QStringLiteral("bundle"));
    auto report = DistrictGenerator(options).writeBundle(folder);
    QVERIFY(!report.ok());
    QVERIFY2(report.error().contains(option), qPrintable(report.error()));
    QVERIFY(!QFileInfo::exists(folder));
}

QTEST_GUILESS_MAIN(TestDistrictGenerator)

#include "tst_districtgenerator.moc"
