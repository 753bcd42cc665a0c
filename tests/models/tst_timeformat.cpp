// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "timeformat.h"

#include <QTest>

using namespace hubdesk;

class tst_TimeFormat final : public QObject
{
    Q_OBJECT

private slots:
    void districtTime_data();
    void districtTime();
    void invalidInstantIsEmpty();
    void districtTimeInLocale_data();
    void districtTimeInLocale();
    void parseEngineTime_data();
    void parseEngineTime();
    void duration_data();
    void duration();
};

void tst_TimeFormat::districtTime_data()
{
    QTest::addColumn<QString>("utc");
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("expected");

    const QByteArray detroit = QByteArrayLiteral("America/Detroit");
    QTest::newRow("winter afternoon") << QStringLiteral("2026-01-15T19:05:09Z") << detroit
                                      << QStringLiteral("01/15/2026 02:05:09 PM EST");
    QTest::newRow("summer morning") << QStringLiteral("2026-07-15T06:00:13Z") << detroit
                                    << QStringLiteral("07/15/2026 02:00:13 AM EDT");
    QTest::newRow("midnight is 12 AM") << QStringLiteral("2026-12-04T05:00:00Z") << detroit
                                       << QStringLiteral("12/04/2026 12:00:00 AM EST");
    QTest::newRow("noon is 12 PM") << QStringLiteral("2026-12-04T17:00:00Z") << detroit
                                   << QStringLiteral("12/04/2026 12:00:00 PM EST");
    // 2026-03-08: clocks jump from 02:00 EST to 03:00 EDT at 07:00 UTC.
    QTest::newRow("spring forward, last EST second")
        << QStringLiteral("2026-03-08T06:59:59Z") << detroit
        << QStringLiteral("03/08/2026 01:59:59 AM EST");
    QTest::newRow("spring forward, first EDT second")
        << QStringLiteral("2026-03-08T07:00:00Z") << detroit
        << QStringLiteral("03/08/2026 03:00:00 AM EDT");
    // 2026-11-01: clocks fall back from 02:00 EDT to 01:00 EST at 06:00 UTC, so 01:30 occurs
    // twice and only the abbreviation distinguishes them.
    QTest::newRow("fall back, first 01:30") << QStringLiteral("2026-11-01T05:30:00Z") << detroit
                                            << QStringLiteral("11/01/2026 01:30:00 AM EDT");
    QTest::newRow("fall back, second 01:30") << QStringLiteral("2026-11-01T06:30:00Z") << detroit
                                             << QStringLiteral("11/01/2026 01:30:00 AM EST");
    QTest::newRow("other zone") << QStringLiteral("2026-07-15T06:00:00Z")
                                << QByteArrayLiteral("America/Los_Angeles")
                                << QStringLiteral("07/14/2026 11:00:00 PM PDT");
    QTest::newRow("invalid zone falls back to UTC")
        << QStringLiteral("2026-07-15T06:00:00Z") << QByteArrayLiteral("Nowhere/Invalid")
        << QStringLiteral("07/15/2026 06:00:00 AM UTC");
}

void tst_TimeFormat::districtTime()
{
    QFETCH(QString, utc);
    QFETCH(QByteArray, zone);
    QFETCH(QString, expected);

    const QDateTime instant = QDateTime::fromString(utc, Qt::ISODate);
    QVERIFY(instant.isValid());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(formatDistrictTime(instant, QTimeZone(zone)), expected);
}

void tst_TimeFormat::districtTimeInLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("expected");

    // 14:05:09 EST on 15 January 2026 in Detroit, whatever the language.
    QTest::newRow("C locale keeps the US form") << QLocale::c()
                                                << QStringLiteral("01/15/2026 02:05:09 PM EST");
    QTest::newRow("Spanish: day first, 24-hour clock")
        << QLocale(QLocale::Spanish, QLocale::Spain) << QStringLiteral("15/1/26 14:05:09 EST");
    const QLocale arabic(QLocale::Arabic, QLocale::Egypt);
    QTest::newRow("Arabic: Arabic-Indic digits, 12-hour clock")
        << arabic
        << arabic.toString(QDate(2026, 1, 15), QLocale::ShortFormat) + QLatin1Char(' ')
               + arabic.toString(QTime(14, 5, 9), QStringLiteral("h:mm:ss AP"))
               + QStringLiteral(" EST");
}

void tst_TimeFormat::districtTimeInLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, expected);

    QLocale::setDefault(locale);
    const QString text = formatDistrictTime(QDateTime::fromString(QStringLiteral("2026-01-15T19:05:09Z"),
                                                                  Qt::ISODate),
                                            QTimeZone("America/Detroit"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QCOMPARE(text, expected);
    if (locale.language() == QLocale::Arabic)
        QVERIFY2(text.contains(QChar(0x0661)), qPrintable(text)); // Arabic-Indic digit one
}

void tst_TimeFormat::invalidInstantIsEmpty()
{
    QCOMPARE(formatDistrictTime(QDateTime(), QTimeZone("America/Detroit")), QString());
}

void tst_TimeFormat::parseEngineTime_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    const QTimeZone utc = QTimeZone::utc();
    QTest::newRow("milliseconds and Z") << QStringLiteral("2026-12-04T07:00:13.120Z")
                                        << QDateTime(QDate(2026, 12, 4), QTime(7, 0, 13, 120), utc);
    QTest::newRow("no milliseconds") << QStringLiteral("2026-12-04T07:00:13Z")
                                     << QDateTime(QDate(2026, 12, 4), QTime(7, 0, 13), utc);
    QTest::newRow("no offset is read as UTC")
        << QStringLiteral("2026-12-04T07:00:13.000")
        << QDateTime(QDate(2026, 12, 4), QTime(7, 0, 13), utc);
    QTest::newRow("offset is converted") << QStringLiteral("2026-12-04T02:00:13-05:00")
                                         << QDateTime(QDate(2026, 12, 4), QTime(7, 0, 13), utc);
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
}

void tst_TimeFormat::parseEngineTime()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    const QDateTime parsed = hubdesk::parseEngineTime(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

void tst_TimeFormat::duration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");

    QTest::newRow("zero") << qint64(0) << QStringLiteral("00:00:00");
    QTest::newRow("59 seconds") << qint64(59) << QStringLiteral("00:00:59");
    QTest::newRow("one minute") << qint64(60) << QStringLiteral("00:01:00");
    QTest::newRow("12 minutes 59 seconds") << qint64(779) << QStringLiteral("00:12:59");
    QTest::newRow("13 minutes, never 12:60") << qint64(780) << QStringLiteral("00:13:00");
    QTest::newRow("one second short of an hour") << qint64(3599) << QStringLiteral("00:59:59");
    QTest::newRow("one hour") << qint64(3600) << QStringLiteral("01:00:00");
    QTest::newRow("more than a day") << qint64(100 * 3600 + 61) << QStringLiteral("100:01:01");
    QTest::newRow("negative") << qint64(-5) << QStringLiteral("00:00:00");
}

void tst_TimeFormat::duration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);

    QCOMPARE(formatDuration(seconds), expected);
}

QTEST_GUILESS_MAIN(tst_TimeFormat)

#include "tst_timeformat.moc"
