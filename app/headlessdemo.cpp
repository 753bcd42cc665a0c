// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "headlessdemo.h"

#include "applogging.h"
#include "enginelauncher.h"
#include "timeformat.h"

#include <QDir>
#include <QFile>
#include <QIODevice>
#include <QJsonArray>
#include <QTemporaryDir>

namespace hubdesk {

namespace {

constexpr int kRunning = 1;
constexpr int kQueued = 2;
constexpr int kSucceeded = 0;
constexpr int kSucceededWithWarnings = 8;
constexpr int kPreviewLines = 5;
// The runs API returns at most 500 runs per page; a demo engine has far fewer in a day.
constexpr int kRunsPageSize = 500;

// Counts the records of a CSV file per RFC 4180: a line break inside a quoted field does not
// end a record, and a last line without a line break still counts.
qint64 countCsvRecords(QIODevice &file)
{
    qint64 records = 0;
    bool inQuotes = false;
    bool recordOpen = false;
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(1 << 16);
        if (chunk.isEmpty())
            break;
        for (const char c : chunk) {
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == '\n' && !inQuotes) {
                ++records;
                recordOpen = false;
                continue;
            }
            if (c != '\r')
                recordOpen = true;
        }
    }
    return recordOpen ? records + 1 : records;
}

} // namespace

QString formatTextTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &header : headers)
        widths.append(header.size());
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size() && column < widths.size(); ++column)
            widths[column] = qMax(widths.at(column), row.at(column).size());
    }

    const auto formatRow = [&widths](const QStringList &cells) {
        QStringList padded;
        for (qsizetype column = 0; column < widths.size(); ++column) {
            const QString cell = column < cells.size() ? cells.at(column) : QString();
            padded.append(cell.leftJustified(widths.at(column)));
        }
        return padded.join(QStringLiteral("  ")).trimmed();
    };

    QStringList lines = {formatRow(headers)};
    QStringList rules;
    for (const qsizetype width : std::as_const(widths))
        rules.append(QString(width, QLatin1Char('-')));
    lines.append(rules.join(QStringLiteral("  ")));
    for (const QStringList &row : rows)
        lines.append(formatRow(row));
    return lines.join(QLatin1Char('\n'));
}

HeadlessDemo::HeadlessDemo(HeadlessDemoOptions options, QIODevice *output, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_output(output)
    , m_client(&m_network)
{
    m_client.setCaCertificates(m_options.caCertificates);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &HeadlessDemo::pollRun);
}

HeadlessDemo::~HeadlessDemo() = default;

void HeadlessDemo::start()
{
    if (m_options.engineUrl.isValid()) {
        if (!m_options.allowRemoteEngine) {
            fail(tr("The demo runs only against the local demo engine that it starts, not "
                    "against the engine at %1, because its run delivers a real report.")
                     .arg(m_options.engineUrl.toDisplayString()));
            return;
        }
        print(tr("Using the engine at %1.").arg(m_options.engineUrl.toDisplayString()));
        connectToEngine(m_options.engineUrl, m_options.token);
        return;
    }
    startEngine();
}

void HeadlessDemo::startEngine()
{
    QString dataDir = m_options.dataDir;
    if (dataDir.isEmpty()) {
        m_temporaryDir = std::make_unique<QTemporaryDir>(
            QDir::temp().filePath(QStringLiteral("hubdesk-demo-XXXXXX")));
        if (!m_temporaryDir->isValid()) {
            fail(tr("Cannot create a temporary folder for the engine: %1")
                     .arg(m_temporaryDir->errorString()));
            return;
        }
        m_temporaryDir->setAutoRemove(false);
        dataDir = m_temporaryDir->path();
    }

    m_launcher = std::make_unique<EngineLauncher>();
    m_launcher->setHubdPath(m_options.hubdPath.isEmpty() ? EngineLauncher::findHubd()
                                                         : m_options.hubdPath);
    m_launcher->setDataDir(dataDir);
    m_launcher->setDemo(true);
    connect(m_launcher.get(), &EngineLauncher::ready, this,
            [this](const QUrl &baseUrl, const QByteArray &token) {
                print(tr("The engine is ready at %1.").arg(baseUrl.toDisplayString()));
                connectToEngine(baseUrl, token);
            });
    connect(m_launcher.get(), &EngineLauncher::failed, this, &HeadlessDemo::fail);
    connect(m_launcher.get(), &EngineLauncher::exitedUnexpectedly, this, &HeadlessDemo::fail);

    const QString hubdPath
        = m_launcher->hubdPath().isEmpty() ? QStringLiteral("hubd") : m_launcher->hubdPath();
    print(tr("Starting the local engine %1 with the demo district in %2.").arg(hubdPath, dataDir));
    m_launcher->start();
}

