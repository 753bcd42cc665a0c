// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runbookmodel.h"

#include "clientlogging.h"
#include "timeformat.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace hubdesk {

namespace {

// The internal id of top-level (run) indexes. Phase indexes carry their run's id, which the
// engine numbers from 1.
constexpr quintptr kRunRowId = 0;

constexpr int kRunning = 1;
constexpr int kQueued = 2;

qint64 idOf(const QJsonObject &object)
{
    return object.value(QStringLiteral("id")).toInteger();
}

// Whole seconds, truncated, from durationSeconds or else from the start and end times.
QString durationText(const QJsonObject &item)
{
    const QJsonValue seconds = item.value(QStringLiteral("durationSeconds"));
    if (seconds.isDouble())
        return formatDuration(qint64(std::floor(seconds.toDouble())));
    const QDateTime start = parseEngineTime(item.value(QStringLiteral("startedAt")).toString());
    const QDateTime end = parseEngineTime(item.value(QStringLiteral("endedAt")).toString());
    if (start.isValid() && end.isValid())
        return formatDuration(start.msecsTo(end) / 1000);
    return {};
}

QString phaseToolTip(const QJsonObject &phase)
{
    return RunbookModel::tr("Rows read: %1, written: %2, rejected: %3; bytes: %4")
        .arg(QLocale().toString(phase.value(QStringLiteral("rowsRead")).toInteger()),
             QLocale().toString(phase.value(QStringLiteral("rowsWritten")).toInteger()),
             QLocale().toString(phase.value(QStringLiteral("rowsRejected")).toInteger()),
             QLocale().toString(phase.value(QStringLiteral("bytes")).toInteger()));
}

const QList<int> kChangedRoles = {Qt::DisplayRole, Qt::ToolTipRole, RunbookModel::StatusCodeRole,
                                  RunbookModel::LogRole, RunbookModel::RunJsonRole,
                                  RunbookModel::PhaseCountsRole};
// A change from the feed carries the run without its log.
const QList<int> kFeedChangedRoles
    = {Qt::DisplayRole, Qt::ToolTipRole, RunbookModel::StatusCodeRole, RunbookModel::RunJsonRole};

// Whether incoming was read before the newest change of the run that the model already has. A
// detail request that was in flight while the change feed or a control action brought a newer
// state would otherwise move the row back.
bool isOlder(const QJsonObject &incoming, const QJsonObject &current)
{
    const QString key = QStringLiteral("changeVersion");
    return incoming.value(key).toInteger() < current.value(key).toInteger();
}

bool isApiRun(const QJsonObject &run)
{
    return run.value(QStringLiteral("integrationType")).toString() == QLatin1String("api");
}

// NOTE: a count above 2,147,483,647 shows as that number, the largest that tr() accepts.
int pluralCount(qint64 count)
{
    return int(std::min<qint64>(count, std::numeric_limits<int>::max()));
}

// A count of 1 has a message of its own, because English has no translation file, and Qt shows
// an untranslated numerus message as its source text ("1 requests"). The numerus message gives
// each translation its plural forms.
QString requestsText(qint64 count)
{
    return count == 1 ? RunbookModel::tr("1 request")
                      : RunbookModel::tr("%Ln requests", nullptr, pluralCount(count));
}

QString pagesText(qint64 count)
{
    return count == 1 ? RunbookModel::tr("1 page")
                      : RunbookModel::tr("%Ln pages", nullptr, pluralCount(count));
}

QString recordsText(qint64 count)
{
    return count == 1 ? RunbookModel::tr("1 record")
                      : RunbookModel::tr("%Ln records", nullptr, pluralCount(count));
}

QString rowsText(qint64 count)
{
    return count == 1 ? RunbookModel::tr("1 row")
                      : RunbookModel::tr("%Ln rows", nullptr, pluralCount(count));
}

QString retriesText(qint64 count)
{
    return count == 1 ? RunbookModel::tr("1 retry")
                      : RunbookModel::tr("%Ln retries", nullptr, pluralCount(count));
}

QString rowsReadText(qint64 count)
{
    return count == 1 ? RunbookModel::tr("1 row read")
                      : RunbookModel::tr("%Ln rows read", nullptr, pluralCount(count));
}

QString rowsWrittenText(qint64 count)
{
    return count == 1 ? RunbookModel::tr("1 row written")
                      : RunbookModel::tr("%Ln rows written", nullptr, pluralCount(count));
}

QString rowsRejectedText(qint64 count)
{
    return count == 1 ? RunbookModel::tr("1 row rejected")
                      : RunbookModel::tr("%Ln rows rejected", nullptr, pluralCount(count));
}

// "Retry of Integration Instance Id N" for a retry, otherwise empty.
QString retryOrigin(const QJsonObject &run)
{
    const qint64 retryOf = run.value(QStringLiteral("retryOf")).toInteger();
    return retryOf > 0 ? RunbookModel::tr("Retry of Integration Instance Id %1").arg(retryOf)
                       : QString();
}

QString runToolTip(const QJsonObject &run)
{
    const QString message = run.value(QStringLiteral("message")).toString();
    const QString origin = retryOrigin(run);
    if (origin.isEmpty())
        return message;
    return message.isEmpty() ? origin : origin + QLatin1Char('\n') + message;
}

} // namespace

