// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "restconnector.h"

#include "connectors/bundlewriter.h"
#include "connectors/onerosterclient.h"
#include "core/logging.h"
#include "core/messagetext.h"
#include "outbound/reports.h"
#include "runs/runrecorder.h"
#include "store/store.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrlQuery>

namespace hub::connectors {

namespace {

const QStringList kAuthTypes = {QStringLiteral("oauth2-client-credentials"),
                                QStringLiteral("api-key-header"), QStringLiteral("basic"),
                                QStringLiteral("none")};
const QStringList kPaginationStyles = {QStringLiteral("offset"), QStringLiteral("page"),
                                       QStringLiteral("cursor"), QStringLiteral("link"),
                                       QStringLiteral("none")};
const QStringList kRosterTargets = {QStringLiteral("orgs"),    QStringLiteral("academicSessions"),
                                    QStringLiteral("courses"), QStringLiteral("classes"),
                                    QStringLiteral("users"),   QStringLiteral("enrollments"),
                                    QStringLiteral("demographics")};
const QString kAssessmentTarget = QStringLiteral("assessment_results");
const QStringList kAssessmentColumns
    = {QStringLiteral("student_sourced_id"), QStringLiteral("school_year"),
       QStringLiteral("assessment"),         QStringLiteral("subject"),
       QStringLiteral("test_date"),          QStringLiteral("scale_score"),
       QStringLiteral("performance_level")};
const QStringList kValueTypes
    = {QStringLiteral("text"),    QStringLiteral("integer"), QStringLiteral("number"),
       QStringLiteral("boolean"), QStringLiteral("date"),    QStringLiteral("datetime")};

// Bounds the pages of one endpoint, so a vendor that never ends a collection cannot keep a run
// going forever.
constexpr qint64 kMaxPages = 100000;
// The run log lists this many mapping errors; the count covers all of them.
constexpr qsizetype kMaxLoggedErrors = 50;

QString shortValue(const QJsonValue &value)
{
    QString text;
    if (value.isString())
        text = value.toString();
    else if (value.isObject() || value.isArray())
        text = QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant())
                                     .toJson(QJsonDocument::Compact));
    else if (value.isNull() || value.isUndefined())
        text = QStringLiteral("null");
    else
        text = value.toVariant().toString();
    return text.size() > 80 ? text.left(77) + QStringLiteral("...") : text;
}

runs::PhaseCounts countsOf(const TransferStats &stats)
{
    runs::PhaseCounts counts;
    counts.rowsRead = stats.records;
    counts.rowsWritten = stats.records;
    counts.bytes = stats.bytes;
    counts.requests = stats.requests;
    counts.pages = stats.pages;
    counts.retries = stats.retries;
    return counts;
}

QString textOf(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

// Logs the first mapping errors and returns the failure that ends the Map phase.
Error mappingFailed(runs::RunRecorder &recorder, const QStringList &errors, const QString &what)
{
    for (qsizetype i = 0; i < errors.size() && i < kMaxLoggedErrors; ++i)
        recorder.log(runs::LogLevel::Error, errors.at(i));
    if (errors.size() > kMaxLoggedErrors)
        recorder.log(runs::LogLevel::Error, QStringLiteral("%1 more mapping errors are not listed.")
                                                .arg(errors.size() - kMaxLoggedErrors));
    recorder.finishPhase(RunStatus::Failed);
    return failure(QStringLiteral("%1, so nothing was %2. The first: %3")
                       .arg(countOf(errors.size(), QStringLiteral("mapping error"),
                                    QStringLiteral("mapping errors")),
                            what, errors.first()));
}

} // namespace

QJsonValue valueAtPath(const QJsonObject &object, const QString &path)
{
    QJsonValue current = object;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        if (!current.isObject())
            return QJsonValue(QJsonValue::Undefined);
        current = current.toObject().value(part);
    }
    return current;
}

