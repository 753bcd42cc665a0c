// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "oneroster/filter.h"
#include "oneroster/scopes.h"

#include <QList>
#include <QString>

namespace hub::oneroster {

// How a stored column becomes a JSON value of the payload.
enum class ValueKind {
    Text,        // a string; empty and NULL are omitted
    Status,      // "active" or "tobedeleted"
    DateTime,    // ISO 8601 UTC text, as stored
    Date,        // YYYY-MM-DD text, as stored
    Boolean,     // 0/1 column written as "true"/"false"
    Number,      // a JSON number
    YearText,    // an integer column written as a string, such as schoolYear "2027"
    TextList,    // a JSON array of strings, as stored
    UserIds,     // a JSON array of "{type:identifier}" strings, written as objects
    Ref,         // a GUIDRef {href, sourcedId, type} to the sourced id in the column
    RefList,     // a JSON array of sourced ids, written as GUIDRefs
    Json,        // stored JSON text, written as it is
};

// One field of a OneRoster object.
struct EntityField
{
    QString name;     // the OneRoster field name
    QString sql;      // the SQL expression over the row alias t
    ValueKind kind = ValueKind::Text;
    QString refType;  // for Ref and RefList: the GUIDRef type, such as "org"
    bool filterable = true;
    // The member name as JSON with its colon, such as "givenName":, or empty to encode name
    // when the member is written.
    QByteArray jsonName = {};
};

// A OneRoster object type as stored: its table, its JSON names and its fields per version.
struct Entity
{
    QString key;      // a name for logs and keys, such as "users"
    QString table;
    QString singular; // the JSON wrapper of one object, such as "user"
    QString plural;   // the JSON wrapper of a collection, such as "users"
    QString typeName; // the GUIDRef type of this object, such as "user"
    QList<EntityField> fields;
    // Extra conditions every row must meet, such as t.type = 'school'.
    QString baseCondition;
    // Whether the rows of this entity get their 1.1 role/orgs or 1.2 roles/primaryOrg from
    // user_roles after the page is read.
    bool userRoles = false;

    const EntityField *field(const QString &name) const;
    // The filter fields: every filterable field, plus "<ref>.sourcedId" for each Ref field.
    std::optional<FilterField> filterField(const QString &name) const;
};

// The noun for one object in messages: "school" for the schools collection, whose objects are
// orgs of type school, and the JSON wrapper (such as "user") for an unrestricted entity.
QString objectNoun(const Entity &entity);

// The rostering, gradebook and resource entities as each version defines them.
const Entity &orgsEntity(Version version);
const Entity &schoolsEntity(Version version);
const Entity &academicSessionsEntity(Version version);
const Entity &termsEntity(Version version);
const Entity &gradingPeriodsEntity(Version version);
const Entity &coursesEntity(Version version);
const Entity &classesEntity(Version version);
const Entity &usersEntity(Version version);
const Entity &studentsEntity(Version version);
const Entity &teachersEntity(Version version);
const Entity &enrollmentsEntity(Version version);
const Entity &demographicsEntity(Version version);
const Entity &categoriesEntity(Version version);
const Entity &lineItemsEntity(Version version);
const Entity &resultsEntity(Version version);
const Entity &scoreScalesEntity(Version version);
const Entity &resourcesEntity(Version version);

// An SQL condition on the user_roles row r: whether the API shows the role. A role marked
// tobedeleted is left out while its user has a role that is not, so a user who moved to another
// school is no longer listed at the old one. A user whose every role is tobedeleted keeps them.
QString shownRoleCondition();

// The path below the service root where objects of a GUIDRef type live, such as "orgs" for
// "org", and the service ("rostering", "gradebook" or "resources") that serves them in 1.2.
QString collectionForType(const QString &type);
QString serviceForType(const QString &type);

} // namespace hub::oneroster
