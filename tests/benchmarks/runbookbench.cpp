// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The console's runbook model against a running hubd: the time from the request of the first
// page of runs to rows in the model, and the process's resident memory before and after it
// loaded PAGES pages of 100 runs, as the runbook does while the user scrolls. As in the
// console, a health check connects to the engine first and is not timed. The first page is
// loaded REPEATS times into a new model; the fastest and the median time are printed.
//
// Usage: hub-runbook-bench URL TOKEN DATE PAGES REPEATS
// Prints: first_rows_ms=N first_rows_median_ms=N rows=N rss_start_kb=N rss_first_kb=N
//         rss_pages_kb=N

#include "engineclient.h"
#include "runbookmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <algorithm>
#include <optional>

namespace {

constexpr int kPageSize = 100;

qint64 residentKilobytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Runs the event loop until job reports; an empty result after 60 s.
hubdesk::ApiResult wait(hubdesk::ApiJob *job)
{
    std::optional<hubdesk::ApiResult> result;
    QObject::connect(job, &hubdesk::ApiJob::finished, job,
                     [&result](const hubdesk::ApiResult &finished) { result = finished; });
    QElapsedTimer timer;
    timer.start();
    while (!result && timer.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
    return result.value_or(hubdesk::ApiResult{});
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() != 6) {
        err << "usage: hub-runbook-bench URL TOKEN DATE PAGES REPEATS\n";
        return 2;
    }
    const qint64 rssStart = residentKilobytes();

    QNetworkAccessManager network;
    hubdesk::EngineClient client(&network);
    client.setBaseUrl(QUrl(args.at(1)));
    client.setToken(args.at(2).toUtf8());
    const QDate date = QDate::fromString(args.at(3), Qt::ISODate);
    const int pages = args.at(4).toInt();
    const int repeats = qMax(1, args.at(5).toInt());
    hubdesk::RunbookModel model;
    if (const hubdesk::ApiResult health = wait(client.checkHealth()); !health.ok()) {
        err << "the health check failed: " << health.errorMessage << '\n';
        return 1;
    }

    QList<qint64> firstRowsMs;
    for (int repeat = 0; repeat < repeats; ++repeat) {
        QElapsedTimer timer;
        timer.start();
        const hubdesk::ApiResult first = wait(client.fetchRuns(date, kPageSize, 0));
        if (!first.ok()) {
            err << "the first page failed: " << first.errorMessage << '\n';
            return 1;
        }
        model.setRuns(first.body.object().value(QStringLiteral("runs")).toArray());
        firstRowsMs.append(timer.elapsed());
        if (model.rowCount() == 0) {
            err << "the first page is empty\n";
            return 1;
        }
    }
    const qint64 rssFirst = residentKilobytes();
    std::sort(firstRowsMs.begin(), firstRowsMs.end());

    for (int page = 1; page < pages; ++page) {
        const hubdesk::ApiResult next = wait(client.fetchRuns(date, kPageSize, page * kPageSize));
        if (!next.ok()) {
            err << "page " << page << " failed: " << next.errorMessage << '\n';
            return 1;
        }
        model.appendRuns(next.body.object().value(QStringLiteral("runs")).toArray());
    }

    QTextStream(stdout) << "first_rows_ms=" << firstRowsMs.first()
                        << " first_rows_median_ms=" << firstRowsMs.at(firstRowsMs.size() / 2)
                        << " rows=" << model.rowCount()
                        << " rss_start_kb=" << rssStart << " rss_first_kb=" << rssFirst
                        << " rss_pages_kb=" << residentKilobytes() << '\n';
    return 0;
}
