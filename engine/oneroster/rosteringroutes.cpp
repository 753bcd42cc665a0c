// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "oneroster/routehelpers.h"

namespace hub::oneroster {

namespace {

const QString kCore = QStringLiteral("roster-core.readonly");
const QString kRoster = QStringLiteral("roster.readonly");
const QString kDemographics = QStringLiteral("roster-demographics.readonly");

QString enrolledAs(const char *role)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM enrollments e WHERE e.district_id = t.district_id "
                          "AND e.user_sourced_id = t.sourced_id AND e.class_sourced_id = ? "
                          "AND e.role = '%1')")
        .arg(QLatin1String(role));
}

QString hasRoleAt(const char *role)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM user_roles r WHERE r.district_id = t.district_id "
                          "AND r.user_sourced_id = t.sourced_id AND r.role = '%1' "
                          "AND r.org_sourced_id = ? AND %2)")
        .arg(QLatin1String(role), shownRoleCondition());
}

const QString kClassesOfUser = QStringLiteral(
    "EXISTS (SELECT 1 FROM enrollments e WHERE e.district_id = t.district_id "
    "AND e.class_sourced_id = t.sourced_id AND e.user_sourced_id = ?)");

class RosteringRoutes
{
public:
    RosteringRoutes(Provider &provider, http::Router &router, Version version)
        : m_provider(provider)
        , m_router(router)
        , m_version(version)
        , m_root(serviceRoot(version, QStringLiteral("rostering")))
    {}

    void collection(const QString &path, EntityGetter entity, const QStringList &scopes)
    {
        addCollectionRoutes(m_provider, m_router, m_version, m_root + path, entity, scopes);
    }

    void relationship(const QString &path, const QList<Parent> &parents, EntityGetter child,
                      const QString &condition, const QStringList &bound)
    {
        addRelationshipRoute(m_provider, m_router, m_version, m_root + path, {kRoster}, parents,
                             child, condition, bound);
    }

    void registerAll()
    {
        const QStringList core{kCore, kRoster};
        collection(QStringLiteral("/academicSessions"), academicSessionsEntity, core);
        collection(QStringLiteral("/classes"), classesEntity, core);
        collection(QStringLiteral("/courses"), coursesEntity, core);
        collection(QStringLiteral("/demographics"), demographicsEntity, {kDemographics, kRoster});
        collection(QStringLiteral("/enrollments"), enrollmentsEntity, core);
        collection(QStringLiteral("/gradingPeriods"), gradingPeriodsEntity, core);
        collection(QStringLiteral("/orgs"), orgsEntity, core);
        collection(QStringLiteral("/schools"), schoolsEntity, core);
        collection(QStringLiteral("/students"), studentsEntity, core);
        collection(QStringLiteral("/teachers"), teachersEntity, core);
        collection(QStringLiteral("/terms"), termsEntity, core);
        collection(QStringLiteral("/users"), usersEntity, core);

        const Parent classParent{QStringLiteral("id"), classesEntity};
        const Parent schoolParent{QStringLiteral("id"), schoolsEntity};
        const Parent schoolClass{QStringLiteral("classId"), classesEntity};
        const QStringList id{QStringLiteral("id")};

        relationship(QStringLiteral("/classes/{id}/students"), {classParent}, usersEntity,
                     enrolledAs("student"), id);
        relationship(QStringLiteral("/classes/{id}/teachers"), {classParent}, usersEntity,
                     enrolledAs("teacher"), id);
        relationship(QStringLiteral("/courses/{id}/classes"),
                     {{QStringLiteral("id"), coursesEntity}}, classesEntity,
                     QStringLiteral("t.course_sourced_id = ?"), id);
        relationship(QStringLiteral("/schools/{id}/classes"), {schoolParent}, classesEntity,
                     QStringLiteral("t.school_sourced_id = ?"), id);
        relationship(QStringLiteral("/schools/{id}/courses"), {schoolParent}, coursesEntity,
                     QStringLiteral("t.org_sourced_id = ?"), id);
        relationship(QStringLiteral("/schools/{id}/enrollments"), {schoolParent},
                     enrollmentsEntity, QStringLiteral("t.school_sourced_id = ?"), id);
        relationship(QStringLiteral("/schools/{id}/students"), {schoolParent}, usersEntity,
                     hasRoleAt("student"), id);
        relationship(QStringLiteral("/schools/{id}/teachers"), {schoolParent}, usersEntity,
                     hasRoleAt("teacher"), id);
        // NOTE: Academic sessions carry no org in the store, so a school's terms are the terms
        // its classes take place in.
        relationship(QStringLiteral("/schools/{id}/terms"), {schoolParent}, termsEntity,
                     QStringLiteral("EXISTS (SELECT 1 FROM classes c WHERE c.district_id = "
                                    "t.district_id AND c.school_sourced_id = ? AND "
                                    "c.term_sourced_ids LIKE '%\"' || t.sourced_id || '\"%')"),
                     id);
        const QStringList schoolAndClass{QStringLiteral("id"), QStringLiteral("classId")};
        relationship(QStringLiteral("/schools/{id}/classes/{classId}/enrollments"),
                     {schoolParent, schoolClass}, enrollmentsEntity,
                     QStringLiteral("t.school_sourced_id = ? AND t.class_sourced_id = ?"),
                     schoolAndClass);
        relationship(QStringLiteral("/schools/{id}/classes/{classId}/students"),
                     {schoolParent, schoolClass}, usersEntity,
                     QStringLiteral("EXISTS (SELECT 1 FROM enrollments e WHERE e.district_id = "
                                    "t.district_id AND e.user_sourced_id = t.sourced_id AND "
                                    "e.school_sourced_id = ? AND e.class_sourced_id = ? AND "
                                    "e.role = 'student')"),
                     schoolAndClass);
        relationship(QStringLiteral("/schools/{id}/classes/{classId}/teachers"),
                     {schoolParent, schoolClass}, usersEntity,
                     QStringLiteral("EXISTS (SELECT 1 FROM enrollments e WHERE e.district_id = "
                                    "t.district_id AND e.user_sourced_id = t.sourced_id AND "
                                    "e.school_sourced_id = ? AND e.class_sourced_id = ? AND "
                                    "e.role = 'teacher')"),
                     schoolAndClass);
        relationship(QStringLiteral("/students/{id}/classes"),
                     {{QStringLiteral("id"), studentsEntity}}, classesEntity, kClassesOfUser, id);
        relationship(QStringLiteral("/teachers/{id}/classes"),
                     {{QStringLiteral("id"), teachersEntity}}, classesEntity, kClassesOfUser, id);
        relationship(QStringLiteral("/users/{id}/classes"), {{QStringLiteral("id"), usersEntity}},
                     classesEntity, kClassesOfUser, id);
        relationship(QStringLiteral("/terms/{id}/classes"), {{QStringLiteral("id"), termsEntity}},
                     classesEntity, QStringLiteral("t.term_sourced_ids LIKE ? ESCAPE '\\'"), id);
        relationship(QStringLiteral("/terms/{id}/gradingPeriods"),
                     {{QStringLiteral("id"), termsEntity}}, gradingPeriodsEntity,
                     QStringLiteral("t.parent_sourced_id = ?"), id);
    }

private:
    Provider &m_provider;
    http::Router &m_router;
    Version m_version;
    QString m_root;
};

} // namespace

void registerRosteringRoutes(Provider &provider, http::Router &router, Version version)
{
    RosteringRoutes(provider, router, version).registerAll();
}

} // namespace hub::oneroster
