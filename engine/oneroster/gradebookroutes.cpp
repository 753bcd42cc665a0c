// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/logging.h"
#include "core/nulcharacter.h"
#include "core/timeutil.h"
#include "oneroster/routehelpers.h"
#include "oneroster/statusinfo.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace hub::oneroster {

namespace {

const QString kRead = QStringLiteral("gradebook.readonly");
const QString kCoreRead = QStringLiteral("gradebook-core.readonly");
const QString kWrite = QStringLiteral("gradebook.createput");
const QString kDelete = QStringLiteral("gradebook.delete");

// The request body size a write accepts; a gradebook object is a few hundred bytes, and a 1.2
// POST of many line items or results stays far below this.
constexpr qsizetype kMaxBodyBytes = 4 * 1024 * 1024;

// What a write of one gradebook type needs beyond its entity's fields.
struct WriteRules
{
    EntityGetter entity;
    QStringList required;
    // GUIDRef fields whose target must exist, and the entity it must exist in.
    QList<QPair<QString, EntityGetter>> references;
};

const QStringList kScoreStatuses{QStringLiteral("exempt"), QStringLiteral("fully graded"),
                                 QStringLiteral("not submitted"),
                                 QStringLiteral("partially graded"), QStringLiteral("submitted")};

QString column(const EntityField &field)
{
    return field.sql.mid(2); // the sql of a stored field is "t.<column>"
}

http::Response invalidData(Version version, const QString &message)
{
    return statusInfo(version, 400, CodeMinor::InvalidData, message);
}

using ColumnValues = QList<QPair<QString, QVariant>>;

// One invalid field of a write: the field's path in the body (such as "dueDate", or
// "lineItems[2].dueDate" in a POST of several objects) and what is wrong with it.
struct Problem
{
    QString field;
    QString message;
};

// 400 invaliddata naming every problem of a write, so that a client fixes them all at once.
http::Response invalidFields(Version version, const QString &singular,
                             const QList<Problem> &problems)
{
    QStringList parts;
    for (const Problem &problem : problems)
        parts.append(QStringLiteral("%1: %2").arg(problem.field, problem.message));
    const QString description
        = problems.size() == 1
              ? QStringLiteral("The %1 has 1 invalid field. %2").arg(singular, parts.first())
              : QStringLiteral("The %1 has %2 invalid fields. %3")
                    .arg(singular)
                    .arg(problems.size())
                    .arg(parts.join(QLatin1Char(' ')));
    return invalidData(version, description);
}

QString referencedId(const QJsonValue &value)
{
    return value.isObject() ? value[QStringLiteral("sourcedId")].toString() : value.toString();
}

QVariant columnValue(const ColumnValues &values, const QString &columnName)
{
    for (const auto &[name, value] : values) {
        if (name == columnName)
            return value;
    }
    return {};
}

// Checks the rules that tie fields of a line item together.
void checkLineItem(const ColumnValues &values, QList<Problem> &problems)
{
    const QVariant assign = columnValue(values, QStringLiteral("assign_date"));
    const QVariant due = columnValue(values, QStringLiteral("due_date"));
    // Both are ISO 8601 UTC texts of one length, so they compare as text.
    if (!assign.isNull() && !due.isNull() && due.toString() < assign.toString())
        problems.append({QStringLiteral("dueDate"),
                         QStringLiteral("%1 is before the assignDate %2; the due date must be on "
                                        "or after the assign date.")
                             .arg(due.toString(), assign.toString())});
    const QVariant min = columnValue(values, QStringLiteral("result_value_min"));
    const QVariant max = columnValue(values, QStringLiteral("result_value_max"));
    if (!min.isNull() && !max.isNull() && min.toDouble() > max.toDouble())
        problems.append({QStringLiteral("resultValueMin"),
                         QStringLiteral("%1 is above the resultValueMax %2; the minimum must not "
                                        "exceed the maximum.")
                             .arg(min.toDouble())
                             .arg(max.toDouble())});
}

// Checks a result against its student and line item: the student must have the student role,
// and the score must not be below the line item's resultValueMin (0 when it has none). A score
// above resultValueMax is kept as sent, because extra credit is allowed.
Result<void> checkResult(ServiceRequest &request, const QJsonObject &object,
                         const ColumnValues &values, QList<Problem> &problems)
{
    const Version version = request.read.version;
    const QString studentId = referencedId(object.value(QStringLiteral("student")));
    if (!studentId.isEmpty()) {
        auto user = objectExists(request.read, usersEntity(version), studentId);
        if (!user)
            return failure(user.error());
        auto student = objectExists(request.read, studentsEntity(version), studentId);
        if (!student)
            return failure(student.error());
        if (*user && !*student)
            problems.append({QStringLiteral("student"),
                             QStringLiteral("The user \"%1\" is not a student; a result "
                                            "belongs to a user with the student role.")
                                 .arg(studentId)});
    }

    const QVariant score = columnValue(values, QStringLiteral("score"));
    if (score.isNull())
        return {};
    double minimum = 0;
    const QString lineItemId = referencedId(object.value(QStringLiteral("lineItem")));
    if (!lineItemId.isEmpty()) {
        auto stored = selectValue(request.read.db,
                                  QStringLiteral("SELECT result_value_min FROM "
                                                 "gradebook_line_items WHERE district_id = ? AND "
                                                 "sourced_id = ?"),
                                  {request.read.scope.districtId, lineItemId});
        if (!stored)
            return failure(stored.error());
        if (!stored->isNull())
            minimum = stored->toDouble();
    }
    if (score.toDouble() < minimum)
        problems.append(
            {QStringLiteral("score"), QStringLiteral("%1 is below the line item's minimum %2.")
                                          .arg(score.toDouble())
                                          .arg(minimum)});
    return {};
}

// Validates one object of a write and returns its column values. Every invalid field is added
// to problems, with prefix before its path. Returns a 500 response when the store cannot be read.
std::variant<ColumnValues, http::Response>
columnValues(ServiceRequest &request, const WriteRules &rules, const QJsonObject &object,
             const QString &prefix, QList<Problem> &problems)
{
    const Version version = request.read.version;
    const Entity &entity = rules.entity(version);
    const qsizetype problemsBefore = problems.size();
    const auto addProblem = [&](const QString &field, const QString &message) {
        problems.append({prefix + field, message});
    };
    for (const QString &name : rules.required) {
        const QJsonValue value = object.value(name);
        if (value.isUndefined() || value.isNull()
            || (value.isString() && value.toString().trimmed().isEmpty()))
            addProblem(name, QStringLiteral("is required but missing."));
    }

    ColumnValues values;
    for (const EntityField &field : entity.fields) {
        if (field.name == QLatin1String("sourcedId")
            || field.name == QLatin1String("dateLastModified") || !field.sql.startsWith(QLatin1String("t.")))
            continue;
        const QJsonValue value = object.value(field.name);
        const auto wrongType = [&](const QString &expected) {
            addProblem(field.name, QStringLiteral("must be %1.").arg(expected));
        };
        if (value.isUndefined() || value.isNull()) {
            if (field.kind == ValueKind::Status)
                values.append({column(field), QStringLiteral("active")});
            else
                values.append({column(field), QVariant()});
            continue;
        }
        switch (field.kind) {
        case ValueKind::Status:
            if (value.toString() != QLatin1String("active")
                && value.toString() != QLatin1String("tobedeleted"))
                wrongType(QStringLiteral("active or tobedeleted"));
            values.append({column(field), value.toString()});
            break;
        case ValueKind::Text:
            if (!value.isString())
                wrongType(QStringLiteral("a string"));
            else if (field.name == QLatin1String("scoreStatus")
                     && !kScoreStatuses.contains(value.toString()))
                wrongType(QStringLiteral("one of ") + kScoreStatuses.join(QStringLiteral(", ")));
            values.append({column(field), value.toString()});
            break;
        case ValueKind::DateTime: {
            QDateTime dateTime = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
            if (!dateTime.isValid()) {
                wrongType(QStringLiteral("an ISO 8601 date and time such as "
                                         "2026-09-01T08:00:00.000Z"));
                values.append({column(field), QVariant()});
                break;
            }
            if (dateTime.timeSpec() == Qt::LocalTime)
                dateTime.setTimeZone(QTimeZone::utc());
            values.append({column(field), toIsoUtc(dateTime)});
            break;
        }
        case ValueKind::Date: {
            const QDate date = QDate::fromString(value.toString().left(10), Qt::ISODate);
            if (!date.isValid())
                wrongType(QStringLiteral("an ISO 8601 date such as 2026-09-01"));
            values.append(
                {column(field), date.isValid() ? date.toString(Qt::ISODate) : QVariant()});
            break;
        }
        case ValueKind::Number:
            if (!value.isDouble()) {
                wrongType(QStringLiteral("a number"));
                values.append({column(field), QVariant()});
                break;
            }
            values.append({column(field), value.toDouble()});
            break;
        case ValueKind::Ref: {
            const QString id = referencedId(value);
            if (id.isEmpty())
                wrongType(QStringLiteral("a GUIDRef with a sourcedId"));
            values.append({column(field), id});
            break;
        }
        case ValueKind::Json:
        case ValueKind::TextList:
            if (!value.isArray())
                wrongType(QStringLiteral("an array"));
            values.append({column(field), QString::fromUtf8(QJsonDocument(value.toArray())
                                                                .toJson(QJsonDocument::Compact))});
            break;
        default:
            break;
        }
    }

    for (const auto &[name, target] : rules.references) {
        const QJsonValue value = object.value(name);
        const QString id = referencedId(value);
        if (value.isUndefined() || value.isNull() || id.isEmpty())
            continue;
        auto exists = objectExists(request.read, target(version), id);
        if (!exists)
            return statusInfo(version, 500, CodeMinor::InternalServerError,
                              QStringLiteral("The engine could not read its store."));
        if (!*exists)
            addProblem(name, QStringLiteral("names the %1 \"%2\", which does not exist.")
                                 .arg(target(version).singular, id));
    }

    QList<Problem> related;
    if (&entity == &lineItemsEntity(version)) {
        checkLineItem(values, related);
    } else if (&entity == &resultsEntity(version)) {
        if (auto checked = checkResult(request, object, values, related); !checked)
            return statusInfo(version, 500, CodeMinor::InternalServerError,
                              QStringLiteral("The engine could not read its store."));
    }
    for (const Problem &problem : std::as_const(related)) {
        // A field that already failed its own check is not reported twice.
        const QString path = prefix + problem.field;
        bool reported = false;
        for (qsizetype i = problemsBefore; i < problems.size(); ++i)
            reported = reported || problems.at(i).field == path;
        if (!reported)
            problems.append({path, problem.message});
    }
    return values;
}

// Inserts or replaces one object; returns whether it was created.
Result<bool> upsert(ServiceRequest &request, const Entity &entity, const QString &sourcedId,
                    const ColumnValues &values)
{
    const QSqlDatabase db = request.read.db;
    auto existing = objectExists(request.read, entity, sourcedId);
    if (!existing)
        return failure(existing.error());
    QStringList columns{QStringLiteral("district_id"), QStringLiteral("sourced_id"),
                        QStringLiteral("date_last_modified")};
    QVariantList bindings{request.read.scope.districtId, sourcedId, toIsoUtc(request.read.now)};
    QStringList updates{QStringLiteral("date_last_modified = excluded.date_last_modified")};
    for (const auto &[name, value] : values) {
        columns.append(name);
        bindings.append(value);
        updates.append(QStringLiteral("%1 = excluded.%1").arg(name));
    }
    QStringList markers;
    for (qsizetype i = 0; i < columns.size(); ++i)
        markers.append(QStringLiteral("?"));
    auto written = execute(db,
                           QStringLiteral("INSERT INTO %1(%2) VALUES (%3) ON CONFLICT (district_id, "
                                          "sourced_id) DO UPDATE SET %4")
                               .arg(entity.table, columns.join(QStringLiteral(", ")),
                                    markers.join(QStringLiteral(", ")),
                                    updates.join(QStringLiteral(", "))),
                           bindings);
    if (!written)
        return failure(written.error());
    return !*existing;
}

http::Response storeFailure(Version version, const QString &error)
{
    qCWarning(lcOneRoster) << "Gradebook write failed:" << error;
    if (isBusyError(error))
        return statusInfo(version, 503, CodeMinor::ServerBusy,
                          QStringLiteral("The store is busy; retry shortly."));
    return statusInfo(version, 500, CodeMinor::InternalServerError,
                      QStringLiteral("The engine could not write its store."));
}

std::variant<QJsonObject, http::Response> bodyObject(ServiceRequest &request, const QString &wrapper)
{
    const Version version = request.read.version;
    if (request.http.body().size() > kMaxBodyBytes)
        return statusInfo(version, 413, CodeMinor::InvalidData,
                          QStringLiteral("The request body is larger than %1 bytes.")
                              .arg(kMaxBodyBytes));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.http.body(), &error);
    if (!document.isObject())
        return invalidData(version, QStringLiteral("The body must be a JSON object: %1.")
                                        .arg(error.errorString()));
    if (auto field = findNulCharacter(document.object()))
        return invalidData(version, nulCharacterMessage(*field));
    const QJsonValue wrapped = document.object().value(wrapper);
    if (wrapper.isEmpty())
        return document.object();
    if (wrapped.isUndefined())
        return invalidData(version,
                           QStringLiteral("The body must hold the object under \"%1\".").arg(wrapper));
    if (!wrapped.isObject() && !wrapped.isArray())
        return invalidData(version, QStringLiteral("\"%1\" must be an object.").arg(wrapper));
    return document.object();
}

