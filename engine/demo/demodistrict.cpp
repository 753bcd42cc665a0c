// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "demodistrict.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <map>
#include <optional>

namespace hub::demo {

namespace {

// The seed of every demo district, so two demo districts of the same year are identical.
constexpr quint32 kDemoSeed = 20260701;

// The tables that loadDemoDistrict fills, in insertion order.
const QStringList kRosterTables = {QStringLiteral("orgs"),
                                   QStringLiteral("academic_sessions"),
                                   QStringLiteral("courses"),
                                   QStringLiteral("classes"),
                                   QStringLiteral("users"),
                                   QStringLiteral("user_roles"),
                                   QStringLiteral("enrollments"),
                                   QStringLiteral("demographics"),
                                   QStringLiteral("assessment_results")};

// An empty string becomes SQL NULL.
QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

// A multi-value field as the store keeps it: a compact JSON array, or NULL when empty.
QVariant jsonArray(const QStringList &values)
{
    if (values.isEmpty())
        return {};
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

QVariant isoDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

// Inserts records into the roster tables of one district through prepared statements, with the
// load time as every OneRoster record's dateLastModified, so that delta reads by
// dateLastModified find them. The caller owns the transaction. QSQLITE has no native batch
// execution, so each record is one exec() of a statement prepared once. Inside one transaction that
// is SQLite's fast path.
class StoreSink : public DistrictSink
{
public:
    StoreSink(QSqlDatabase db, qint64 districtId)
        : m_db(std::move(db))
        , m_districtId(districtId)
    {}

    Result<void> prepare()
    {
        const QList<std::pair<QString, QStringList>> statements = {
            {QStringLiteral("orgs"),
             {QStringLiteral("sourced_id"), QStringLiteral("name"), QStringLiteral("type"),
              QStringLiteral("identifier"), QStringLiteral("parent_sourced_id")}},
            {QStringLiteral("academic_sessions"),
             {QStringLiteral("sourced_id"), QStringLiteral("title"), QStringLiteral("type"),
              QStringLiteral("start_date"), QStringLiteral("end_date"),
              QStringLiteral("parent_sourced_id"), QStringLiteral("school_year")}},
            {QStringLiteral("courses"),
             {QStringLiteral("sourced_id"), QStringLiteral("school_year_sourced_id"),
              QStringLiteral("title"), QStringLiteral("course_code"), QStringLiteral("grades"),
              QStringLiteral("org_sourced_id"), QStringLiteral("subjects")}},
            {QStringLiteral("classes"),
             {QStringLiteral("sourced_id"), QStringLiteral("title"), QStringLiteral("grades"),
              QStringLiteral("course_sourced_id"), QStringLiteral("class_code"),
              QStringLiteral("class_type"), QStringLiteral("location"),
              QStringLiteral("school_sourced_id"), QStringLiteral("term_sourced_ids"),
              QStringLiteral("subjects"), QStringLiteral("periods")}},
            {QStringLiteral("users"),
             {QStringLiteral("sourced_id"), QStringLiteral("enabled_user"),
              QStringLiteral("username"), QStringLiteral("given_name"),
              QStringLiteral("family_name"), QStringLiteral("middle_name"),
              QStringLiteral("identifier"), QStringLiteral("email"), QStringLiteral("grades"),
              QStringLiteral("primary_org_sourced_id")}},
            {QStringLiteral("user_roles"),
             {QStringLiteral("sourced_id"), QStringLiteral("user_sourced_id"),
              QStringLiteral("role_type"), QStringLiteral("role"),
              QStringLiteral("org_sourced_id")}},
            {QStringLiteral("enrollments"),
             {QStringLiteral("sourced_id"), QStringLiteral("class_sourced_id"),
              QStringLiteral("school_sourced_id"), QStringLiteral("user_sourced_id"),
              QStringLiteral("role"), QStringLiteral("is_primary")}},
            {QStringLiteral("demographics"),
             {QStringLiteral("sourced_id"), QStringLiteral("birth_date"), QStringLiteral("sex")}},
            {QStringLiteral("assessment_results"),
             {QStringLiteral("student_sourced_id"), QStringLiteral("school_year"),
              QStringLiteral("assessment"), QStringLiteral("subject"), QStringLiteral("test_date"),
              QStringLiteral("scale_score"), QStringLiteral("performance_level")}},
        };
        for (auto [table, columns] : statements) {
            const bool stamped = table != QLatin1String("assessment_results");
            if (stamped)
                columns.append(QStringLiteral("date_last_modified"));
            QStringList placeholders(columns.size() + 1, QStringLiteral("?"));
            const QString sql = QStringLiteral("INSERT INTO %1 (district_id, %2) VALUES (%3)")
                                    .arg(table, columns.join(QStringLiteral(", ")),
                                         placeholders.join(QStringLiteral(", ")));
            auto [entry, inserted] = m_inserts.try_emplace(table, m_db);
            Insert &insert = entry->second;
            insert.stamped = stamped;
            if (!insert.query.prepare(sql))
                return failure(QStringLiteral("Cannot prepare the insert into %1: %2")
                                   .arg(table, insert.query.lastError().text()));
        }
        return {};
    }

    Result<void> addOrg(const OrgRecord &org) override
    {
        return insert(QStringLiteral("orgs"), org.sourcedId,
                      {org.sourcedId, org.name, org.type, nullable(org.identifier),
                       nullable(org.parentSourcedId)});
    }

    Result<void> addAcademicSession(const AcademicSessionRecord &session) override
    {
        return insert(QStringLiteral("academic_sessions"), session.sourcedId,
                      {session.sourcedId, session.title, session.type, isoDate(session.startDate),
                       isoDate(session.endDate), nullable(session.parentSourcedId),
                       session.schoolYear});
    }

    Result<void> addCourse(const CourseRecord &course) override
    {
        return insert(QStringLiteral("courses"), course.sourcedId,
                      {course.sourcedId, nullable(course.schoolYearSourcedId), course.title,
                       nullable(course.courseCode), jsonArray(course.grades), course.orgSourcedId,
                       jsonArray(course.subjects)});
    }

    Result<void> addClass(const ClassRecord &schoolClass) override
    {
        return insert(
            QStringLiteral("classes"), schoolClass.sourcedId,
            {schoolClass.sourcedId, schoolClass.title, jsonArray(schoolClass.grades),
             nullable(schoolClass.courseSourcedId), nullable(schoolClass.classCode),
             schoolClass.classType, nullable(schoolClass.location), schoolClass.schoolSourcedId,
             // term_sourced_ids is NOT NULL, so an empty list is stored as [].
             QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(schoolClass.termSourcedIds))
                                   .toJson(QJsonDocument::Compact)),
             jsonArray(schoolClass.subjects), jsonArray(schoolClass.periods)});
    }

