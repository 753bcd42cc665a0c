// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "bundlewriter.h"

#include "core/logging.h"
#include "core/messagetext.h"
#include "inbound/onerosterbundle.h"
#include "inbound/onerosterschema.h"
#include "runs/runrecorder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSaveFile>

namespace hub::connectors {

namespace {

using inbound::schema::FileSpec;

QString csvField(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"'))
        && !value.contains(QLatin1Char('\n')) && !value.contains(QLatin1Char('\r')))
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString plainValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items.append(plainValue(item));
        return items.join(QLatin1Char(','));
    }
    default:
        return {};
    }
}

// A reference is {"sourcedId": ..., "type": ...} in OneRoster REST; a bare string is read too.
QString referenceId(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject().value(QStringLiteral("sourcedId")).toString();
    return value.toString();
}

QStringList columnsOf(const FileSpec &spec, int version)
{
    QStringList columns;
    for (const auto &field : spec.fields) {
        const QString name = QLatin1String(field.name);
        // The hub never stores a plaintext password, so the bundle has no such column.
        if (field.type == inbound::schema::FieldType::Secret)
            continue;
        if (field.since <= version && version <= field.until && !columns.contains(name))
            columns.append(name);
    }
    return columns;
}

// The roles.csv rows of OneRoster 1.2 users, whose roles are a list inside each user.
QList<QJsonObject> rolesOfUsers(const QList<QJsonObject> &users)
{
    QList<QJsonObject> roles;
    for (const QJsonObject &user : users) {
        const QString userId = user.value(QStringLiteral("sourcedId")).toString();
        const QJsonArray list = user.value(QStringLiteral("roles")).toArray();
        for (const QJsonValue &item : list) {
            const QJsonObject role = item.toObject();
            const QString orgId = referenceId(role.value(QStringLiteral("org")));
            const QString roleName = role.value(QStringLiteral("role")).toString();
            const QString roleId = userId + QLatin1Char(':') + orgId + QLatin1Char(':') + roleName;
            QJsonObject row{
                {QStringLiteral("sourcedId"), roleId},
                {QStringLiteral("status"), user.value(QStringLiteral("status"))},
                {QStringLiteral("dateLastModified"), user.value(QStringLiteral("dateLastModified"))},
                {QStringLiteral("userSourcedId"), userId},
                {QStringLiteral("roleType"), role.value(QStringLiteral("roleType"))},
                {QStringLiteral("role"), roleName},
                {QStringLiteral("beginDate"), role.value(QStringLiteral("beginDate"))},
                {QStringLiteral("endDate"), role.value(QStringLiteral("endDate"))},
                {QStringLiteral("orgSourcedId"), orgId},
                {QStringLiteral("userProfileSourcedId"),
                 referenceId(role.value(QStringLiteral("userProfile")))},
            };
            roles.append(row);
        }
    }
    return roles;
}

} // namespace

BundleWriter::BundleWriter(QString folder, int version, Mode mode)
    : m_folder(std::move(folder))
    , m_version(version)
    , m_mode(mode)
{}

void BundleWriter::addRecords(const QString &fileKey, const QList<QJsonObject> &records)
{
    m_records[fileKey].append(records);
}

QString BundleWriter::csvValue(const QString &column, const QJsonObject &record)
{
    // REST and CSV names that differ beyond the reference pattern below.
    if (column == QLatin1String("userIds")) {
        QStringList ids;
        for (const QJsonValue &item : record.value(column).toArray()) {
            const QJsonObject id = item.toObject();
            ids.append(QStringLiteral("{%1:%2}").arg(id.value(QStringLiteral("type")).toString(),
                                                     id.value(QStringLiteral("identifier"))
                                                         .toString()));
        }
        return ids.join(QLatin1Char(','));
    }
    if (column == QLatin1String("preferredGivenName"))
        return plainValue(record.value(QStringLiteral("preferredFirstName")));
    if (column == QLatin1String("preferredFamilyName"))
        return plainValue(record.value(QStringLiteral("preferredLastName")));
    if (record.contains(column) && !record.value(column).isObject())
        return plainValue(record.value(column));

    // orgSourcedIds is the list "orgs", parentSourcedId the object "parent", and so on.
    if (column.endsWith(QLatin1String("SourcedIds"))) {
        const QString key = column.chopped(10) + QLatin1Char('s');
        QStringList ids;
        for (const QJsonValue &item : record.value(key).toArray())
            ids.append(referenceId(item));
        return ids.join(QLatin1Char(','));
    }
    if (column.endsWith(QLatin1String("SourcedId")))
        return referenceId(record.value(column.chopped(9)));
    return {};
}

