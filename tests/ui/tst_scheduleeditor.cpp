// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "uitestengine.h"

#include "occurrencemodel.h"
#include "outboundintegrationform.h"
#include "scheduleeditor.h"
#include "schedulepreview.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGroupBox>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QRadioButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimeZone>

using hubdesk::OccurrenceModel;
using hubdesk::OutboundIntegrationForm;
using hubtest::UiTestEngine;
using namespace Qt::StringLiterals;

namespace {

// Records the URL of every request, to show which requests a widget sends and when.
class RecordingNetwork final : public QNetworkAccessManager
{
public:
    QList<QUrl> urls;

protected:
    QNetworkReply *createRequest(Operation operation, const QNetworkRequest &request,
                                 QIODevice *body) override
    {
        urls.append(request.url());
        return QNetworkAccessManager::createRequest(operation, request, body);
    }
};

// The engine's clock stays at this instant, a week before the spring-forward change of
// 2026-03-08 in the demo district's zone, America/Detroit.
const QDateTime kNow(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());

} // namespace

class tst_ScheduleEditor final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void dstGapShowsShiftedWarning();
    void weeklyRunsOnChosenDays();
    void monthlyLastDay();
    void blackoutShowsReason();
    void invalidDraftShowsEngineMessage();
    void inactiveScheduleListsNothing();
    void hourlyHidesAdvanced();
    void weeklyScheduleRoundTrips();
    void newScheduleStartsOnDistrictDate();
    void previewWaitsForConnection();

private:
    template<typename Widget>
    Widget *control(const QString &objectName) const
    {
        return m_form->findChild<Widget *>(objectName);
    }
    void startNewMiLearn();
    bool selectText(const QString &comboName, const QString &text) const;
    void checkOnlyDays(const QList<int> &days) const;
    QStringList entries() const;
    hubdesk::SchedulePreview *preview() const { return m_form->scheduleEditor()->preview(); }

    UiTestEngine m_engine;
    std::unique_ptr<OutboundIntegrationForm> m_form;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
};

void tst_ScheduleEditor::initTestCase()
{
    m_engine.setClock([] { return kNow; });
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_ScheduleEditor::cleanupTestCase()
{
    m_engine.stop();
}

void tst_ScheduleEditor::init()
{
    m_form = std::make_unique<OutboundIntegrationForm>(m_engine.client());
    m_form->resize(900, 1000);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_form.get()));
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
        preview()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_ScheduleEditor::cleanup()
{
    m_modelTester.reset();
    m_form.reset();
}

void tst_ScheduleEditor::startNewMiLearn()
{
    const QJsonObject product = m_engine.productNamed(QStringLiteral("MiLEARN"));
    QVERIFY(!product.isEmpty());
    QSignalSpy loaded(m_form.get(), &OutboundIntegrationForm::loaded);
    m_form->startNew(product);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
}

bool tst_ScheduleEditor::selectText(const QString &comboName, const QString &text) const
{
    auto combo = control<QComboBox>(comboName);
    const int index = combo ? combo->findText(text) : -1;
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

void tst_ScheduleEditor::checkOnlyDays(const QList<int> &days) const
{
    for (int day = 1; day <= 7; ++day)
        control<QCheckBox>(QStringLiteral("dayOfWeekCheck%1").arg(day))
            ->setChecked(days.contains(day));
}

QStringList tst_ScheduleEditor::entries() const
{
    QStringList texts;
    const OccurrenceModel *model = preview()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->index(row, 0).data().toString());
    return texts;
}

