// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "schedule/occurrences.h"
#include "schedule/schedule.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

// Every expected instant below was worked out by hand from the zone rules, not computed with
// the code under test. The US changes at 02:00 local on the second Sunday of March and the
// first Sunday of November. The EU changes at 01:00 UTC on the last Sundays of March and
// October. Sydney changes on the first Sundays of April and October.
class tst_Schedule final : public QObject
{
    Q_OBJECT

private slots:
    void occurrences_data();
    void occurrences();
    void gapAndOverlapNotes();
    void overlapNoteWithRepetitions();
    void monthlySkipNotes_data();
    void monthlySkipNotes();
    void repetitionsIntoNextDayAreDistinct();
    void onceHasNothingAfterItsRun();
    void validation_data();
    void validation();
    void weeklyWithoutDaysUsesStartDay();
};

namespace {

QJsonObject daily(const QString &startDate, const QString &startTime)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("daily")},
                       {QStringLiteral("startDate"), startDate},
                       {QStringLiteral("startTime"), startTime},
                       {QStringLiteral("repeatEvery"), 1}};
}

QJsonObject withType(QJsonObject schedule, const QString &type)
{
    schedule.insert(QStringLiteral("type"), type);
    return schedule;
}

QJsonObject with(QJsonObject schedule, const QString &key, const QJsonValue &value)
{
    schedule.insert(key, value);
    return schedule;
}

QJsonObject everyMinutes(QJsonObject schedule, int every, int duration)
{
    schedule.insert(QStringLiteral("advanced"),
                    QJsonObject{{QStringLiteral("enabled"), true},
                                {QStringLiteral("everyMinutes"), every},
                                {QStringLiteral("durationMinutes"), duration}});
    return schedule;
}

QJsonObject weeklyOn(const QString &startDate, const QString &startTime, const QJsonArray &days)
{
    return with(withType(daily(startDate, startTime), QStringLiteral("weekly")),
                QStringLiteral("daysOfWeek"), days);
}

QJsonObject monthlyOn(const QString &startDate, const QString &startTime, const QJsonValue &day)
{
    return with(withType(daily(startDate, startTime), QStringLiteral("monthly")),
                QStringLiteral("dayOfMonth"), day);
}

hub::schedule::Schedule parsed(const QJsonObject &object)
{
    auto schedule = hub::schedule::parseSchedule(object);
    if (!schedule)
        qFatal("%s", qPrintable(schedule.error()));
    return *schedule;
}

// Literal UTC instants, so that data rows can list them without QStringLiteral each.
QStringList utcTimes(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list.append(QString::fromLatin1(text));
    return list;
}

QDateTime utc(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate).toUTC();
}

} // namespace

