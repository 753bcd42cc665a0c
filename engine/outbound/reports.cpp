// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "reports.h"

#include <QHash>
#include <QMutex>

namespace hub::outbound {

namespace {

// One row per active class taught in the school year: a class belongs to the year when one of
// its terms does. Teachers are the class's active teacher enrollments, primary first.
const char sectionsSql[] = R"sql(
WITH params AS (SELECT ? AS district_id, ? AS school_year),
year_classes AS (
    SELECT DISTINCT c.sourced_id
    FROM classes c
    CROSS JOIN params p
    CROSS JOIN json_each(c.term_sourced_ids) term
    JOIN academic_sessions s ON s.district_id = c.district_id AND s.sourced_id = term.value
    WHERE c.district_id = p.district_id AND c.status = 'active' AND s.school_year = p.school_year
)
SELECT
    p.school_year,
    c.sourced_id,
    c.class_code,
    c.title,
    c.course_sourced_id,
    co.course_code,
    co.title,
    c.school_sourced_id,
    school.name,
    school.identifier,
    (SELECT group_concat(title, '; ') FROM (
        SELECT s.title AS title FROM json_each(c.term_sourced_ids) term
        JOIN academic_sessions s ON s.district_id = c.district_id AND s.sourced_id = term.value
        ORDER BY s.start_date, s.sourced_id)),
    (SELECT group_concat(value, ',') FROM json_each(c.periods)),
    c.location,
    (SELECT group_concat(id, ';') FROM (
        SELECT u.sourced_id AS id FROM enrollments e
        JOIN users u ON u.district_id = e.district_id AND u.sourced_id = e.user_sourced_id
        WHERE e.district_id = c.district_id AND e.class_sourced_id = c.sourced_id
          AND e.role = 'teacher' AND e.status = 'active'
        ORDER BY coalesce(e.is_primary, 0) DESC, u.family_name, u.given_name, u.sourced_id)),
    (SELECT group_concat(name, '; ') FROM (
        SELECT trim(coalesce(u.given_name, '') || ' ' || coalesce(u.family_name, '')) AS name
        FROM enrollments e
        JOIN users u ON u.district_id = e.district_id AND u.sourced_id = e.user_sourced_id
        WHERE e.district_id = c.district_id AND e.class_sourced_id = c.sourced_id
          AND e.role = 'teacher' AND e.status = 'active'
        ORDER BY coalesce(e.is_primary, 0) DESC, u.family_name, u.given_name, u.sourced_id)),
    (SELECT count(*) FROM enrollments e
        WHERE e.district_id = c.district_id AND e.class_sourced_id = c.sourced_id
          AND e.role = 'student' AND e.status = 'active')
FROM year_classes y
JOIN classes c ON c.sourced_id = y.sourced_id
CROSS JOIN params p
LEFT JOIN courses co ON co.district_id = c.district_id AND co.sourced_id = c.course_sourced_id
LEFT JOIN orgs school ON school.district_id = c.district_id AND school.sourced_id = c.school_sourced_id
WHERE c.district_id = p.district_id
ORDER BY school.name, c.class_code, c.sourced_id
)sql";

// One row per active user, org and role that is in force at some time during the school
// year (July 1 of the year before to June 30).
const char authorizationsSql[] = R"sql(
WITH params AS (SELECT ? AS district_id, ? AS school_year),
year_bounds AS (
    SELECT district_id, school_year,
           printf('%04d-07-01', school_year - 1) AS first_day,
           printf('%04d-06-30', school_year) AS last_day
    FROM params
)
SELECT
    y.school_year,
    u.sourced_id,
    u.username,
    u.identifier,
    u.given_name,
    u.family_name,
    u.email,
    r.role,
    r.role_type,
    r.org_sourced_id,
    o.name,
    o.type
FROM user_roles r
CROSS JOIN year_bounds y
JOIN users u ON u.district_id = r.district_id AND u.sourced_id = r.user_sourced_id
LEFT JOIN orgs o ON o.district_id = r.district_id AND o.sourced_id = r.org_sourced_id
WHERE r.district_id = y.district_id AND r.status = 'active' AND u.status = 'active'
  AND u.enabled_user = 1
  AND (r.begin_date IS NULL OR r.begin_date = '' OR r.begin_date <= y.last_day)
  AND (r.end_date IS NULL OR r.end_date = '' OR r.end_date >= y.first_day)
ORDER BY u.family_name, u.given_name, u.sourced_id, r.org_sourced_id, r.role
)sql";