void tst_ScheduleEditor::dstGapShowsShiftedWarning()
{
    startNewMiLearn();
    QVERIFY(selectText(QStringLiteral("scheduleTypeCombo"), QStringLiteral("Daily")));
    control<QDateEdit>(QStringLiteral("startDateEdit"))->setDate(QDate(2026, 3, 7));
    control<QTimeEdit>(QStringLiteral("startTimeEdit"))->setTime(QTime(2, 30));

    // 02:30 does not exist on 2026-03-08, so that run moves to the change at 03:00 EDT.
    const QStringList expected{u"Sat 03/07/2026 02:30 AM EST"_s, u"Sun 03/08/2026 03:00 AM EDT"_s,
                               u"Mon 03/09/2026 02:30 AM EDT"_s, u"Tue 03/10/2026 02:30 AM EDT"_s,
                               u"Wed 03/11/2026 02:30 AM EDT"_s};
    QTRY_COMPARE(entries(), expected);

    const QModelIndex shifted = preview()->model()->index(1, 0);
    QCOMPARE(shifted.data(OccurrenceModel::ShiftedRole).toBool(), true);
    const QString note = shifted.data(OccurrenceModel::NoteRole).toString();
    QVERIFY2(note.startsWith(u"02:30 does not exist on 2026-03-08"_s), qPrintable(note));
    QCOMPARE(preview()->model()->index(0, 0).data(OccurrenceModel::ShiftedRole).toBool(), false);

    // The warning line with its icon sits beside the shifted run only.
    auto noteLabel = control<QLabel>(QStringLiteral("nextRunNote1"));
    QVERIFY(noteLabel->isVisible());
    QCOMPARE(noteLabel->text(), note);
    QVERIFY(control<QLabel>(QStringLiteral("nextRunIcon1"))->isVisible());
    QVERIFY(!control<QLabel>(QStringLiteral("nextRunNote0"))->isVisible());
    QVERIFY(!control<QLabel>(QStringLiteral("nextRunIcon2"))->isVisible());
    QCOMPARE(control<QLabel>(QStringLiteral("nextRunLabel1"))->text(), expected.at(1));
    QCOMPARE(preview()->statusText(), u"Times are in the district's time zone, America/Detroit."_s);

    auto group = control<QGroupBox>(QStringLiteral("scheduleGroup"));
    control<QScrollArea>(QStringLiteral("formScrollArea"))->ensureWidgetVisible(group);
    hubtest::saveScreenshot(group, QStringLiteral("schedule-preview"));
    hubtest::saveScreenshot(m_form.get(), QStringLiteral("schedule-form-dst"));
}

void tst_ScheduleEditor::weeklyRunsOnChosenDays()
{
    startNewMiLearn();
    QVERIFY(selectText(QStringLiteral("scheduleTypeCombo"), QStringLiteral("Weekly")));
    QVERIFY(control<QWidget>(QStringLiteral("daysOfWeekRow"))->isVisible());
    QVERIFY(!control<QWidget>(QStringLiteral("dayOfMonthRow"))->isVisible());
    // A Monday start date, so that the first Sunday is six days later. The day boxes follow
    // the start date until they are changed.
    control<QDateEdit>(QStringLiteral("startDateEdit"))->setDate(QDate(2026, 3, 2));
    QVERIFY(control<QCheckBox>(QStringLiteral("dayOfWeekCheck1"))->isChecked());
    control<QTimeEdit>(QStringLiteral("startTimeEdit"))->setTime(QTime(6, 0));
    checkOnlyDays({7});

    const QStringList expected{u"Sun 03/08/2026 06:00 AM EDT"_s, u"Sun 03/15/2026 06:00 AM EDT"_s,
                               u"Sun 03/22/2026 06:00 AM EDT"_s, u"Sun 03/29/2026 06:00 AM EDT"_s,
                               u"Sun 04/05/2026 06:00 AM EDT"_s};
    QTRY_COMPARE(entries(), expected);
    for (const QString &entry : entries())
        QVERIFY2(entry.startsWith(u"Sun "_s), qPrintable(entry));
    QCOMPARE(m_form->toJson()[u"schedule"_s][u"daysOfWeek"_s].toArray(), QJsonArray{7});
    hubtest::saveScreenshot(control<QWidget>(QStringLiteral("scheduleGroup")),
                            QStringLiteral("schedule-weekly"));

    // No day at all is the engine's error under the days.
    checkOnlyDays({});
    QTRY_COMPARE(m_form->fieldError(QStringLiteral("schedule.daysOfWeek")),
                 u"Choose at least one day of the week."_s);
    QCOMPARE(preview()->model()->rowCount(), 0);
}