void addPut(Provider &provider, http::Router &router, Version version, const QString &pattern,
            const WriteRules &rules)
{
    provider.addServiceRoute(
        router, "PUT", version, pattern, {kWrite}, [&provider, rules](ServiceRequest &request) {
            const Version version = request.read.version;
            const Entity &entity = rules.entity(version);
            auto body = bodyObject(request, entity.singular);
            if (auto *response = std::get_if<http::Response>(&body))
                return *response;
            const QJsonObject object = std::get<QJsonObject>(body).value(entity.singular).toObject();
            const QString sourcedId = request.http.pathParameter(QStringLiteral("id"));
            if (object.contains(QStringLiteral("sourcedId"))
                && object.value(QStringLiteral("sourcedId")).toString() != sourcedId)
                return invalidData(version, QStringLiteral("The body's sourcedId differs from "
                                                           "the one in the path."));
            QList<Problem> problems;
            auto values = columnValues(request, rules, object, {}, problems);
            if (auto *response = std::get_if<http::Response>(&values))
                return *response;
            if (!problems.isEmpty())
                return invalidFields(version, entity.singular, problems);
            auto created = upsert(request, entity, sourcedId, std::get<ColumnValues>(values));
            if (!created)
                return storeFailure(version, created.error());
            provider.dataChanged();
            qCInfo(lcOneRoster) << (*created ? "Created" : "Updated") << entity.singular
                                << sourcedId << "for application" << request.caller.applicationId;
            http::Response response = readObject(request.read, entity, sourcedId, request.http);
            response.status = *created ? 201 : 200;
            return response;
        });
}

