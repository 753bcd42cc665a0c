// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "districtgenerator.h"

#include "core/logging.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <iterator>
#include <memory>
#include <tuple>

namespace hub::demo {

namespace {

// Synthetic name lists. A given name is picked to match the person's sex. The family names
// include diacritics, apostrophes and hyphens, as real rosters do.
constexpr QStringView kFemaleGivenNames[]
    = {u"Olivia", u"Emma",     u"Ava",     u"Sophia",  u"Isabella", u"Mia",      u"Amelia",
       u"Harper", u"Evelyn",   u"Abigail", u"Emily",   u"Ella",     u"Camila",   u"Luna",
       u"Sofia",  u"Avery",    u"Mila",    u"Aria",    u"Scarlett", u"Penelope", u"Layla",
       u"Chloe",  u"Victoria", u"Madison", u"Eleanor", u"Grace",    u"Nora",     u"Riley",
       u"Zoey",   u"Hannah",   u"Hazel",   u"Lily",    u"Ellie",    u"Violet",   u"Lillian",
       u"Zoe",    u"Stella",   u"Aurora",  u"Natalie", u"Emilia",   u"Leah",     u"Aaliyah",
       u"Ximena", u"Priya",    u"Mei",     u"Fatima",  u"Amara",    u"Renée",    u"Siobhan",
       u"Yuki"};

constexpr QStringView kMaleGivenNames[]
    = {u"Liam",     u"Noah",   u"Oliver",   u"Elijah", u"James",     u"William",   u"Benjamin",
       u"Lucas",    u"Henry",  u"Theodore", u"Jack",   u"Levi",      u"Alexander", u"Jackson",
       u"Mateo",    u"Daniel", u"Michael",  u"Mason",  u"Sebastian", u"Ethan",     u"Logan",
       u"Owen",     u"Samuel", u"Jacob",    u"Asher",  u"Aiden",     u"John",      u"Joseph",
       u"Wyatt",    u"David",  u"Leo",      u"Luke",   u"Julian",    u"Hudson",    u"Grayson",
       u"Matthew",  u"Ezra",   u"Gabriel",  u"Carter", u"Isaac",     u"Jayden",    u"Luca",
       u"Santiago", u"Arjun",  u"Wei",      u"Omar",   u"Kwame",     u"José",      u"Declan",
       u"Kenji"};

constexpr QStringView kFamilyNames[]
    = {u"Smith",    u"Johnson",  u"Williams",  u"Brown",       u"Jones",     u"Garcia",
       u"Miller",   u"Davis",    u"Rodriguez", u"Martinez",    u"Hernandez", u"Lopez",
       u"Gonzalez", u"Wilson",   u"Anderson",  u"Thomas",      u"Taylor",    u"Moore",
       u"Jackson",  u"Martin",   u"Lee",       u"Perez",       u"Thompson",  u"White",
       u"Harris",   u"Sanchez",  u"Clark",     u"Ramirez",     u"Lewis",     u"Robinson",
       u"Walker",   u"Young",    u"Allen",     u"King",        u"Wright",    u"Scott",
       u"Torres",   u"Nguyen",   u"Hill",      u"Flores",      u"Green",     u"Adams",
       u"Nelson",   u"Baker",    u"Hall",      u"Rivera",      u"Campbell",  u"Mitchell",
       u"Carter",   u"Roberts",  u"Kowalski",  u"Novak",       u"Schmidt",   u"Müller",
       u"Okafor",   u"Mensah",   u"Haddad",    u"Khan",        u"Patel",     u"Singh",
       u"Kim",      u"Park",     u"Chen",      u"Wang",        u"Tanaka",    u"Sato",
       u"O'Brien",  u"O'Connor", u"McDonald",  u"Núñez",       u"García",    u"Peña",
       u"Da Silva", u"Van Dyke", u"St. Clair", u"Smith-Jones", u"Lindqvist", u"Johansson",
       u"Nowak",    u"Ivanova",  u"Popescu",   u"Yilmaz",      u"Cohen",     u"Levy",
       u"Begay",    u"Yazzie",   u"Kealoha",   u"Fitzgerald",  u"Murphy",    u"Kelly"};

// Namesakes for school names. A school past the end of the list reuses one with a number.
constexpr QStringView kSchoolNamesakes[]
    = {u"Lincoln",     u"Washington", u"Roosevelt",    u"Jefferson",    u"Oak Ridge",
       u"Maple Grove", u"Riverside",  u"Hillcrest",    u"Lakeview",     u"Cedar Park",
       u"Franklin",    u"Madison",    u"Sunset Hills", u"Willow Creek", u"Pine Valley",
       u"Eastwood",    u"Westfield",  u"Northgate",    u"Southside",    u"Meadowbrook"};

struct Subject
{
    QStringView name;
    QStringView code;
};

const std::array kSubjects = {Subject{u"English Language Arts", u"ELA"},
                              Subject{u"Mathematics", u"MATH"},
                              Subject{u"Science", u"SCI"},
                              Subject{u"Social Studies", u"SS"},
                              Subject{u"Physical Education", u"PE"},
                              Subject{u"Art", u"ART"},
                              Subject{u"Music", u"MUS"}};

// OneRoster grade codes from kindergarten to grade 12. A grade's index is its position here.
constexpr QStringView kGrades[]
    = {u"KG", u"01", u"02", u"03", u"04", u"05", u"06", u"07", u"08", u"09", u"10", u"11", u"12"};

struct SchoolLevel
{
    QStringView nameSuffix;
    int firstGradeIndex;
    int lastGradeIndex;
};

const std::array kSchoolLevels
    = {SchoolLevel{u"Elementary School", 0, 5}, SchoolLevel{u"Middle School", 6, 8},
       SchoolLevel{u"High School", 9, 12}};

// Level of each school in a repeating pattern of five: elementary, middle, high, elementary,
// elementary. The first three schools of a district are then one school of each level.
const SchoolLevel &schoolLevel(qint64 schoolIndex)
{
    static const std::array pattern = {0, 1, 2, 0, 0};
    return kSchoolLevels[pattern[schoolIndex % qint64(pattern.size())]];
}

// i-Ready placement levels, from highest to lowest.
constexpr QStringView kPerformanceLevels[]
    = {u"Mid or Above Grade Level", u"Early On Grade Level", u"One Grade Level Below",
       u"Two Grade Levels Below", u"Three or More Grade Levels Below"};

const QString kAssessment = QStringLiteral("i-Ready Diagnostic");
const QString kEmailDomain = QStringLiteral("example.org");

const QString kManifestFile = QStringLiteral("manifest.csv");
const QString kOrgsFile = QStringLiteral("orgs.csv");
const QString kSessionsFile = QStringLiteral("academicSessions.csv");
const QString kCoursesFile = QStringLiteral("courses.csv");
const QString kClassesFile = QStringLiteral("classes.csv");
const QString kUsersFile = QStringLiteral("users.csv");
const QString kEnrollmentsFile = QStringLiteral("enrollments.csv");
const QString kDemographicsFile = QStringLiteral("demographics.csv");

QString padded(qint64 number, int width)
{
    return QStringLiteral("%1").arg(number, width, 10, QLatin1Char('0'));
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

// Keeps the ASCII letters of a name, dropping diacritics, so "Núñez" becomes "nunez".
QString usernamePart(QStringView name)
{
    const QString decomposed = name.toString().normalized(QString::NormalizationForm_D);
    QString letters;
    letters.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')))
            letters.append(c.toLower());
    }
    return letters;
}

// One CSV file of the bundle. Rows collect in a buffer that is flushed to a QSaveFile, so a
// failed run never leaves a half-written file under the final name.
class CsvFile
{
public:
    CsvFile(const QString &folder, QString fileName)
        : m_fileName(std::move(fileName))
        , m_file(QDir(folder).filePath(m_fileName))
    {}

