// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace hub::demo {

// The size and shape of a synthetic district. Schools cycle through elementary (KG-05),
// middle (06-08) and high (09-12) levels in the pattern E, M, H, E, E. Every school also gets
// one administrator, and the district gets one more.
struct DistrictOptions
{
    QString districtName = QStringLiteral("Hubdesk Demo School District");
    int schools = 3;
    int studentsPerSchool = 200;
    int teachersPerSchool = 10;
    int classesPerTeacher = 5;
    // A student takes classes of their own grade first and, when the school has too few of
    // those, classes of other grades. It never takes more classes than the school has.
    int classesPerStudent = 6;
    // The ending calendar year, as OneRoster writes it: 2027 is 2026-07-01 to 2027-06-30.
    int schoolYear = 2027;
    quint32 seed = 1;
};

// OneRoster 1.1 records as the generator makes them. Multi-value fields are lists, dates are
// QDate. Bulk files leave status and dateLastModified empty, so the records have neither.
struct OrgRecord
{
    QString sourcedId;
    QString name;
    QString type;
    QString identifier;
    QString parentSourcedId;
};

struct AcademicSessionRecord
{
    QString sourcedId;
    QString title;
    QString type;
    QDate startDate;
    QDate endDate;
    QString parentSourcedId;
    int schoolYear = 0;
};

struct CourseRecord
{
    QString sourcedId;
    QString schoolYearSourcedId;
    QString title;
    QString courseCode;
    QStringList grades;
    QString orgSourcedId;
    QStringList subjects;
};

struct ClassRecord
{
    QString sourcedId;
    QString title;
    QStringList grades;
    QString courseSourcedId;
    QString classCode;
    QString classType;
    QString location;
    QString schoolSourcedId;
    QStringList termSourcedIds;
    QStringList subjects;
    QStringList periods;
};

struct UserRecord
{
    QString sourcedId;
    QStringList orgSourcedIds;
    QString role;
    QString username;
    QString givenName;
    QString familyName;
    QString middleName;
    QString identifier;
    QString email;
    QStringList grades;
};

struct EnrollmentRecord
{
    QString sourcedId;
    QString classSourcedId;
    QString schoolSourcedId;
    QString userSourcedId;
    QString role;
    bool primary = false;
};

// A user's demographics. OneRoster gives it the sourcedId of its user.
struct DemographicRecord
{
    QString sourcedId;
    QDate birthDate;
    QString sex;
};

// One scored attempt, with the fields of the results file that DistrictGenerator writes.
struct AssessmentResultRecord
{
    QString studentSourcedId;
    int schoolYear = 0;
    QString assessment;
    QString subject;
    QDate testDate;
    double scaleScore = 0;
    QString performanceLevel;
};

// A receiver of generated records, called in generation order. A failure stops generation.
class DistrictSink
{
public:
    virtual ~DistrictSink() = default;
    virtual Result<void> addOrg(const OrgRecord &org) = 0;
    virtual Result<void> addAcademicSession(const AcademicSessionRecord &session) = 0;
    virtual Result<void> addCourse(const CourseRecord &course) = 0;
    virtual Result<void> addClass(const ClassRecord &schoolClass) = 0;
    virtual Result<void> addUser(const UserRecord &user) = 0;
    virtual Result<void> addEnrollment(const EnrollmentRecord &enrollment) = 0;
    virtual Result<void> addDemographic(const DemographicRecord &demographic) = 0;
    virtual Result<void> addAssessmentResult(const AssessmentResultRecord &result) = 0;
};

// The number of data rows, header excluded, written to one file of a bundle.
struct FileRowCount
{
    QString fileName;
    qint64 rows = 0;
};

struct GenerationReport
{
    QString folder;
    // The bundle's files in the order the manifest lists them, then the assessment results
    // file when one was written.
    QList<FileRowCount> files;
    qint64 students = 0;
    qint64 teachers = 0;
    qint64 administrators = 0;
    qint64 studentsWithoutResults = 0;
    // Assessment result rows generated, whether or not a file received them.
    qint64 assessmentResults = 0;

    // Returns the rows written to fileName, or -1 when the bundle has no such file.
    qint64 rows(const QString &fileName) const;
};

// Makes a synthetic school district as a OneRoster 1.1 bulk CSV bundle. The same options,
// seed included, always produce byte-identical files. Rows go to disk as they are made, and
// memory use grows with the classes of one school, not with the size of the district.
//
// The generator also makes assessment results: about 90% of students have fall, winter and
// spring "i-Ready Diagnostic" results in ELA and Math, so 6 rows each, and the rest have none
// for the year. Results are not a OneRoster file, so they stay out of the bundle. writeBundle
// writes them to a separate CSV file only when it gets a path for one, with the columns
// studentSourcedId, schoolYear, assessment, subject, testDate, scaleScore, performanceLevel.
class DistrictGenerator
{
public:
    explicit DistrictGenerator(DistrictOptions options);

    const DistrictOptions &options() const { return m_options; }

    // Returns an error that names the first invalid option, if any.
    Result<void> validate() const;

    // Writes the bundle into folder, creating it when missing and replacing files of the same
    // names. Each record also goes to extraSink when one is given. When resultsFile is not
    // empty, the assessment results go to that CSV file, whose folder is created too.
    Result<GenerationReport> writeBundle(const QString &folder, DistrictSink *extraSink = nullptr,
                                         const QString &resultsFile = {});

    // Sends every record to sink without writing files. The report's file list stays empty.
    Result<GenerationReport> generate(DistrictSink &sink);

private:
    DistrictOptions m_options;
};

// Quotes a CSV field as RFC 4180 requires: a field that contains a comma, a double quote,
// CR or LF is wrapped in double quotes, with each double quote doubled. Other fields are
// returned unchanged.
QString quoteCsvField(const QString &field);

} // namespace hub::demo