QString apiPhaseCounts(const QJsonObject &phase)
{
    const int status = phase.value(QStringLiteral("status")).toInt();
    if (status == kRunning || status == kQueued)
        return {};
    // rowsRead counts the records that an HTTP phase fetched or sent, and the store rows that
    // the other phases read.
    const qint64 records = phase.value(QStringLiteral("rowsRead")).toInteger();
    const qint64 requests = phase.value(QStringLiteral("requests")).toInteger();
    const QString name = phase.value(QStringLiteral("name")).toString();
    const bool sendsRequests = requests > 0 || name == QLatin1String("Fetch")
                               || name == QLatin1String("Send");
    if (!sendsRequests)
        return rowsText(records);
    //: The counts of an API phase: requests, pages, records, retries.
    return RunbookModel::tr("%1, %2, %3, %4")
        .arg(requestsText(requests),
             pagesText(phase.value(QStringLiteral("pages")).toInteger()), recordsText(records),
             retriesText(phase.value(QStringLiteral("retries")).toInteger()));
}

QString phaseCounts(const QJsonObject &phase)
{
    const int status = phase.value(QStringLiteral("status")).toInt();
    if (status == kRunning || status == kQueued)
        return {};
    QStringList parts;
    if (const qint64 read = phase.value(QStringLiteral("rowsRead")).toInteger(); read > 0)
        parts.append(rowsReadText(read));
    if (const qint64 written = phase.value(QStringLiteral("rowsWritten")).toInteger(); written > 0)
        parts.append(rowsWrittenText(written));
    if (const qint64 rejected = phase.value(QStringLiteral("rowsRejected")).toInteger();
        rejected > 0)
        parts.append(rowsRejectedText(rejected));
    if (const qint64 bytes = phase.value(QStringLiteral("bytes")).toInteger(); bytes > 0)
        parts.append(QLocale().formattedDataSize(bytes));
    QString text;
    for (const QString &part : std::as_const(parts)) {
        //: Joins the counts of a phase, such as "150 rows read, 35.75 KiB".
        text = text.isEmpty() ? part : RunbookModel::tr("%1, %2").arg(text, part);
    }
    return text;
}

QString triggerText(const QJsonObject &run)
{
    const QString trigger = run.value(QStringLiteral("trigger")).toString();
    if (trigger == QLatin1String("schedule"))
        return RunbookModel::tr("Schedule");
    if (trigger == QLatin1String("manual"))
        return RunbookModel::tr("Manual");
    if (trigger == QLatin1String("catch-up"))
        return RunbookModel::tr("Catch-up");
    if (trigger == QLatin1String("retry"))
        return RunbookModel::tr("Retry");
    return trigger;
}

QString statusText(int status)
{
    switch (status) {
    case 0:
        return RunbookModel::tr("Succeeded");
    case 1:
        return RunbookModel::tr("Running");
    case 2:
        return RunbookModel::tr("Queued");
    case 3:
        return RunbookModel::tr("Cancelled");
    case 8:
        return RunbookModel::tr("Succeeded with warnings");
    case 9:
        return RunbookModel::tr("Failed");
    }
    return RunbookModel::tr("Unknown status");
}

QString statusLabel(int status)
{
    //: A run status: the numeric code, then its word, such as "0 Succeeded".
    return RunbookModel::tr("%1 %2").arg(QString::number(status), statusText(status));
}

QString heldStatusLabel()
{
    return RunbookModel::tr("%1 %2").arg(QString::number(kQueued), RunbookModel::tr("Held for approval"));
}

RunbookModel::RunbookModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_zone(QByteArrayLiteral("America/Detroit"))
{}

