// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "entities.h"

#include "core/jsontext.h"

#include <QHash>

namespace hub::oneroster {

namespace {

using K = ValueKind;

EntityField f(const char *name, const char *column, ValueKind kind = K::Text,
              const char *refType = "")
{
    return EntityField{QLatin1String(name), QStringLiteral("t.") + QLatin1String(column), kind,
                       QLatin1String(refType), true};
}

QList<EntityField> common()
{
    return {f("sourcedId", "sourced_id"), f("status", "status", K::Status),
            f("dateLastModified", "date_last_modified", K::DateTime)};
}

// The user's role, so that a user with several roles has one stable value: the first of the
// primary roles in name order, else the first of all roles. Two lookups of the minimum cost
// less than sorting each user's roles.
const QString kUserRoleSql
    = QStringLiteral("COALESCE((SELECT min(r.role) FROM user_roles r WHERE r.district_id = "
                     "t.district_id AND r.user_sourced_id = t.sourced_id AND r.role_type = "
                     "'primary' AND %1), (SELECT min(r.role) FROM user_roles r WHERE "
                     "r.district_id = t.district_id AND r.user_sourced_id = t.sourced_id AND %1))")
          .arg(shownRoleCondition());

QString hasRole(const char *role)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM user_roles r WHERE r.district_id = t.district_id "
                          "AND r.user_sourced_id = t.sourced_id AND r.role = '%1' AND %2)")
        .arg(QLatin1String(role), shownRoleCondition());
}

Entity makeOrgs(Version)
{
    Entity entity{QStringLiteral("orgs"), QStringLiteral("orgs"), QStringLiteral("org"),
                  QStringLiteral("orgs"), QStringLiteral("org"), common(), {}, false};
    entity.fields += {f("name", "name"), f("type", "type"), f("identifier", "identifier"),
                      f("parent", "parent_sourced_id", K::Ref, "org")};
    return entity;
}

Entity makeSessions(Version)
{
    Entity entity{QStringLiteral("academicSessions"), QStringLiteral("academic_sessions"),
                  QStringLiteral("academicSession"), QStringLiteral("academicSessions"),
                  QStringLiteral("academicSession"), common(), {}, false};
    entity.fields += {f("title", "title"), f("startDate", "start_date", K::Date),
                      f("endDate", "end_date", K::Date), f("type", "type"),
                      f("parent", "parent_sourced_id", K::Ref, "academicSession"),
                      f("schoolYear", "school_year", K::YearText)};
    return entity;
}

Entity makeCourses(Version)
{
    Entity entity{QStringLiteral("courses"), QStringLiteral("courses"), QStringLiteral("course"),
                  QStringLiteral("courses"), QStringLiteral("course"), common(), {}, false};
    entity.fields += {f("title", "title"),
                      f("schoolYear", "school_year_sourced_id", K::Ref, "academicSession"),
                      f("courseCode", "course_code"), f("grades", "grades", K::TextList),
                      f("subjects", "subjects", K::TextList),
                      f("org", "org_sourced_id", K::Ref, "org"),
                      f("subjectCodes", "subject_codes", K::TextList)};
    return entity;
}

Entity makeClasses(Version)
{
    Entity entity{QStringLiteral("classes"), QStringLiteral("classes"), QStringLiteral("class"),
                  QStringLiteral("classes"), QStringLiteral("class"), common(), {}, false};
    entity.fields += {f("title", "title"), f("classCode", "class_code"),
                      f("classType", "class_type"), f("location", "location"),
                      f("grades", "grades", K::TextList), f("subjects", "subjects", K::TextList),
                      f("course", "course_sourced_id", K::Ref, "course"),
                      f("school", "school_sourced_id", K::Ref, "org"),
                      f("terms", "term_sourced_ids", K::RefList, "academicSession"),
                      f("subjectCodes", "subject_codes", K::TextList),
                      f("periods", "periods", K::TextList)};
    return entity;
}