void addDelete(Provider &provider, http::Router &router, Version version, const QString &pattern,
               EntityGetter entity)
{
    provider.addServiceRoute(
        router, "DELETE", version, pattern, {kDelete}, [&provider, entity](ServiceRequest &request) {
            const Entity &target = entity(request.read.version);
            const QString sourcedId = request.http.pathParameter(QStringLiteral("id"));
            auto removed = execute(request.read.db,
                                   QStringLiteral("DELETE FROM %1 WHERE district_id = ? AND "
                                                  "sourced_id = ?")
                                       .arg(target.table),
                                   {request.read.scope.districtId, sourcedId});
            if (!removed)
                return storeFailure(request.read.version, removed.error());
            if (removed->numRowsAffected() == 0)
                return statusInfo(request.read.version, 404, CodeMinor::UnknownObject,
                                  QStringLiteral("No %1 has the sourcedId \"%2\".")
                                      .arg(target.singular, sourcedId));
            provider.dataChanged();
            qCInfo(lcOneRoster) << "Deleted" << target.singular << sourcedId
                                << "for application" << request.caller.applicationId;
            return http::Response::noContent();
        });
}

// A 1.2 POST that creates several objects under a parent, such as POST
// /classes/{id}/lineItems; the parent's sourced id goes into parentField. Answers 201 with
// the supplied and allocated sourced id of each.
void addPost(Provider &provider, http::Router &router, const QString &pattern,
             const WriteRules &rules, const Parent &parent, const QString &parentField)
{
    provider.addServiceRoute(
        router, "POST", Version::V1p2, pattern, {kWrite},
        [&provider, rules, parent, parentField](ServiceRequest &request) {
            const Version version = request.read.version;
            if (auto missing = missingParent(request, {parent}))
                return *missing;
            const Entity &entity = rules.entity(version);
            auto body = bodyObject(request, entity.plural);
            if (auto *response = std::get_if<http::Response>(&body))
                return *response;
            const QJsonValue listValue = std::get<QJsonObject>(body).value(entity.plural);
            if (!listValue.isArray())
                return invalidData(version, QStringLiteral("\"%1\" must be an array.")
                                                .arg(entity.plural));
            const QString parentId = request.http.pathParameter(parent.parameter);
            const QJsonArray list = listValue.toArray();

            // Every object is checked before any is stored, so one response lists every problem.
            QList<Problem> problems;
            QList<std::pair<QString, ColumnValues>> checked;
            for (qsizetype i = 0; i < list.size(); ++i) {
                const QString prefix = QStringLiteral("%1[%2].").arg(entity.plural).arg(i);
                QJsonObject object = list.at(i).toObject();
                object.insert(parentField, QJsonObject{{QStringLiteral("sourcedId"), parentId}});
                const QString sourcedId = object.value(QStringLiteral("sourcedId")).toString();
                if (sourcedId.isEmpty())
                    problems.append({prefix + QStringLiteral("sourcedId"),
                                     QStringLiteral("is required but missing.")});
                auto values = columnValues(request, rules, object, prefix, problems);
                if (auto *response = std::get_if<http::Response>(&values))
                    return *response;
                checked.append({sourcedId, std::get<ColumnValues>(values)});
            }
            if (!problems.isEmpty())
                return invalidFields(version, entity.singular, problems);

            Transaction transaction(request.read.db);
            QJsonArray pairs;
            for (const auto &[sourcedId, values] : std::as_const(checked)) {
                auto created = upsert(request, entity, sourcedId, values);
                if (!created)
                    return storeFailure(version, created.error());
                pairs.append(QJsonObject{{QStringLiteral("suppliedSourcedId"), sourcedId},
                                         {QStringLiteral("allocatedSourcedId"), sourcedId}});
            }
            if (auto committed = transaction.commit(); !committed)
                return storeFailure(version, committed.error());
            provider.dataChanged();
            qCInfo(lcOneRoster) << "Stored" << list.size() << entity.plural << "under"
                                << parentId << "for application" << request.caller.applicationId;
            return http::Response::json(QJsonObject{{QStringLiteral("sourcedIdPairs"), pairs}},
                                        201);
        });
    router.setBodyLimit("POST", pattern, kMaxBodyBytes);
}