void tst_ScheduleEditor::monthlyLastDay()
{
    startNewMiLearn();
    QVERIFY(selectText(QStringLiteral("scheduleTypeCombo"), QStringLiteral("Monthly")));
    QVERIFY(control<QWidget>(QStringLiteral("dayOfMonthRow"))->isVisible());
    QVERIFY(!control<QWidget>(QStringLiteral("daysOfWeekRow"))->isVisible());
    control<QDateEdit>(QStringLiteral("startDateEdit"))->setDate(QDate(2027, 1, 15));
    control<QTimeEdit>(QStringLiteral("startTimeEdit"))->setTime(QTime(2, 0));
    QCOMPARE(control<QSpinBox>(QStringLiteral("dayOfMonthSpin"))->value(), 15);
    control<QRadioButton>(QStringLiteral("lastDayRadio"))->setChecked(true);
    QVERIFY(!control<QSpinBox>(QStringLiteral("dayOfMonthSpin"))->isEnabled());

    const QStringList expected{u"Sun 01/31/2027 02:00 AM EST"_s, u"Sun 02/28/2027 02:00 AM EST"_s,
                               u"Wed 03/31/2027 02:00 AM EDT"_s, u"Fri 04/30/2027 02:00 AM EDT"_s,
                               u"Mon 05/31/2027 02:00 AM EDT"_s};
    QTRY_COMPARE(entries(), expected);
    QCOMPARE(m_form->toJson()[u"schedule"_s][u"dayOfMonth"_s].toString(), u"last"_s);
    hubtest::saveScreenshot(control<QWidget>(QStringLiteral("scheduleGroup")),
                            QStringLiteral("schedule-monthly"));

    // The 31st skips the months that lack it.
    control<QRadioButton>(QStringLiteral("dayOfMonthRadio"))->setChecked(true);
    control<QSpinBox>(QStringLiteral("dayOfMonthSpin"))->setValue(31);
    QTRY_COMPARE(entries().value(1), u"Wed 03/31/2027 02:00 AM EDT"_s);
    QCOMPARE(m_form->toJson()[u"schedule"_s][u"dayOfMonth"_s].toInt(), 31);
}

void tst_ScheduleEditor::blackoutShowsReason()
{
    const hubdesk::ApiResult created = UiTestEngine::wait(m_engine.client()->post(
        QStringLiteral("/api/v1/blackouts"),
        QJsonObject{{QStringLiteral("startsOn"), QStringLiteral("2026-03-10")},
                    {QStringLiteral("endsOn"), QStringLiteral("2026-03-10")},
                    {QStringLiteral("reason"), QStringLiteral("State testing day")}}));
    QCOMPARE(created.httpStatus, 201);
    const qint64 blackoutId = created.body.object().value(QStringLiteral("id")).toInteger();

    startNewMiLearn();
    control<QDateEdit>(QStringLiteral("startDateEdit"))->setDate(QDate(2026, 3, 9));
    QTRY_COMPARE(entries().value(1), u"Tue 03/10/2026 02:00 AM EDT"_s);
    QCOMPARE(preview()->model()->index(1, 0).data(OccurrenceModel::HeldByRole).toString(),
             u"State testing day"_s);
    auto note = control<QLabel>(QStringLiteral("nextRunNote1"));
    QVERIFY(note->isVisible());
    QCOMPARE(note->text(), u"Held by a blackout window: State testing day"_s);
    QVERIFY(!control<QLabel>(QStringLiteral("nextRunNote0"))->isVisible());
    hubtest::saveScreenshot(control<QWidget>(QStringLiteral("scheduleGroup")),
                            QStringLiteral("schedule-blackout"));

    const hubdesk::ApiResult deleted = UiTestEngine::wait(
        m_engine.client()->deleteResource(QStringLiteral("/api/v1/blackouts/%1").arg(blackoutId)));
    QCOMPARE(deleted.httpStatus, 204);
}