void HeadlessDemo::connectToEngine(const QUrl &baseUrl, const QByteArray &token)
{
    m_client.setBaseUrl(baseUrl);
    m_client.setToken(token);
    connect(m_client.checkHealth(), &ApiJob::finished, this, [this](const ApiResult &result) {
        if (!result.ok()) {
            fail(tr("The engine's health check failed: %1").arg(result.errorMessage));
            return;
        }
        m_zone = QTimeZone(m_client.districtTimeZone());
        if (!m_zone.isValid()) {
            fail(tr("The district's time zone %1 is not a known IANA zone.")
                     .arg(QString::fromUtf8(m_client.districtTimeZone())));
            return;
        }
        m_runbook.setTimeZone(m_zone);
        print(tr("Connected to the district \"%1\" in the time zone %2.")
                  .arg(m_client.districtName(), QString::fromUtf8(m_client.districtTimeZone())));
        findIntegration();
    });
}

void HeadlessDemo::findIntegration()
{
    ApiJob *job = m_client.fetchIntegrations(QStringLiteral("outbound"));
    connect(job, &ApiJob::finished, this, [this](const ApiResult &result) {
        if (!result.ok()) {
            fail(tr("Cannot list the outbound integrations: %1").arg(result.errorMessage));
            return;
        }
        const QJsonArray integrations
            = result.body.object().value(QStringLiteral("integrations")).toArray();
        for (const QJsonValue &value : integrations) {
            const QJsonObject integration = value.toObject();
            if (integration.value(QStringLiteral("outputName")).toString()
                == m_options.outputName) {
                m_integration = integration;
                startRun();
                return;
            }
        }
        fail(tr("No outbound integration sends \"%1\"; the engine has %2 outbound "
                "integrations. Start the engine with --demo to create the demo integrations.")
                 .arg(m_options.outputName, QString::number(integrations.size())));
    });
}

void HeadlessDemo::startRun()
{
    const qint64 integrationId = m_integration.value(QStringLiteral("id")).toInteger();
    print(tr("Running integration %1: %2.")
              .arg(QString::number(integrationId),
                   m_integration.value(QStringLiteral("displayName")).toString()));

    connect(m_client.runNow(integrationId), &ApiJob::finished, this,
            [this](const ApiResult &result) {
                if (!result.ok()) {
                    fail(tr("Cannot start the run: %1").arg(result.errorMessage));
                    return;
                }
                m_runId = result.body.object().value(QStringLiteral("id")).toInteger();
                print(tr("Queued Integration Instance Id %1.").arg(m_runId));
                m_runClock.start();
                pollRun();
            });
}

void HeadlessDemo::pollRun()
{
    connect(m_client.fetchRun(m_runId), &ApiJob::finished, this, &HeadlessDemo::onRunDetail);
}

void HeadlessDemo::onRunDetail(const ApiResult &result)
{
    if (!result.ok()) {
        fail(tr("Cannot read run %1: %2").arg(QString::number(m_runId), result.errorMessage));
        return;
    }
    const QJsonObject detail = result.body.object();
    const int status = detail.value(QStringLiteral("status")).toInt();
    const QString phase = detail.value(QStringLiteral("currentPhase")).toString();
    const QString progress = phase.isEmpty() ? statusLabel(status)
                                             : tr("%1, phase %2").arg(statusLabel(status), phase);
    if (progress != m_lastProgress) {
        print(tr("Run %1: %2").arg(QString::number(m_runId), progress));
        m_lastProgress = progress;
    }

    if (status == kRunning || status == kQueued) {
        const auto elapsed = std::chrono::milliseconds(m_runClock.elapsed());
        if (elapsed >= m_options.runTimeout) {
            fail(tr("Run %1 did not finish within %2 seconds; it is still %3.")
                     .arg(QString::number(m_runId),
                          QString::number(m_options.runTimeout.count() / 1000),
                          statusText(status)));
            return;
        }
        m_pollTimer.start(m_options.pollInterval);
        return;
    }

    m_runDetail = detail;
    fetchTodaysRuns();
}

void HeadlessDemo::fetchTodaysRuns()
{
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(m_zone).date();
    ApiJob *job = m_client.fetchRuns(today, kRunsPageSize, 0);
    connect(job, &ApiJob::finished, this, [this, today](const ApiResult &result) {
        if (!result.ok()) {
            fail(tr("Cannot list today's runs: %1").arg(result.errorMessage));
            return;
        }
        // The engine lists runs on or before the date; the runbook of a day shows that day's.
        QJsonArray todays;
        const QJsonArray runs = result.body.object().value(QStringLiteral("runs")).toArray();
        for (const QJsonValue &value : runs) {
            const QJsonObject run = value.toObject();
            QString started = run.value(QStringLiteral("startedAt")).toString();
            if (started.isEmpty())
                started = run.value(QStringLiteral("queuedAt")).toString();
            if (parseEngineTime(started).toTimeZone(m_zone).date() == today)
                todays.append(run);
        }
        print(QString());
        print(
            tr("Runbook Activities for %1 (%2):")
                .arg(today.toString(QStringLiteral("MM/dd/yyyy")), QString::fromUtf8(m_zone.id())));
        printRunbook(todays);
        printPhases();
        fetchDestinations();
    });
}

