// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "uitestengine.h"

#include "destinationlisteditor.h"
#include "destinationmodel.h"
#include "newdestinationdialog.h"
#include "outboundintegrationform.h"
#include "schoolyear.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimeEdit>
#include <QWheelEvent>

using hubdesk::OutboundIntegrationForm;
using hubtest::UiTestEngine;
using namespace Qt::StringLiterals;

class tst_OutboundForm final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void newIntegrationShowsProduct();
    void saveCreatesIntegration();
    void editLoadsEveryField();
    void workerLossRetriesRoundTrips();
    void emptyReportRoundTrips();
    void emptyReportErrorShowsAtCombo();
    void scheduleRoundTrips();
    void invalidFieldsShowMessages();
    void newDestinationIsSelected();
    void wheelScrollsFormNotFields();
    void formOpensAtTop();

private:
    template<typename Widget>
    Widget *control(const QString &objectName) const
    {
        return m_form->findChild<Widget *>(objectName);
    }
    void startNewMiLearn();
    void waitLoaded();
    bool selectText(const QString &comboName, const QString &text) const;

    UiTestEngine m_engine;
    std::unique_ptr<OutboundIntegrationForm> m_form;
    qint64 m_demoDestinationId = 0;
    qint64 m_savedId = 0;
};

void tst_OutboundForm::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QJsonArray destinations = m_engine.getObject(QStringLiteral("/api/v1/destinations"))
                                        .value(QStringLiteral("destinations"))
                                        .toArray();
    for (const QJsonValue &destination : destinations) {
        if (destination[QStringLiteral("name")].toString() == QLatin1String("Demo Outbound Folder"))
            m_demoDestinationId = destination[QStringLiteral("id")].toInteger();
    }
    QVERIFY(m_demoDestinationId > 0);
}

void tst_OutboundForm::cleanupTestCase()
{
    m_engine.stop();
}

void tst_OutboundForm::init()
{
    m_form = std::make_unique<OutboundIntegrationForm>(m_engine.client());
    m_form->resize(900, 1000);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_form.get()));
}

void tst_OutboundForm::cleanup()
{
    m_form.reset();
}

void tst_OutboundForm::startNewMiLearn()
{
    const QJsonObject product = m_engine.productNamed(QStringLiteral("MiLEARN"));
    QVERIFY(!product.isEmpty());
    m_form->startNew(product);
    waitLoaded();
}

void tst_OutboundForm::waitLoaded()
{
    QSignalSpy loaded(m_form.get(), &OutboundIntegrationForm::loaded);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
}