void tst_Schedule::occurrences_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QJsonObject>("schedule");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("expected");
    // One character per expected occurrence: S when it is shifted, a dot when not.
    QTest::addColumn<QString>("shifted");

    const QString detroit = QStringLiteral("America/Detroit");
    const QString london = QStringLiteral("Europe/London");
    const QString sydney = QStringLiteral("Australia/Sydney");
    const QString phoenix = QStringLiteral("America/Phoenix");
    const QJsonObject daily0230 = daily(QStringLiteral("2025-01-01"), QStringLiteral("02:30"));
    const QJsonObject daily0130 = daily(QStringLiteral("2025-01-01"), QStringLiteral("01:30"));

    // Daily at 02:30 in Detroit: inside the gap on spring-forward days (runs at 03:00 EDT),
    // after the repeated hour on fall-back days (02:30 EST exists once).
    QTest::newRow("Detroit daily 02:30 spring 2025")
        << detroit << daily0230 << "2025-03-08T00:00:00Z" << 3
        << utcTimes({"2025-03-08T07:30:00Z", "2025-03-09T07:00:00Z", "2025-03-10T06:30:00Z"})
        << ".S.";
    QTest::newRow("Detroit daily 02:30 fall 2025")
        << detroit << daily0230 << "2025-11-01T00:00:00Z" << 3
        << utcTimes({"2025-11-01T06:30:00Z", "2025-11-02T07:30:00Z", "2025-11-03T07:30:00Z"})
        << "...";
    QTest::newRow("Detroit daily 02:30 spring 2026")
        << detroit << daily0230 << "2026-03-07T00:00:00Z" << 3
        << utcTimes({"2026-03-07T07:30:00Z", "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"})
        << ".S.";
    QTest::newRow("Detroit daily 02:30 fall 2026")
        << detroit << daily0230 << "2026-10-31T00:00:00Z" << 3
        << utcTimes({"2026-10-31T06:30:00Z", "2026-11-01T07:30:00Z", "2026-11-02T07:30:00Z"})
        << "...";
    QTest::newRow("Detroit daily 02:30 spring 2027")
        << detroit << daily0230 << "2027-03-13T00:00:00Z" << 3
        << utcTimes({"2027-03-13T07:30:00Z", "2027-03-14T07:00:00Z", "2027-03-15T06:30:00Z"})
        << ".S.";
    QTest::newRow("Detroit daily 02:30 fall 2027")
        << detroit << daily0230 << "2027-11-06T00:00:00Z" << 3
        << utcTimes({"2027-11-06T06:30:00Z", "2027-11-07T07:30:00Z", "2027-11-08T07:30:00Z"})
        << "...";

    // Daily at 01:30 in Detroit: before the gap in spring (01:30 EST), twice in the fall-back
    // overlap (runs once, at 01:30 EDT).
    QTest::newRow("Detroit daily 01:30 spring 2025")
        << detroit << daily0130 << "2025-03-08T00:00:00Z" << 3
        << utcTimes({"2025-03-08T06:30:00Z", "2025-03-09T06:30:00Z", "2025-03-10T05:30:00Z"})
        << "...";
    QTest::newRow("Detroit daily 01:30 fall 2025")
        << detroit << daily0130 << "2025-11-01T00:00:00Z" << 3
        << utcTimes({"2025-11-01T05:30:00Z", "2025-11-02T05:30:00Z", "2025-11-03T06:30:00Z"})
        << "...";
    QTest::newRow("Detroit daily 01:30 spring 2026")
        << detroit << daily0130 << "2026-03-07T00:00:00Z" << 3
        << utcTimes({"2026-03-07T06:30:00Z", "2026-03-08T06:30:00Z", "2026-03-09T05:30:00Z"})
        << "...";
    QTest::newRow("Detroit daily 01:30 fall 2026")
        << detroit << daily0130 << "2026-10-31T00:00:00Z" << 3
        << utcTimes({"2026-10-31T05:30:00Z", "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"})
        << "...";
    QTest::newRow("Detroit daily 01:30 spring 2027")
        << detroit << daily0130 << "2027-03-13T00:00:00Z" << 3
        << utcTimes({"2027-03-13T06:30:00Z", "2027-03-14T06:30:00Z", "2027-03-15T05:30:00Z"})
        << "...";
    QTest::newRow("Detroit daily 01:30 fall 2027")
        << detroit << daily0130 << "2027-11-06T00:00:00Z" << 3
        << utcTimes({"2027-11-06T05:30:00Z", "2027-11-07T05:30:00Z", "2027-11-08T06:30:00Z"})
        << "...";

    // London changes at 01:00 UTC, so 01:30 local is in the gap and in the overlap.
    QTest::newRow("London daily 01:30 spring 2025")
        << london << daily0130 << "2025-03-29T00:00:00Z" << 3
        << utcTimes({"2025-03-29T01:30:00Z", "2025-03-30T01:00:00Z", "2025-03-31T00:30:00Z"})
        << ".S.";
    QTest::newRow("London daily 01:30 fall 2025")
        << london << daily0130 << "2025-10-25T00:00:00Z" << 3
        << utcTimes({"2025-10-25T00:30:00Z", "2025-10-26T00:30:00Z", "2025-10-27T01:30:00Z"})
        << "...";
    QTest::newRow("London daily 01:30 spring 2026")
        << london << daily0130 << "2026-03-28T00:00:00Z" << 3
        << utcTimes({"2026-03-28T01:30:00Z", "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"})
        << ".S.";
    QTest::newRow("London daily 01:30 fall 2026")
        << london << daily0130 << "2026-10-24T00:00:00Z" << 3
        << utcTimes({"2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"})
        << "...";
    QTest::newRow("London daily 01:30 spring 2027")
        << london << daily0130 << "2027-03-27T00:00:00Z" << 3
        << utcTimes({"2027-03-27T01:30:00Z", "2027-03-28T01:00:00Z", "2027-03-29T00:30:00Z"})
        << ".S.";
    QTest::newRow("London daily 01:30 fall 2027")
        << london << daily0130 << "2027-10-30T00:00:00Z" << 3
        << utcTimes({"2027-10-30T00:30:00Z", "2027-10-31T00:30:00Z", "2027-11-01T01:30:00Z"})
        << "...";

    // Sydney: clocks move back on 2026-04-05 (03:00 AEDT to 02:00 AEST) and forward on
    // 2026-10-04 (02:00 AEST to 03:00 AEDT).
    QTest::newRow("Sydney daily 02:30 April 2026")
        << sydney << daily0230 << "2026-04-03T00:00:00Z" << 3
        << utcTimes({"2026-04-03T15:30:00Z", "2026-04-04T15:30:00Z", "2026-04-05T16:30:00Z"})
        << "...";
    QTest::newRow("Sydney daily 02:30 October 2026")
        << sydney << daily0230 << "2026-10-02T00:00:00Z" << 3
        << utcTimes({"2026-10-02T16:30:00Z", "2026-10-03T16:00:00Z", "2026-10-04T15:30:00Z"})
        << ".S.";

    // Phoenix keeps MST (UTC-7) all year.
    QTest::newRow("Phoenix daily 02:30 March 2026")
        << phoenix << daily0230 << "2026-03-07T00:00:00Z" << 3
        << utcTimes({"2026-03-07T09:30:00Z", "2026-03-08T09:30:00Z", "2026-03-09T09:30:00Z"})
        << "...";
    QTest::newRow("Phoenix daily 01:30 November 2026")
        << phoenix << daily0130 << "2026-10-31T00:00:00Z" << 3
        << utcTimes({"2026-10-31T08:30:00Z", "2026-11-01T08:30:00Z", "2026-11-02T08:30:00Z"})
        << "...";

    // Hourly schedules step in elapsed hours: no 02:30 on the spring day, 01:30 twice in the
    // fall.
    QTest::newRow("Detroit hourly spring 2026")
        << detroit
        << withType(daily(QStringLiteral("2026-03-08"), QStringLiteral("00:30")),
                    QStringLiteral("hourly"))
        << "2026-03-08T00:00:00Z" << 4
        << utcTimes({"2026-03-08T05:30:00Z", "2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z",
                     "2026-03-08T08:30:00Z"})
        << "..S.";
    QTest::newRow("Detroit hourly fall 2026")
        << detroit
        << withType(daily(QStringLiteral("2026-11-01"), QStringLiteral("00:30")),
                    QStringLiteral("hourly"))
        << "2026-11-01T00:00:00Z" << 4
        << utcTimes({"2026-11-01T04:30:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z",
                     "2026-11-01T07:30:00Z"})
        << "..S.";
    // 1580 elapsed hours after 2026-01-01T05:00Z is 2026-03-08T01:00Z (65 days, 20 hours).
    QTest::newRow("Detroit every 5 hours spring 2026")
        << detroit
        << with(withType(daily(QStringLiteral("2026-01-01"), QStringLiteral("00:00")),
                         QStringLiteral("hourly")),
                QStringLiteral("repeatEvery"), 5)
        << "2026-03-08T00:00:00Z" << 4
        << utcTimes({"2026-03-08T01:00:00Z", "2026-03-08T06:00:00Z", "2026-03-08T11:00:00Z",
                     "2026-03-08T16:00:00Z"})
        << "..S.";
    QTest::newRow("Detroit hourly fall 2027")
        << detroit
        << withType(daily(QStringLiteral("2027-11-07"), QStringLiteral("00:30")),
                    QStringLiteral("hourly"))
        << "2027-11-07T05:00:00Z" << 3
        << utcTimes({"2027-11-07T05:30:00Z", "2027-11-07T06:30:00Z", "2027-11-07T07:30:00Z"})
        << ".S.";
    QTest::newRow("London hourly fall 2025")
        << london
        << withType(daily(QStringLiteral("2025-10-26"), QStringLiteral("00:00")),
                    QStringLiteral("hourly"))
        << "2025-10-25T12:00:00Z" << 4
        << utcTimes({"2025-10-25T23:00:00Z", "2025-10-26T00:00:00Z", "2025-10-26T01:00:00Z",
                     "2025-10-26T02:00:00Z"})
        << "..S.";
    QTest::newRow("Phoenix hourly March 2027")
        << phoenix
        << withType(daily(QStringLiteral("2027-03-14"), QStringLiteral("00:00")),
                    QStringLiteral("hourly"))
        << "2027-03-14T06:00:00Z" << 3
        << utcTimes({"2027-03-14T07:00:00Z", "2027-03-14T08:00:00Z", "2027-03-14T09:00:00Z"})
        << "...";

    // Every 15 minutes from 00:00 for 4 hours follows elapsed time, so it gives 17 runs over 4
    // real hours whatever the clocks do. The next day's first run follows.
    const QJsonObject quarterHours = everyMinutes(daily0130, 15, 240);
    const QJsonObject fromMidnight
        = with(quarterHours, QStringLiteral("startTime"), QStringLiteral("00:00"));
    QTest::newRow("Detroit every 15 minutes fall 2026")
        << detroit << fromMidnight << "2026-11-01T00:00:00Z" << 18
        << utcTimes({"2026-11-01T04:00:00Z", "2026-11-01T04:15:00Z", "2026-11-01T04:30:00Z",
                     "2026-11-01T04:45:00Z", "2026-11-01T05:00:00Z", "2026-11-01T05:15:00Z",
                     "2026-11-01T05:30:00Z", "2026-11-01T05:45:00Z", "2026-11-01T06:00:00Z",
                     "2026-11-01T06:15:00Z", "2026-11-01T06:30:00Z", "2026-11-01T06:45:00Z",
                     "2026-11-01T07:00:00Z", "2026-11-01T07:15:00Z", "2026-11-01T07:30:00Z",
                     "2026-11-01T07:45:00Z", "2026-11-01T08:00:00Z", "2026-11-02T05:00:00Z"})
        << "........S.........";
    QTest::newRow("Detroit every 15 minutes spring 2026")
        << detroit << fromMidnight << "2026-03-08T00:00:00Z" << 18
        << utcTimes({"2026-03-08T05:00:00Z", "2026-03-08T05:15:00Z", "2026-03-08T05:30:00Z",
                     "2026-03-08T05:45:00Z", "2026-03-08T06:00:00Z", "2026-03-08T06:15:00Z",
                     "2026-03-08T06:30:00Z", "2026-03-08T06:45:00Z", "2026-03-08T07:00:00Z",
                     "2026-03-08T07:15:00Z", "2026-03-08T07:30:00Z", "2026-03-08T07:45:00Z",
                     "2026-03-08T08:00:00Z", "2026-03-08T08:15:00Z", "2026-03-08T08:30:00Z",
                     "2026-03-08T08:45:00Z", "2026-03-08T09:00:00Z", "2026-03-09T04:00:00Z"})
        << "........S.........";
    QTest::newRow("Detroit every 15 minutes fall 2025")
        << detroit << fromMidnight << "2025-11-02T00:00:00Z" << 17
        << utcTimes({"2025-11-02T04:00:00Z", "2025-11-02T04:15:00Z", "2025-11-02T04:30:00Z",
                     "2025-11-02T04:45:00Z", "2025-11-02T05:00:00Z", "2025-11-02T05:15:00Z",
                     "2025-11-02T05:30:00Z", "2025-11-02T05:45:00Z", "2025-11-02T06:00:00Z",
                     "2025-11-02T06:15:00Z", "2025-11-02T06:30:00Z", "2025-11-02T06:45:00Z",
                     "2025-11-02T07:00:00Z", "2025-11-02T07:15:00Z", "2025-11-02T07:30:00Z",
                     "2025-11-02T07:45:00Z", "2025-11-02T08:00:00Z"})
        << "........S........";
    QTest::newRow("Detroit every 15 minutes spring 2027")
        << detroit << fromMidnight << "2027-03-14T00:00:00Z" << 17
        << utcTimes({"2027-03-14T05:00:00Z", "2027-03-14T05:15:00Z", "2027-03-14T05:30:00Z",
                     "2027-03-14T05:45:00Z", "2027-03-14T06:00:00Z", "2027-03-14T06:15:00Z",
                     "2027-03-14T06:30:00Z", "2027-03-14T06:45:00Z", "2027-03-14T07:00:00Z",
                     "2027-03-14T07:15:00Z", "2027-03-14T07:30:00Z", "2027-03-14T07:45:00Z",
                     "2027-03-14T08:00:00Z", "2027-03-14T08:15:00Z", "2027-03-14T08:30:00Z",
                     "2027-03-14T08:45:00Z", "2027-03-14T09:00:00Z"})
        << "........S........";
    QTest::newRow("London every 15 minutes fall 2026")
        << london << fromMidnight << "2026-10-24T12:00:00Z" << 17
        << utcTimes({"2026-10-24T23:00:00Z", "2026-10-24T23:15:00Z", "2026-10-24T23:30:00Z",
                     "2026-10-24T23:45:00Z", "2026-10-25T00:00:00Z", "2026-10-25T00:15:00Z",
                     "2026-10-25T00:30:00Z", "2026-10-25T00:45:00Z", "2026-10-25T01:00:00Z",
                     "2026-10-25T01:15:00Z", "2026-10-25T01:30:00Z", "2026-10-25T01:45:00Z",
                     "2026-10-25T02:00:00Z", "2026-10-25T02:15:00Z", "2026-10-25T02:30:00Z",
                     "2026-10-25T02:45:00Z", "2026-10-25T03:00:00Z"})
        << "........S........";
    QTest::newRow("Phoenix every 15 minutes March 2026")
        << phoenix << fromMidnight << "2026-03-08T00:00:00Z" << 17
        << utcTimes({"2026-03-08T07:00:00Z", "2026-03-08T07:15:00Z", "2026-03-08T07:30:00Z",
                     "2026-03-08T07:45:00Z", "2026-03-08T08:00:00Z", "2026-03-08T08:15:00Z",
                     "2026-03-08T08:30:00Z", "2026-03-08T08:45:00Z", "2026-03-08T09:00:00Z",
                     "2026-03-08T09:15:00Z", "2026-03-08T09:30:00Z", "2026-03-08T09:45:00Z",
                     "2026-03-08T10:00:00Z", "2026-03-08T10:15:00Z", "2026-03-08T10:30:00Z",
                     "2026-03-08T10:45:00Z", "2026-03-08T11:00:00Z"})
        << ".................";

    // Weekly on Sunday (7) at 02:00: the US changes happen on Sundays at 02:00.
    const QJsonObject sundays0200
        = weeklyOn(QStringLiteral("2025-01-05"), QStringLiteral("02:00"), QJsonArray{7});
    QTest::newRow("Detroit weekly Sunday 02:00 spring 2025")
        << detroit << sundays0200 << "2025-03-01T00:00:00Z" << 3
        << utcTimes({"2025-03-02T07:00:00Z", "2025-03-09T07:00:00Z", "2025-03-16T06:00:00Z"})
        << ".S.";
    QTest::newRow("Detroit weekly Sunday 02:00 fall 2026")
        << detroit << sundays0200 << "2026-10-24T00:00:00Z" << 3
        << utcTimes({"2026-10-25T06:00:00Z", "2026-11-01T07:00:00Z", "2026-11-08T07:00:00Z"})
        << "...";
    QTest::newRow("Detroit weekly Sunday 02:00 spring 2027")
        << detroit << sundays0200 << "2027-03-06T00:00:00Z" << 3
        << utcTimes({"2027-03-07T07:00:00Z", "2027-03-14T07:00:00Z", "2027-03-21T06:00:00Z"})
        << ".S.";
    QTest::newRow("London weekly Sunday 01:30 fall 2026")
        << london << weeklyOn(QStringLiteral("2026-01-04"), QStringLiteral("01:30"), QJsonArray{7})
        << "2026-10-17T00:00:00Z" << 3
        << utcTimes({"2026-10-18T00:30:00Z", "2026-10-25T00:30:00Z", "2026-11-01T01:30:00Z"})
        << "...";
    // Weeks count from the start date's ISO week; Monday 2026-03-02 is before the start.
    QTest::newRow("Detroit every 2 weeks Monday and Wednesday")
        << detroit
        << with(weeklyOn(QStringLiteral("2026-03-04"), QStringLiteral("06:00"), QJsonArray{3, 1}),
                QStringLiteral("repeatEvery"), 2)
        << "2026-03-01T00:00:00Z" << 4
        << utcTimes({"2026-03-04T11:00:00Z", "2026-03-16T10:00:00Z", "2026-03-18T10:00:00Z",
                     "2026-03-30T10:00:00Z"})
        << "....";

    // Monthly: months without a 31st are skipped; "last" is each month's last day.
    QTest::newRow("Detroit monthly on the 31st 2026")
        << detroit << monthlyOn(QStringLiteral("2026-01-01"), QStringLiteral("02:00"), 31)
        << "2026-01-01T00:00:00Z" << 7
        << utcTimes({"2026-01-31T07:00:00Z", "2026-03-31T06:00:00Z", "2026-05-31T06:00:00Z",
                     "2026-07-31T06:00:00Z", "2026-08-31T06:00:00Z", "2026-10-31T06:00:00Z",
                     "2026-12-31T07:00:00Z"})
        << ".......";
    QTest::newRow("Detroit every 2 months on the 31st")
        << detroit
        << with(monthlyOn(QStringLiteral("2026-01-15"), QStringLiteral("02:00"), 31),
                QStringLiteral("repeatEvery"), 2)
        << "2026-01-01T00:00:00Z" << 5
        << utcTimes({"2026-01-31T07:00:00Z", "2026-03-31T06:00:00Z", "2026-05-31T06:00:00Z",
                     "2026-07-31T06:00:00Z", "2027-01-31T07:00:00Z"})
        << ".....";
    QTest::newRow("Detroit yearly 31st from April never runs")
        << detroit
        << with(monthlyOn(QStringLiteral("2026-04-01"), QStringLiteral("02:00"), 31),
                QStringLiteral("repeatEvery"), 12)
        << "2026-01-01T00:00:00Z" << 3 << QStringList() << "";
    QTest::newRow("Detroit monthly on the last day 2026")
        << detroit
        << monthlyOn(QStringLiteral("2026-01-01"), QStringLiteral("02:00"), QStringLiteral("last"))
        << "2026-01-01T00:00:00Z" << 4
        << utcTimes({"2026-01-31T07:00:00Z", "2026-02-28T07:00:00Z", "2026-03-31T06:00:00Z",
                     "2026-04-30T06:00:00Z"})
        << "....";
    QTest::newRow("Detroit monthly on the last day into 2028")
        << detroit
        << monthlyOn(QStringLiteral("2027-12-01"), QStringLiteral("02:00"), QStringLiteral("last"))
        << "2027-12-01T00:00:00Z" << 3
        << utcTimes({"2027-12-31T07:00:00Z", "2028-01-31T07:00:00Z", "2028-02-29T07:00:00Z"})
        << "...";
    QTest::newRow("Detroit monthly on the 8th spring 2026")
        << detroit << monthlyOn(QStringLiteral("2026-02-01"), QStringLiteral("02:30"), 8)
        << "2026-02-01T00:00:00Z" << 3
        << utcTimes({"2026-02-08T07:30:00Z", "2026-03-08T07:00:00Z", "2026-04-08T06:30:00Z"})
        << ".S.";
    QTest::newRow("London monthly on the last day fall 2026")
        << london
        << monthlyOn(QStringLiteral("2026-09-01"), QStringLiteral("01:30"), QStringLiteral("last"))
        << "2026-09-01T00:00:00Z" << 3
        << utcTimes({"2026-09-30T00:30:00Z", "2026-10-31T01:30:00Z", "2026-11-30T01:30:00Z"})
        << "...";

    // Once, and an end date that cuts a daily schedule short.
    QTest::newRow("Detroit once in the gap")
        << detroit
        << withType(daily(QStringLiteral("2026-03-08"), QStringLiteral("02:30")),
                    QStringLiteral("once"))
        << "2026-03-01T00:00:00Z" << 5 << utcTimes({"2026-03-08T07:00:00Z"}) << "S";
    QTest::newRow("Detroit daily until 2026-03-08")
        << detroit
        << with(daily(QStringLiteral("2026-03-01"), QStringLiteral("02:30")),
                QStringLiteral("endDate"), QStringLiteral("2026-03-08"))
        << "2026-03-07T00:00:00Z" << 5 << utcTimes({"2026-03-07T07:30:00Z", "2026-03-08T07:00:00Z"})
        << ".S";
}