void RunbookModel::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    if (m_runs.isEmpty())
        return;

    const QList<int> roles = {Qt::DisplayRole};
    emit dataChanged(index(0, StartTimeColumn), index(rowCount() - 1, EndTimeColumn), roles);
    for (int row = 0; row < m_runs.size(); ++row) {
        const int phaseCount = int(m_runs.at(row).phases.size());
        if (phaseCount == 0)
            continue;
        const QModelIndex parent = index(row, 0);
        emit dataChanged(index(0, StartTimeColumn, parent),
                         index(phaseCount - 1, EndTimeColumn, parent), roles);
    }
}

void RunbookModel::setShowsIntegrationName(bool shows)
{
    if (shows == m_showsIntegrationName)
        return;
    m_showsIntegrationName = shows;
    if (!m_runs.isEmpty())
        emit dataChanged(index(0, PhaseNameColumn), index(rowCount() - 1, PhaseNameColumn),
                         {Qt::DisplayRole});
}

void RunbookModel::setRuns(const QJsonArray &runs)
{
    beginResetModel();
    m_runs.clear();
    m_rowOfRun.clear();
    for (const QJsonValue &value : runs) {
        const QJsonObject run = value.toObject();
        const qint64 id = idOf(run);
        if (id <= 0 || m_rowOfRun.contains(id)) {
            qCWarning(lcClient) << "Runbook: skipped a run with a missing or repeated id" << id;
            continue;
        }
        m_rowOfRun.insert(id, int(m_runs.size()));
        m_runs.append(Run{run, {}, {}, false, false});
    }
    endResetModel();
}

void RunbookModel::appendRuns(const QJsonArray &runs)
{
    QList<QJsonObject> added;
    QSet<qint64> addedIds;
    for (const QJsonValue &value : runs) {
        const QJsonObject run = value.toObject();
        const qint64 id = idOf(run);
        // Pages overlap when new runs start between two requests; keep the first copy.
        if (id <= 0 || m_rowOfRun.contains(id) || addedIds.contains(id))
            continue;
        addedIds.insert(id);
        added.append(run);
    }
    if (added.isEmpty())
        return;

    const int first = int(m_runs.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    for (const QJsonObject &run : std::as_const(added)) {
        m_rowOfRun.insert(idOf(run), int(m_runs.size()));
        m_runs.append(Run{run, {}, {}, false, false});
    }
    endInsertRows();
}

void RunbookModel::setRunDetail(const QJsonObject &detail)
{
    const qint64 id = idOf(detail);
    if (id <= 0) {
        qCWarning(lcClient) << "Runbook: ignored run detail without an id";
        return;
    }
    QJsonObject json = detail;
    json.remove(QStringLiteral("phases"));
    json.remove(QStringLiteral("log"));
    const QJsonArray phases = detail.value(QStringLiteral("phases")).toArray();
    const QJsonArray log = detail.value(QStringLiteral("log")).toArray();

    const int row = m_rowOfRun.value(id, -1);
    if (row < 0) {
        // A run that the list does not show yet, such as one just started with Run now: it is
        // the newest, so it goes on top, with its phases.
        beginInsertRows({}, 0, 0);
        m_runs.prepend(Run{json, phases, log, true, true});
        rebuildRowIndex();
        endInsertRows();
        return;
    }

    Run &run = m_runs[row];
    if (isOlder(json, run.json)) {
        qCDebug(lcClient) << "Runbook: ignored an older detail of run" << id;
        return;
    }
    run.json = json;
    run.log = log;
    run.detailLoaded = true;
    run.detailRequested = true;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1), kChangedRoles);
    updatePhases(row, phases);
}

RunbookModel::RunChanges
RunbookModel::applyRunChanges(const QJsonArray &runs,
                              const std::function<bool(const QJsonObject &)> &acceptNew)
{
    RunChanges changes;
    QHash<qint64, QJsonObject> added;
    for (const QJsonValue &value : runs) {
        const QJsonObject run = value.toObject();
        const qint64 id = idOf(run);
        if (id <= 0)
            continue;
        const int row = m_rowOfRun.value(id, -1);
        if (row < 0) {
            if (!acceptNew || acceptNew(run))
                added.insert(id, run);
            continue;
        }
        if (m_runs.at(row).json == run || isOlder(run, m_runs.at(row).json))
            continue;
        m_runs[row].json = run;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1), kFeedChangedRoles);
        changes.updated.append(id);
    }
    if (added.isEmpty())
        return changes;

    changes.inserted = added.keys();
    std::sort(changes.inserted.begin(), changes.inserted.end(), std::greater<qint64>());
    beginInsertRows({}, 0, int(added.size()) - 1);
    for (int i = 0; i < changes.inserted.size(); ++i)
        m_runs.insert(i, Run{added.value(changes.inserted.at(i)), {}, {}, false, false});
    rebuildRowIndex();
    endInsertRows();
    return changes;
}