Result<QVariant> convertMappedValue(const QJsonObject &rule, const QJsonValue &raw)
{
    QJsonValue value = raw;
    const QJsonObject values = rule.value(QStringLiteral("values")).toObject();
    const bool empty = value.isNull() || value.isUndefined()
                       || (value.isString() && value.toString().trimmed().isEmpty());
    if (empty) {
        if (rule.value(QStringLiteral("required")).toBool())
            return failure(QStringLiteral("a value is required"));
        return QVariant();
    }
    if (!values.isEmpty()) {
        const QString key = value.isString() ? value.toString() : value.toVariant().toString();
        if (!values.contains(key)) {
            return failure(QStringLiteral("the value is not one of %1")
                               .arg(values.keys().join(QStringLiteral(", "))));
        }
        value = values.value(key);
    }

    const QString type = rule.value(QStringLiteral("type")).toString(QStringLiteral("text"));
    if (type == QLatin1String("text")) {
        if (value.isObject() || value.isArray())
            return failure(QStringLiteral("an object or list is not text"));
        if (value.isBool())
            return QVariant(value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        if (value.isDouble())
            return QVariant(QString::number(value.toDouble(), 'g', 15));
        return QVariant(value.toString());
    }
    if (type == QLatin1String("integer") || type == QLatin1String("number")) {
        bool ok = value.isDouble();
        double number = value.toDouble();
        if (value.isString())
            number = value.toString().trimmed().toDouble(&ok);
        if (!ok)
            return failure(QStringLiteral("it is not a number"));
        if (type == QLatin1String("integer")) {
            if (number != double(qint64(number)))
                return failure(QStringLiteral("it is not a whole number"));
            return QVariant(qint64(number));
        }
        return QVariant(number);
    }
    if (type == QLatin1String("boolean")) {
        if (value.isBool())
            return QVariant(value.toBool());
        const QString text = value.toVariant().toString().trimmed().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("1")
            || text == QLatin1String("yes"))
            return QVariant(true);
        if (text == QLatin1String("false") || text == QLatin1String("0")
            || text == QLatin1String("no"))
            return QVariant(false);
        return failure(QStringLiteral("it is not true or false"));
    }
    const QString text = value.toString().trimmed();
    if (type == QLatin1String("date")) {
        const QString format = rule.value(QStringLiteral("format")).toString();
        const QDate date = format.isEmpty() ? QDate::fromString(text, Qt::ISODate)
                                            : QDate::fromString(text, format);
        if (!date.isValid() || (format.isEmpty() && text.size() != 10))
            return failure(format.isEmpty()
                               ? QStringLiteral("it is not a date in the form YYYY-MM-DD; declare "
                                                "the vendor's date format in the mapping")
                               : QStringLiteral("it is not a date in the form %1").arg(format));
        return QVariant(date.toString(Qt::ISODate));
    }
    // datetime: ISO 8601 with a time zone, stored in UTC.
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime)
        return failure(QStringLiteral("it is not an ISO 8601 date and time with a time zone"));
    return QVariant(time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")));
}