void tst_Schedule::occurrences()
{
    QFETCH(QString, zone);
    QFETCH(QJsonObject, schedule);
    QFETCH(QString, after);
    QFETCH(int, count);
    QFETCH(QStringList, expected);
    QFETCH(QString, shifted);

    const QTimeZone timeZone(zone.toUtf8());
    QVERIFY(timeZone.isValid());
    const QList<hub::schedule::Occurrence> occurrences
        = hub::schedule::nextOccurrences(parsed(schedule), timeZone, utc(after), count);

    QStringList actual;
    QString actualShifted;
    for (const hub::schedule::Occurrence &occurrence : occurrences) {
        QCOMPARE(occurrence.at.timeSpec(), Qt::UTC);
        actual.append(occurrence.at.toString(Qt::ISODate));
        actualShifted.append(occurrence.shifted ? QLatin1Char('S') : QLatin1Char('.'));
    }
    QCOMPARE(actual, expected);
    QCOMPARE(actualShifted, shifted);
}

void tst_Schedule::gapAndOverlapNotes()
{
    const QTimeZone detroit("America/Detroit");
    const hub::schedule::Occurrence gap
        = hub::schedule::resolveLocalTime(QDate(2026, 3, 8), QTime(2, 30), detroit);
    QCOMPARE(gap.at, utc(QStringLiteral("2026-03-08T07:00:00Z")));
    QVERIFY(gap.shifted);
    QCOMPARE(gap.note, QStringLiteral("02:30 does not exist on 2026-03-08 because clocks move "
                                      "forward to EDT; runs at 03:00 EDT, the first time after "
                                      "the change."));

    const hub::schedule::Occurrence overlap
        = hub::schedule::resolveLocalTime(QDate(2026, 11, 1), QTime(1, 30), detroit);
    QCOMPARE(overlap.at, utc(QStringLiteral("2026-11-01T05:30:00Z")));
    QVERIFY(!overlap.shifted);
    QCOMPARE(overlap.note, QStringLiteral("01:30 occurs twice on 2026-11-01 because clocks move "
                                          "back to EST; runs once, at the first (01:30 EDT)."));

    const hub::schedule::Occurrence ordinary
        = hub::schedule::resolveLocalTime(QDate(2026, 11, 1), QTime(2, 30), detroit);
    QCOMPARE(ordinary.at, utc(QStringLiteral("2026-11-01T07:30:00Z")));
    QVERIFY(ordinary.note.isEmpty());
}