void tst_ScheduleEditor::invalidDraftShowsEngineMessage()
{
    startNewMiLearn();
    QTRY_COMPARE(preview()->model()->rowCount(), hubdesk::SchedulePreview::kRunCount);

    auto startDate = control<QDateEdit>(QStringLiteral("startDateEdit"));
    startDate->setDate(QDate(2026, 5, 1));
    control<QCheckBox>(QStringLiteral("endDateCheck"))->setChecked(true);
    control<QDateEdit>(QStringLiteral("endDateEdit"))->setDate(QDate(2026, 4, 30));

    const QString message = u"The end date is before the start date."_s;
    QTRY_COMPARE(m_form->fieldError(QStringLiteral("schedule.endDate")), message);
    auto errorLabel = control<QLabel>(QStringLiteral("endDateRowError"));
    QVERIFY(errorLabel);
    QVERIFY(errorLabel->isVisible());
    QCOMPARE(errorLabel->text(), message);
    QCOMPARE(control<QCheckBox>(QStringLiteral("endDateCheck"))->accessibleDescription(), message);
    QCOMPARE(preview()->model()->rowCount(), 0);
    QVERIFY(!control<QLabel>(QStringLiteral("nextRunLabel0"))->isVisible());
    QCOMPARE(preview()->statusText(),
             u"Correct the marked schedule fields to see the next runs."_s);
    // The preview leaves the form's own error line alone.
    QVERIFY(!control<QLabel>(QStringLiteral("formError"))->isVisible());
    hubtest::saveScreenshot(control<QWidget>(QStringLiteral("scheduleGroup")),
                            QStringLiteral("schedule-invalid"));

    // A valid draft clears the message and lists the runs again.
    control<QDateEdit>(QStringLiteral("endDateEdit"))->setDate(QDate(2026, 12, 31));
    QTRY_COMPARE(preview()->model()->rowCount(), hubdesk::SchedulePreview::kRunCount);
    QVERIFY(m_form->fieldError(QStringLiteral("schedule.endDate")).isEmpty());
    QVERIFY(!errorLabel->isVisible());
    QCOMPARE(entries().value(0), u"Fri 05/01/2026 02:00 AM EDT"_s);
}

void tst_ScheduleEditor::inactiveScheduleListsNothing()
{
    startNewMiLearn();
    QTRY_COMPARE(preview()->model()->rowCount(), hubdesk::SchedulePreview::kRunCount);

    QVERIFY(selectText(QStringLiteral("scheduleStatusCombo"), QStringLiteral("Inactive")));
    QTRY_COMPARE(preview()->statusText(), u"The schedule is inactive; nothing will run."_s);
    QCOMPARE(preview()->model()->rowCount(), 0);
    QVERIFY(!control<QLabel>(QStringLiteral("nextRunLabel0"))->isVisible());

    QVERIFY(selectText(QStringLiteral("scheduleStatusCombo"), QStringLiteral("Active")));
    QTRY_COMPARE(preview()->model()->rowCount(), hubdesk::SchedulePreview::kRunCount);
}

void tst_ScheduleEditor::hourlyHidesAdvanced()
{
    startNewMiLearn();
    auto advanced = control<QCheckBox>(QStringLiteral("advancedCheck"));
    advanced->setChecked(true);
    QVERIFY(control<QWidget>(QStringLiteral("advancedRow"))->isVisible());

    QVERIFY(selectText(QStringLiteral("scheduleTypeCombo"), QStringLiteral("Hourly")));
    QVERIFY(!advanced->isVisible());
    QVERIFY(!control<QWidget>(QStringLiteral("advancedRow"))->isVisible());
    // The hidden option is not sent, so the engine accepts the hourly draft.
    QCOMPARE(m_form->toJson()[u"schedule"_s][u"advanced"_s][u"enabled"_s].toBool(), false);
    control<QDateEdit>(QStringLiteral("startDateEdit"))->setDate(QDate(2026, 3, 2));
    control<QTimeEdit>(QStringLiteral("startTimeEdit"))->setTime(QTime(8, 0));
    QTRY_COMPARE(entries().value(1), u"Mon 03/02/2026 09:00 AM EST"_s);
    QVERIFY(m_form->fieldError(QStringLiteral("schedule.advanced.enabled")).isEmpty());

    // Back on a daily schedule the option shows again as it was.
    QVERIFY(selectText(QStringLiteral("scheduleTypeCombo"), QStringLiteral("Daily")));
    QVERIFY(advanced->isVisible());
    QVERIFY(advanced->isChecked());
    QVERIFY(control<QWidget>(QStringLiteral("advancedRow"))->isVisible());
}