    // Inserts the user and one primary role row for each of the user's orgs. The first org
    // is the user's primary org.
    Result<void> addUser(const UserRecord &user) override
    {
        auto inserted = insert(
            QStringLiteral("users"), user.sourcedId,
            {user.sourcedId, 1, nullable(user.username), nullable(user.givenName),
             nullable(user.familyName), nullable(user.middleName), nullable(user.identifier),
             nullable(user.email), jsonArray(user.grades),
             user.orgSourcedIds.isEmpty() ? QVariant() : QVariant(user.orgSourcedIds.first())});
        if (!inserted)
            return inserted;
        for (const QString &org : user.orgSourcedIds) {
            const QString roleId = user.sourcedId + QLatin1Char(':') + org;
            auto roleInserted
                = insert(QStringLiteral("user_roles"), roleId,
                         {roleId, user.sourcedId, QStringLiteral("primary"), user.role, org});
            if (!roleInserted)
                return roleInserted;
        }
        return {};
    }

    Result<void> addEnrollment(const EnrollmentRecord &enrollment) override
    {
        return insert(QStringLiteral("enrollments"), enrollment.sourcedId,
                      {enrollment.sourcedId, enrollment.classSourcedId, enrollment.schoolSourcedId,
                       enrollment.userSourcedId, enrollment.role, enrollment.primary ? 1 : 0});
    }

    Result<void> addDemographic(const DemographicRecord &demographic) override
    {
        return insert(
            QStringLiteral("demographics"), demographic.sourcedId,
            {demographic.sourcedId, isoDate(demographic.birthDate), nullable(demographic.sex)});
    }

    Result<void> addAssessmentResult(const AssessmentResultRecord &result) override
    {
        return insert(QStringLiteral("assessment_results"), result.studentSourcedId,
                      {result.studentSourcedId, result.schoolYear, result.assessment,
                       result.subject, isoDate(result.testDate), result.scaleScore,
                       nullable(result.performanceLevel)});
    }

    QList<TableRowCount> counts() const
    {
        QList<TableRowCount> counts;
        for (const QString &table : kRosterTables) {
            const auto found = m_inserts.find(table);
            counts.append({table, found == m_inserts.end() ? 0 : found->second.rows});
        }
        return counts;
    }

private:
    struct Insert
    {
        explicit Insert(const QSqlDatabase &db)
            : query(db)
        {}
        QSqlQuery query;
        qint64 rows = 0;
        // Whether the last column is date_last_modified.
        bool stamped = false;
    };

    // Binds district_id and then values, in column order, and runs the table's statement.
    // recordId names the record in the error message.
    Result<void> insert(const QString &table, const QString &recordId, const QVariantList &values)
    {
        Insert &insert = m_inserts.at(table);
        insert.query.bindValue(0, m_districtId);
        for (qsizetype i = 0; i < values.size(); ++i)
            insert.query.bindValue(int(i + 1), values.at(i));
        if (insert.stamped)
            insert.query.bindValue(int(values.size() + 1), m_loadTime);
        if (!insert.query.exec())
            return failure(QStringLiteral("Cannot insert %1 into %2: %3")
                               .arg(recordId, table, insert.query.lastError().text()));
        ++insert.rows;
        return {};
    }