Entity makeUsers(Version version)
{
    Entity entity{QStringLiteral("users"), QStringLiteral("users"), QStringLiteral("user"),
                  QStringLiteral("users"), QStringLiteral("user"), common(), {}, true};
    entity.fields += {f("enabledUser", "enabled_user", K::Boolean), f("username", "username"),
                      f("userIds", "user_ids", K::UserIds), f("givenName", "given_name"),
                      f("familyName", "family_name"), f("middleName", "middle_name"),
                      f("identifier", "identifier"), f("email", "email"), f("sms", "sms"),
                      f("phone", "phone"), f("agents", "agent_sourced_ids", K::RefList, "user"),
                      f("grades", "grades", K::TextList)};
    if (version == Version::V1p1) {
        entity.fields.append(EntityField{QStringLiteral("role"), kUserRoleSql, K::Text, {}, true});
        // Filled from user_roles after the page is read.
        entity.fields.append(EntityField{QStringLiteral("orgs"), QStringLiteral("NULL"),
                                         K::RefList, QStringLiteral("org"), false});
    } else {
        entity.fields += {f("userMasterIdentifier", "user_master_identifier"),
                          f("preferredFirstName", "preferred_given_name"),
                          f("preferredMiddleName", "preferred_middle_name"),
                          f("preferredLastName", "preferred_family_name"),
                          f("pronouns", "pronouns"),
                          f("primaryOrg", "primary_org_sourced_id", K::Ref, "org")};
        entity.fields.append(EntityField{QStringLiteral("roles"), QStringLiteral("NULL"),
                                         K::Json, {}, false});
        // roles.role filters on the user's primary role, like 1.1's role.
        entity.fields.append(EntityField{QStringLiteral("roles.role"), kUserRoleSql, K::Text, {},
                                         true});
    }
    return entity;
}

Entity makeEnrollments(Version)
{
    Entity entity{QStringLiteral("enrollments"), QStringLiteral("enrollments"),
                  QStringLiteral("enrollment"), QStringLiteral("enrollments"),
                  QStringLiteral("enrollment"), common(), {}, false};
    entity.fields += {f("user", "user_sourced_id", K::Ref, "user"),
                      f("class", "class_sourced_id", K::Ref, "class"),
                      f("school", "school_sourced_id", K::Ref, "org"), f("role", "role"),
                      f("primary", "is_primary", K::Boolean),
                      f("beginDate", "begin_date", K::Date), f("endDate", "end_date", K::Date)};
    return entity;
}

Entity makeDemographics(Version)
{
    Entity entity{QStringLiteral("demographics"), QStringLiteral("demographics"),
                  QStringLiteral("demographics"), QStringLiteral("demographics"),
                  QStringLiteral("demographics"), common(), {}, false};
    entity.fields += {
        f("birthDate", "birth_date", K::Date),
        f("sex", "sex"),
        f("americanIndianOrAlaskaNative", "american_indian_or_alaska_native", K::Boolean),
        f("asian", "asian", K::Boolean),
        f("blackOrAfricanAmerican", "black_or_african_american", K::Boolean),
        f("nativeHawaiianOrOtherPacificIslander", "native_hawaiian_or_other_pacific_islander",
          K::Boolean),
        f("white", "white", K::Boolean),
        f("demographicRaceTwoOrMoreRaces", "two_or_more_races", K::Boolean),
        f("hispanicOrLatinoEthnicity", "hispanic_or_latino_ethnicity", K::Boolean),
        f("countryOfBirthCode", "country_of_birth_code"),
        f("stateOfBirthAbbreviation", "state_of_birth_abbreviation"),
        f("cityOfBirth", "city_of_birth"),
        f("publicSchoolResidenceStatus", "public_school_residence_status"),
    };
    return entity;
}

Entity makeCategories(Version version)
{
    Entity entity{QStringLiteral("categories"), QStringLiteral("gradebook_categories"),
                  QStringLiteral("category"), QStringLiteral("categories"),
                  QStringLiteral("category"), common(), {}, false};
    entity.fields.append(f("title", "title"));
    if (version == Version::V1p2)
        entity.fields.append(f("weight", "weight", K::Number));
    return entity;
}

Entity makeLineItems(Version version)
{
    Entity entity{QStringLiteral("lineItems"), QStringLiteral("gradebook_line_items"),
                  QStringLiteral("lineItem"), QStringLiteral("lineItems"),
                  QStringLiteral("lineItem"), common(), {}, false};
    entity.fields += {f("title", "title"), f("description", "description"),
                      f("assignDate", "assign_date", K::DateTime),
                      f("dueDate", "due_date", K::DateTime),
                      f("class", "class_sourced_id", K::Ref, "class"),
                      f("category", "category_sourced_id", K::Ref, "category"),
                      f("gradingPeriod", "grading_period_sourced_id", K::Ref, "academicSession"),
                      f("resultValueMin", "result_value_min", K::Number),
                      f("resultValueMax", "result_value_max", K::Number)};
    if (version == Version::V1p2) {
        entity.fields += {f("school", "school_sourced_id", K::Ref, "org"),
                          f("scoreScale", "score_scale_sourced_id", K::Ref, "scoreScale")};
    }
    return entity;
}

