// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterclient.h"

#include "connectors/bundlewriter.h"
#include "core/logging.h"
#include "core/messagetext.h"
#include "inbound/onerosterbundle.h"
#include "runs/runrecorder.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace hub::connectors {

namespace {

struct Collection
{
    const char *endpoint;
    // The manifest key and CSV file name of the bundle that Map writes.
    const char *fileKey;
};

const Collection kCollections[] = {
    {"orgs", "orgs"},       {"academicSessions", "academicSessions"},
    {"courses", "courses"}, {"classes", "classes"},
    {"users", "users"},     {"enrollments", "enrollments"},
};
const Collection kDemographics = {"demographics", "demographics"};

// A provider whose data keeps changing under the paging gets this many full reads of a
// collection before the pull fails.
constexpr int kMaxPasses = 3;
// Bounds the pages of one pass, so a provider that never ends a collection cannot keep a run
// going forever.
constexpr qint64 kMaxPagesPerPass = 1000000;

runs::PhaseCounts phaseCounts(const TransferStats &stats)
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

QString laterTimestamp(const QString &current, const QString &candidate)
{
    const QDateTime parsed = QDateTime::fromString(candidate, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return current;
    const QString normalised
        = parsed.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    return normalised > current ? normalised : current;
}

} // namespace

struct OneRosterClient::Fetched
{
    // Records per bundle file key, in the order the provider sorted them.
    QMap<QString, QList<QJsonObject>> records;
    QString watermark;
};

ApiRetryLimits retryLimitsFromSettings(const QJsonObject &settings)
{
    ApiRetryLimits limits;
    limits.maxAttempts = settings.value(QStringLiteral("maxAttempts")).toInt(limits.maxAttempts);
    limits.initialDelayMs
        = settings.value(QStringLiteral("initialDelayMs")).toInt(limits.initialDelayMs);
    limits.maxDelayMs = settings.value(QStringLiteral("maxDelayMs")).toInt(limits.maxDelayMs);
    limits.timeoutMs
        = settings.value(QStringLiteral("timeoutSeconds")).toInt(limits.timeoutMs / 1000) * 1000;
    return limits;
}

QUrl nextLink(const QByteArray &linkHeader, const QUrl &base)
{
    // RFC 8288: a comma-separated list of <uri>; param=value entries.
    static const QRegularExpression entry(
        QStringLiteral("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)"));
    static const QRegularExpression relNext(QStringLiteral("rel\\s*=\\s*\"?([^\";]*)\"?"));
    auto matches = entry.globalMatch(QString::fromLatin1(linkHeader));
    while (matches.hasNext()) {
        const auto match = matches.next();
        const auto rel = relNext.match(match.captured(2));
        if (rel.hasMatch()
            && rel.captured(1).split(QLatin1Char(' ')).contains(QStringLiteral("next")))
            return base.resolved(QUrl(match.captured(1)));
    }
    return {};
}

OneRosterClient::OneRosterClient(const QJsonObject &settings)
{
    m_baseUrl = settings.value(QStringLiteral("baseUrl")).toString();
    while (m_baseUrl.endsWith(QLatin1Char('/')))
        m_baseUrl.chop(1);
    m_version = settings.value(QStringLiteral("version")).toString() == QLatin1String("1.2") ? 12
                                                                                             : 11;
    m_pageLimit = settings.value(QStringLiteral("pageLimit")).toInt(100);
    m_fullSync = settings.value(QStringLiteral("syncMode")).toString() == QLatin1String("full");
    m_demographics = settings.value(QStringLiteral("includeDemographics")).toBool();
    m_auth.kind = ApiAuth::Kind::OAuth2ClientCredentials;
    m_auth.tokenUrl = QUrl(settings.value(QStringLiteral("tokenUrl")).toString());
    m_auth.clientId = settings.value(QStringLiteral("clientId")).toString();
    m_auth.clientSecret = settings.value(QStringLiteral("clientSecret")).toString();
    m_auth.scope = settings.value(QStringLiteral("scope")).toString();
    m_limits = retryLimitsFromSettings(settings);
}

QUrl OneRosterClient::collectionUrl(const QString &endpoint, qint64 offset,
                                    const QString &filter) const
{
    QUrl url(m_baseUrl + QLatin1Char('/') + endpoint);
    QString query = QStringLiteral("limit=%1&offset=%2&sort=sourcedId").arg(m_pageLimit).arg(offset);
    if (!filter.isEmpty())
        query += QStringLiteral("&filter=")
                 + QString::fromLatin1(QUrl::toPercentEncoding(filter));
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

TestOutcome OneRosterClient::testConnection()
{
    ApiClient client(m_auth, m_limits);
    if (auto token = client.authenticate(); !token)
        return {false, token.error()};
    const QUrl url = collectionUrl(QStringLiteral("orgs"), 0, {});
    QUrl probe = url;
    probe.setQuery(QStringLiteral("limit=1"));
    auto reply = client.send("GET", probe);
    if (!reply)
        return {false, reply.error()};
    const QJsonObject body = QJsonDocument::fromJson(reply->body).object();
    if (!body.value(QStringLiteral("orgs")).isArray())
        return {false, QStringLiteral("%1 answered, but not with a OneRoster orgs collection. "
                                      "Check the base URL and the version.")
                           .arg(probe.toString())};
    const QByteArray total = reply->header("x-total-count");
    return {true, total.isEmpty()
                      ? QStringLiteral("Signed in and read the orgs of %1.").arg(m_baseUrl)
                      : QStringLiteral("Signed in and read the orgs of %1: %2 orgs.")
                            .arg(m_baseUrl, QString::fromLatin1(total))};
}

Result<OneRosterClient::Fetched> OneRosterClient::fetch(const RunEnvironment &environment,
                                                        bool delta, TransferStats &stats)
{
    runs::RunRecorder &recorder = *environment.recorder;
    ApiClient client(m_auth, m_limits);
    client.setLog([&recorder](bool warning, const QString &message) {
        recorder.log(warning ? runs::LogLevel::Warning : runs::LogLevel::Info, message);
    });
    client.setCancelCheck([&recorder] { return recorder.cancelRequested(); });

    auto fetched = fetchCollections(client, environment, delta, stats);
    const TransferStats &clientStats = client.stats();
    stats.requests = clientStats.requests;
    stats.retries = clientStats.retries;
    stats.bytes = clientStats.bytes;
    return fetched;
}

Result<OneRosterClient::Fetched> OneRosterClient::fetchCollections(
    ApiClient &client, const RunEnvironment &environment, bool delta, TransferStats &stats)
{
    runs::RunRecorder &recorder = *environment.recorder;
    const QString filter = delta ? QStringLiteral("dateLastModified>='%1'")
                                       .arg(environment.lastWatermark)
                                 : QString();
    QList<Collection> collections(std::begin(kCollections), std::end(kCollections));
    if (m_demographics)
        collections.append(kDemographics);

    Fetched fetched;
    fetched.watermark = environment.lastWatermark;
    for (const Collection &collection : std::as_const(collections)) {
        const QString endpoint = QLatin1String(collection.endpoint);
        QList<QJsonObject> records;
        bool consistent = false;
        for (int pass = 1; pass <= kMaxPasses && !consistent; ++pass) {
            records.clear();
            QHash<QString, qsizetype> indexById;
            QSet<qint64> totals;
            qint64 duplicates = 0;
            qint64 offset = 0;
            bool emptyPageBeforeTotal = false;
            QUrl url = collectionUrl(endpoint, 0, filter);
            for (qint64 page = 0; url.isValid() && !url.isEmpty() && page < kMaxPagesPerPass;
                 ++page) {
                if (recorder.cancelRequested())
                    return failure(QStringLiteral("Cancelled by request while reading %1.")
                                       .arg(endpoint));
                auto reply = client.send("GET", url);
                if (!reply)
                    return failure(reply.error());
                ++stats.pages;
                const QJsonObject body = QJsonDocument::fromJson(reply->body).object();
                const QJsonValue items = body.value(endpoint);
                if (!items.isArray())
                    return failure(QStringLiteral("%1 returned no \"%2\" array; is it a OneRoster "
                                                  "%3 provider?")
                                       .arg(url.toString(), endpoint,
                                            m_version == 12 ? QStringLiteral("1.2")
                                                            : QStringLiteral("1.1")));
                const QJsonArray array = items.toArray();
                for (const QJsonValue &item : array) {
                    const QJsonObject record = item.toObject();
                    const QString id = record.value(QStringLiteral("sourcedId")).toString();
                    if (const auto found = indexById.constFind(id); found != indexById.cend()) {
                        ++duplicates;
                        records[*found] = record;
                        continue;
                    }
                    indexById.insert(id, records.size());
                    records.append(record);
                }

                bool hasTotal = false;
                const qint64 total = reply->header("x-total-count").toLongLong(&hasTotal);
                if (hasTotal)
                    totals.insert(total);
                offset += array.size();
                const QUrl next = nextLink(reply->header("link"), url);
                if (!next.isEmpty()) {
                    url = next;
                } else if (hasTotal && offset < total && !array.isEmpty()) {
                    url = collectionUrl(endpoint, offset, filter);
                } else if (!hasTotal && !array.isEmpty()) {
                    // Without X-Total-Count or Link, only an empty page ends the collection.
                    url = collectionUrl(endpoint, offset, filter);
                } else {
                    emptyPageBeforeTotal = hasTotal && offset < total;
                    url = QUrl();
                }
            }

            const qint64 lastTotal = totals.isEmpty() ? -1 : *totals.cbegin();
            QStringList reasons;
            if (totals.size() > 1)
                reasons.append(QStringLiteral("X-Total-Count changed between pages"));
            if (duplicates > 0)
                reasons.append(QStringLiteral("%1 came twice")
                                   .arg(countOf(duplicates, QStringLiteral("record"),
                                                QStringLiteral("records"))));
            if (totals.size() == 1 && records.size() != lastTotal)
                reasons.append(QStringLiteral("%1 records arrived but X-Total-Count is %2")
                                   .arg(records.size())
                                   .arg(lastTotal));
            if (emptyPageBeforeTotal)
                reasons.append(QStringLiteral("an empty page came before the end"));
            consistent = reasons.isEmpty();
            if (!consistent) {
                const QString message
                    = QStringLiteral("Reading %1 (pass %2 of %3): %4, so the provider's data "
                                     "changed while paging.")
                          .arg(endpoint)
                          .arg(pass)
                          .arg(kMaxPasses)
                          .arg(reasons.join(QStringLiteral("; ")));
                recorder.log(runs::LogLevel::Warning, message);
                qCWarning(lcConnectors).noquote()
                    << QStringLiteral("Run %1: %2").arg(environment.runId).arg(message);
            }
        }
        if (!consistent)
            return failure(QStringLiteral("%1 did not hold still during %2 reads, so nothing was "
                                          "loaded. Run the pull again when the provider is "
                                          "quieter.")
                               .arg(endpoint)
                               .arg(kMaxPasses));

        for (const QJsonObject &record : std::as_const(records))
            fetched.watermark = laterTimestamp(
                fetched.watermark, record.value(QStringLiteral("dateLastModified")).toString());
        recorder.log(runs::LogLevel::Info,
                     QStringLiteral("Read %1 %2.").arg(records.size()).arg(endpoint));
        stats.records += records.size();
        fetched.records.insert(QLatin1String(collection.fileKey), records);
    }
    return fetched;
}

Result<RunOutcome> OneRosterClient::run(const RunEnvironment &environment)
{
    runs::RunRecorder &recorder = *environment.recorder;
    const bool delta = !m_fullSync && !environment.lastWatermark.isEmpty();

    recorder.startPhase(QStringLiteral("Fetch"));
    if (delta)
        recorder.log(runs::LogLevel::Info,
                     QStringLiteral("Delta pull from %1: records modified at or after %2.")
                         .arg(m_baseUrl, environment.lastWatermark));
    else
        recorder.log(runs::LogLevel::Info,
                     QStringLiteral("Full pull from %1%2.")
                         .arg(m_baseUrl, m_fullSync ? QString()
                                                    : QStringLiteral(" (no earlier successful "
                                                                     "pull to start a delta from)")));
    TransferStats stats;
    auto fetched = fetch(environment, delta, stats);
    if (!fetched) {
        recorder.log(runs::LogLevel::Error, fetched.error());
        recorder.finishPhase(RunStatus::Failed, phaseCounts(stats));
        return failure(fetched.error());
    }
    recorder.finishPhase(RunStatus::Succeeded, phaseCounts(stats));

    if (recorder.cancelRequested())
        return RunOutcome{QStringLiteral("Cancelled by request before the Map phase; nothing was "
                                         "loaded."),
                          {}, true};

    recorder.startPhase(QStringLiteral("Map"));
    const QString folder = QDir(environment.workDir).filePath(QStringLiteral("bundle"));
    BundleWriter writer(folder, m_version, delta ? BundleWriter::Mode::Delta
                                                 : BundleWriter::Mode::Bulk);
    for (auto it = fetched->records.cbegin(); it != fetched->records.cend(); ++it)
        writer.addRecords(it.key(), it.value());
    auto written = writer.finish();
    if (!written) {
        recorder.log(runs::LogLevel::Error, written.error());
        recorder.finishPhase(RunStatus::Failed);
        return failure(written.error());
    }
    auto loaded = loadBundle(environment, folder);
    if (!loaded)
        return failure(loaded.error());

    const QString mode = delta ? QStringLiteral("Delta") : QStringLiteral("Full");
    return RunOutcome{QStringLiteral("%1 pull: %2 records read in %3 requests, %4 rows loaded.")
                          .arg(mode)
                          .arg(stats.records)
                          .arg(stats.requests)
                          .arg(*loaded),
                      fetched->watermark};
}

} // namespace hub::connectors