void RunbookModel::updatePhases(int row, const QJsonArray &phases)
{
    Run &run = m_runs[row];
    const QModelIndex parent = index(row, 0);
    const int oldCount = int(run.phases.size());
    const int newCount = int(phases.size());

    if (newCount < oldCount) {
        beginRemoveRows(parent, newCount, oldCount - 1);
        run.phases = phases;
        endRemoveRows();
    } else if (newCount > oldCount) {
        beginInsertRows(parent, oldCount, newCount - 1);
        run.phases = phases;
        endInsertRows();
    } else {
        run.phases = phases;
    }

    // The phases both lists have may have changed status, times and counts.
    const int common = qMin(oldCount, newCount);
    if (common > 0)
        emit dataChanged(index(0, 0, parent), index(common - 1, ColumnCount - 1, parent),
                         kChangedRoles);
}

void RunbookModel::rebuildRowIndex()
{
    m_rowOfRun.clear();
    for (int row = 0; row < m_runs.size(); ++row)
        m_rowOfRun.insert(idOf(m_runs.at(row).json), row);
}

QModelIndex RunbookModel::indexOfRun(qint64 runId) const
{
    const int row = m_rowOfRun.value(runId, -1);
    return row < 0 ? QModelIndex() : index(row, 0);
}

bool RunbookModel::isHeld(const QJsonObject &run)
{
    return run.value(QStringLiteral("status")).toInt() == kQueued
           && run.value(QStringLiteral("hold")).toString() == QLatin1String("held");
}

bool RunbookModel::hasActiveRuns() const
{
    for (const Run &run : m_runs) {
        const int status = run.json.value(QStringLiteral("status")).toInt();
        if (status == kRunning || status == kQueued)
            return true;
    }
    return false;
}

QModelIndex RunbookModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kRunRowId);
    // hasIndex() already rejected phase parents and columns other than 0, which have no rows.
    return createIndex(row, column, quintptr(idOf(m_runs.at(parent.row()).json)));
}

QModelIndex RunbookModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kRunRowId)
        return {};
    const int row = m_rowOfRun.value(qint64(child.internalId()), -1);
    return row < 0 ? QModelIndex() : createIndex(row, 0, kRunRowId);
}

int RunbookModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_runs.size());
    if (parent.column() != 0 || parent.internalId() != kRunRowId || parent.row() < 0
        || parent.row() >= m_runs.size())
        return 0;
    return int(m_runs.at(parent.row()).phases.size());
}

int RunbookModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QString RunbookModel::runLabel(qint64 runId)
{
    return tr("Integration Instance Id %1").arg(runId);
}