Entity makeResults(Version version)
{
    Entity entity{QStringLiteral("results"), QStringLiteral("gradebook_results"),
                  QStringLiteral("result"), QStringLiteral("results"), QStringLiteral("result"),
                  common(), {}, false};
    entity.fields += {f("lineItem", "line_item_sourced_id", K::Ref, "lineItem"),
                      f("student", "student_sourced_id", K::Ref, "user"),
                      f("scoreStatus", "score_status"), f("score", "score", K::Number),
                      f("scoreDate", "score_date", K::Date), f("comment", "comment")};
    if (version == Version::V1p2) {
        entity.fields += {f("class", "class_sourced_id", K::Ref, "class"),
                          f("scoreScale", "score_scale_sourced_id", K::Ref, "scoreScale"),
                          f("textScore", "text_score")};
    }
    return entity;
}

Entity makeScoreScales(Version)
{
    Entity entity{QStringLiteral("scoreScales"), QStringLiteral("gradebook_score_scales"),
                  QStringLiteral("scoreScale"), QStringLiteral("scoreScales"),
                  QStringLiteral("scoreScale"), common(), {}, false};
    entity.fields += {f("title", "title"), f("type", "type"),
                      f("class", "class_sourced_id", K::Ref, "class"),
                      f("course", "course_sourced_id", K::Ref, "course"),
                      f("scoreScaleValue", "scale_values", K::Json)};
    entity.fields.last().filterable = false;
    return entity;
}

Entity makeResources(Version)
{
    Entity entity{QStringLiteral("resources"), QStringLiteral("oneroster_resources"),
                  QStringLiteral("resource"), QStringLiteral("resources"),
                  QStringLiteral("resource"), common(), {}, false};
    entity.fields += {f("title", "title"), f("roles", "roles", K::TextList),
                      f("importance", "importance"), f("vendorResourceId", "vendor_resource_id"),
                      f("vendorId", "vendor_id"), f("applicationId", "application_id")};
    return entity;
}

Entity restricted(Entity entity, const char *key, const QString &condition)
{
    entity.key = QLatin1String(key);
    entity.baseCondition = condition;
    return entity;
}

struct EntitySet
{
    Entity orgs, schools, sessions, terms, gradingPeriods, courses, classes, users, students,
        teachers, enrollments, demographics, categories, lineItems, results, scoreScales, resources;

    explicit EntitySet(Version v)
        : orgs(makeOrgs(v))
        , schools(restricted(makeOrgs(v), "schools", QStringLiteral("t.type = 'school'")))
        , sessions(makeSessions(v))
        , terms(restricted(makeSessions(v), "terms", QStringLiteral("t.type = 'term'")))
        , gradingPeriods(restricted(makeSessions(v), "gradingPeriods",
                                    QStringLiteral("t.type = 'gradingPeriod'")))
        , courses(makeCourses(v))
        , classes(makeClasses(v))
        , users(makeUsers(v))
        , students(restricted(makeUsers(v), "students", hasRole("student")))
        , teachers(restricted(makeUsers(v), "teachers", hasRole("teacher")))
        , enrollments(makeEnrollments(v))
        , demographics(makeDemographics(v))
        , categories(makeCategories(v))
        , lineItems(makeLineItems(v))
        , results(makeResults(v))
        , scoreScales(makeScoreScales(v))
        , resources(makeResources(v))
    {
        for (Entity *entity : {&orgs, &schools, &sessions, &terms, &gradingPeriods, &courses,
                               &classes, &users, &students, &teachers, &enrollments, &demographics,
                               &categories, &lineItems, &results, &scoreScales, &resources}) {
            for (EntityField &field : entity->fields) {
                appendJsonString(field.jsonName, field.name);
                field.jsonName += ':';
            }
        }
    }
};

const EntitySet &entities(Version version)
{
    static const EntitySet v1p1(Version::V1p1);
    static const EntitySet v1p2(Version::V1p2);
    return version == Version::V1p1 ? v1p1 : v1p2;
}

} // namespace

const EntityField *Entity::field(const QString &name) const
{
    for (const EntityField &candidate : fields) {
        if (candidate.name == name)
            return &candidate;
    }
    return nullptr;
}