// Students with an active enrollment in an active class of the school year and no assessment
// result recorded for that year.
const char requestAssessmentSql[] = R"sql(
WITH params AS (SELECT ? AS district_id, ? AS school_year),
year_classes AS (
    SELECT DISTINCT c.sourced_id, c.school_sourced_id
    FROM classes c
    CROSS JOIN params p
    CROSS JOIN json_each(c.term_sourced_ids) term
    JOIN academic_sessions s ON s.district_id = c.district_id AND s.sourced_id = term.value
    WHERE c.district_id = p.district_id AND c.status = 'active' AND s.school_year = p.school_year
),
students AS (
    SELECT e.user_sourced_id AS student_id, min(e.school_sourced_id) AS school_id
    FROM enrollments e
    CROSS JOIN params p
    JOIN year_classes y ON y.sourced_id = e.class_sourced_id
    WHERE e.district_id = p.district_id AND e.role = 'student' AND e.status = 'active'
    GROUP BY e.user_sourced_id
)
SELECT
    p.school_year,
    u.sourced_id,
    u.identifier,
    u.given_name,
    u.family_name,
    (SELECT group_concat(value, ',') FROM json_each(u.grades)),
    st.school_id,
    o.name
FROM students st
CROSS JOIN params p
JOIN users u ON u.district_id = p.district_id AND u.sourced_id = st.student_id
LEFT JOIN orgs o ON o.district_id = p.district_id AND o.sourced_id = st.school_id
WHERE u.status = 'active'
  AND NOT EXISTS (SELECT 1 FROM assessment_results a
                  WHERE a.district_id = p.district_id AND a.student_sourced_id = u.sourced_id
                    AND a.school_year = p.school_year)
ORDER BY o.name, u.family_name, u.given_name, u.sourced_id
)sql";

// PostgreSQL variants of the three reports: JSON arrays through json_array_elements_text,
// string_agg for group_concat, typed parameters, and the byte order and NULL placement that
// SQLite sorts by, so both stores write the same file.
const char sectionsPostgresSql[] = R"sql(
WITH params AS (SELECT CAST(? AS BIGINT) AS district_id, CAST(? AS BIGINT) AS school_year),
year_classes AS (
    SELECT DISTINCT c.sourced_id
    FROM classes c
    CROSS JOIN params p
    CROSS JOIN LATERAL json_array_elements_text(c.term_sourced_ids::json) AS term(value)
    JOIN academic_sessions s ON s.district_id = c.district_id AND s.sourced_id = term.value
    WHERE c.district_id = p.district_id AND c.status = 'active' AND s.school_year = p.school_year
)
SELECT
    p.school_year,
    c.sourced_id,
    c.class_code,
    c.title,
    c.course_sourced_id,
    co.course_code,
    co.title,
    c.school_sourced_id,
    school.name,
    school.identifier,
    (SELECT string_agg(s.title, '; ' ORDER BY s.start_date COLLATE "C" NULLS FIRST,
                                              s.sourced_id COLLATE "C")
        FROM json_array_elements_text(c.term_sourced_ids::json) AS term(value)
        JOIN academic_sessions s ON s.district_id = c.district_id AND s.sourced_id = term.value),
    (SELECT string_agg(value, ',') FROM json_array_elements_text(c.periods::json) AS period(value)),
    c.location,
    (SELECT string_agg(u.sourced_id, ';' ORDER BY coalesce(e.is_primary, 0) DESC,
                       u.family_name COLLATE "C" NULLS FIRST, u.given_name COLLATE "C" NULLS FIRST,
                       u.sourced_id COLLATE "C")
        FROM enrollments e
        JOIN users u ON u.district_id = e.district_id AND u.sourced_id = e.user_sourced_id
        WHERE e.district_id = c.district_id AND e.class_sourced_id = c.sourced_id
          AND e.role = 'teacher' AND e.status = 'active'),
    (SELECT string_agg(trim(coalesce(u.given_name, '') || ' ' || coalesce(u.family_name, '')), '; '
                       ORDER BY coalesce(e.is_primary, 0) DESC,
                       u.family_name COLLATE "C" NULLS FIRST, u.given_name COLLATE "C" NULLS FIRST,
                       u.sourced_id COLLATE "C")
        FROM enrollments e
        JOIN users u ON u.district_id = e.district_id AND u.sourced_id = e.user_sourced_id
        WHERE e.district_id = c.district_id AND e.class_sourced_id = c.sourced_id
          AND e.role = 'teacher' AND e.status = 'active'),
    (SELECT count(*) FROM enrollments e
        WHERE e.district_id = c.district_id AND e.class_sourced_id = c.sourced_id
          AND e.role = 'student' AND e.status = 'active')