Result<qint64> BundleWriter::finish()
{
    if (!QDir().mkpath(m_folder))
        return failure(QStringLiteral("Cannot create the folder %1.").arg(m_folder));

    QMap<QString, QList<QJsonObject>> files = m_records;
    if (m_version >= 12 && files.contains(QStringLiteral("users")))
        files.insert(QStringLiteral("roles"), rolesOfUsers(files.value(QStringLiteral("users"))));

    const QString mode = m_mode == Mode::Delta ? QStringLiteral("delta") : QStringLiteral("bulk");
    QStringList manifest{QStringLiteral("propertyName,value"),
                         QStringLiteral("manifest.version,1.0"),
                         QStringLiteral("oneroster.version,%1")
                             .arg(m_version >= 12 ? QStringLiteral("1.2") : QStringLiteral("1.1"))};
    qint64 bytes = 0;
    for (const FileSpec &spec : inbound::schema::storedFiles()) {
        const QString key = QLatin1String(spec.key);
        if (!files.contains(key)) {
            manifest.append(QStringLiteral("file.%1,absent").arg(key));
            continue;
        }
        manifest.append(QStringLiteral("file.%1,%2").arg(key, mode));
        const QStringList columns = columnsOf(spec, m_version);
        QSaveFile file(QDir(m_folder).filePath(key + QStringLiteral(".csv")));
        if (!file.open(QIODevice::WriteOnly))
            return failure(QStringLiteral("Cannot write %1: %2").arg(file.fileName(),
                                                                     file.errorString()));
        QByteArray text = columns.join(QLatin1Char(',')).toUtf8() + '\n';
        for (const QJsonObject &record : files.value(key)) {
            QStringList values;
            for (const QString &column : columns)
                values.append(csvField(csvValue(column, record)));
            text += values.join(QLatin1Char(',')).toUtf8() + '\n';
        }
        file.write(text);
        bytes += text.size();
        if (!file.commit())
            return failure(QStringLiteral("Cannot write %1: %2").arg(file.fileName(),
                                                                     file.errorString()));
    }
    QFile manifestFile(QDir(m_folder).filePath(QStringLiteral("manifest.csv")));
    if (!manifestFile.open(QIODevice::WriteOnly)
        || manifestFile.write(manifest.join(QLatin1Char('\n')).toUtf8() + '\n') < 0)
        return failure(QStringLiteral("Cannot write %1: %2")
                           .arg(manifestFile.fileName(), manifestFile.errorString()));
    return bytes;
}

Result<qint64> loadBundle(const RunEnvironment &environment, const QString &folder)
{
    runs::RunRecorder &recorder = *environment.recorder;
    const auto toCounts = [](const inbound::PhaseCounts &counts) {
        runs::PhaseCounts converted;
        converted.rowsRead = counts.rowsRead;
        converted.rowsWritten = counts.rowsWritten;
        converted.rowsRejected = counts.rowsRejected;
        converted.bytes = counts.bytes;
        return converted;
    };

    auto bundle = inbound::OneRosterBundle::open(folder, environment.workDir);
    if (!bundle) {
        recorder.log(runs::LogLevel::Error, bundle.error());
        recorder.finishPhase(RunStatus::Failed);
        return failure(bundle.error());
    }
    const QList<inbound::Issue> issues = bundle->validate(environment.db, environment.districtId);
    constexpr qsizetype maxLoggedIssues = 200;
    for (qsizetype i = 0; i < issues.size() && i < maxLoggedIssues; ++i) {
        const inbound::Issue &issue = issues.at(i);
        recorder.log(issue.severity == inbound::Issue::Severity::Error ? runs::LogLevel::Error
                                                                       : runs::LogLevel::Warning,
                     issue.toString());
    }
    if (issues.size() > maxLoggedIssues)
        recorder.log(runs::LogLevel::Warning,
                     QStringLiteral("The run log shows the first %1 of %2 findings.")
                         .arg(maxLoggedIssues)
                         .arg(issues.size()));
    if (bundle->errorCount() > 0) {
        const QString message = QStringLiteral("The records failed validation with %1; nothing "
                                               "was loaded.")
                                    .arg(countOf(bundle->errorCount(), QStringLiteral("error"),
                                                 QStringLiteral("errors")));
        recorder.finishPhase(RunStatus::Failed, toCounts(bundle->validateCounts()));
        return failure(message);
    }
    recorder.finishPhase(RunStatus::Succeeded, toCounts(bundle->validateCounts()));

    if (recorder.cancelRequested())
        return failure(QStringLiteral("Cancelled by request before the Load phase; nothing was "
                                      "loaded."));
    recorder.startPhase(QStringLiteral("Load"));
    auto loaded = bundle->load(environment.db, environment.districtId);
    if (!loaded) {
        recorder.log(runs::LogLevel::Error, loaded.error());
        recorder.finishPhase(RunStatus::Failed);
        return failure(loaded.error());
    }
    recorder.log(runs::LogLevel::Info,
                 QStringLiteral("Loaded %1 rows; %2 rows written.")
                     .arg(loaded->rowsRead)
                     .arg(loaded->rowsWritten));
    recorder.finishPhase(RunStatus::Succeeded, toCounts(*loaded));
    return loaded->rowsRead;
}

} // namespace hub::connectors