void tst_Schedule::overlapNoteWithRepetitions()
{
    // Every 60 minutes for 1380 minutes from 01:30 on the fall-back day: the start runs once,
    // and the repetitions continue through the repeated hour, so 01:30 EST also has a run.
    const QJsonObject schedule
        = everyMinutes(daily(QStringLiteral("2027-11-07"), QStringLiteral("01:30")), 60, 1380);
    const QList<hub::schedule::Occurrence> occurrences
        = hub::schedule::nextOccurrences(parsed(schedule), QTimeZone("America/Detroit"),
                                         utc(QStringLiteral("2027-11-07T00:00:00Z")), 3);
    QCOMPARE(occurrences.size(), 3);
    QCOMPARE(occurrences.at(0).at, utc(QStringLiteral("2027-11-07T05:30:00Z")));
    QVERIFY(!occurrences.at(0).shifted);
    QCOMPARE(occurrences.at(0).note,
             QStringLiteral("The start time 01:30 occurs twice on 2027-11-07 because clocks move "
                            "back to EST. The day starts at 01:30 EDT, and its repetitions follow "
                            "elapsed time through the repeated hour."));
    QCOMPARE(occurrences.at(1).at, utc(QStringLiteral("2027-11-07T06:30:00Z")));
    QCOMPARE(occurrences.at(1).note,
             QStringLiteral("Clocks changed from EDT to EST before this run; repetitions follow "
                            "elapsed time."));
    QVERIFY(occurrences.at(2).note.isEmpty());
}

