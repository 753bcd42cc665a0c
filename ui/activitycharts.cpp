// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "activitycharts.h"

#include "integrationactivity.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLocale>
#include <QPen>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <cmath>

namespace hubdesk {

namespace {

const QColor kSucceededColor(0x2e, 0x7d, 0x32);
const QColor kFailedColor(0xc6, 0x28, 0x28);
const QColor kCancelledColor(0x9e, 0x9e, 0x9e);
const QColor kLongColor(0xef, 0x6c, 0x00);
const QColor kMedianColor(0x37, 0x47, 0x4f);

// The translation context of the chart texts.
struct ActivityCharts
{
    Q_DECLARE_TR_FUNCTIONS(hubdesk::ActivityCharts)
};

// QDateTimeAxis formats its labels in the machine's local time. The chart places each instant
// at the same wall-clock time in local time as it has in the district's zone, so the labels
// read as district time on any machine.
qreal chartPosition(const QDateTime &utc, const QTimeZone &zone)
{
    const QDateTime district = utc.toTimeZone(zone);
    return qreal(QDateTime(district.date(), district.time()).toMSecsSinceEpoch());
}

qreal dayPosition(const QDate &date)
{
    return qreal(QDateTime(date, QTime(0, 0)).toMSecsSinceEpoch());
}

void styleChart(QChart *chart, const QString &title)
{
    chart->setTitle(title);
    // The console's language, so that the date axis names months in it.
    chart->setLocale(QLocale());
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
}

QScatterSeries *markerSeries(const QString &name, const QColor &color, qreal size,
                             QScatterSeries::MarkerShape shape)
{
    auto series = new QScatterSeries;
    series->setName(name);
    series->setColor(color);
    series->setBorderColor(color.darker(130));
    series->setMarkerSize(size);
    series->setMarkerShape(shape);
    return series;
}

} // namespace

QChart *createDurationChart(const IntegrationActivity &activity, const QTimeZone &zone)
{
    auto chart = new QChart;
    styleChart(chart, ActivityCharts::tr("Run duration, last %1 days").arg(activity.days.size()));

    auto durations = new QLineSeries;
    durations->setObjectName(QStringLiteral("durationSeries"));
    durations->setName(ActivityCharts::tr("Duration"));
    durations->setPointsVisible(true);
    auto longRuns = markerSeries(ActivityCharts::tr("Unusually long"), kLongColor, 14,
                                 QScatterSeries::MarkerShapeCircle);
    longRuns->setObjectName(QStringLiteral("longRunSeries"));
    auto failedRuns = markerSeries(ActivityCharts::tr("Failed"), kFailedColor, 10,
                                   QScatterSeries::MarkerShapeRectangle);
    failedRuns->setObjectName(QStringLiteral("failedRunSeries"));

    double maxMinutes = 1;
    for (const ActivityRun &run : activity.runs) {
        const QPointF point(chartPosition(run.startedAt, zone), run.durationSeconds / 60.0);
        durations->append(point);
        if (run.isLong)
            longRuns->append(point);
        if (run.status == 9)
            failedRuns->append(point);
        maxMinutes = std::max(maxMinutes, point.y());
    }

    const qreal start = dayPosition(activity.from);
    const qreal end = dayPosition(activity.to.addDays(1));
    auto median = new QLineSeries;
    median->setObjectName(QStringLiteral("medianSeries"));
    if (activity.medianSeconds) {
        const double minutes = *activity.medianSeconds / 60.0;
        median->append(start, minutes);
        median->append(end, minutes);
        //: The median run duration in minutes.
        median->setName(ActivityCharts::tr("Median (%1 min)").arg(minutes, 0, 'f', 1));
    } else {
        median->setName(ActivityCharts::tr("Median (needs 3 successful runs)"));
    }
    QPen medianPen(kMedianColor);
    medianPen.setStyle(Qt::DashLine);
    medianPen.setWidthF(1.5);
    median->setPen(medianPen);

    for (QAbstractSeries *series :
         std::initializer_list<QAbstractSeries *>{durations, median, failedRuns, longRuns})
        chart->addSeries(series);

    auto xAxis = new QDateTimeAxis;
    xAxis->setFormat(QStringLiteral("MMM d"));
    xAxis->setTickCount(10);
    xAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(start)),
                    QDateTime::fromMSecsSinceEpoch(qint64(end)));
    auto yAxis = new QValueAxis;
    yAxis->setTitleText(ActivityCharts::tr("Minutes"));
    yAxis->setRange(0, maxMinutes * 1.1);
    yAxis->applyNiceNumbers();
    yAxis->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    return chart;
}

QChart *createDailyChart(const IntegrationActivity &activity)
{
    auto chart = new QChart;
    styleChart(chart, ActivityCharts::tr("Runs per day"));

    auto succeeded = new QBarSet(ActivityCharts::tr("Succeeded"));
    auto failed = new QBarSet(ActivityCharts::tr("Failed"));
    auto cancelled = new QBarSet(ActivityCharts::tr("Cancelled"));
    succeeded->setColor(kSucceededColor);
    failed->setColor(kFailedColor);
    cancelled->setColor(kCancelledColor);
    int maxRuns = 1;
    for (const ActivityDay &day : activity.days) {
        succeeded->append(day.succeeded);
        failed->append(day.failed);
        cancelled->append(day.cancelled);
        maxRuns = std::max(maxRuns, day.succeeded + day.failed + day.cancelled);
    }
    auto series = new QStackedBarSeries;
    series->setObjectName(QStringLiteral("dailySeries"));
    series->append({succeeded, failed, cancelled});
    series->setBarWidth(0.8);
    chart->addSeries(series);

    // Bars sit at 0, 1, 2, ...; a label every 21 days keeps 90 days readable in the third of
    // the page that the chart has beside Last Runs.
    auto xAxis = new QCategoryAxis;
    xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    xAxis->setRange(-0.5, activity.days.size() - 0.5);
    for (int i = 0; i < activity.days.size(); i += 21)
        xAxis->append(QLocale().toString(activity.days.at(i).date, QStringLiteral("MMM d")), i);
    auto yAxis = new QValueAxis;
    yAxis->setTitleText(ActivityCharts::tr("Runs"));
    yAxis->setRange(0, maxRuns);
    // Whole numbers only: one tick per run up to 10 runs a day.
    if (maxRuns <= 10)
        yAxis->setTickCount(maxRuns + 1);
    else
        yAxis->applyNiceNumbers();
    yAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    series->attachAxis(xAxis);
    series->attachAxis(yAxis);
    return chart;
}

} // namespace hubdesk