    QSqlDatabase m_db;
    qint64 m_districtId;
    const QString m_loadTime = nowIsoUtc();
    std::map<QString, Insert> m_inserts;
};

// Returns an error unless the district exists and has no rows in any roster table.
Result<QString> checkDistrictIsEmpty(const QSqlDatabase &db, qint64 districtId)
{
    auto name
        = selectValue(db, QStringLiteral("SELECT name FROM districts WHERE id = ?"), {districtId});
    if (!name)
        return failure(name.error());
    if (name->isNull())
        return failure(QStringLiteral("District %1 not found. Create the district before "
                                      "loading the demo district into it.")
                           .arg(districtId));

    QStringList nonEmpty;
    for (const QString &table : kRosterTables) {
        auto count = selectValue(
            db, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE district_id = ?").arg(table),
            {districtId});
        if (!count)
            return failure(count.error());
        if (count->toLongLong() > 0)
            nonEmpty.append(QStringLiteral("%1 %2").arg(count->toLongLong()).arg(table));
    }
    if (!nonEmpty.isEmpty())
        return failure(QStringLiteral("District %1 already has roster data (%2). The demo "
                                      "district loads only into a district without roster "
                                      "data, so create a new district for it.")
                           .arg(districtId)
                           .arg(nonEmpty.join(QStringLiteral(", "))));
    return name->toString();
}

} // namespace

qint64 DemoSummary::rows(const QString &table) const
{
    for (const TableRowCount &count : tables) {
        if (count.table == table)
            return count.rows;
    }
    return -1;
}

DistrictOptions demoDistrictOptions(const QString &districtName, const QDate &today)
{
    DistrictOptions options;
    options.districtName = districtName;
    options.schools = 3;
    options.studentsPerSchool = 200;
    options.teachersPerSchool = 10;
    options.classesPerTeacher = 5;
    options.classesPerStudent = 6;
    options.schoolYear = schoolYearForDate(today);
    options.seed = kDemoSeed;
    return options;
}

namespace {

// Loads the district that options describe, or the demo district of the store's district name
// when options is empty.
Result<DemoSummary> loadGenerated(const QSqlDatabase &db, qint64 districtId, const QString &workDir,
                                  std::optional<DistrictOptions> options)
{
    QElapsedTimer timer;
    timer.start();

    // BEGIN IMMEDIATE takes the write lock before the emptiness check, so no other writer can
    // add roster rows between the check and the inserts.
    Transaction transaction(db);
    if (!transaction.begun())
        return failure(QStringLiteral("Cannot load the demo district into district %1: no "
                                      "transaction could be started.")
                           .arg(districtId));

    auto districtName = checkDistrictIsEmpty(db, districtId);
    if (!districtName) {
        qCWarning(lcDemo) << "Demo district load rejected:" << districtName.error();
        return failure(districtName.error());
    }

    StoreSink sink(db, districtId);
    if (auto prepared = sink.prepare(); !prepared)
        return failure(prepared.error());

    if (!options)
        options = demoDistrictOptions(districtName.value(), QDate::currentDate());
    DistrictGenerator generator(*options);
    if (auto valid = generator.validate(); !valid)
        return failure(valid.error());
    auto bundle = generator.writeBundle(workDir, &sink);
    if (!bundle) {
        qCWarning(lcDemo) << "Demo district load into district" << districtId
                          << "failed:" << bundle.error();
        return failure(bundle.error());
    }
    if (auto committed = transaction.commit(); !committed) {
        qCWarning(lcDemo) << "Demo district load into district" << districtId
                          << "failed:" << committed.error();
        return failure(committed.error());
    }

    DemoSummary summary;
    summary.districtId = districtId;
    summary.schoolYear = options->schoolYear;
    summary.bundle = bundle.value();
    summary.tables = sink.counts();
    summary.elapsedMs = timer.elapsed();
    qCInfo(lcDemo) << "Loaded the demo district for school year" << summary.schoolYear
                   << "into district" << districtId << "in" << summary.elapsedMs
                   << "ms:" << summary.rows(QStringLiteral("users")) << "users,"
                   << summary.rows(QStringLiteral("enrollments")) << "enrollments";
    return summary;
}

} // namespace

Result<DemoSummary> loadDemoDistrict(const QSqlDatabase &db, qint64 districtId,
                                     const QString &workDir)
{
    return loadGenerated(db, districtId, workDir, std::nullopt);
}

Result<DemoSummary> loadDistrict(const QSqlDatabase &db, qint64 districtId, const QString &workDir,
                                 const DistrictOptions &options)
{
    return loadGenerated(db, districtId, workDir, options);
}

Result<DemoSummary> loadDemoDistrict(const Store &store, qint64 districtId, const QString &workDir)
{
    return loadDemoDistrict(store.connection(), districtId, workDir);
}

} // namespace hub::demo