Result<void> checkRestDefinition(const QJsonObject &definition)
{
    const QJsonObject auth = definition.value(QStringLiteral("auth")).toObject();
    const QString authType = auth.value(QStringLiteral("type")).toString();
    if (!kAuthTypes.contains(authType))
        return failure(QStringLiteral("auth.type must be one of %1.")
                           .arg(kAuthTypes.join(QStringLiteral(", "))));
    if (authType == QLatin1String("api-key-header")
        && auth.value(QStringLiteral("header")).toString().isEmpty())
        return failure(QStringLiteral("auth.header names the API key header; it is missing."));
    const QString style = definition.value(QStringLiteral("pagination"))
                              .toObject()
                              .value(QStringLiteral("style"))
                              .toString(QStringLiteral("none"));
    if (!kPaginationStyles.contains(style))
        return failure(QStringLiteral("pagination.style must be one of %1.")
                           .arg(kPaginationStyles.join(QStringLiteral(", "))));

    const bool push = definition.value(QStringLiteral("direction")).toString()
                      == QLatin1String("push");
    const QJsonArray endpoints = definition.value(QStringLiteral("endpoints")).toArray();
    if (endpoints.isEmpty())
        return failure(QStringLiteral("endpoints lists no endpoint."));
    for (qsizetype i = 0; i < endpoints.size(); ++i) {
        const QJsonObject endpoint = endpoints.at(i).toObject();
        const QString where = QStringLiteral("endpoints[%1]").arg(i);
        if (endpoint.value(QStringLiteral("path")).toString().isEmpty())
            return failure(QStringLiteral("%1.path is missing.").arg(where));
        const QJsonObject mapping = endpoint.value(QStringLiteral("mapping")).toObject();
        if (mapping.isEmpty())
            return failure(QStringLiteral("%1.mapping is empty.").arg(where));
        for (auto it = mapping.begin(); it != mapping.end(); ++it) {
            const QJsonObject rule = it.value().toObject();
            const QString type = rule.value(QStringLiteral("type")).toString(QStringLiteral("text"));
            if (!kValueTypes.contains(type))
                return failure(QStringLiteral("%1.mapping.%2.type must be one of %3.")
                                   .arg(where, it.key(), kValueTypes.join(QStringLiteral(", "))));
            const QString source = push ? QStringLiteral("column") : QStringLiteral("field");
            if (rule.value(source).toString().isEmpty() && !rule.contains(QStringLiteral("constant")))
                return failure(QStringLiteral("%1.mapping.%2 needs a %3 or a constant.")
                                   .arg(where, it.key(), source));
        }
        if (push) {
            const QString report = endpoint.value(QStringLiteral("report")).toString();
            if (!outbound::reportForOutput(report))
                return failure(QStringLiteral("%1.report \"%2\" is not an outbound report.")
                                   .arg(where, report));
            continue;
        }
        const QString target = endpoint.value(QStringLiteral("target")).toString();
        if (target == kAssessmentTarget) {
            for (auto it = mapping.begin(); it != mapping.end(); ++it) {
                if (!kAssessmentColumns.contains(it.key()))
                    return failure(QStringLiteral("%1.mapping.%2 is not a column of "
                                                  "assessment_results.")
                                       .arg(where, it.key()));
            }
        } else if (!kRosterTargets.contains(target)) {
            return failure(QStringLiteral("%1.target must be %2 or one of %3.")
                               .arg(where, kAssessmentTarget,
                                    kRosterTargets.join(QStringLiteral(", "))));
        }
    }
    return {};
}

RestConnector::RestConnector(const ConnectorDescription &description, const QJsonObject &settings)
    : m_description(description)
    , m_settings(settings)
{
    const QJsonObject auth = description.definition.value(QStringLiteral("auth")).toObject();
    const QString type = auth.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("oauth2-client-credentials")) {
        m_auth.kind = ApiAuth::Kind::OAuth2ClientCredentials;
        const QString tokenUrl = settings.value(QStringLiteral("tokenUrl")).toString();
        m_auth.tokenUrl = tokenUrl.isEmpty()
                              ? endpointUrl(auth.value(QStringLiteral("tokenPath")).toString())
                              : QUrl(tokenUrl);
        m_auth.clientId = settings.value(QStringLiteral("clientId")).toString();
        m_auth.clientSecret = settings.value(QStringLiteral("clientSecret")).toString();
        m_auth.scope = settings.value(QStringLiteral("scope"))
                           .toString(auth.value(QStringLiteral("scope")).toString());
    } else if (type == QLatin1String("api-key-header")) {
        m_auth.kind = ApiAuth::Kind::ApiKeyHeader;
        m_auth.headerName = auth.value(QStringLiteral("header")).toString();
        m_auth.apiKey = settings.value(QStringLiteral("apiKey")).toString();
    } else if (type == QLatin1String("basic")) {
        m_auth.kind = ApiAuth::Kind::Basic;
        m_auth.username = settings.value(QStringLiteral("username")).toString();
        m_auth.password = settings.value(QStringLiteral("password")).toString();
    }
    m_limits = retryLimitsFromSettings(settings);
    m_pageSize = settings.value(QStringLiteral("pageSize"))
                     .toInt(description.definition.value(QStringLiteral("pagination"))
                                .toObject()
                                .value(QStringLiteral("pageSize"))
                                .toInt(100));
}