void tst_ScheduleEditor::weeklyScheduleRoundTrips()
{
    const qint64 id = m_engine.integrationIdNamed(QStringLiteral("MiLEARN-Authorizations Data"));
    QVERIFY(id > 0);
    QSignalSpy loaded(m_form.get(), &OutboundIntegrationForm::loaded);
    m_form->loadIntegration(id);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));

    QVERIFY(selectText(QStringLiteral("scheduleTypeCombo"), QStringLiteral("Weekly")));
    control<QDateEdit>(QStringLiteral("startDateEdit"))->setDate(QDate(2026, 3, 4));
    control<QTimeEdit>(QStringLiteral("startTimeEdit"))->setTime(QTime(5, 15));
    checkOnlyDays({1, 3});
    control<QCheckBox>(QStringLiteral("skipCatchUpCheck"))->setChecked(true);
    // The demo integration's schedule is inactive.
    QVERIFY(selectText(QStringLiteral("scheduleStatusCombo"), QStringLiteral("Active")));

    QSignalSpy saved(m_form.get(), &OutboundIntegrationForm::saved);
    m_form->save();
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));

    const QJsonObject schedule
        = m_engine.getObject(QStringLiteral("/api/v1/integrations/%1").arg(id))[u"schedule"_s]
              .toObject();
    QCOMPARE(schedule[u"type"_s].toString(), u"weekly"_s);
    QCOMPARE(schedule[u"daysOfWeek"_s].toArray(), (QJsonArray{1, 3}));
    QCOMPARE(schedule[u"skipCatchUp"_s].toBool(), true);

    // A second form shows what the first one saved.
    OutboundIntegrationForm reloaded(m_engine.client());
    QSignalSpy reloadedSpy(&reloaded, &OutboundIntegrationForm::loaded);
    reloaded.loadIntegration(id);
    QVERIFY(reloadedSpy.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(reloaded.findChild<QComboBox *>(u"scheduleTypeCombo"_s)->currentText(), u"Weekly"_s);
    for (int day = 1; day <= 7; ++day) {
        const bool expected = day == 1 || day == 3;
        QCOMPARE(reloaded.findChild<QCheckBox *>(u"dayOfWeekCheck%1"_s.arg(day))->isChecked(),
                 expected);
    }
    QCOMPARE(reloaded.findChild<QCheckBox *>(u"skipCatchUpCheck"_s)->isChecked(), true);
    QCOMPARE(reloaded.toJson()[u"schedule"_s].toObject(),
             m_form->toJson()[u"schedule"_s].toObject());

    // Mondays and Wednesdays from Wednesday 2026-03-04.
    OccurrenceModel *model = reloaded.scheduleEditor()->preview()->model();
    QTRY_COMPARE(model->rowCount(), hubdesk::SchedulePreview::kRunCount);
    QCOMPARE(model->index(0, 0).data().toString(), u"Wed 03/04/2026 05:15 AM EST"_s);
    QCOMPARE(model->index(1, 0).data().toString(), u"Mon 03/09/2026 05:15 AM EDT"_s);
}