void HeadlessDemo::printRunbook(const QJsonArray &runs)
{
    m_runbook.setRuns(runs);
    m_runbook.setRunDetail(m_runDetail);

    QStringList headers;
    for (int column = 0; column < RunbookModel::ColumnCount; ++column)
        headers.append(m_runbook.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    QList<QStringList> rows;
    for (int row = 0; row < m_runbook.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < RunbookModel::ColumnCount; ++column)
            cells.append(m_runbook.index(row, column).data().toString());
        rows.append(cells);
    }
    print(formatTextTable(headers, rows));
}

void HeadlessDemo::printPhases()
{
    const QModelIndex run = m_runbook.indexOfRun(m_runId);
    print(QString());
    print(tr("Phases of Integration Instance Id %1:").arg(m_runId));

    const QStringList headers = {tr("Phase Name"), tr("Status"),       tr("Duration"),
                                 tr("Rows Read"),  tr("Rows Written"), tr("Bytes")};
    const QJsonArray phases = m_runDetail.value(QStringLiteral("phases")).toArray();
    QList<QStringList> rows;
    for (int row = 0; row < m_runbook.rowCount(run) && row < phases.size(); ++row) {
        const QJsonObject phase = phases.at(row).toObject();
        const auto count = [&phase](const char *key) {
            return QString::number(phase.value(QLatin1String(key)).toInteger());
        };
        // The name alone, because the table has columns of its own for the counts.
        rows.append({phase.value(QStringLiteral("name")).toString(),
                     m_runbook.index(row, RunbookModel::StatusColumn, run).data().toString(),
                     m_runbook.index(row, RunbookModel::DurationColumn, run).data().toString(),
                     count("rowsRead"), count("rowsWritten"), count("bytes")});
    }
    print(formatTextTable(headers, rows));

    const QString message = m_runDetail.value(QStringLiteral("message")).toString();
    if (!message.isEmpty())
        print(tr("Run message: %1").arg(message));
}

void HeadlessDemo::fetchDestinations()
{
    connect(m_client.fetchDestinations(), &ApiJob::finished, this, [this](const ApiResult &result) {
        if (!result.ok()) {
            fail(tr("Cannot list the destinations: %1").arg(result.errorMessage));
            return;
        }
        printDeliveredFile(result.body.object().value(QStringLiteral("destinations")).toArray());
    });
}

void HeadlessDemo::printDeliveredFile(const QJsonArray &destinations)
{
    const int status = m_runDetail.value(QStringLiteral("status")).toInt();
    const int exitCode = status == kSucceeded || status == kSucceededWithWarnings ? 0 : 1;
    const QString outputFile = m_runDetail.value(QStringLiteral("outputFile")).toString();
    if (outputFile.isEmpty()) {
        print(tr("The run wrote no file."));
        finish(exitCode);
        return;
    }

    // The file lands in the folder of each active folder destination of the integration.
    QStringList folders;
    const QJsonArray links = m_integration.value(QStringLiteral("destinations")).toArray();
    for (const QJsonValue &link : links) {
        const QJsonObject linkObject = link.toObject();
        if (!linkObject.value(QStringLiteral("active")).toBool())
            continue;
        const qint64 destinationId = linkObject.value(QStringLiteral("destinationId")).toInteger();
        for (const QJsonValue &value : destinations) {
            const QJsonObject destination = value.toObject();
            if (destination.value(QStringLiteral("id")).toInteger() == destinationId
                && destination.value(QStringLiteral("kind")).toString() == QLatin1String("folder"))
                folders.append(destination.value(QStringLiteral("settings"))
                                   .toObject()
                                   .value(QStringLiteral("path"))
                                   .toString());
        }
    }
    if (folders.isEmpty()) {
        print(tr("The integration has no active folder destination, so there is no local file "
                 "to show."));
        finish(exitCode);
        return;
    }

    const QString path = QDir(folders.constFirst()).filePath(outputFile);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(tr("Cannot read the delivered file %1: %2").arg(path, file.errorString()));
        return;
    }
    print(QString());
    print(tr("Delivered file: %1").arg(path));
    print(tr("First %1 lines:").arg(kPreviewLines));
    for (int line = 0; line < kPreviewLines && !file.atEnd(); ++line)
        print(QStringLiteral("  ") + QString::fromUtf8(file.readLine()).trimmed());

    file.seek(0);
    const qint64 records = countCsvRecords(file);
    print(tr("Rows after the header line: %1").arg(qMax<qint64>(0, records - 1)));
    finish(exitCode);
}

void HeadlessDemo::fail(const QString &message)
{
    print(tr("Error: %1").arg(message));
    finish(1);
}

void HeadlessDemo::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pollTimer.stop();

    if (m_launcher && m_launcher->isRunning()) {
        print(tr("Stopping the local engine."));
        m_launcher->stop();
    }
    if (m_temporaryDir)
        print(tr("The engine's data stays in %1; delete that folder when done.")
                  .arg(m_temporaryDir->path()));
    print(exitCode == 0 ? tr("Demo finished: the run succeeded.")
                        : tr("Demo finished with errors (exit code %1).").arg(exitCode));
    emit finished(exitCode);
}

void HeadlessDemo::print(const QString &line)
{
    m_output << line << '\n';
    m_output.flush();
}

} // namespace hubdesk