QUrl RestConnector::endpointUrl(const QString &path) const
{
    QString base = m_settings.value(QStringLiteral("baseUrl")).toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + (path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path));
}

TestOutcome RestConnector::testConnection()
{
    ApiClient client(m_auth, m_limits);
    if (auto token = client.authenticate(); !token)
        return {false, token.error()};
    QString path = m_description.definition.value(QStringLiteral("testPath")).toString();
    const QJsonArray endpoints = m_description.definition.value(QStringLiteral("endpoints")).toArray();
    if (path.isEmpty() && m_description.direction == QLatin1String("pull"))
        path = endpoints.first().toObject().value(QStringLiteral("path")).toString();
    if (path.isEmpty())
        return {true, QStringLiteral("Signed in to %1; the description names no path to read, so "
                                     "nothing else was checked.")
                          .arg(endpointUrl(QString()).toString())};
    auto reply = client.send("GET", endpointUrl(path));
    if (!reply)
        return {false, reply.error()};
    return {true, QStringLiteral("Signed in and read %1 (HTTP %2).")
                      .arg(endpointUrl(path).toString())
                      .arg(reply->status)};
}

Result<RunOutcome> RestConnector::run(const RunEnvironment &environment)
{
    return m_description.direction == QLatin1String("push") ? push(environment)
                                                            : pull(environment);
}