void tst_Schedule::monthlySkipNotes_data()
{
    QTest::addColumn<QJsonObject>("schedule");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("notes");

    const QString advice
        = QStringLiteral(" To run every month, choose the last day (\"last\") instead.");
    QTest::newRow("day 31 monthly")
        << monthlyOn(QStringLiteral("2027-01-31"), QStringLiteral("09:00"), 31)
        << QStringLiteral("2027-01-01T00:00:00Z")
        << utcTimes({"2027-01-31T14:00:00Z", "2027-03-31T13:00:00Z", "2027-05-31T13:00:00Z",
                     "2027-07-31T13:00:00Z"})
        << QStringList{QString(),
                       QStringLiteral("No run in February 2027 because it has no day 31.") + advice,
                       QStringLiteral("No run in April 2027 because it has no day 31.") + advice,
                       QStringLiteral("No run in June 2027 because it has no day 31.") + advice};
    QTest::newRow("day 29 yearly")
        << with(monthlyOn(QStringLiteral("2024-02-29"), QStringLiteral("09:00"), 29),
                QStringLiteral("repeatEvery"), 12)
        << QStringLiteral("2024-03-01T00:00:00Z") << utcTimes({"2028-02-29T14:00:00Z"})
        << QStringList{QStringLiteral("No run in February 2025, February 2026 and February 2027 "
                                      "because those months have no day 29.")
                       + advice};
    QTest::newRow("last day") << monthlyOn(QStringLiteral("2027-01-31"), QStringLiteral("09:00"),
                                           QStringLiteral("last"))
                              << QStringLiteral("2027-01-01T00:00:00Z")
                              << utcTimes({"2027-01-31T14:00:00Z", "2027-02-28T14:00:00Z",
                                           "2027-03-31T13:00:00Z"})
                              << QStringList{QString(), QString(), QString()};
}