FROM year_classes y
JOIN classes c ON c.sourced_id = y.sourced_id
CROSS JOIN params p
LEFT JOIN courses co ON co.district_id = c.district_id AND co.sourced_id = c.course_sourced_id
LEFT JOIN orgs school ON school.district_id = c.district_id AND school.sourced_id = c.school_sourced_id
WHERE c.district_id = p.district_id
ORDER BY school.name COLLATE "C" NULLS FIRST, c.class_code COLLATE "C" NULLS FIRST,
         c.sourced_id COLLATE "C"
)sql";

const char authorizationsPostgresSql[] = R"sql(
WITH params AS (SELECT CAST(? AS BIGINT) AS district_id, CAST(? AS BIGINT) AS school_year),
year_bounds AS (
    SELECT district_id, school_year,
           lpad(CAST(school_year - 1 AS TEXT), 4, '0') || '-07-01' AS first_day,
           lpad(CAST(school_year AS TEXT), 4, '0') || '-06-30' AS last_day
    FROM params
)
SELECT
    y.school_year,
    u.sourced_id,
    u.username,
    u.identifier,
    u.given_name,
    u.family_name,
    u.email,
    r.role,
    r.role_type,
    r.org_sourced_id,
    o.name,
    o.type
FROM user_roles r
CROSS JOIN year_bounds y
JOIN users u ON u.district_id = r.district_id AND u.sourced_id = r.user_sourced_id
LEFT JOIN orgs o ON o.district_id = r.district_id AND o.sourced_id = r.org_sourced_id
WHERE r.district_id = y.district_id AND r.status = 'active' AND u.status = 'active'
  AND u.enabled_user = 1
  AND (r.begin_date IS NULL OR r.begin_date = '' OR r.begin_date <= y.last_day)
  AND (r.end_date IS NULL OR r.end_date = '' OR r.end_date >= y.first_day)
ORDER BY u.family_name COLLATE "C" NULLS FIRST, u.given_name COLLATE "C" NULLS FIRST,
         u.sourced_id COLLATE "C", r.org_sourced_id COLLATE "C", r.role COLLATE "C"
)sql";

const char requestAssessmentPostgresSql[] = R"sql(
WITH params AS (SELECT CAST(? AS BIGINT) AS district_id, CAST(? AS BIGINT) AS school_year),
year_classes AS (
    SELECT DISTINCT c.sourced_id, c.school_sourced_id
    FROM classes c
    CROSS JOIN params p
    CROSS JOIN LATERAL json_array_elements_text(c.term_sourced_ids::json) AS term(value)
    JOIN academic_sessions s ON s.district_id = c.district_id AND s.sourced_id = term.value
    WHERE c.district_id = p.district_id AND c.status = 'active' AND s.school_year = p.school_year
),
students AS (
    SELECT e.user_sourced_id AS student_id, min(e.school_sourced_id COLLATE "C") AS school_id
    FROM enrollments e
    CROSS JOIN params p
    JOIN year_classes y ON y.sourced_id = e.class_sourced_id
    WHERE e.district_id = p.district_id AND e.role = 'student' AND e.status = 'active'
    GROUP BY e.user_sourced_id
)
SELECT
    p.school_year,
    u.sourced_id,
    u.identifier,
    u.given_name,
    u.family_name,
    (SELECT string_agg(value, ',') FROM json_array_elements_text(u.grades::json) AS grade(value)),
    st.school_id,
    o.name