Result<QList<QJsonObject>> RestConnector::fetchEndpoint(ApiClient &client,
                                                        const QJsonObject &endpoint,
                                                        const RunEnvironment &environment,
                                                        TransferStats &stats)
{
    const QJsonObject pagination
        = m_description.definition.value(QStringLiteral("pagination")).toObject();
    const QString style = pagination.value(QStringLiteral("style")).toString(QStringLiteral("none"));
    const QString sizeParam = pagination.value(QStringLiteral("sizeParam")).toString();
    const QString recordsField = endpoint.value(QStringLiteral("recordsField")).toString();
    const QString totalField = pagination.value(QStringLiteral("totalField")).toString();
    const QByteArray totalHeader
        = pagination.value(QStringLiteral("totalHeader")).toString().toLatin1();
    const QUrl base = endpointUrl(endpoint.value(QStringLiteral("path")).toString());

    qint64 offset = 0;
    qint64 page = pagination.value(QStringLiteral("firstPage")).toInt(1);
    QString cursor;
    QUrl next;
    const auto urlFor = [&] {
        QUrlQuery query(base);
        if (!sizeParam.isEmpty() && style != QLatin1String("none"))
            query.addQueryItem(sizeParam, QString::number(m_pageSize));
        if (style == QLatin1String("offset"))
            query.addQueryItem(pagination.value(QStringLiteral("offsetParam"))
                                   .toString(QStringLiteral("offset")),
                               QString::number(offset));
        else if (style == QLatin1String("page"))
            query.addQueryItem(pagination.value(QStringLiteral("pageParam"))
                                   .toString(QStringLiteral("page")),
                               QString::number(page));
        else if (style == QLatin1String("cursor") && !cursor.isEmpty())
            query.addQueryItem(pagination.value(QStringLiteral("cursorParam"))
                                   .toString(QStringLiteral("cursor")),
                               cursor);
        QUrl url = base;
        url.setQuery(query);
        return url;
    };

    QList<QJsonObject> records;
    QUrl url = urlFor();
    for (qint64 pages = 0; !url.isEmpty(); ++pages) {
        if (pages >= kMaxPages)
            return failure(QStringLiteral("%1 returned more than %2 pages; the pull stopped.")
                               .arg(base.toString())
                               .arg(kMaxPages));
        if (environment.recorder->cancelRequested())
            return failure(QStringLiteral("Cancelled by request while reading %1.")
                               .arg(base.toString()));
        auto reply = client.send("GET", url);
        if (!reply)
            return failure(reply.error());
        ++stats.pages;
        const QJsonDocument document = QJsonDocument::fromJson(reply->body);
        const QJsonValue items = recordsField.isEmpty()
                                     ? (document.isArray() ? QJsonValue(document.array())
                                                           : QJsonValue())
                                     : valueAtPath(document.object(), recordsField);
        if (!items.isArray())
            return failure(QStringLiteral("%1 returned no record list at \"%2\"; check the "
                                          "endpoint's recordsField.")
                               .arg(url.toString(),
                                    recordsField.isEmpty() ? QStringLiteral("(the body)")
                                                           : recordsField));
        const QJsonArray array = items.toArray();
        for (const QJsonValue &item : array)
            records.append(item.toObject());

        qint64 total = -1;
        if (!totalField.isEmpty())
            total = valueAtPath(document.object(), totalField).toInteger(-1);
        else if (!totalHeader.isEmpty())
            total = reply->header(totalHeader.toLower()).toLongLong();
        const bool fullPage = array.size() >= m_pageSize;
        offset += array.size();
        ++page;
        if (style == QLatin1String("offset") || style == QLatin1String("page")) {
            const bool more = total >= 0 ? (offset < total && !array.isEmpty()) : fullPage;
            url = more ? urlFor() : QUrl();
        } else if (style == QLatin1String("cursor")) {
            cursor = valueAtPath(document.object(),
                                 pagination.value(QStringLiteral("cursorField")).toString())
                         .toVariant()
                         .toString();
            url = cursor.isEmpty() || array.isEmpty() ? QUrl() : urlFor();
        } else if (style == QLatin1String("link")) {
            url = nextLink(reply->header("link"), url);
        } else {
            url = QUrl();
        }
    }
    stats.records += records.size();
    return records;
}