void tst_Schedule::monthlySkipNotes()
{
    QFETCH(QJsonObject, schedule);
    QFETCH(QString, after);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, notes);

    const QList<hub::schedule::Occurrence> occurrences = hub::schedule::nextOccurrences(
        parsed(schedule), QTimeZone("America/Detroit"), utc(after), int(expected.size()));
    QCOMPARE(occurrences.size(), expected.size());
    for (qsizetype i = 0; i < occurrences.size(); ++i) {
        QCOMPARE(occurrences.at(i).at.toString(Qt::ISODate), expected.at(i));
        QCOMPARE(occurrences.at(i).note, notes.at(i));
    }
}

void tst_Schedule::repetitionsIntoNextDayAreDistinct()
{
    // Every hour for 24 hours from 00:00: each day's last run meets the next day's first, and
    // on the 23-hour spring day it reaches into the next day's runs.
    const QJsonObject schedule
        = everyMinutes(daily(QStringLiteral("2026-03-01"), QStringLiteral("00:00")), 60, 1440);
    const QList<hub::schedule::Occurrence> occurrences
        = hub::schedule::nextOccurrences(parsed(schedule), QTimeZone("America/Detroit"),
                                         utc(QStringLiteral("2026-03-07T12:00:00Z")), 60);
    QCOMPARE(occurrences.size(), 60);
    QCOMPARE(occurrences.first().at, utc(QStringLiteral("2026-03-07T13:00:00Z")));
    for (qsizetype i = 1; i < occurrences.size(); ++i)
        QCOMPARE(occurrences.at(i - 1).at.secsTo(occurrences.at(i).at), 3600);
    QCOMPARE(occurrences.last().at, utc(QStringLiteral("2026-03-10T00:00:00Z")));
}