QVariant RunbookModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isPhase = index.internalId() != kRunRowId;
    const int runRow = isPhase ? m_rowOfRun.value(qint64(index.internalId()), -1) : index.row();
    if (runRow < 0)
        return {};
    const Run &run = m_runs.at(runRow);
    const QJsonObject item = isPhase ? run.phases.at(index.row()).toObject() : run.json;
    const int status = item.value(QStringLiteral("status")).toInt();

    switch (role) {
    case Qt::DisplayRole:
        break;
    case Qt::AccessibleDescriptionRole:
        // Screen readers read which run a retry repeats, as the tool tip shows it to others.
        if (!isPhase && index.column() == TriggerColumn)
            return retryOrigin(item);
        return {};
    case Qt::ToolTipRole: {
        QString tip;
        if (!isPhase) {
            tip = runToolTip(item);
        } else {
            // The Phase Name column may cut a phase's counts short, so the tool tip has them all.
            const QString counts = isApiRun(run.json) ? apiPhaseCounts(item) : QString();
            tip = counts.isEmpty() ? phaseToolTip(item)
                                   : counts + QLatin1Char('\n') + phaseToolTip(item);
        }
        if (index.column() != PhaseNameColumn)
            return tip;
        // A narrow Phase Name column elides its text, so its tool tip starts with all of it.
        const QString name = data(index, Qt::DisplayRole).toString();
        return tip.isEmpty() ? name : name + QLatin1Char('\n') + tip;
    }
    case RunIdRole:
        return idOf(run.json);
    case IntegrationIdRole:
        return run.json.value(QStringLiteral("integrationId")).toInteger();
    case StatusCodeRole:
        return status;
    case IsPhaseRole:
        return isPhase;
    case LogRole:
        return isPhase || !run.detailLoaded ? QVariant() : QVariant(run.log);
    case RunJsonRole:
        // The run object on run rows, the phase object on phase rows.
        return item;
    case PhaseCountsRole:
        return isPhase && isApiRun(run.json) ? QVariant(apiPhaseCounts(item)) : QVariant();
    case RunLabelRole:
        return isPhase ? QVariant() : QVariant(runLabel(idOf(item)));
    default:
        return {};
    }

    switch (index.column()) {
    case StatusColumn:
        // A held run and its queued Approval phase read "2 Held for approval".
        if (isHeld(run.json) && status == kQueued)
            return heldStatusLabel();
        return statusLabel(status);
    case PhaseNameColumn: {
        if (isPhase) {
            const QString name = item.value(QStringLiteral("name")).toString();
            const QString counts = isApiRun(run.json) ? apiPhaseCounts(item) : phaseCounts(item);
            if (counts.isEmpty())
                return name;
            //: A phase, then its counts, such as "Format: 150 rows read, 35.75 KiB".
            return tr("%1: %2").arg(name, counts);
        }
        const QString name = item.value(QStringLiteral("integrationName")).toString();
        const QString run
            = name.isEmpty() || !m_showsIntegrationName
                  ? runLabel(idOf(item))
                  : tr("Integration Instance Id %1 - %2").arg(QString::number(idOf(item)), name);
        const QString phase = item.value(QStringLiteral("currentPhase")).toString();
        if (status != kRunning || phase.isEmpty())
            return run;
        //: A running run's name, then the phase it is in, such as "... (Query)".
        return tr("%1 (%2)").arg(run, phase);
    }
    case TriggerColumn:
        return isPhase ? QString() : triggerText(item);
    case StartTimeColumn:
        return formatDistrictTime(
            parseEngineTime(item.value(QStringLiteral("startedAt")).toString()), m_zone);
    case EndTimeColumn:
        return formatDistrictTime(parseEngineTime(item.value(QStringLiteral("endedAt")).toString()),
                                  m_zone);
    case DurationColumn:
        return durationText(item);
    }
    return {};
}

// The description that a screen reader reads for each column besides its title.
QString RunbookModel::headerDescription(int section)
{
    switch (section) {
    case StatusColumn:
        return tr("Status code and word: 0 Succeeded, 1 Running, 2 Queued, 3 Cancelled, "
                  "8 Succeeded with warnings, 9 Failed");
    case PhaseNameColumn:
        return tr("Integration Instance Id and integration of a run, or the name of a phase with "
                  "its rows and bytes");
    case TriggerColumn:
        return tr("What started the run: its schedule, a user, a catch-up after the engine was "
                  "down, or a retry");
    case StartTimeColumn:
        return tr("When the run or phase started, in the district's time zone");
    case EndTimeColumn:
        return tr("When the run or phase ended, in the district's time zone");
    case DurationColumn:
        return tr("How long the run or phase took, as hours, minutes and seconds");
    }
    return {};
}

QVariant RunbookModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::AccessibleDescriptionRole)
        return headerDescription(section);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case PhaseNameColumn:
        return tr("Phase Name");
    case TriggerColumn:
        return tr("Trigger");
    case StartTimeColumn:
        return tr("Start Time");
    case EndTimeColumn:
        return tr("End Time");
    case DurationColumn:
        return tr("Duration");
    }
    return {};
}

bool RunbookModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_runs.isEmpty();
    if (parent.column() != 0 || parent.internalId() != kRunRowId)
        return false;
    // A run whose detail is not loaded may have phases; the view shows an expander, and
    // expanding it calls fetchMore().
    const Run &run = m_runs.at(parent.row());
    return !run.detailLoaded || !run.phases.isEmpty();
}

bool RunbookModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() != 0 || parent.internalId() != kRunRowId)
        return false;
    const Run &run = m_runs.at(parent.row());
    return !run.detailLoaded && !run.detailRequested;
}

void RunbookModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Run &run = m_runs[parent.row()];
    run.detailRequested = true;
    emit runDetailRequested(idOf(run.json));
}

} // namespace hubdesk