Result<RunOutcome> RestConnector::pull(const RunEnvironment &environment)
{
    runs::RunRecorder &recorder = *environment.recorder;
    const QJsonArray endpoints = m_description.definition.value(QStringLiteral("endpoints")).toArray();

    recorder.startPhase(QStringLiteral("Fetch"));
    ApiClient client(m_auth, m_limits);
    client.setLog([&recorder](bool warning, const QString &message) {
        recorder.log(warning ? runs::LogLevel::Warning : runs::LogLevel::Info, message);
    });
    client.setCancelCheck([&recorder] { return recorder.cancelRequested(); });
    TransferStats stats;
    QList<QList<QJsonObject>> fetched;
    for (const QJsonValue &value : endpoints) {
        const QJsonObject endpoint = value.toObject();
        auto records = fetchEndpoint(client, endpoint, environment, stats);
        if (!records) {
            stats.requests = client.stats().requests;
            stats.retries = client.stats().retries;
            stats.bytes = client.stats().bytes;
            recorder.log(runs::LogLevel::Error, records.error());
            recorder.finishPhase(RunStatus::Failed, countsOf(stats));
            return failure(records.error());
        }
        recorder.log(runs::LogLevel::Info,
                     QStringLiteral("Read %1 records from %2.")
                         .arg(records->size())
                         .arg(endpoint.value(QStringLiteral("name")).toString()));
        fetched.append(*records);
    }
    stats.requests = client.stats().requests;
    stats.retries = client.stats().retries;
    stats.bytes = client.stats().bytes;
    recorder.finishPhase(RunStatus::Succeeded, countsOf(stats));

    recorder.startPhase(QStringLiteral("Map"));
    const QString loadTime
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    QStringList errors;
    QMap<QString, QList<QJsonObject>> rosterRecords;
    QList<QVariantMap> assessmentRows;
    for (qsizetype e = 0; e < endpoints.size(); ++e) {
        const QJsonObject endpoint = endpoints.at(e).toObject();
        const QString name = endpoint.value(QStringLiteral("name")).toString();
        const QString target = endpoint.value(QStringLiteral("target")).toString();
        const QJsonObject mapping = endpoint.value(QStringLiteral("mapping")).toObject();
        const QList<QJsonObject> &records = fetched.at(e);
        for (qsizetype r = 0; r < records.size(); ++r) {
            QVariantMap row;
            for (auto it = mapping.begin(); it != mapping.end(); ++it) {
                const QJsonObject rule = it.value().toObject();
                const QString field = rule.value(QStringLiteral("field")).toString();
                const QJsonValue raw = rule.contains(QStringLiteral("constant"))
                                           ? rule.value(QStringLiteral("constant"))
                                           : valueAtPath(records.at(r), field);
                auto converted = convertMappedValue(rule, raw);
                if (!converted) {
                    errors.append(QStringLiteral("%1 record %2, vendor field %3, value \"%4\": %5 "
                                                 "(for %6).")
                                      .arg(name)
                                      .arg(r + 1)
                                      .arg(field, shortValue(raw), converted.error(), it.key()));
                    continue;
                }
                row.insert(it.key(), *converted);
            }
            if (target == kAssessmentTarget) {
                if (!row.value(QStringLiteral("school_year")).isValid()
                    || row.value(QStringLiteral("school_year")).isNull())
                    row.insert(QStringLiteral("school_year"), environment.schoolYear);
                assessmentRows.append(row);
            } else {
                // Every row of a delta file gives its status and dateLastModified, so a mapping
                // without them stores the record as active and modified now.
                QJsonObject record{{QStringLiteral("status"), QStringLiteral("active")},
                                   {QStringLiteral("dateLastModified"), loadTime}};
                for (auto it = row.cbegin(); it != row.cend(); ++it) {
                    if (!it.value().isNull())
                        record.insert(it.key(), textOf(it.value()));
                }
                rosterRecords[target].append(record);
            }
        }
    }
    if (!errors.isEmpty())
        return mappingFailed(recorder, errors, QStringLiteral("loaded"));

    qint64 loaded = 0;
    if (!rosterRecords.isEmpty()) {
        const QString folder = QDir(environment.workDir).filePath(QStringLiteral("bundle"));
        BundleWriter writer(folder, 11, BundleWriter::Mode::Delta);
        for (auto it = rosterRecords.cbegin(); it != rosterRecords.cend(); ++it)
            writer.addRecords(it.key(), it.value());
        if (auto written = writer.finish(); !written) {
            recorder.log(runs::LogLevel::Error, written.error());
            recorder.finishPhase(RunStatus::Failed);
            return failure(written.error());
        }
        // Validation ends the Map phase; Load stores the delta bundle.
        auto rows = loadBundle(environment, folder);
        if (!rows)
            return failure(rows.error());
        loaded += *rows;
    } else {
        runs::PhaseCounts mapped;
        mapped.rowsRead = mapped.rowsWritten = assessmentRows.size();
        recorder.finishPhase(RunStatus::Succeeded, mapped);
    }

    if (!assessmentRows.isEmpty()) {
        recorder.startPhase(QStringLiteral("Load"));
        Transaction transaction(environment.db);
        QSqlQuery upsert(environment.db);
        upsert.prepare(QStringLiteral(
            "INSERT INTO assessment_results(district_id, student_sourced_id, school_year, "
            "assessment, subject, test_date, scale_score, performance_level) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            // A vendor result has no test session, so completion_date and duration_minutes
            // keep their defaults ('' and 0), which are part of the result's key.
            "ON CONFLICT (district_id, student_sourced_id, assessment, subject, test_date, "
            "completion_date, duration_minutes) "
            "DO UPDATE SET school_year = excluded.school_year, "
            "scale_score = excluded.scale_score, performance_level = excluded.performance_level"));
        for (const QVariantMap &row : std::as_const(assessmentRows)) {
            upsert.addBindValue(environment.districtId);
            for (const QString &column : kAssessmentColumns)
                upsert.addBindValue(row.value(column));
            if (!upsert.exec()) {
                const QString message = QStringLiteral("Cannot store the assessment result of "
                                                       "student %1: %2")
                                            .arg(row.value(QStringLiteral("student_sourced_id"))
                                                     .toString(),
                                                 upsert.lastError().text());
                recorder.log(runs::LogLevel::Error, message);
                recorder.finishPhase(RunStatus::Failed);
                return failure(message);
            }
        }
        if (auto committed = transaction.commit(); !committed) {
            recorder.log(runs::LogLevel::Error, committed.error());
            recorder.finishPhase(RunStatus::Failed);
            return failure(committed.error());
        }
        runs::PhaseCounts counts;
        counts.rowsRead = counts.rowsWritten = assessmentRows.size();
        recorder.log(runs::LogLevel::Info,
                     QStringLiteral("Stored %1 assessment results.").arg(assessmentRows.size()));
        recorder.finishPhase(RunStatus::Succeeded, counts);
        loaded += assessmentRows.size();
    }
    return RunOutcome{QStringLiteral("%1 records read in %2 requests, %3 rows loaded.")
                          .arg(stats.records)
                          .arg(stats.requests)
                          .arg(loaded),
                      {}};
}