void tst_Schedule::onceHasNothingAfterItsRun()
{
    const QJsonObject schedule = withType(
        daily(QStringLiteral("2026-03-08"), QStringLiteral("02:30")), QStringLiteral("once"));
    QVERIFY(hub::schedule::nextOccurrences(parsed(schedule), QTimeZone("America/Detroit"),
                                           utc(QStringLiteral("2026-03-08T07:00:00Z")), 5)
                .isEmpty());
}

void tst_Schedule::validation_data()
{
    QTest::addColumn<QJsonObject>("schedule");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    const QJsonObject base = daily(QStringLiteral("2026-03-01"), QStringLiteral("02:00"));
    const QJsonObject weekly = withType(base, QStringLiteral("weekly"));
    QTest::newRow("day of week 0")
        << with(weekly, QStringLiteral("daysOfWeek"), QJsonArray{1, 0}) << "schedule.daysOfWeek"
        << "item 2 of the list";
    QTest::newRow("day of week text")
        << with(weekly, QStringLiteral("daysOfWeek"), QJsonArray{QStringLiteral("Monday")})
        << "schedule.daysOfWeek"
        << "1 (Monday) to 7 (Sunday)";
    QTest::newRow("days of week not a list")
        << with(weekly, QStringLiteral("daysOfWeek"), 3) << "schedule.daysOfWeek"
        << "as a list";
    QTest::newRow("weekly with no days")
        << with(weekly, QStringLiteral("daysOfWeek"), QJsonArray()) << "schedule.daysOfWeek"
        << "at least one day";
    const QJsonObject monthly = withType(base, QStringLiteral("monthly"));
    QTest::newRow("day of month 32")
        << with(monthly, QStringLiteral("dayOfMonth"), 32) << "schedule.dayOfMonth"
        << "from 1 to 31";
    QTest::newRow("day of month first")
        << with(monthly, QStringLiteral("dayOfMonth"), QStringLiteral("first"))
        << "schedule.dayOfMonth"
        << "\"last\"";
    QTest::newRow("day of month 1.5")
        << with(monthly, QStringLiteral("dayOfMonth"), 1.5) << "schedule.dayOfMonth"
        << "from 1 to 31";
    QTest::newRow("skip catch-up text")
        << with(base, QStringLiteral("skipCatchUp"), QStringLiteral("yes"))
        << "schedule.skipCatchUp"
        << "true or false";
    QTest::newRow("hourly repeating within the day")
        << everyMinutes(withType(base, QStringLiteral("hourly")), 15, 60)
        << "schedule.advanced.enabled"
        << "hourly";
    QTest::newRow("start date past 2199")
        << with(base, QStringLiteral("startDate"), QStringLiteral("9999-12-31"))
        << "schedule.startDate"
        << "from 1970-01-01 to 2199-12-31";
    QTest::newRow("start date before 1970")
        << with(base, QStringLiteral("startDate"), QStringLiteral("1969-12-31"))
        << "schedule.startDate"
        << "from 1970-01-01 to 2199-12-31";
    QTest::newRow("end date past 2199")
        << with(base, QStringLiteral("endDate"), QStringLiteral("2200-01-01"))
        << "schedule.endDate"
        << "from 1970-01-01 to 2199-12-31";
    QTest::newRow("duration shorter than interval")
        << everyMinutes(base, 30, 15) << "schedule.advanced.durationMinutes"
        << "from the repeat interval";
}

