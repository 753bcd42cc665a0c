// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "schedulepreview.h"

#include "engineclient.h"
#include "fielderrors.h"
#include "occurrencemodel.h"

#include <QGridLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace hubdesk {

namespace {

const QString kSchedulePrefix = QStringLiteral("schedule.");

QLabel *iconLabel(const QIcon &icon, const QString &objectName)
{
    auto label = new QLabel;
    label->setObjectName(objectName);
    const int size = label->style()->pixelMetric(QStyle::PM_SmallIconSize);
    label->setPixmap(icon.pixmap(size, size));
    label->setAlignment(Qt::AlignTop);
    return label;
}

} // namespace

SchedulePreview::SchedulePreview(EngineClient *client, FieldErrors *errors, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_errors(errors)
    , m_model(new OccurrenceModel(this))
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("schedulePreview"));
    setAccessibleName(tr("Next runs"));
    m_status->setObjectName(QStringLiteral("nextRunsStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    grid->setColumnStretch(2, 1);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int i = 0; i < kRunCount; ++i) {
        Row row;
        row.time = new QLabel;
        row.time->setObjectName(QStringLiteral("nextRunLabel%1").arg(i));
        row.time->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row.time->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        row.icon = iconLabel(warning, QStringLiteral("nextRunIcon%1").arg(i));
        row.icon->setAccessibleName(tr("Warning"));
        row.note = new QLabel;
        row.note->setObjectName(QStringLiteral("nextRunNote%1").arg(i));
        row.note->setWordWrap(true);
        row.note->setTextFormat(Qt::PlainText);
        row.note->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        grid->addWidget(row.time, i, 0);
        grid->addWidget(row.icon, i, 1);
        grid->addWidget(row.note, i, 2);
        m_rows.append(row);
    }

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(grid);
    layout->addWidget(m_status);
    fillRows();
    showStatus(tr("Loading the next runs…"));

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SchedulePreview::requestPreview);
    connect(m_model, &OccurrenceModel::modelReset, this, &SchedulePreview::fillRows);
    connect(m_client, &EngineClient::connectionStateChanged, this,
            [this](EngineClient::ConnectionState state) {
                if (m_waitingForEngine && state != EngineClient::ConnectionState::Connecting
                    && state != EngineClient::ConnectionState::Disconnected)
                    requestPreview();
            });
}

SchedulePreview::~SchedulePreview()
{
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->abort();
    }
}

void SchedulePreview::setDraft(const QJsonObject &schedule)
{
    m_draft = schedule;
    m_debounce.start();
}

QString SchedulePreview::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void SchedulePreview::requestPreview()
{
    // The forms exist before the sign-in or the local engine's start. Until the health check
    // passes, the client has no engine or no session to send the request to.
    const EngineClient::ConnectionState state = m_client->connectionState();
    m_waitingForEngine = state == EngineClient::ConnectionState::Disconnected
                         || state == EngineClient::ConnectionState::Connecting;
    if (m_waitingForEngine)
        return;

    // Only the response to the latest draft is shown. The old job is disconnected first,
    // because an aborted job still emits finished().
    if (m_job) {
        disconnect(m_job, nullptr, this, nullptr);
        m_job->abort();
    }
    const QJsonObject draft = m_draft;
    m_job = m_client->previewSchedule(draft, kRunCount);
    connect(m_job, &ApiJob::finished, this,
            [this, draft](const ApiResult &result) { showResult(draft, result); });
}

void SchedulePreview::showResult(const QJsonObject &draft, const ApiResult &result)
{
    m_job.clear();
    m_errors->clearKeysStartingWith(kSchedulePrefix);

    if (result.httpStatus == 422 && !result.fieldErrors.isEmpty()) {
        m_model->clear();
        QJsonObject scheduleErrors;
        QStringList otherErrors;
        for (auto it = result.fieldErrors.begin(); it != result.fieldErrors.end(); ++it) {
            if (it.key().startsWith(kSchedulePrefix))
                scheduleErrors.insert(it.key(), it.value());
            else
                otherErrors.append(it.value().toString());
        }
        m_errors->show(scheduleErrors, nullptr);
        if (otherErrors.isEmpty())
            showStatus(tr("Correct the marked schedule fields to see the next runs."));
        else
            showStatus(otherErrors.join(QLatin1Char('\n')));
    } else if (!result.ok()) {
        m_model->clear();
        showStatus(tr("The next runs are not available: %1").arg(result.errorMessage));
    } else if (!draft.value(QStringLiteral("active")).toBool(true)) {
        m_model->clear();
        showStatus(tr("The schedule is inactive; nothing will run."));
    } else {
        const QJsonObject body = result.body.object();
        m_model->setOccurrences(body.value(QStringLiteral("occurrences")).toArray());
        const QString zone = body.value(QStringLiteral("timeZone")).toString();
        if (m_model->rowCount() == 0)
            showStatus(tr("The schedule has no runs left; its end date or its only run has "
                          "passed."));
        else
            showStatus(tr("Times are in the district's time zone, %1.").arg(zone));
    }
    emit updated();
}

void SchedulePreview::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

void SchedulePreview::fillRows()
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows.at(i);
        const QModelIndex index = m_model->index(i, 0);
        if (!index.isValid()) {
            for (QLabel *label : {row.time, row.icon, row.note})
                label->hide();
            continue;
        }
        QStringList notes;
        const QString note = index.data(OccurrenceModel::NoteRole).toString();
        if (!note.isEmpty())
            notes.append(note);
        const QString heldBy = index.data(OccurrenceModel::HeldByRole).toString();
        if (!heldBy.isEmpty())
            notes.append(tr("Held by a blackout window: %1").arg(heldBy));

        row.time->setText(index.data().toString());
        row.time->show();
        row.note->setText(notes.join(QLatin1Char('\n')));
        row.note->setVisible(!notes.isEmpty());
        row.icon->setVisible(!notes.isEmpty());
        // A screen reader reads the time and its warning together.
        row.time->setAccessibleDescription(row.note->text());
    }
}

} // namespace hubdesk