Result<RunOutcome> RestConnector::push(const RunEnvironment &environment)
{
    runs::RunRecorder &recorder = *environment.recorder;
    const QJsonArray endpoints = m_description.definition.value(QStringLiteral("endpoints")).toArray();

    recorder.startPhase(QStringLiteral("Query"));
    QList<QList<QVariantMap>> reportRows;
    runs::PhaseCounts queried;
    for (const QJsonValue &value : endpoints) {
        const QString key = value.toObject().value(QStringLiteral("report")).toString();
        const auto report = outbound::reportForOutput(key);
        const bool postgres = environment.db.driverName() == QLatin1String("QPSQL");
        auto query = execute(environment.db, report->sqlFor(postgres),
                             report->bindings(environment.districtId, environment.schoolYear));
        if (!query) {
            recorder.log(runs::LogLevel::Error, query.error());
            recorder.finishPhase(RunStatus::Failed);
            return failure(query.error());
        }
        QList<QVariantMap> rows;
        while (query->next()) {
            QVariantMap row;
            for (qsizetype c = 0; c < report->columns.size(); ++c)
                row.insert(report->columns.at(c), query->value(int(c)));
            rows.append(row);
        }
        recorder.log(runs::LogLevel::Info, QStringLiteral("%1 rows of %2 for school year %3.")
                                               .arg(rows.size())
                                               .arg(key)
                                               .arg(environment.schoolYear));
        queried.rowsRead += rows.size();
        reportRows.append(rows);
    }
    queried.rowsWritten = queried.rowsRead;
    recorder.finishPhase(RunStatus::Succeeded, queried);

    recorder.startPhase(QStringLiteral("Map"));
    QStringList errors;
    QList<QJsonArray> mapped;
    for (qsizetype e = 0; e < endpoints.size(); ++e) {
        const QJsonObject endpoint = endpoints.at(e).toObject();
        const QJsonObject mapping = endpoint.value(QStringLiteral("mapping")).toObject();
        QJsonArray out;
        const QList<QVariantMap> &rows = reportRows.at(e);
        for (qsizetype r = 0; r < rows.size(); ++r) {
            QJsonObject record;
            for (auto it = mapping.begin(); it != mapping.end(); ++it) {
                const QJsonObject rule = it.value().toObject();
                const QString column = rule.value(QStringLiteral("column")).toString();
                const QJsonValue raw = rule.contains(QStringLiteral("constant"))
                                           ? rule.value(QStringLiteral("constant"))
                                           : QJsonValue::fromVariant(rows.at(r).value(column));
                auto converted = convertMappedValue(rule, raw);
                if (!converted) {
                    errors.append(QStringLiteral("%1 row %2, column %3, value \"%4\": %5 (for "
                                                 "vendor field %6).")
                                      .arg(endpoint.value(QStringLiteral("report")).toString())
                                      .arg(r + 1)
                                      .arg(column, shortValue(raw), converted.error(), it.key()));
                    continue;
                }
                record.insert(it.key(), QJsonValue::fromVariant(*converted));
            }
            out.append(record);
        }
        mapped.append(out);
    }
    if (!errors.isEmpty())
        return mappingFailed(recorder, errors, QStringLiteral("sent"));
    recorder.finishPhase(RunStatus::Succeeded, queried);

    recorder.startPhase(QStringLiteral("Send"));
    ApiClient client(m_auth, m_limits);
    client.setLog([&recorder](bool warning, const QString &message) {
        recorder.log(warning ? runs::LogLevel::Warning : runs::LogLevel::Info, message);
    });
    client.setCancelCheck([&recorder] { return recorder.cancelRequested(); });
    TransferStats stats;
    for (qsizetype e = 0; e < endpoints.size(); ++e) {
        const QJsonObject endpoint = endpoints.at(e).toObject();
        const int batchSize = std::max(1, endpoint.value(QStringLiteral("batchSize")).toInt(100));
        const QString batchField = endpoint.value(QStringLiteral("batchField")).toString();
        const QByteArray method
            = endpoint.value(QStringLiteral("method")).toString(QStringLiteral("POST")).toLatin1();
        const QUrl url = endpointUrl(endpoint.value(QStringLiteral("path")).toString());
        const QJsonArray &records = mapped.at(e);
        for (qsizetype start = 0; start < records.size(); start += batchSize) {
            if (recorder.cancelRequested()) {
                recorder.finishPhase(RunStatus::Cancelled, countsOf(stats));
                return RunOutcome{QStringLiteral("Cancelled by request after %1 records were sent.")
                                      .arg(stats.records),
                                  {}, true};
            }
            QJsonArray batch;
            for (qsizetype i = start; i < records.size() && i < start + batchSize; ++i)
                batch.append(records.at(i));
            const QJsonDocument body = batchField.isEmpty()
                                           ? QJsonDocument(batch)
                                           : QJsonDocument(QJsonObject{{batchField, batch}});
            auto sent = client.send(method, url, body.toJson(QJsonDocument::Compact),
                                    "application/json");
            if (!sent) {
                recorder.log(runs::LogLevel::Error, sent.error());
                stats.requests = client.stats().requests;
                stats.retries = client.stats().retries;
                recorder.finishPhase(RunStatus::Failed, countsOf(stats));
                return failure(QStringLiteral("%1 (%2 of %3 records were sent before).")
                                   .arg(sent.error())
                                   .arg(stats.records)
                                   .arg(records.size()));
            }
            ++stats.pages;
            stats.records += batch.size();
        }
        recorder.log(runs::LogLevel::Info, QStringLiteral("Sent %1 records to %2.")
                                               .arg(records.size())
                                               .arg(url.toString()));
    }
    stats.requests = client.stats().requests;
    stats.retries = client.stats().retries;
    stats.bytes = client.stats().bytes;
    recorder.finishPhase(RunStatus::Succeeded, countsOf(stats));
    return RunOutcome{QStringLiteral("%1 records sent in %2 batches (%3 requests).")
                          .arg(stats.records)
                          .arg(stats.pages)
                          .arg(stats.requests),
                      {}};
}

} // namespace hub::connectors