// The default start date is today in the district's zone, not on the computer's clock. Of two
// zones 25 hours apart, at least one has a date other than the computer's at any moment.
void tst_ScheduleEditor::newScheduleStartsOnDistrictDate()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QByteArray zoneName = QByteArrayLiteral("Pacific/Kiritimati");
    if (now.toTimeZone(QTimeZone(zoneName)).date() == QDate::currentDate())
        zoneName = QByteArrayLiteral("Pacific/Pago_Pago");
    const QTimeZone zone(zoneName);
    QVERIFY(zone.isValid());
    const QDate expected = now.toTimeZone(zone).date();
    QVERIFY2(expected != QDate::currentDate(), zoneName.constData());

    hubdesk::EngineClient *client = m_engine.client();
    const hubdesk::ApiResult district = UiTestEngine::wait(client->post(
        u"/api/v1/districts"_s, QJsonObject{{u"name"_s, u"Far Zone Schools"_s},
                                            {u"timeZone"_s, QString::fromLatin1(zoneName)}}));
    QCOMPARE(district.httpStatus, 201);
    client->setDistrict(district.body.object().value(u"id"_s).toInteger());
    const hubdesk::ApiResult health = UiTestEngine::wait(client->checkHealth());
    QVERIFY2(health.ok(), qPrintable(health.errorMessage));
    QCOMPARE(client->districtTimeZone(), zoneName);

    startNewMiLearn();
    auto start = control<QDateEdit>(u"startDateEdit"_s);
    auto end = control<QDateEdit>(u"endDateEdit"_s);
    const bool startMatches = start->date() == expected;
    const bool endMatches = end->date() == expected.addYears(1);
    const bool weekdayChecked
        = control<QCheckBox>(u"dayOfWeekCheck%1"_s.arg(expected.dayOfWeek()))->isChecked();

    client->setDistrict(0);
    QVERIFY(UiTestEngine::wait(client->checkHealth()).ok());
    QCOMPARE(client->districtTimeZone(), QByteArrayLiteral("America/Detroit"));
    QVERIFY2(startMatches, qPrintable(start->date().toString(Qt::ISODate)));
    QVERIFY2(endMatches, qPrintable(end->date().toString(Qt::ISODate)));
    QVERIFY(weekdayChecked);
}

void tst_ScheduleEditor::previewWaitsForConnection()
{
    // A client as the console has it while the sign-in dialog is open: the engine's address
    // may be set, but no health check has passed.
    RecordingNetwork network;
    hubdesk::EngineClient client(&network);
    client.setBaseUrl(m_engine.client()->baseUrl());
    client.setToken(QByteArrayLiteral("test-token-0123456789"));
    QCOMPARE(client.connectionState(), hubdesk::EngineClient::ConnectionState::Disconnected);

    OutboundIntegrationForm form(&client);
    hubdesk::SchedulePreview *formPreview = form.scheduleEditor()->preview();
    formPreview->setDraft(QJsonObject{{u"type"_s, u"daily"_s},
                                      {u"startDate"_s, u"2026-03-02"_s},
                                      {u"startTime"_s, u"02:00"_s},
                                      {u"repeatEvery"_s, 1},
                                      {u"active"_s, true}});
    // Three times the debounce interval, so that the preview would have sent its request by now.
    QTest::qWait(hubdesk::SchedulePreview::kDebounceMs * 3);
    QCOMPARE(network.urls.size(), 0);
    QCOMPARE(formPreview->statusText(), u"Loading the next runs…"_s);

    QSignalSpy updated(formPreview, &hubdesk::SchedulePreview::updated);
    QVERIFY(UiTestEngine::wait(client.checkHealth()).ok());
    QVERIFY(updated.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(formPreview->model()->rowCount(), hubdesk::SchedulePreview::kRunCount);
    QCOMPARE(network.urls.size(), 2);
    QCOMPARE(network.urls.at(0).path(), u"/api/v1/health"_s);
    QCOMPARE(network.urls.at(1).path(), u"/api/v1/schedules/preview"_s);
    QCOMPARE(network.urls.at(1).host(), u"127.0.0.1"_s);
}

QTEST_MAIN(tst_ScheduleEditor)

#include "tst_scheduleeditor.moc"