bool tst_OutboundForm::selectText(const QString &comboName, const QString &text) const
{
    auto combo = control<QComboBox>(comboName);
    const int index = combo ? combo->findText(text) : -1;
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

void tst_OutboundForm::newIntegrationShowsProduct()
{
    startNewMiLearn();

    QCOMPARE(control<QLabel>(QStringLiteral("systemTypeLabel"))->text(), u"External System"_s);
    QCOMPARE(control<QLabel>(QStringLiteral("vendorLabel"))->text(), u"State of Michigan - MDE"_s);
    QCOMPARE(control<QLabel>(QStringLiteral("systemLabel"))->text(), u"MILEARN - v1"_s);
    QCOMPARE(control<QComboBox>(QStringLiteral("outputCombo"))->count(), 2);
    QCOMPARE(control<QLabel>(QStringLiteral("outputTypeLabel"))->text(), u"Roster"_s);
    // The catalog fixes these values: they read as text that a click selects for copying,
    // and Tab passes them by, so the form opens with the focus in its first field.
    for (const QString &name : {u"systemTypeLabel"_s, u"vendorLabel"_s, u"systemLabel"_s,
                                u"outputTypeLabel"_s}) {
        auto label = control<QLabel>(name);
        QCOMPARE(label->focusPolicy() & Qt::TabFocus, 0);
        QCOMPARE(label->textInteractionFlags(), Qt::TextSelectableByMouse);
    }
    QVERIFY(m_form->findChildren<QLineEdit *>().size() > 0);
    for (const QLineEdit *edit : m_form->findChildren<QLineEdit *>())
        QVERIFY2(!edit->isReadOnly(), qPrintable(edit->objectName()));

    auto year = control<QComboBox>(QStringLiteral("yearCombo"));
    QCOMPARE(year->itemText(0), u"Current Year"_s);
    QVERIFY(year->itemData(0).isNull());
    const int current = hubdesk::schoolYearEnding(QDate::currentDate());
    QCOMPARE(year->itemText(1), hubdesk::schoolYearLabel(current + 1));
    QCOMPARE(year->itemData(1).toInt(), current + 1);
    QCOMPARE(year->itemText(year->count() - 1), hubdesk::schoolYearLabel(current - 5));

    // One empty destination row, whose picker offers the demo district's three destinations.
    QCOMPARE(m_form->destinationEditor()->rowCount(), 1);
    auto picker = control<QComboBox>(QStringLiteral("destinationCombo0"));
    QCOMPARE(picker->currentIndex(), -1);
    QStringList offered;
    for (int row = 0; row < picker->count(); ++row)
        offered.append(picker->itemText(row));
    offered.sort();
    const QStringList demoDestinations
        = {u"Demo Outbound Folder"_s, u"MiLearn Azure Storage - Prod"_s,
           u"MiLearn Azure Storage - QA"_s};
    QCOMPARE(offered, demoDestinations);
    QCOMPARE(m_form->destinationModel()->rowCount(), demoDestinations.size());
    QCOMPARE(control<QLabel>(QStringLiteral("repeatUnitsLabel"))->text(), u"Days"_s);
    hubtest::saveScreenshot(m_form.get(), QStringLiteral("outbound-form-new"));
}

void tst_OutboundForm::saveCreatesIntegration()
{
    startNewMiLearn();

    QVERIFY(selectText(QStringLiteral("outputCombo"), QStringLiteral("MiLEARN-Sections Data")));
    QVERIFY(selectText(QStringLiteral("formatCombo"), QStringLiteral("CSV")));
    QVERIFY(
        selectText(QStringLiteral("destinationCombo0"), QStringLiteral("Demo Outbound Folder")));
    const int lastYear = hubdesk::schoolYearEnding(QDate::currentDate()) - 1;
    QVERIFY(selectText(QStringLiteral("yearCombo"), hubdesk::schoolYearLabel(lastYear)));
    control<QSpinBox>(QStringLiteral("queryTimeoutSpin"))->setValue(120);
    control<QPlainTextEdit>(QStringLiteral("notesEdit"))
        ->setPlainText(QStringLiteral("Sections for the state"));

    QSignalSpy saved(m_form.get(), &OutboundIntegrationForm::saved);
    QTest::mouseClick(control<QPushButton>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    m_savedId = saved.first().first().toLongLong();
    QVERIFY(m_savedId > 0);
    QCOMPARE(m_form->integrationId(), m_savedId);

    const QJsonObject integration
        = m_engine.getObject(QStringLiteral("/api/v1/integrations/%1").arg(m_savedId));
    QCOMPARE(integration[QStringLiteral("outputName")].toString(), u"MiLEARN-Sections Data"_s);
    QCOMPARE(integration[QStringLiteral("queryTimeoutSeconds")].toInt(), 120);
    QCOMPARE(integration[QStringLiteral("format")].toString(), u"csv"_s);
    QCOMPARE(integration[QStringLiteral("schoolYear")].toInt(), lastYear);
    QCOMPARE(integration[QStringLiteral("notes")].toString(), u"Sections for the state"_s);
    QCOMPARE(integration[QStringLiteral("active")].toBool(), true);
    const QJsonArray destinations = integration[QStringLiteral("destinations")].toArray();
    QCOMPARE(destinations.size(), 1);
    QCOMPARE(destinations[0][QStringLiteral("destinationId")].toInteger(), m_demoDestinationId);
    QCOMPARE(destinations[0][QStringLiteral("active")].toBool(), true);
    const QJsonObject schedule = integration[QStringLiteral("schedule")].toObject();
    QCOMPARE(schedule[QStringLiteral("type")].toString(), u"daily"_s);
    QCOMPARE(schedule[QStringLiteral("startTime")].toString(), u"02:00"_s);
    QVERIFY(schedule[QStringLiteral("endDate")].isNull());
}

void tst_OutboundForm::editLoadsEveryField()
{
    const qint64 id = m_engine.integrationIdNamed(QStringLiteral("MiLEARN-Sections Data"));
    QVERIFY(id > 0);
    m_form->loadIntegration(id);
    waitLoaded();

    const QJsonObject integration
        = m_engine.getObject(QStringLiteral("/api/v1/integrations/%1").arg(id));
    QCOMPARE(control<QComboBox>(QStringLiteral("outputCombo"))->currentText(),
             u"MiLEARN-Sections Data"_s);
    QCOMPARE(control<QSpinBox>(QStringLiteral("queryTimeoutSpin"))->value(),
             integration[QStringLiteral("queryTimeoutSeconds")].toInt());
    QCOMPARE(control<QPlainTextEdit>(QStringLiteral("notesEdit"))->toPlainText(),
             integration[QStringLiteral("notes")].toString());
    QCOMPARE(control<QComboBox>(QStringLiteral("destinationCombo0"))->currentText(),
             u"Demo Outbound Folder"_s);
    QCOMPARE(control<QComboBox>(QStringLiteral("destinationStatusCombo0"))->currentText(),
             u"Active"_s);
    const QJsonArray expected{QJsonObject{{QStringLiteral("destinationId"), m_demoDestinationId},
                                          {QStringLiteral("active"), true}}};
    QCOMPARE(m_form->toJson()[QStringLiteral("destinations")].toArray(), expected);
    hubtest::saveScreenshot(m_form.get(), QStringLiteral("outbound-form-edit"));
}

void tst_OutboundForm::workerLossRetriesRoundTrips()
{
    startNewMiLearn();
    auto retries = control<QSpinBox>(QStringLiteral("workerLossRetriesSpin"));
    QVERIFY(retries);
    QCOMPARE(retries->value(), 1);
    QCOMPARE(retries->minimum(), 0);
    QCOMPARE(retries->maximum(), 10);
    QVERIFY2(retries->toolTip().contains(
                 QStringLiteral("runs the integration again by itself, up to this many times")),
             qPrintable(retries->toolTip()));

    QVERIFY(selectText(QStringLiteral("outputCombo"), QStringLiteral("MiLEARN-Sections Data")));
    QVERIFY(
        selectText(QStringLiteral("destinationCombo0"), QStringLiteral("Demo Outbound Folder")));
    retries->setValue(3);
    hubtest::saveScreenshot(m_form.get(), QStringLiteral("outbound-form-retries"));
    QSignalSpy saved(m_form.get(), &OutboundIntegrationForm::saved);
    QTest::mouseClick(control<QPushButton>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    const qint64 id = saved.takeFirst().first().toLongLong();
    const QString path = QStringLiteral("/api/v1/integrations/%1").arg(id);
    QCOMPARE(m_engine.getObject(path)[QStringLiteral("workerLossRetries")].toInt(), 3);

    // The edit form shows the stored value, and None (0) saves as 0.
    m_form->loadIntegration(id);
    waitLoaded();
    QCOMPARE(retries->value(), 3);
    retries->setValue(0);
    QCOMPARE(retries->text(), QStringLiteral("None"));
    QTest::mouseClick(control<QPushButton>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(m_engine.getObject(path)[QStringLiteral("workerLossRetries")].toInt(), 0);
    m_form->loadIntegration(id);
    waitLoaded();
    QCOMPARE(retries->value(), 0);
}

void tst_OutboundForm::emptyReportRoundTrips()
{
    startNewMiLearn();
    auto emptyReport = control<QComboBox>(QStringLiteral("emptyReportCombo"));
    QVERIFY(emptyReport);
    QCOMPARE(emptyReport->count(), 3);
    QCOMPARE(emptyReport->itemData(0).toString(), u"deliver"_s);
    QCOMPARE(emptyReport->itemData(1).toString(), u"skip"_s);
    QCOMPARE(emptyReport->itemData(2).toString(), u"fail"_s);
    // A new integration delivers an empty report, as integrations did before the choice.
    QCOMPARE(emptyReport->currentData().toString(), u"deliver"_s);
    QCOMPARE(emptyReport->currentText(), u"Send the file with only the column names"_s);
    // The row sits right under the Year row, so the choice is read with the year it concerns.
    auto year = control<QComboBox>(QStringLiteral("yearCombo"));
    QVERIFY(emptyReport->mapTo(m_form.get(), QPoint()).y()
            > year->mapTo(m_form.get(), QPoint()).y());
    auto notes = control<QPlainTextEdit>(QStringLiteral("notesEdit"));
    QVERIFY(emptyReport->mapTo(m_form.get(), QPoint()).y()
            < notes->mapTo(m_form.get(), QPoint()).y());

    QVERIFY(selectText(QStringLiteral("outputCombo"), QStringLiteral("MiLEARN-Sections Data")));
    QVERIFY(
        selectText(QStringLiteral("destinationCombo0"), QStringLiteral("Demo Outbound Folder")));
    QVERIFY(selectText(QStringLiteral("emptyReportCombo"),
                       QStringLiteral("Send nothing and mark the run as failed")));
    hubtest::saveScreenshot(m_form.get(), QStringLiteral("outbound-form-empty-report"));
    QSignalSpy saved(m_form.get(), &OutboundIntegrationForm::saved);
    QTest::mouseClick(control<QPushButton>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    const qint64 id = saved.takeFirst().first().toLongLong();
    const QString path = QStringLiteral("/api/v1/integrations/%1").arg(id);
    QCOMPARE(m_engine.getObject(path)[QStringLiteral("emptyReport")].toString(), u"fail"_s);

    // The edit form shows the stored choice, and each choice saves as itself.
    m_form->loadIntegration(id);
    waitLoaded();
    QCOMPARE(emptyReport->currentData().toString(), u"fail"_s);
    QVERIFY(selectText(QStringLiteral("emptyReportCombo"),
                       QStringLiteral("Send nothing and end the run with a warning")));
    QTest::mouseClick(control<QPushButton>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(m_engine.getObject(path)[QStringLiteral("emptyReport")].toString(), u"skip"_s);
    m_form->loadIntegration(id);
    waitLoaded();
    QCOMPARE(emptyReport->currentData().toString(), u"skip"_s);

    // A new form after an edit starts again at deliver.
    startNewMiLearn();
    QCOMPARE(emptyReport->currentData().toString(), u"deliver"_s);
}

void tst_OutboundForm::emptyReportErrorShowsAtCombo()
{
    startNewMiLearn();
    QVERIFY(selectText(QStringLiteral("outputCombo"), QStringLiteral("MiLEARN-Sections Data")));
    QVERIFY(
        selectText(QStringLiteral("destinationCombo0"), QStringLiteral("Demo Outbound Folder")));
    // The combo box offers only valid choices, so the test adds one that the engine rejects.
    auto emptyReport = control<QComboBox>(QStringLiteral("emptyReportCombo"));
    emptyReport->addItem(QStringLiteral("Ignore"), QStringLiteral("ignore"));
    emptyReport->setCurrentIndex(emptyReport->count() - 1);

    QSignalSpy failed(m_form.get(), &OutboundIntegrationForm::saveFailed);
    QTest::mouseClick(control<QPushButton>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(failed.wait(UiTestEngine::kRequestTimeoutMs));
    const QString message = u"\"ignore\" is not a choice. Choose deliver, skip or fail."_s;
    QCOMPARE(m_form->fieldError(QStringLiteral("emptyReport")), message);
    auto error = control<QLabel>(QStringLiteral("emptyReportComboError"));
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), message);
    QCOMPARE(m_form->focusWidget(), emptyReport);
}

void tst_OutboundForm::scheduleRoundTrips()
{
    const qint64 id = m_engine.integrationIdNamed(QStringLiteral("MiLEARN-Authorizations Data"));
    QVERIFY(id > 0);
    m_form->loadIntegration(id);
    waitLoaded();

    QVERIFY(selectText(QStringLiteral("scheduleTypeCombo"), QStringLiteral("Weekly")));
    QCOMPARE(control<QLabel>(QStringLiteral("repeatUnitsLabel"))->text(), u"Weeks"_s);
    control<QDateEdit>(QStringLiteral("startDateEdit"))->setDate(QDate(2027, 1, 4));
    control<QTimeEdit>(QStringLiteral("startTimeEdit"))->setTime(QTime(18, 45));
    control<QSpinBox>(QStringLiteral("repeatEverySpin"))->setValue(2);
    control<QCheckBox>(QStringLiteral("advancedCheck"))->setChecked(true);
    QVERIFY(control<QWidget>(QStringLiteral("advancedRow"))->isVisible());
    control<QSpinBox>(QStringLiteral("everyMinutesSpin"))->setValue(15);
    control<QSpinBox>(QStringLiteral("durationMinutesSpin"))->setValue(120);
    control<QCheckBox>(QStringLiteral("endDateCheck"))->setChecked(true);
    control<QDateEdit>(QStringLiteral("endDateEdit"))->setDate(QDate(2027, 6, 30));
    QVERIFY(selectText(QStringLiteral("scheduleStatusCombo"), QStringLiteral("Active")));
    control<QCheckBox>(QStringLiteral("runAtNextCycleCheck"))->setChecked(false);
    QVERIFY(selectText(QStringLiteral("destinationStatusCombo0"), QStringLiteral("Inactive")));

    QSignalSpy saved(m_form.get(), &OutboundIntegrationForm::saved);
    m_form->save();
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));

    const QJsonObject schedule
        = m_engine
              .getObject(
                  QStringLiteral("/api/v1/integrations/%1").arg(id))[QStringLiteral("schedule")]
              .toObject();
    QCOMPARE(schedule[QStringLiteral("type")].toString(), u"weekly"_s);
    QCOMPARE(schedule[QStringLiteral("startDate")].toString(), u"2027-01-04"_s);
    QCOMPARE(schedule[QStringLiteral("startTime")].toString(), u"18:45"_s);
    QCOMPARE(schedule[QStringLiteral("repeatEvery")].toInt(), 2);
    QCOMPARE(schedule[QStringLiteral("advanced")][QStringLiteral("enabled")].toBool(), true);
    QCOMPARE(schedule[QStringLiteral("advanced")][QStringLiteral("everyMinutes")].toInt(), 15);
    QCOMPARE(schedule[QStringLiteral("advanced")][QStringLiteral("durationMinutes")].toInt(), 120);
    QCOMPARE(schedule[QStringLiteral("endDate")].toString(), u"2027-06-30"_s);
    QCOMPARE(schedule[QStringLiteral("active")].toBool(), true);

    // A second form shows what the first one saved.
    OutboundIntegrationForm reloaded(m_engine.client());
    QSignalSpy loaded(&reloaded, &OutboundIntegrationForm::loaded);
    reloaded.loadIntegration(id);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(reloaded.findChild<QComboBox *>(QStringLiteral("scheduleTypeCombo"))->currentText(),
             u"Weekly"_s);
    QCOMPARE(reloaded.findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"))->time(),
             QTime(18, 45));
    QCOMPARE(reloaded.findChild<QCheckBox *>(QStringLiteral("advancedCheck"))->isChecked(), true);
    QCOMPARE(reloaded.findChild<QSpinBox *>(QStringLiteral("everyMinutesSpin"))->value(), 15);
    QCOMPARE(reloaded.findChild<QCheckBox *>(QStringLiteral("endDateCheck"))->isChecked(), true);
    QCOMPARE(reloaded.findChild<QDateEdit *>(QStringLiteral("endDateEdit"))->date(),
             QDate(2027, 6, 30));
    QCOMPARE(
        reloaded.findChild<QComboBox *>(QStringLiteral("destinationStatusCombo0"))->currentText(),
        u"Inactive"_s);
    reloaded.resize(900, 1000);
    hubtest::saveScreenshot(&reloaded, QStringLiteral("outbound-form-schedule"));
}

void tst_OutboundForm::invalidFieldsShowMessages()
{
    startNewMiLearn();
    QVERIFY(selectText(QStringLiteral("outputCombo"), QStringLiteral("MiLEARN-Sections Data")));
    QVERIFY(
        selectText(QStringLiteral("destinationCombo0"), QStringLiteral("Demo Outbound Folder")));
    // The spin box stops at 1 for people; 0 reaches the engine here so that its 422 shows.
    auto timeout = control<QSpinBox>(QStringLiteral("queryTimeoutSpin"));
    timeout->setMinimum(0);
    timeout->setValue(0);
    // A second destination row left empty.
    QTest::mouseClick(control<QPushButton>(QStringLiteral("addDestinationButton")), Qt::LeftButton);
    QCOMPARE(m_form->destinationEditor()->rowCount(), 2);
    control<QCheckBox>(QStringLiteral("endDateCheck"))->setChecked(true);
    control<QDateEdit>(QStringLiteral("endDateEdit"))
        ->setDate(control<QDateEdit>(QStringLiteral("startDateEdit"))->date().addDays(-1));

    QSignalSpy failed(m_form.get(), &OutboundIntegrationForm::saveFailed);
    QTest::mouseClick(control<QPushButton>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(failed.wait(UiTestEngine::kRequestTimeoutMs));

    const QString timeoutMessage
        = QStringLiteral("Enter a whole number of seconds from 1 to 86400.");
    QCOMPARE(m_form->fieldError(QStringLiteral("queryTimeoutSeconds")), timeoutMessage);
    auto timeoutError = control<QLabel>(QStringLiteral("queryTimeoutSpinError"));
    QVERIFY(timeoutError->isVisible());
    QCOMPARE(timeoutError->text(), timeoutMessage);
    QCOMPARE(timeout->accessibleDescription(), timeoutMessage);
    // The label sits right under its field.
    QCOMPARE(timeoutError->parentWidget(), timeout->parentWidget());
    QVERIFY(timeoutError->geometry().top() >= timeout->geometry().bottom());

    const QString destinationMessage = QStringLiteral("Destination 2: choose a saved destination.");
    QCOMPARE(m_form->fieldError(QStringLiteral("destinations[1].destinationId")),
             destinationMessage);
    QCOMPARE(control<QLabel>(QStringLiteral("destinationCombo1Error"))->text(), destinationMessage);
    QVERIFY(m_form->fieldError(QStringLiteral("destinations[0].destinationId")).isEmpty());
    QCOMPARE(m_form->fieldError(QStringLiteral("schedule.endDate")),
             u"The end date is before the start date."_s);

    // The first invalid field from the top has the focus.
    QCOMPARE(m_form->focusWidget(), timeout);
    hubtest::saveScreenshot(m_form.get(), QStringLiteral("outbound-form-errors"));

    // Changing a field clears its own message at once, and the other messages stay.
    QVERIFY(
        selectText(QStringLiteral("destinationCombo1"), QStringLiteral("Demo Outbound Folder")));
    QVERIFY(m_form->fieldError(QStringLiteral("destinations[1].destinationId")).isEmpty());
    QVERIFY(control<QLabel>(QStringLiteral("destinationCombo1Error"))->isHidden());
    QCOMPARE(m_form->fieldError(QStringLiteral("queryTimeoutSeconds")), timeoutMessage);
    timeout->setValue(90);
    QVERIFY(m_form->fieldError(QStringLiteral("queryTimeoutSeconds")).isEmpty());
    QVERIFY(timeoutError->isHidden());
    QVERIFY(timeout->accessibleDescription().isEmpty());
    QCOMPARE(m_form->fieldError(QStringLiteral("schedule.endDate")),
             u"The end date is before the start date."_s);

    // Fixing the other fields clears their messages on the next save.
    QTest::mouseClick(control<QPushButton>(QStringLiteral("removeDestinationButton1")),
                      Qt::LeftButton);
    control<QCheckBox>(QStringLiteral("endDateCheck"))->setChecked(false);
    QSignalSpy saved(m_form.get(), &OutboundIntegrationForm::saved);
    m_form->save();
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY(m_form->fieldError(QStringLiteral("queryTimeoutSeconds")).isEmpty());
    QVERIFY(!timeoutError->isVisible());
}

void tst_OutboundForm::newDestinationIsSelected()
{
    startNewMiLearn();
    QTest::mouseClick(control<QPushButton>(QStringLiteral("newDestinationButton")), Qt::LeftButton);
    hubdesk::NewDestinationDialog *dialog = m_form->newDestinationDialog();
    QTRY_VERIFY(dialog->isVisible());

    // A relative path is rejected under its field.
    dialog->findChild<QLineEdit *>(QStringLiteral("destinationNameEdit"))
        ->setText(QStringLiteral("State Exports"));
    dialog->findChild<QLineEdit *>(QStringLiteral("destinationPathEdit"))
        ->setText(QStringLiteral("exports"));
    dialog->save();
    QTRY_COMPARE(dialog->fieldError(QStringLiteral("settings.path")),
                 u"Enter an absolute path; \"exports\" is relative."_s);
    QVERIFY(dialog->isVisible());
    hubtest::saveScreenshot(dialog, QStringLiteral("new-destination-dialog"));

    const QString path = QDir(m_engine.dataDir()).filePath(QStringLiteral("state-exports"));
    dialog->findChild<QLineEdit *>(QStringLiteral("destinationPathEdit"))->setText(path);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveDestinationButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), UiTestEngine::kRequestTimeoutMs);
    QVERIFY(dialog->createdId() > 0);

    QTRY_COMPARE(control<QComboBox>(QStringLiteral("destinationCombo0"))->currentText(),
                 u"State Exports"_s);
    QCOMPARE(m_form->destinationEditor()->rowCount(), 1);
    QCOMPARE(m_form->toJson()[QStringLiteral("destinations")][0][QStringLiteral("destinationId")]
                 .toInteger(),
             dialog->createdId());
}

// The wheel over a field the user has not focused scrolls the form and leaves the field alone.
// Once the user clicks or tabs into the field, the wheel changes it as usual.
void tst_OutboundForm::wheelScrollsFormNotFields()
{
    startNewMiLearn();
    QVERIFY(selectText(QStringLiteral("destinationCombo0"), QStringLiteral("Demo Outbound Folder")));
    m_form->resize(900, 400);
    auto scroll = control<QScrollArea>(QStringLiteral("formScrollArea"));
    QScrollBar *bar = scroll->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(0);
    auto picker = control<QComboBox>(QStringLiteral("destinationCombo0"));
    m_form->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_form.get()));
    m_form->setFocus();
    QVERIFY(!picker->hasFocus());

    const auto wheelDown = [picker] {
        const QPointF at = QRectF(picker->rect()).center();
        QWheelEvent event(at, picker->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(picker, &event);
    };
    wheelDown();
    wheelDown();
    QCOMPARE(picker->currentText(), u"Demo Outbound Folder"_s);
    QVERIFY(bar->value() > 0);

    picker->setFocus();
    QTRY_VERIFY(picker->hasFocus());
    const int before = bar->value();
    wheelDown();
    QVERIFY(picker->currentText() != u"Demo Outbound Folder"_s);
    QCOMPARE(bar->value(), before);
}

void tst_OutboundForm::formOpensAtTop()
{
    startNewMiLearn();
    m_form->resize(900, 400);
    auto scroll = control<QScrollArea>(QStringLiteral("formScrollArea"));
    QScrollBar *bar = scroll->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum());

    // The next integration opens at its output and year, not at the last one's schedule.
    const QJsonObject product = m_engine.productNamed(QStringLiteral("MiLEARN"));
    QVERIFY(!product.isEmpty());
    m_form->startNew(product);
    QCOMPARE(bar->value(), 0);
    waitLoaded();
    QCOMPARE(bar->value(), 0);

    bar->setValue(bar->maximum());
    QVERIFY(m_savedId > 0);
    m_form->loadIntegration(m_savedId);
    QCOMPARE(bar->value(), 0);
    waitLoaded();
    QCOMPARE(bar->value(), 0);
}

QTEST_MAIN(tst_OutboundForm)

#include "tst_outboundform.moc"
