// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace hubdesk {

class ApiJob;
struct ApiResult;
class EngineClient;

// Follows one run for a status line. It reads GET /api/v1/runs/{id} at once and then every
// kIntervalMs while the run is queued, held or running, and emits runChanged() when the run's
// status changes. Polling stops when the run ends and pauses after setPolling(false), such as
// while the page that shows the line is hidden.
class RunWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunWatcher)

public:
    static constexpr int kIntervalMs = 2000;

    explicit RunWatcher(EngineClient *client, QObject *parent = nullptr);
    ~RunWatcher() override;

    // Starts following runId. run is the run's JSON when the caller has it, such as the
    // response that queued the run.
    void watch(qint64 runId, const QJsonObject &run = {});
    // Forgets the run and stops polling.
    void stop();
    // Pauses polling, or resumes it with a read at once when the run has not ended.
    void setPolling(bool polling);
    qint64 runId() const { return m_runId; }
    // The run's latest JSON, without phases and log.
    QJsonObject run() const { return m_run; }

signals:
    void runChanged(const QJsonObject &run);

private:
    void fetch();
    void onFetched(const ApiResult &result);
    bool hasEnded() const;

    EngineClient *m_client;
    QTimer m_timer;
    QPointer<ApiJob> m_job;
    qint64 m_runId = 0;
    QJsonObject m_run;
    bool m_polling = true;
};

// Returns one sentence for a run's state on a status line, such as "Run 4 is queued.",
// "Run 4 is held for approval.", "Run 4 is running." or "Run 4 ended: 9 Failed.".
QString runStateMessage(const QJsonObject &run);
// Returns the status line after Run Now found runId waiting to start, so that the engine added
// no other run. It stands for the queued state until the run leaves the queue.
QString alreadyQueuedMessage(qint64 runId);

} // namespace hubdesk