    Result<void> open(const QStringList &header)
    {
        if (!m_file.open(QIODevice::WriteOnly))
            return failure(
                QStringLiteral("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
        m_buffer.reserve(kFlushSize + 4096);
        appendRow(header);
        return {};
    }

    Result<void> writeRow(const QStringList &fields)
    {
        appendRow(fields);
        ++m_rows;
        if (m_buffer.size() >= kFlushSize)
            return flush();
        return {};
    }

    Result<void> commit()
    {
        if (auto flushed = flush(); !flushed)
            return flushed;
        if (!m_file.commit())
            return failure(
                QStringLiteral("Cannot save %1: %2").arg(m_file.fileName(), m_file.errorString()));
        return {};
    }

    const QString &fileName() const { return m_fileName; }
    qint64 rows() const { return m_rows; }

private:
    static constexpr qsizetype kFlushSize = 1 << 20;

    void appendRow(const QStringList &fields)
    {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0)
                m_buffer.append(',');
            m_buffer.append(quoteCsvField(fields.at(i)).toUtf8());
        }
        m_buffer.append("\r\n");
    }

    Result<void> flush()
    {
        if (m_buffer.isEmpty())
            return {};
        if (m_file.write(m_buffer) != m_buffer.size())
            return failure(
                QStringLiteral("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
        m_buffer.clear();
        return {};
    }

    QString m_fileName;
    QSaveFile m_file;
    QByteArray m_buffer;
    qint64 m_rows = 0;
};

// Writes records as the bundle's CSV files, with OneRoster 1.1 bulk headers.
class CsvBundleSink : public DistrictSink
{
public:
    // An empty resultsFile leaves the assessment results unwritten.
    CsvBundleSink(const QString &folder, const QString &resultsFile)
        : m_manifest(folder, kManifestFile)
        , m_orgs(folder, kOrgsFile)
        , m_sessions(folder, kSessionsFile)
        , m_courses(folder, kCoursesFile)
        , m_classes(folder, kClassesFile)
        , m_users(folder, kUsersFile)
        , m_enrollments(folder, kEnrollmentsFile)
        , m_demographics(folder, kDemographicsFile)
    {
        if (!resultsFile.isEmpty()) {
            const QFileInfo info(resultsFile);
            m_results = std::make_unique<CsvFile>(info.absolutePath(), info.fileName());
        }
    }

    Result<void> open()
    {
        QList<std::pair<CsvFile *, QStringList>> headers = {
            {&m_manifest, {QStringLiteral("propertyName"), QStringLiteral("value")}},
            {&m_orgs,
             {QStringLiteral("sourcedId"), QStringLiteral("status"),
              QStringLiteral("dateLastModified"), QStringLiteral("name"), QStringLiteral("type"),
              QStringLiteral("identifier"), QStringLiteral("parentSourcedId")}},
            {&m_sessions,
             {QStringLiteral("sourcedId"), QStringLiteral("status"),
              QStringLiteral("dateLastModified"), QStringLiteral("title"), QStringLiteral("type"),
              QStringLiteral("startDate"), QStringLiteral("endDate"),
              QStringLiteral("parentSourcedId"), QStringLiteral("schoolYear")}},
            {&m_courses,
             {QStringLiteral("sourcedId"), QStringLiteral("status"),
              QStringLiteral("dateLastModified"), QStringLiteral("schoolYearSourcedId"),
              QStringLiteral("title"), QStringLiteral("courseCode"), QStringLiteral("grades"),
              QStringLiteral("orgSourcedId"), QStringLiteral("subjects"),
              QStringLiteral("subjectCodes")}},
            {&m_classes,
             {QStringLiteral("sourcedId"), QStringLiteral("status"),
              QStringLiteral("dateLastModified"), QStringLiteral("title"), QStringLiteral("grades"),
              QStringLiteral("courseSourcedId"), QStringLiteral("classCode"),
              QStringLiteral("classType"), QStringLiteral("location"),
              QStringLiteral("schoolSourcedId"), QStringLiteral("termSourcedIds"),
              QStringLiteral("subjects"), QStringLiteral("subjectCodes"),
              QStringLiteral("periods")}},
            {&m_users,
             {QStringLiteral("sourcedId"), QStringLiteral("status"),
              QStringLiteral("dateLastModified"), QStringLiteral("enabledUser"),
              QStringLiteral("orgSourcedIds"), QStringLiteral("role"), QStringLiteral("username"),
              QStringLiteral("userIds"), QStringLiteral("givenName"), QStringLiteral("familyName"),
              QStringLiteral("middleName"), QStringLiteral("identifier"), QStringLiteral("email"),
              QStringLiteral("sms"), QStringLiteral("phone"), QStringLiteral("agentSourcedIds"),
              QStringLiteral("grades"), QStringLiteral("password")}},
            {&m_enrollments,
             {QStringLiteral("sourcedId"), QStringLiteral("status"),
              QStringLiteral("dateLastModified"), QStringLiteral("classSourcedId"),
              QStringLiteral("schoolSourcedId"), QStringLiteral("userSourcedId"),
              QStringLiteral("role"), QStringLiteral("primary"), QStringLiteral("beginDate"),
              QStringLiteral("endDate")}},
            {&m_demographics,
             {QStringLiteral("sourcedId"), QStringLiteral("status"),
              QStringLiteral("dateLastModified"), QStringLiteral("birthDate"),
              QStringLiteral("sex"), QStringLiteral("americanIndianOrAlaskaNative"),
              QStringLiteral("asian"), QStringLiteral("blackOrAfricanAmerican"),
              QStringLiteral("nativeHawaiianOrOtherPacificIslander"), QStringLiteral("white"),
              QStringLiteral("demographicRaceTwoOrMoreRaces"),
              QStringLiteral("hispanicOrLatinoEthnicity"), QStringLiteral("countryOfBirthCode"),
              QStringLiteral("stateOfBirthAbbreviation"), QStringLiteral("cityOfBirth"),
              QStringLiteral("publicSchoolResidenceStatus")}},
        };
        if (m_results)
            headers.append({m_results.get(),
                            {QStringLiteral("studentSourcedId"), QStringLiteral("schoolYear"),
                             QStringLiteral("assessment"), QStringLiteral("subject"),
                             QStringLiteral("testDate"), QStringLiteral("scaleScore"),
                             QStringLiteral("performanceLevel")}});
        for (const auto &[file, header] : headers) {
            if (auto opened = file->open(header); !opened)
                return opened;
        }
        return writeManifest();
    }

    Result<void> addOrg(const OrgRecord &org) override
    {
        return m_orgs.writeRow(
            {org.sourcedId, {}, {}, org.name, org.type, org.identifier, org.parentSourcedId});
    }

    Result<void> addAcademicSession(const AcademicSessionRecord &session) override
    {
        return m_sessions.writeRow({session.sourcedId,
                                    {},
                                    {},
                                    session.title,
                                    session.type,
                                    isoDate(session.startDate),
                                    isoDate(session.endDate),
                                    session.parentSourcedId,
                                    QString::number(session.schoolYear)});
    }

    Result<void> addCourse(const CourseRecord &course) override
    {
        return m_courses.writeRow({course.sourcedId,
                                   {},
                                   {},
                                   course.schoolYearSourcedId,
                                   course.title,
                                   course.courseCode,
                                   joined(course.grades),
                                   course.orgSourcedId,
                                   joined(course.subjects),
                                   {}});
    }

    Result<void> addClass(const ClassRecord &schoolClass) override
    {
        return m_classes.writeRow({schoolClass.sourcedId,
                                   {},
                                   {},
                                   schoolClass.title,
                                   joined(schoolClass.grades),
                                   schoolClass.courseSourcedId,
                                   schoolClass.classCode,
                                   schoolClass.classType,
                                   schoolClass.location,
                                   schoolClass.schoolSourcedId,
                                   joined(schoolClass.termSourcedIds),
                                   joined(schoolClass.subjects),
                                   {},
                                   joined(schoolClass.periods)});
    }

    Result<void> addUser(const UserRecord &user) override
    {
        return m_users.writeRow({user.sourcedId,
                                 {},
                                 {},
                                 boolText(true),
                                 joined(user.orgSourcedIds),
                                 user.role,
                                 user.username,
                                 {},
                                 user.givenName,
                                 user.familyName,
                                 user.middleName,
                                 user.identifier,
                                 user.email,
                                 {},
                                 {},
                                 {},
                                 joined(user.grades),
                                 {}});
    }

    Result<void> addEnrollment(const EnrollmentRecord &enrollment) override
    {
        return m_enrollments.writeRow({enrollment.sourcedId,
                                       {},
                                       {},
                                       enrollment.classSourcedId,
                                       enrollment.schoolSourcedId,
                                       enrollment.userSourcedId,
                                       enrollment.role,
                                       boolText(enrollment.primary),
                                       {},
                                       {}});
    }

    Result<void> addDemographic(const DemographicRecord &demographic) override
    {
        return m_demographics.writeRow({demographic.sourcedId,
                                        {},
                                        {},
                                        isoDate(demographic.birthDate),
                                        demographic.sex,
                                        {},
                                        {},
                                        {},
                                        {},
                                        {},
                                        {},
                                        {},
                                        {},
                                        {},
                                        {},
                                        {}});
    }

    Result<void> addAssessmentResult(const AssessmentResultRecord &result) override
    {
        if (!m_results)
            return {};
        return m_results->writeRow({result.studentSourcedId, QString::number(result.schoolYear),
                                    result.assessment, result.subject, isoDate(result.testDate),
                                    QString::number(result.scaleScore), result.performanceLevel});
    }

    // Saves every file and lists the rows written to each.
    Result<QList<FileRowCount>> commit()
    {
        QList<FileRowCount> counts;
        for (CsvFile *file : files()) {
            if (auto committed = file->commit(); !committed)
                return failure(committed.error());
            counts.append({file->fileName(), file->rows()});
        }
        return counts;
    }

private:
    static QString joined(const QStringList &values) { return values.join(QLatin1Char(',')); }

    QList<CsvFile *> files()
    {
        QList<CsvFile *> csvFiles = {&m_manifest, &m_orgs,  &m_sessions,    &m_courses,
                                     &m_classes,  &m_users, &m_enrollments, &m_demographics};
        if (m_results)
            csvFiles.append(m_results.get());
        return csvFiles;
    }

    Result<void> writeManifest()
    {
        const QString bulk = QStringLiteral("bulk");
        const QString absent = QStringLiteral("absent");
        const QList<std::pair<QString, QString>> properties = {
            {QStringLiteral("manifest.version"), QStringLiteral("1.0")},
            {QStringLiteral("oneroster.version"), QStringLiteral("1.1")},
            {QStringLiteral("file.academicSessions"), bulk},
            {QStringLiteral("file.categories"), absent},
            {QStringLiteral("file.classes"), bulk},
            {QStringLiteral("file.classResources"), absent},
            {QStringLiteral("file.courses"), bulk},
            {QStringLiteral("file.courseResources"), absent},
            {QStringLiteral("file.demographics"), bulk},
            {QStringLiteral("file.enrollments"), bulk},
            {QStringLiteral("file.lineItems"), absent},
            {QStringLiteral("file.orgs"), bulk},
            {QStringLiteral("file.resources"), absent},
            {QStringLiteral("file.results"), absent},
            {QStringLiteral("file.users"), bulk},
            {QStringLiteral("source.systemName"), QStringLiteral("Hubdesk generator")},
            {QStringLiteral("source.systemCode"), QStringLiteral("hubdesk")},
        };
        for (const auto &[name, value] : properties) {
            if (auto written = m_manifest.writeRow({name, value}); !written)
                return written;
        }
        return {};
    }

    CsvFile m_manifest;
    CsvFile m_orgs;
    CsvFile m_sessions;
    CsvFile m_courses;
    CsvFile m_classes;
    CsvFile m_users;
    CsvFile m_enrollments;
    CsvFile m_demographics;
    std::unique_ptr<CsvFile> m_results;
};

// Passes each record to two sinks in turn.
class TeeSink : public DistrictSink
{
public:
    TeeSink(DistrictSink &first, DistrictSink &second)
        : m_first(first)
        , m_second(second)
    {}

    Result<void> addOrg(const OrgRecord &record) override
    {
        return both(&DistrictSink::addOrg, record);
    }
    Result<void> addAcademicSession(const AcademicSessionRecord &record) override
    {
        return both(&DistrictSink::addAcademicSession, record);
    }
    Result<void> addCourse(const CourseRecord &record) override
    {
        return both(&DistrictSink::addCourse, record);
    }
    Result<void> addClass(const ClassRecord &record) override
    {
        return both(&DistrictSink::addClass, record);
    }
    Result<void> addUser(const UserRecord &record) override
    {
        return both(&DistrictSink::addUser, record);
    }
    Result<void> addEnrollment(const EnrollmentRecord &record) override
    {
        return both(&DistrictSink::addEnrollment, record);
    }
    Result<void> addDemographic(const DemographicRecord &record) override
    {
        return both(&DistrictSink::addDemographic, record);
    }
    Result<void> addAssessmentResult(const AssessmentResultRecord &record) override
    {
        return both(&DistrictSink::addAssessmentResult, record);
    }

private:
    template<typename Record>
    Result<void> both(Result<void> (DistrictSink::*add)(const Record &), const Record &record)
    {
        if (auto added = (m_first.*add)(record); !added)
            return added;
        return (m_second.*add)(record);
    }

    DistrictSink &m_first;
    DistrictSink &m_second;
};

// One generation run: the random generator, the running counters and the report.
class DistrictBuilder
{
public:
    DistrictBuilder(const DistrictOptions &options, DistrictSink &sink)
        : m_options(options)
        , m_sink(sink)
        , m_random(options.seed)
    {}

    Result<GenerationReport> run()
    {
        if (auto made = addDistrict(); !made)
            return failure(made.error());
        for (qint64 school = 0; school < m_options.schools; ++school) {
            if (auto made = addSchool(school); !made)
                return failure(made.error());
        }
        return m_report;
    }

private:
    // The classes of the school being generated. Class k teaches grade
    // gradeIndexes[k % gradeCount] and subject kSubjects[(k / gradeCount) % subjectCount], so
    // a run of a grade's classes covers different subjects.
    struct SchoolContext
    {
        QString sourcedId;
        QList<int> gradeIndexes;
        QStringList classIds;
    };

    int pick(int bound) { return int(m_random.bounded(quint32(bound))); }

    // A whole number from -spread to spread, with values near 0 the most likely.
    int bellNoise(int spread)
    {
        const int third = spread / 3;
        return pick(2 * third + 1) + pick(2 * third + 1) + pick(2 * third + 1) - 3 * third;
    }

    int startYear() const { return m_options.schoolYear - 1; }
    QString yearId() const { return QStringLiteral("sy-%1").arg(m_options.schoolYear); }
    QString termId(int term) const { return yearId() + QStringLiteral("-s%1").arg(term); }
    static QString districtId() { return QStringLiteral("district"); }

    static QString courseId(int gradeIndex, const Subject &subject)
    {
        return QStringLiteral("course-%1-%2")
            .arg(subject.code.toString().toLower(), kGrades[gradeIndex]);
    }

    Result<void> addDistrict()
    {
        if (auto added = m_sink.addOrg({districtId(),
                                        m_options.districtName,
                                        QStringLiteral("district"),
                                        QStringLiteral("D0001"),
                                        {}});
            !added)
            return added;
        if (auto added = addSessions(); !added)
            return added;
        if (auto added = addCourses(); !added)
            return added;
        return addAdministrator(districtId());
    }

    Result<void> addSessions()
    {
        const int year = m_options.schoolYear;
        const QString yearTitle = QStringLiteral("%1-%2").arg(startYear()).arg(year);
        const QList<AcademicSessionRecord> sessions = {
            {yearId(),
             yearTitle,
             QStringLiteral("schoolYear"),
             QDate(startYear(), 7, 1),
             QDate(year, 6, 30),
             {},
             year},
            {termId(1), QStringLiteral("Semester 1 ") + yearTitle, QStringLiteral("semester"),
             QDate(startYear(), 8, 24), QDate(year, 1, 15), yearId(), year},
            {termId(2), QStringLiteral("Semester 2 ") + yearTitle, QStringLiteral("semester"),
             QDate(year, 1, 19), QDate(year, 6, 11), yearId(), year},
        };
        for (const AcademicSessionRecord &session : sessions) {
            if (auto added = m_sink.addAcademicSession(session); !added)
                return added;
        }
        return {};
    }

    // The district's course catalog: one course for each grade and subject.
    Result<void> addCourses()
    {
        for (int grade = 0; grade < int(std::size(kGrades)); ++grade) {
            for (const Subject &subject : kSubjects) {
                CourseRecord course;
                course.sourcedId = courseId(grade, subject);
                course.schoolYearSourcedId = yearId();
                course.title = gradeTitle(grade) + QLatin1Char(' ') + subject.name;
                course.courseCode = subject.code + QLatin1Char('-') + kGrades[grade];
                course.grades = {kGrades[grade].toString()};
                course.orgSourcedId = districtId();
                course.subjects = {subject.name.toString()};
                if (auto added = m_sink.addCourse(course); !added)
                    return added;
            }
        }
        return {};
    }

    static QString gradeTitle(int gradeIndex)
    {
        return gradeIndex == 0 ? QStringLiteral("Kindergarten")
                               : QStringLiteral("Grade %1").arg(gradeIndex);
    }

    Result<void> addSchool(qint64 schoolIndex)
    {
        const SchoolLevel &level = schoolLevel(schoolIndex);
        SchoolContext school;
        school.sourcedId = QStringLiteral("school-") + padded(schoolIndex + 1, 3);
        for (int grade = level.firstGradeIndex; grade <= level.lastGradeIndex; ++grade)
            school.gradeIndexes.append(grade);

        const qint64 namesakeCount = qint64(std::size(kSchoolNamesakes));
        QString name
            = kSchoolNamesakes[schoolIndex % namesakeCount] + QLatin1Char(' ') + level.nameSuffix;
        if (schoolIndex >= namesakeCount)
            name += QLatin1Char(' ') + QString::number(schoolIndex / namesakeCount + 1);
        if (auto added
            = m_sink.addOrg({school.sourcedId, name, QStringLiteral("school"),
                             QStringLiteral("S") + padded(schoolIndex + 1, 4), districtId()});
            !added)
            return added;

        if (auto added = addAdministrator(school.sourcedId); !added)
            return added;
        if (auto added = addTeachersAndClasses(school); !added)
            return added;
        for (int student = 0; student < m_options.studentsPerSchool; ++student) {
            if (auto added = addStudent(school, student); !added)
                return added;
        }
        return {};
    }

    // Fills in a random name, username and email. The caller sets sourcedId and role.
    // The username ends with a number that no other user of the district has.
    void nameUser(UserRecord &user, bool female, bool staff)
    {
        const auto pickGiven = [&] {
            return female ? kFemaleGivenNames[pick(int(std::size(kFemaleGivenNames)))]
                          : kMaleGivenNames[pick(int(std::size(kMaleGivenNames)))];
        };
        user.givenName = pickGiven().toString();
        user.familyName = kFamilyNames[pick(int(std::size(kFamilyNames)))].toString();
        if (pick(100) < 60)
            user.middleName = pickGiven().toString();

        ++m_users;
        const QString given = usernamePart(user.givenName);
        const QString family = usernamePart(user.familyName);
        const QString number = QString::number(m_users);
        if (staff)
            user.username = given + QLatin1Char('.') + family + number;
        else
            user.username = given.left(1) + family + number;
        user.email = user.username + QLatin1Char('@') + kEmailDomain;
    }

    Result<void> addAdministrator(const QString &orgSourcedId)
    {
        ++m_report.administrators;
        UserRecord user;
        user.sourcedId = QStringLiteral("adm-") + padded(m_report.administrators, 4);
        user.orgSourcedIds = {orgSourcedId};
        user.role = QStringLiteral("administrator");
        user.identifier = QStringLiteral("A") + padded(m_report.administrators, 5);
        nameUser(user, pick(2) == 0, true);
        return m_sink.addUser(user);
    }

    // Adds the school's teachers, each with their classes and a primary teacher enrollment in
    // each class. Teacher t teaches classes t * classesPerTeacher onward, in periods 1, 2, ...
    Result<void> addTeachersAndClasses(SchoolContext &school)
    {
        const int gradeCount = int(school.gradeIndexes.size());
        const int subjectCount = int(kSubjects.size());
        for (int teacher = 0; teacher < m_options.teachersPerSchool; ++teacher) {
            ++m_report.teachers;
            UserRecord user;
            user.sourcedId = QStringLiteral("tch-") + padded(m_report.teachers, 5);
            user.orgSourcedIds = {school.sourcedId};
            user.role = QStringLiteral("teacher");
            user.identifier = QStringLiteral("T") + padded(m_report.teachers, 6);
            nameUser(user, pick(100) < 75, true);
            if (auto added = m_sink.addUser(user); !added)
                return added;

            for (int period = 1; period <= m_options.classesPerTeacher; ++period) {
                const int k = int(school.classIds.size());
                const int grade = school.gradeIndexes.at(k % gradeCount);
                const Subject &subject = kSubjects[(k / gradeCount) % subjectCount];
                const int section = k / (gradeCount * subjectCount) + 1;

                ClassRecord schoolClass;
                schoolClass.sourcedId
                    = QStringLiteral("class-%1-%2").arg(school.sourcedId.mid(7), padded(k + 1, 4));
                schoolClass.title = QStringLiteral("%1 %2 - Section %3")
                                        .arg(gradeTitle(grade), subject.name)
                                        .arg(section);
                schoolClass.grades = {kGrades[grade].toString()};
                schoolClass.courseSourcedId = courseId(grade, subject);
                schoolClass.classCode = QStringLiteral("%1-%2-%3")
                                            .arg(subject.code, kGrades[grade], padded(section, 2));
                schoolClass.classType = QStringLiteral("scheduled");
                // The comma makes this a field that needs RFC 4180 quoting.
                schoolClass.location = QStringLiteral("Building %1, Room %2")
                                           .arg(QChar(char16_t(u'A' + pick(3))))
                                           .arg(100 + pick(60));
                schoolClass.schoolSourcedId = school.sourcedId;
                schoolClass.termSourcedIds = {termId(1), termId(2)};
                schoolClass.subjects = {subject.name.toString()};
                schoolClass.periods = {QString::number(period)};
                if (auto added = m_sink.addClass(schoolClass); !added)
                    return added;
                school.classIds.append(schoolClass.sourcedId);

                if (auto added = addEnrollment(schoolClass.sourcedId, school.sourcedId,
                                               user.sourcedId, QStringLiteral("teacher"), true);
                    !added)
                    return added;
            }
        }
        return {};
    }

    Result<void> addEnrollment(const QString &classId, const QString &schoolId,
                               const QString &userId, const QString &role, bool primary)
    {
        ++m_enrollments;
        return m_sink.addEnrollment({QStringLiteral("enr-") + padded(m_enrollments, 7), classId,
                                     schoolId, userId, role, primary});
    }

    Result<void> addStudent(const SchoolContext &school, int studentInSchool)
    {
        const int gradeCount = int(school.gradeIndexes.size());
        const int gradePosition = studentInSchool % gradeCount;
        const int grade = school.gradeIndexes.at(gradePosition);
        const bool female = pick(2) == 0;

        ++m_report.students;
        UserRecord user;
        user.sourcedId = QStringLiteral("stu-") + padded(m_report.students, 6);
        user.orgSourcedIds = {school.sourcedId};
        user.role = QStringLiteral("student");
        user.identifier = QString::number(100000000 + m_report.students);
        user.grades = {kGrades[grade].toString()};
        nameUser(user, female, false);
        if (auto added = m_sink.addUser(user); !added)
            return added;

        // A student is 5 on September 1 of kindergarten, so born in the 12 months before
        // September 2 of the year 5 + grade years before the school year starts.
        const QDate latestBirth(startYear() - 5 - grade, 9, 1);
        const QDate birthDate = latestBirth.addDays(-pick(365));
        if (auto added
            = m_sink.addDemographic({user.sourcedId, birthDate,
                                     female ? QStringLiteral("female") : QStringLiteral("male")});
            !added)
            return added;

        for (const int k : pickClasses(school, gradePosition)) {
            if (auto added = addEnrollment(school.classIds.at(k), school.sourcedId, user.sourcedId,
                                           QStringLiteral("student"), false);
                !added)
                return added;
        }
        return addResults(user.sourcedId, grade);
    }

    // Picks min(classesPerStudent, classes of the school) distinct classes: consecutive
    // classes of the student's grade from a random start, then other grades' classes.
    QList<int> pickClasses(const SchoolContext &school, int gradePosition)
    {
        const int classCount = int(school.classIds.size());
        const int gradeCount = int(school.gradeIndexes.size());
        const int requested = std::min(m_options.classesPerStudent, classCount);
        QList<int> chosen;
        chosen.reserve(requested);
        if (requested == 0)
            return chosen;

        const int gradeClasses = gradePosition < classCount
                                     ? (classCount - gradePosition + gradeCount - 1) / gradeCount
                                     : 0;
        if (gradeClasses > 0) {
            const int start = pick(gradeClasses);
            for (int i = 0; i < std::min(requested, gradeClasses); ++i)
                chosen.append(gradePosition + ((start + i) % gradeClasses) * gradeCount);
        }
        if (chosen.size() < requested) {
            // Every class of the grade is taken, so any other class is new to the list.
            const int start = pick(classCount);
            for (int i = 0; i < classCount && chosen.size() < requested; ++i) {
                const int k = (start + i) % classCount;
                if (k % gradeCount != gradePosition)
                    chosen.append(k);
            }
        }
        return chosen;
    }

    // Adds fall, winter and spring diagnostics in ELA and Math for about 90% of students.
    // NOTE: scores follow a made-up curve on the 100-800 scale, and the placement level comes
    // from the distance to that curve. Neither uses the vendor's real norms or cut scores.
    Result<void> addResults(const QString &studentId, int grade)
    {
        if (pick(100) < 10) {
            ++m_report.studentsWithoutResults;
            return {};
        }
        const int ability = bellNoise(60);
        const std::array<QDate, 3> windowStarts
            = {QDate(startYear(), 9, 8), QDate(m_options.schoolYear, 1, 12),
               QDate(m_options.schoolYear, 5, 3)};
        const std::array<QString, 2> subjects = {QStringLiteral("ELA"), QStringLiteral("Math")};
        for (const QString &subject : subjects) {
            const int subjectOffset = bellNoise(15);
            for (int window = 0; window < int(windowStarts.size()); ++window) {
                QDate testDate = windowStarts[window].addDays(pick(15));
                if (testDate.dayOfWeek() > 5)
                    testDate = testDate.addDays(8 - testDate.dayOfWeek());

                const int expected = 360 + 24 * grade + 10 * window;
                const int score
                    = std::clamp(expected + ability + subjectOffset + bellNoise(12), 100, 800);
                AssessmentResultRecord result;
                result.studentSourcedId = studentId;
                result.schoolYear = m_options.schoolYear;
                result.assessment = kAssessment;
                result.subject = subject;
                result.testDate = testDate;
                result.scaleScore = score;
                result.performanceLevel = performanceLevel(score - expected).toString();
                if (auto added = m_sink.addAssessmentResult(result); !added)
                    return added;
                ++m_report.assessmentResults;
            }
        }
        return {};
    }

    static QStringView performanceLevel(int distance)
    {
        if (distance >= 10)
            return kPerformanceLevels[0];
        if (distance >= -10)
            return kPerformanceLevels[1];
        if (distance >= -35)
            return kPerformanceLevels[2];
        if (distance >= -60)
            return kPerformanceLevels[3];
        return kPerformanceLevels[4];
    }

    const DistrictOptions &m_options;
    DistrictSink &m_sink;
    QRandomGenerator m_random;
    GenerationReport m_report;
    qint64 m_enrollments = 0;
    qint64 m_users = 0;
};

} // namespace

qint64 GenerationReport::rows(const QString &fileName) const
{
    for (const FileRowCount &file : files) {
        if (file.fileName == fileName)
            return file.rows;
    }
    return -1;
}

DistrictGenerator::DistrictGenerator(DistrictOptions options)
    : m_options(std::move(options))
{}

Result<void> DistrictGenerator::validate() const
{
    // The upper bounds keep every count and id within range. Real districts stay far below them.
    const QList<std::tuple<const char *, int, int, int>> ranges = {
        {"schools", m_options.schools, 1, 100000},
        {"studentsPerSchool", m_options.studentsPerSchool, 0, 100000},
        {"teachersPerSchool", m_options.teachersPerSchool, 1, 10000},
        {"classesPerTeacher", m_options.classesPerTeacher, 1, 20},
        {"classesPerStudent", m_options.classesPerStudent, 0, 20},
        {"schoolYear", m_options.schoolYear, 1901, 9999},
    };
    for (const auto &[name, value, minimum, maximum] : ranges) {
        if (value < minimum || value > maximum)
            return failure(QStringLiteral("Invalid %1 %2: expected a value from %3 to %4.")
                               .arg(QLatin1String(name))
                               .arg(value)
                               .arg(minimum)
                               .arg(maximum));
    }
    if (m_options.districtName.trimmed().isEmpty())
        return failure(QStringLiteral("Invalid districtName: the name must not be empty."));
    return {};
}

Result<GenerationReport> DistrictGenerator::generate(DistrictSink &sink)
{
    if (auto valid = validate(); !valid)
        return failure(valid.error());
    return DistrictBuilder(m_options, sink).run();
}

Result<GenerationReport> DistrictGenerator::writeBundle(const QString &folder,
                                                        DistrictSink *extraSink,
                                                        const QString &resultsFile)
{
    if (auto valid = validate(); !valid)
        return failure(valid.error());
    if (!QDir().mkpath(folder))
        return failure(QStringLiteral("Cannot create the folder %1 for the bundle.").arg(folder));
    if (!resultsFile.isEmpty()) {
        const QString resultsFolder = QFileInfo(resultsFile).absolutePath();
        if (!QDir().mkpath(resultsFolder))
            return failure(QStringLiteral("Cannot create the folder %1 for the assessment "
                                          "results.")
                               .arg(resultsFolder));
    }

    QElapsedTimer timer;
    timer.start();
    qCInfo(lcDemo) << "Generating a district of" << m_options.schools << "schools and"
                   << qint64(m_options.schools) * m_options.studentsPerSchool << "students into"
                   << folder << "with seed" << m_options.seed;

    // The sink contains up to nine buffered files, so it goes on the heap rather than the stack.
    auto csv = std::make_unique<CsvBundleSink>(folder, resultsFile);
    if (auto opened = csv->open(); !opened)
        return failure(opened.error());

    std::unique_ptr<TeeSink> tee;
    if (extraSink)
        tee = std::make_unique<TeeSink>(*csv, *extraSink);
    auto report = DistrictBuilder(m_options, tee ? static_cast<DistrictSink &>(*tee) : *csv).run();
    if (!report) {
        qCWarning(lcDemo) << "District generation into" << folder << "failed:" << report.error();
        return report;
    }

    auto files = csv->commit();
    if (!files) {
        qCWarning(lcDemo) << "District generation into" << folder << "failed:" << files.error();
        return failure(files.error());
    }
    report->folder = folder;
    report->files = files.value();
    for (const FileRowCount &file : report->files)
        qCInfo(lcDemo) << "Wrote" << file.rows << "rows to" << file.fileName;
    qCInfo(lcDemo) << "Generated the district in" << timer.elapsed() << "ms";
    return report;
}

QString quoteCsvField(const QString &field)
{
    bool needsQuotes = false;
    for (const QChar c : field) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\r')
            || c == QLatin1Char('\n')) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace hub::demo
