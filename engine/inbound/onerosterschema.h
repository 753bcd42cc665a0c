// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

// The columns of the OneRoster CSV bulk files that the hub stores, for versions 1.0, 1.1 and
// 1.2, and how each maps to the store. Versions are written as 10, 11 and 12.

#include "fieldlength.h"

#include <string_view>
#include <vector>

namespace hub::inbound::schema {

enum class FieldType {
    Text,
    Status,
    DateTime,
    Date,
    Enum,
    Boolean,
    List,
    Year,
    // A value that the hub never stores, such as a plaintext password.
    Secret,
};

enum class Entity {
    None,
    Orgs,
    AcademicSessions,
    Courses,
    Classes,
    Users,
    Roles,
    Enrollments,
    Demographics,
};

struct Field
{
    const char *name;
    // The store column, or nullptr when the value is not stored in the file's own table.
    const char *column;
    FieldType type = FieldType::Text;
    // The first version that requires a value, or 0 when a value is optional.
    int requiredSince = 0;
    int since = 10;
    int until = 12;
    // The entity whose sourcedId the value (or each item of a list) is.
    Entity references = Entity::None;
    // The allowed values of an Enum, separated by '|'.
    const char *enumValues = nullptr;
    // An older name of the column that bundles still use.
    const char *legacyName = nullptr;
    // A missing column is derived from other columns with a Warning instead of an Error.
    bool derivable = false;
    // An empty value is a Warning, for a column that the standard requires but real bundles
    // leave empty and the store can do without.
    bool warnWhenEmpty = false;
};

struct FileSpec
{
    Entity entity;
    const char *key; // the manifest key after "file.", and the file name without ".csv"
    const char *table;
    bool hasExtensions;
    std::vector<Field> fields;
};

inline constexpr const char *userRoles11
    = "administrator|aide|guardian|parent|proctor|relative|student|teacher";
inline constexpr const char *userRoles12
    = "aide|counselor|districtAdministrator|guardian|parent|principal|proctor|relative|"
      "siteAdministrator|student|systemAdministrator|teacher";

// The files the hub stores, in the order they are validated and loaded.
inline const std::vector<FileSpec> &storedFiles()
{
    using T = FieldType;
    using E = Entity;
    static const std::vector<FileSpec> files = {
        {E::Orgs,
         "orgs",
         "orgs",
         true,
         {
             {"sourcedId", "sourced_id", T::Text, 10},
             {"status", "status", T::Status},
             {"dateLastModified", "date_last_modified", T::DateTime},
             {"name", "name", T::Text, 10},
             {"type", "type", T::Enum, 10, 10, 12, E::None,
              "department|school|district|local|state|national"},
             {"identifier", "identifier"},
             {"parentSourcedId", "parent_sourced_id", T::Text, 0, 10, 12, E::Orgs},
         }},
        {E::AcademicSessions,
         "academicSessions",
         "academic_sessions",
         true,
         {
             {"sourcedId", "sourced_id", T::Text, 10},
             {"status", "status", T::Status},
             {"dateLastModified", "date_last_modified", T::DateTime},
             {"title", "title", T::Text, 10},
             {"type", "type", T::Enum, 10, 10, 12, E::None,
              "gradingPeriod|semester|schoolYear|term"},
             {"startDate", "start_date", T::Date, 10},
             {"endDate", "end_date", T::Date, 10},
             {"parentSourcedId", "parent_sourced_id", T::Text, 0, 10, 12, E::AcademicSessions},
             {"schoolYear", "school_year", T::Year, 11, 10, 12, E::None, nullptr, nullptr, true},
         }},
        {E::Courses,
         "courses",
         "courses",
         true,
         {
             {"sourcedId", "sourced_id", T::Text, 10},
             {"status", "status", T::Status},
             {"dateLastModified", "date_last_modified", T::DateTime},
             {"schoolYearSourcedId", "school_year_sourced_id", T::Text, 0, 10, 12,
              E::AcademicSessions, nullptr, "schoolYearId"},
             {"title", "title", T::Text, 10},
             {"courseCode", "course_code"},
             {"grades", "grades", T::List, 0, 10, 12, E::None, nullptr, "grade"},
             {"orgSourcedId", "org_sourced_id", T::Text, 10, 10, 12, E::Orgs},
             {"subjects", "subjects", T::List},
             {"subjectCodes", "subject_codes", T::List, 0, 11},
         }},
        {E::Classes,
         "classes",
         "classes",
         true,
         {
             {"sourcedId", "sourced_id", T::Text, 10},
             {"status", "status", T::Status},
             {"dateLastModified", "date_last_modified", T::DateTime},
             {"title", "title", T::Text, 10},
             {"grades", "grades", T::List, 0, 10, 12, E::None, nullptr, "grade"},
             {"courseSourcedId", "course_sourced_id", T::Text, 0, 10, 12, E::Courses, nullptr,
              nullptr, false, true},
             {"classCode", "class_code"},
             {"classType", "class_type", T::Enum, 10, 10, 12, E::None, "homeroom|scheduled"},
             {"location", "location"},
             {"schoolSourcedId", "school_sourced_id", T::Text, 10, 10, 12, E::Orgs},
             {"termSourcedIds", "term_sourced_ids", T::List, 10, 10, 12, E::AcademicSessions},
             {"subjects", "subjects", T::List},
             {"subjectCodes", "subject_codes", T::List, 0, 11},
             {"periods", "periods", T::List, 0, 11},
         }},
        {E::Users,
         "users",
         "users",
         true,
         {
             {"sourcedId", "sourced_id", T::Text, 10},
             {"status", "status", T::Status},
             {"dateLastModified", "date_last_modified", T::DateTime},
             {"enabledUser", "enabled_user", T::Boolean, 11, 11},
             // Up to 1.1 these two become user_roles rows, one per org.
             {"orgSourcedIds", nullptr, T::List, 10, 10, 11, E::Orgs},
             {"role", nullptr, T::Enum, 10, 10, 11, E::None, userRoles11},
             {"username", "username", T::Text, 10},
             {"userIds", "user_ids", T::List, 0, 10, 12, E::None, nullptr, "userId"},
             {"givenName", "given_name", T::Text, 10},
             {"familyName", "family_name", T::Text, 10},
             {"middleName", "middle_name", T::Text, 0, 11},
             {"identifier", "identifier"},
             {"email", "email"},
             {"sms", "sms"},
             {"phone", "phone"},
             {"agentSourcedIds", "agent_sourced_ids", T::List, 0, 10, 12, E::Users, nullptr,
              "agents"},
             {"grades", "grades", T::List, 0, 11},
             {"password", nullptr, T::Secret, 0, 11},
             {"userMasterIdentifier", "user_master_identifier", T::Text, 0, 12},
             // The REST binding of 1.2 names two of these preferredFirstName and
             // preferredLastName; CSV files written from it are read as the CSV names.
             {"preferredGivenName", "preferred_given_name", T::Text, 0, 12, 12, E::None, nullptr,
              "preferredFirstName"},
             {"preferredMiddleName", "preferred_middle_name", T::Text, 0, 12},
             {"preferredFamilyName", "preferred_family_name", T::Text, 0, 12, 12, E::None, nullptr,
              "preferredLastName"},
             {"primaryOrgSourcedId", "primary_org_sourced_id", T::Text, 0, 12, 12, E::Orgs},
             {"pronouns", "pronouns", T::Text, 0, 12},
         }},
        {E::Roles,
         "roles",
         "user_roles",
         false,
         {
             {"sourcedId", "sourced_id", T::Text, 12, 12},
             {"status", "status", T::Status, 0, 12},
             {"dateLastModified", "date_last_modified", T::DateTime, 0, 12},
             {"userSourcedId", "user_sourced_id", T::Text, 12, 12, 12, E::Users},
             {"roleType", "role_type", T::Enum, 12, 12, 12, E::None, "primary|secondary"},
             {"role", "role", T::Enum, 12, 12, 12, E::None, userRoles12},
             {"beginDate", "begin_date", T::Date, 0, 12},
             {"endDate", "end_date", T::Date, 0, 12},
             {"orgSourcedId", "org_sourced_id", T::Text, 12, 12, 12, E::Orgs},
             {"userProfileSourcedId", "user_profile_sourced_id", T::Text, 0, 12},
         }},
        {E::Enrollments,
         "enrollments",
         "enrollments",
         true,
         {
             {"sourcedId", "sourced_id", T::Text, 10},
             {"status", "status", T::Status},
             {"dateLastModified", "date_last_modified", T::DateTime},
             {"classSourcedId", "class_sourced_id", T::Text, 10, 10, 12, E::Classes},
             {"schoolSourcedId", "school_sourced_id", T::Text, 10, 10, 12, E::Orgs},
             {"userSourcedId", "user_sourced_id", T::Text, 10, 10, 12, E::Users},
             {"role", "role", T::Enum, 10, 10, 10, E::None,
              "administrator|aide|guardian|parent|relative|student|teacher"},
             {"role", "role", T::Enum, 11, 11, 12, E::None,
              "administrator|proctor|student|teacher"},
             {"primary", "is_primary", T::Boolean},
             {"beginDate", "begin_date", T::Date, 0, 11},
             {"endDate", "end_date", T::Date, 0, 11},
         }},
        {E::Demographics,
         "demographics",
         "demographics",
         true,
         {
             {"sourcedId", "sourced_id", T::Text, 10, 10, 12, E::Users, nullptr, "userSourcedId"},
             {"status", "status", T::Status},
             {"dateLastModified", "date_last_modified", T::DateTime},
             {"birthDate", "birth_date", T::Date},
             {"sex", "sex", T::Enum, 0, 10, 11, E::None, "male|female"},
             {"sex", "sex", T::Enum, 0, 12, 12, E::None, "male|female|other|unspecified"},
             {"americanIndianOrAlaskaNative", "american_indian_or_alaska_native", T::Boolean},
             {"asian", "asian", T::Boolean},
             {"blackOrAfricanAmerican", "black_or_african_american", T::Boolean},
             {"nativeHawaiianOrOtherPacificIslander", "native_hawaiian_or_other_pacific_islander",
              T::Boolean},
             {"white", "white", T::Boolean},
             {"demographicRaceTwoOrMoreRaces", "two_or_more_races", T::Boolean},
             {"hispanicOrLatinoEthnicity", "hispanic_or_latino_ethnicity", T::Boolean},
             {"countryOfBirthCode", "country_of_birth_code"},
             {"stateOfBirthAbbreviation", "state_of_birth_abbreviation"},
             {"cityOfBirth", "city_of_birth"},
             {"publicSchoolResidenceStatus", "public_school_residence_status"},
         }},
    };
    return files;
}

// The limit of a field's value in code points, or of each item of a List: kMaxIdLength for
// sourcedIds and references (also userProfileSourcedId, whose file the hub does not store),
// kMaxTextLength for the others. fieldlength.h gives the reasons.
inline qsizetype maxLength(const Field &field)
{
    const std::string_view name(field.name);
    const bool id = field.references != Entity::None || name == "sourcedId"
                    || name.ends_with("SourcedId") || name.ends_with("SourcedIds");
    return id ? kMaxIdLength : kMaxTextLength;
}

// Manifest file keys of OneRoster files that the hub does not store; a bundle may carry them.
inline const std::vector<const char *> &unstoredFileKeys()
{
    static const std::vector<const char *> keys = {
        "categories",          "classResources",
        "courseResources",     "resources",
        "lineItems",           "results",
        "userProfiles",        "userResources",
        "scoreScales",         "lineItemLearningObjectiveIds",
        "lineItemScoreScales", "resultLearningObjectiveIds",
        "resultScoreScales",
    };
    return keys;
}

} // namespace hub::inbound::schema