std::optional<FilterField> Entity::filterField(const QString &name) const
{
    QString base = name;
    const bool refId = name.endsWith(QLatin1String(".sourcedId"));
    if (refId)
        base = name.left(name.size() - int(sizeof(".sourcedId") - 1));
    const EntityField *found = field(refId ? base : name);
    if (!found || !found->filterable)
        return std::nullopt;
    switch (found->kind) {
    case K::Ref:
        return FilterField{found->sql, FilterType::Text};
    case K::RefList:
    case K::TextList:
    case K::UserIds:
        if (refId && found->kind != K::RefList)
            return std::nullopt;
        return FilterField{found->sql, FilterType::List};
    default:
        break;
    }
    if (refId)
        return std::nullopt;
    switch (found->kind) {
    case K::DateTime:
        return FilterField{found->sql, FilterType::DateTime};
    case K::Date:
        return FilterField{found->sql, FilterType::Date};
    case K::Boolean:
        return FilterField{found->sql, FilterType::Boolean};
    case K::Number:
        return FilterField{found->sql, FilterType::Number};
    case K::YearText:
        return FilterField{QStringLiteral("CAST(%1 AS TEXT)").arg(found->sql), FilterType::Text};
    case K::Json:
        return std::nullopt;
    default:
        return FilterField{found->sql, FilterType::Text};
    }
}

const Entity &orgsEntity(Version v) { return entities(v).orgs; }
QString objectNoun(const Entity &entity)
{
    static const QHash<QString, QString> restrictedNouns{
        {QStringLiteral("schools"), QStringLiteral("school")},
        {QStringLiteral("terms"), QStringLiteral("term")},
        {QStringLiteral("gradingPeriods"), QStringLiteral("grading period")},
        {QStringLiteral("students"), QStringLiteral("student")},
        {QStringLiteral("teachers"), QStringLiteral("teacher")},
    };
    return restrictedNouns.value(entity.key, entity.singular);
}

const Entity &schoolsEntity(Version v) { return entities(v).schools; }
const Entity &academicSessionsEntity(Version v) { return entities(v).sessions; }
const Entity &termsEntity(Version v) { return entities(v).terms; }
const Entity &gradingPeriodsEntity(Version v) { return entities(v).gradingPeriods; }
const Entity &coursesEntity(Version v) { return entities(v).courses; }
const Entity &classesEntity(Version v) { return entities(v).classes; }
const Entity &usersEntity(Version v) { return entities(v).users; }
const Entity &studentsEntity(Version v) { return entities(v).students; }
const Entity &teachersEntity(Version v) { return entities(v).teachers; }
const Entity &enrollmentsEntity(Version v) { return entities(v).enrollments; }
const Entity &demographicsEntity(Version v) { return entities(v).demographics; }
const Entity &categoriesEntity(Version v) { return entities(v).categories; }
const Entity &lineItemsEntity(Version v) { return entities(v).lineItems; }
const Entity &resultsEntity(Version v) { return entities(v).results; }
const Entity &scoreScalesEntity(Version v) { return entities(v).scoreScales; }
const Entity &resourcesEntity(Version v) { return entities(v).resources; }

QString collectionForType(const QString &type)
{
    static const QHash<QString, QString> collections{
        {QStringLiteral("org"), QStringLiteral("orgs")},
        {QStringLiteral("academicSession"), QStringLiteral("academicSessions")},
        {QStringLiteral("course"), QStringLiteral("courses")},
        {QStringLiteral("class"), QStringLiteral("classes")},
        {QStringLiteral("user"), QStringLiteral("users")},
        {QStringLiteral("enrollment"), QStringLiteral("enrollments")},
        {QStringLiteral("demographics"), QStringLiteral("demographics")},
        {QStringLiteral("category"), QStringLiteral("categories")},
        {QStringLiteral("lineItem"), QStringLiteral("lineItems")},
        {QStringLiteral("result"), QStringLiteral("results")},
        {QStringLiteral("scoreScale"), QStringLiteral("scoreScales")},
        {QStringLiteral("resource"), QStringLiteral("resources")},
    };
    return collections.value(type, type + QLatin1Char('s'));
}

QString serviceForType(const QString &type)
{
    static const QStringList gradebook{QStringLiteral("category"), QStringLiteral("lineItem"),
                                       QStringLiteral("result"), QStringLiteral("scoreScale")};
    if (gradebook.contains(type))
        return QStringLiteral("gradebook");
    if (type == QLatin1String("resource"))
        return QStringLiteral("resources");
    return QStringLiteral("rostering");
}

QString shownRoleCondition()
{
    return QStringLiteral("(r.status <> 'tobedeleted' OR NOT EXISTS (SELECT 1 FROM user_roles a "
                          "WHERE a.district_id = r.district_id AND a.user_sourced_id = "
                          "r.user_sourced_id AND a.status <> 'tobedeleted'))");
}

} // namespace hub::oneroster