FROM students st
CROSS JOIN params p
JOIN users u ON u.district_id = p.district_id AND u.sourced_id = st.student_id
LEFT JOIN orgs o ON o.district_id = p.district_id AND o.sourced_id = st.school_id
WHERE u.status = 'active'
  AND NOT EXISTS (SELECT 1 FROM assessment_results a
                  WHERE a.district_id = p.district_id AND a.student_sourced_id = u.sourced_id
                    AND a.school_year = p.school_year)
ORDER BY o.name COLLATE "C" NULLS FIRST, u.family_name COLLATE "C" NULLS FIRST,
         u.given_name COLLATE "C" NULLS FIRST, u.sourced_id COLLATE "C"
)sql";

QMutex registeredMutex;
QHash<QString, Report> &registeredReports()
{
    static QHash<QString, Report> reports;
    return reports;
}

} // namespace

void registerReport(const Report &report)
{
    QMutexLocker locker(&registeredMutex);
    registeredReports().insert(report.outputKey, report);
}

std::optional<Report> reportForOutput(const QString &outputKey)
{
    {
        QMutexLocker locker(&registeredMutex);
        const auto found = registeredReports().constFind(outputKey);
        if (found != registeredReports().constEnd())
            return *found;
    }
    if (outputKey == QLatin1String("milearn-sections")) {
        return Report{outputKey,
                      QStringLiteral("MiLEARN-Sections"),
                      {QStringLiteral("SchoolYear"), QStringLiteral("SectionId"),
                       QStringLiteral("SectionCode"), QStringLiteral("SectionTitle"),
                       QStringLiteral("CourseId"), QStringLiteral("CourseCode"),
                       QStringLiteral("CourseTitle"), QStringLiteral("SchoolId"),
                       QStringLiteral("SchoolName"), QStringLiteral("SchoolCode"),
                       QStringLiteral("Terms"), QStringLiteral("Periods"),
                       QStringLiteral("Location"), QStringLiteral("TeacherIds"),
                       QStringLiteral("TeacherNames"), QStringLiteral("StudentCount")},
                      QString::fromUtf8(sectionsSql), QString::fromUtf8(sectionsPostgresSql)};
    }
    if (outputKey == QLatin1String("milearn-authorizations")) {
        return Report{outputKey,
                      QStringLiteral("MiLEARN-Authorizations"),
                      {QStringLiteral("SchoolYear"), QStringLiteral("UserId"),
                       QStringLiteral("Username"), QStringLiteral("Identifier"),
                       QStringLiteral("GivenName"), QStringLiteral("FamilyName"),
                       QStringLiteral("Email"), QStringLiteral("Role"), QStringLiteral("RoleType"),
                       QStringLiteral("OrgId"), QStringLiteral("OrgName"),
                       QStringLiteral("OrgType")},
                      QString::fromUtf8(authorizationsSql), QString::fromUtf8(authorizationsPostgresSql)};
    }
    if (outputKey == QLatin1String("request-assessment")) {
        return Report{outputKey,
                      QStringLiteral("Request-Assessment"),
                      {QStringLiteral("SchoolYear"), QStringLiteral("StudentId"),
                       QStringLiteral("Identifier"), QStringLiteral("GivenName"),
                       QStringLiteral("FamilyName"), QStringLiteral("Grades"),
                       QStringLiteral("SchoolId"), QStringLiteral("SchoolName")},
                      QString::fromUtf8(requestAssessmentSql), QString::fromUtf8(requestAssessmentPostgresSql)};
    }
    return std::nullopt;
}

QStringList reportOutputKeys()
{
    return {QStringLiteral("milearn-sections"), QStringLiteral("milearn-authorizations"),
            QStringLiteral("request-assessment")};
}

} // namespace hub::outbound