void tst_Schedule::validation()
{
    QFETCH(QJsonObject, schedule);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);

    const QJsonObject errors = hub::schedule::validateSchedule(schedule);
    QVERIFY2(errors.contains(field), QJsonDocument(errors).toJson().constData());
    QVERIFY2(errors.value(field).toString().contains(messagePart),
             qPrintable(errors.value(field).toString()));
    QVERIFY(!hub::schedule::parseSchedule(schedule).ok());
}

void tst_Schedule::weeklyWithoutDaysUsesStartDay()
{
    // 2026-03-04 is a Wednesday.
    const QJsonObject schedule = withType(
        daily(QStringLiteral("2026-03-04"), QStringLiteral("06:00")), QStringLiteral("weekly"));
    QVERIFY(hub::schedule::validateSchedule(schedule).isEmpty());
    const hub::schedule::Schedule parsedSchedule = parsed(schedule);
    QCOMPARE(parsedSchedule.daysOfWeek, QList<int>{3});
    const QList<hub::schedule::Occurrence> occurrences
        = hub::schedule::nextOccurrences(parsedSchedule, QTimeZone("America/Detroit"),
                                         utc(QStringLiteral("2026-03-05T00:00:00Z")), 1);
    QCOMPARE(occurrences.size(), 1);
    QCOMPARE(occurrences.first().at, utc(QStringLiteral("2026-03-11T10:00:00Z")));
}

QTEST_APPLESS_MAIN(tst_Schedule)

#include "tst_schedule.moc"