const QString kResultsOfClass = QStringLiteral(
    "t.line_item_sourced_id IN (SELECT li.sourced_id FROM gradebook_line_items li "
    "WHERE li.district_id = t.district_id AND li.class_sourced_id = ?)");

} // namespace

void registerGradebookRoutes(Provider &provider, http::Router &router, Version version)
{
    const QString root = serviceRoot(version, QStringLiteral("gradebook"));
    const bool v1p2 = version == Version::V1p2;
    const QStringList read = v1p2 ? QStringList{kRead, kCoreRead} : QStringList{kRead};
    const QStringList relationRead{kRead};
    const QString id = QStringLiteral("id");
    const Parent classParent{id, classesEntity};

    addCollectionRoutes(provider, router, version, root + QStringLiteral("/categories"),
                        categoriesEntity, read);
    addCollectionRoutes(provider, router, version, root + QStringLiteral("/lineItems"),
                        lineItemsEntity, read);
    addCollectionRoutes(provider, router, version, root + QStringLiteral("/results"),
                        resultsEntity, read);
    if (v1p2)
        addCollectionRoutes(provider, router, version, root + QStringLiteral("/scoreScales"),
                            scoreScalesEntity, read);

    addRelationshipRoute(provider, router, version, root + QStringLiteral("/classes/{id}/lineItems"),
                         relationRead, {classParent}, lineItemsEntity,
                         QStringLiteral("t.class_sourced_id = ?"), {id});
    addRelationshipRoute(provider, router, version, root + QStringLiteral("/classes/{id}/results"),
                         relationRead, {classParent}, resultsEntity, kResultsOfClass, {id});
    addRelationshipRoute(provider, router, version,
                         root + QStringLiteral("/classes/{id}/lineItems/{lineItemId}/results"),
                         relationRead,
                         {classParent, {QStringLiteral("lineItemId"), lineItemsEntity}},
                         resultsEntity,
                         kResultsOfClass + QStringLiteral(" AND t.line_item_sourced_id = ?"),
                         {id, QStringLiteral("lineItemId")});
    addRelationshipRoute(provider, router, version,
                         root + QStringLiteral("/classes/{id}/students/{studentId}/results"),
                         relationRead,
                         {classParent, {QStringLiteral("studentId"), studentsEntity}},
                         resultsEntity,
                         kResultsOfClass + QStringLiteral(" AND t.student_sourced_id = ?"),
                         {id, QStringLiteral("studentId")});
    if (v1p2) {
        addRelationshipRoute(provider, router, version,
                             root + QStringLiteral("/classes/{id}/categories"), relationRead,
                             {classParent}, categoriesEntity,
                             QStringLiteral("t.class_sourced_id = ?"), {id});
        addRelationshipRoute(provider, router, version,
                             root + QStringLiteral("/classes/{id}/scoreScales"), relationRead,
                             {classParent}, scoreScalesEntity,
                             QStringLiteral("t.class_sourced_id = ?"), {id});
        addRelationshipRoute(provider, router, version,
                             root + QStringLiteral("/schools/{id}/lineItems"), relationRead,
                             {{id, schoolsEntity}}, lineItemsEntity,
                             QStringLiteral("t.school_sourced_id = ?"), {id});
        addRelationshipRoute(provider, router, version,
                             root + QStringLiteral("/schools/{id}/scoreScales"), relationRead,
                             {{id, schoolsEntity}}, scoreScalesEntity,
                             QStringLiteral("t.class_sourced_id IN (SELECT c.sourced_id FROM "
                                            "classes c WHERE c.district_id = t.district_id AND "
                                            "c.school_sourced_id = ?)"),
                             {id});
    }

    const WriteRules categories{categoriesEntity, {QStringLiteral("title")}, {}};
    QStringList lineItemRequired{QStringLiteral("title"), QStringLiteral("class")};
    if (!v1p2)
        lineItemRequired += {QStringLiteral("assignDate"), QStringLiteral("dueDate"),
                             QStringLiteral("category")};
    const WriteRules lineItems{lineItemsEntity,
                               lineItemRequired,
                               {{QStringLiteral("class"), classesEntity},
                                {QStringLiteral("category"), categoriesEntity},
                                {QStringLiteral("gradingPeriod"), academicSessionsEntity},
                                {QStringLiteral("school"), schoolsEntity},
                                {QStringLiteral("scoreScale"), scoreScalesEntity}}};
    const WriteRules results{resultsEntity,
                             {QStringLiteral("lineItem"), QStringLiteral("student"),
                              QStringLiteral("scoreStatus")},
                             {{QStringLiteral("lineItem"), lineItemsEntity},
                              {QStringLiteral("student"), usersEntity},
                              {QStringLiteral("class"), classesEntity},
                              {QStringLiteral("scoreScale"), scoreScalesEntity}}};
    const WriteRules scoreScales{scoreScalesEntity,
                                 {QStringLiteral("title")},
                                 {{QStringLiteral("class"), classesEntity},
                                  {QStringLiteral("course"), coursesEntity}}};

    addPut(provider, router, version, root + QStringLiteral("/categories/{id}"), categories);
    addPut(provider, router, version, root + QStringLiteral("/lineItems/{id}"), lineItems);
    addPut(provider, router, version, root + QStringLiteral("/results/{id}"), results);
    addDelete(provider, router, version, root + QStringLiteral("/categories/{id}"), categoriesEntity);
    addDelete(provider, router, version, root + QStringLiteral("/lineItems/{id}"), lineItemsEntity);
    addDelete(provider, router, version, root + QStringLiteral("/results/{id}"), resultsEntity);
    if (v1p2) {
        addPut(provider, router, version, root + QStringLiteral("/scoreScales/{id}"), scoreScales);
        addDelete(provider, router, version, root + QStringLiteral("/scoreScales/{id}"),
                  scoreScalesEntity);
        addPost(provider, router, root + QStringLiteral("/classes/{id}/lineItems"), lineItems,
                classParent, QStringLiteral("class"));
        addPost(provider, router, root + QStringLiteral("/schools/{id}/lineItems"), lineItems,
                {id, schoolsEntity}, QStringLiteral("school"));
        addPost(provider, router, root + QStringLiteral("/lineItems/{id}/results"), results,
                {id, lineItemsEntity}, QStringLiteral("lineItem"));
    }
}

} // namespace hub::oneroster
