// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace hubdesk {

class ApiJob;
struct ApiResult;
class EngineClient;
class FieldErrors;
class OccurrenceModel;

// The "Next runs" list of the schedule section: the engine's next run times for the draft
// schedule. A run that a daylight-saving change shifts, or that the engine notes, gets a
// warning line, and a run inside a blackout window gets the window's reason. An invalid draft
// shows the engine's messages under the schedule fields, registered in errors as "schedule.*".
class SchedulePreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SchedulePreview)

public:
    static constexpr int kRunCount = 5;
    static constexpr int kDebounceMs = 300;

    SchedulePreview(EngineClient *client, FieldErrors *errors, QWidget *parent = nullptr);
    ~SchedulePreview() override;

    // Asks the engine for the draft's next runs after kDebounceMs without a further change.
    // Until the client has connected to an engine, the request waits for the connection.
    void setDraft(const QJsonObject &schedule);

    OccurrenceModel *model() const { return m_model; }
    // The sentence shown in place of the times or under them, such as "The schedule is
    // inactive; nothing will run.", or an empty string when none is shown.
    QString statusText() const;

signals:
    // The list or the status changed after a response of the engine.
    void updated();

private:
    void requestPreview();
    void showResult(const QJsonObject &draft, const ApiResult &result);
    void showStatus(const QString &text);
    void fillRows();

    struct Row
    {
        QLabel *time;
        QLabel *icon;
        QLabel *note;
    };

    EngineClient *m_client;
    FieldErrors *m_errors;
    OccurrenceModel *m_model;
    QTimer m_debounce;
    QJsonObject m_draft;
    QPointer<ApiJob> m_job;
    // Whether a draft arrived before the client connected, so that it is sent on connection.
    bool m_waitingForEngine = false;
    QList<Row> m_rows;
    QLabel *m_status;
};

} // namespace hubdesk
