// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "engineclient.h"
#include "runbookmodel.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTextStream>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <memory>

class QIODevice;
class QTemporaryDir;

namespace hubdesk {

class EngineLauncher;

struct HeadlessDemoOptions
{
    // The hubd to start; empty means EngineLauncher::findHubd().
    QString hubdPath;
    // The local engine's data folder; empty means a new temporary folder, which is kept so that
    // the delivered file can be read afterwards.
    QString dataDir;
    // When set, the demo uses this running engine and token instead of starting hubd, but only
    // with allowRemoteEngine, because the run delivers a real report to the integration's
    // destinations.
    QUrl engineUrl;
    QByteArray token;
    // CA certificates to trust for the remote engine, besides the system's.
    QList<QSslCertificate> caCertificates;
    bool allowRemoteEngine = false;
    // The output of the outbound integration to run.
    QString outputName = QStringLiteral("MiLEARN-Sections Data");
    std::chrono::milliseconds pollInterval{500};
    // How long the run may stay queued or running before the demo gives up.
    std::chrono::milliseconds runTimeout{120000};
};

// The job hubdesk runs without a display. It starts a local demo engine, runs the outbound
// integration that sends the MiLEARN sections file, and prints today's Runbook Activities, the
// run's phases and the start of the delivered file. It uses the console's client and runbook
// model, and no widgets.
class HeadlessDemo final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessDemo)

public:
    // Writes its report to output, which must stay open until finished().
    HeadlessDemo(HeadlessDemoOptions options, QIODevice *output, QObject *parent = nullptr);
    ~HeadlessDemo() override;

    void start();

signals:
    // 0 when the run ended with status 0 (Succeeded) or 8 (Succeeded with warnings), else 1.
    void finished(int exitCode);

private:
    void startEngine();
    void connectToEngine(const QUrl &baseUrl, const QByteArray &token);
    void findIntegration();
    void startRun();
    void pollRun();
    void onRunDetail(const ApiResult &result);
    void fetchTodaysRuns();
    void printRunbook(const QJsonArray &runs);
    void printPhases();
    void fetchDestinations();
    void printDeliveredFile(const QJsonArray &destinations);
    void fail(const QString &message);
    void finish(int exitCode);
    void print(const QString &line);

    HeadlessDemoOptions m_options;
    QTextStream m_output;
    QNetworkAccessManager m_network;
    EngineClient m_client;
    RunbookModel m_runbook;
    std::unique_ptr<QTemporaryDir> m_temporaryDir;
    std::unique_ptr<EngineLauncher> m_launcher;
    QTimer m_pollTimer;
    QElapsedTimer m_runClock;
    QTimeZone m_zone;
    QJsonObject m_integration;
    QJsonObject m_runDetail;
    qint64 m_runId = 0;
    QString m_lastProgress;
    bool m_finished = false;
};

// Lays out rows under headers as columns padded with spaces, two spaces apart.
QString formatTextTable(const QStringList &headers, const QList<QStringList> &rows);

} // namespace hubdesk
