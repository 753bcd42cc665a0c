// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The Manage Inbound Integration form against the demo engine: opening it from the
// Integrations page, saving status, notes and the deletion limit, and the engine's field errors.

#include "uitestengine.h"

#include "catalogpage.h"
#include "inboundintegrationform.h"
#include "integrationspage.h"
#include "mainwindow.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTest>

using hubdesk::InboundIntegrationForm;
using hubdesk::IntegrationsPage;
using hubdesk::MainWindow;
using hubtest::UiTestEngine;

class tst_InboundForm final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void editOpensInboundForm();
    void doubleClickOpensInboundForm();
    void savesStatusNotesAndLimit();
    void engineRejectionShowsAtField();
    void tooLongNotesShowAtField();
    void attendanceHidesLimit();
    void cancelKeepsStoredValues();

private:
    // Loads the demo's OneRoster bundle integration into the form.
    bool loadBundle();
    MainWindow::Page currentPage() const;
    QListView *inboundList() const;
    QJsonObject storedBundle() const;

    UiTestEngine m_engine;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_bundleId = 0;
};

void tst_InboundForm::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_bundleId = m_engine.integrationIdNamed(QStringLiteral("OneRoster Bundle"));
    QVERIFY(m_bundleId > 0);
    m_window = std::make_unique<MainWindow>(m_engine.client());
    // The size of the other screenshots in docs/screenshots.
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy integrations(m_window->integrationsPage(), &IntegrationsPage::refreshed);
    m_window->refreshAll();
    QVERIFY(integrations.wait(UiTestEngine::kRequestTimeoutMs));
}

void tst_InboundForm::cleanupTestCase()
{
    m_window.reset();
    m_engine.stop();
}

bool tst_InboundForm::loadBundle()
{
    InboundIntegrationForm *form = m_window->inboundForm();
    QSignalSpy loaded(form, &InboundIntegrationForm::loaded);
    form->loadIntegration(m_bundleId);
    return loaded.wait(UiTestEngine::kRequestTimeoutMs);
}

MainWindow::Page tst_InboundForm::currentPage() const
{
    auto stack = m_window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    return MainWindow::Page(stack->currentIndex());
}

QListView *tst_InboundForm::inboundList() const
{
    return m_window->findChild<QListView *>(QStringLiteral("inboundList"));
}

QJsonObject tst_InboundForm::storedBundle() const
{
    return m_engine.getObject(QStringLiteral("/api/v1/integrations/%1").arg(m_bundleId));
}

void tst_InboundForm::editOpensInboundForm()
{
    m_window->showPage(MainWindow::Page::Integrations);
    QVERIFY(m_window->integrationsPage()->selectIntegration(m_bundleId));
    auto edit = m_window->findChild<QPushButton *>(QStringLiteral("editIntegrationButton"));
    QVERIFY(edit->isEnabled());

    InboundIntegrationForm *form = m_window->inboundForm();
    QSignalSpy loaded(form, &InboundIntegrationForm::loaded);
    QTest::mouseClick(edit, Qt::LeftButton);
    QCOMPARE(currentPage(), MainWindow::Page::InboundForm);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(form->integrationId(), m_bundleId);

    // The catalog's values are text, not fields.
    QCOMPARE(form->findChild<QLabel *>(QStringLiteral("systemTypeLabel"))->text(),
             QStringLiteral("Student Information System"));
    QCOMPARE(form->findChild<QLabel *>(QStringLiteral("vendorLabel"))->text(),
             QStringLiteral("1EdTech"));
    QCOMPARE(form->findChild<QLabel *>(QStringLiteral("systemLabel"))->text(),
             QStringLiteral("OneRoster CSV Bundle"));
    QCOMPARE(form->findChild<QLabel *>(QStringLiteral("productLabel"))->text(),
             QStringLiteral("OneRoster Bundle"));
    QVERIFY(form->findChild<QLabel *>(QStringLiteral("filesLabel"))->text().contains(
        QStringLiteral("OneRoster CSV bundle")));
    QVERIFY(form->findChild<QLabel *>(QStringLiteral("inboundFormTitle"))
                ->text()
                .startsWith(QStringLiteral("Manage Inbound Integration: ")));

    QCOMPARE(form->findChild<QComboBox *>(QStringLiteral("integrationStatusCombo"))->currentText(),
             QStringLiteral("Active"));
    auto limit = form->findChild<QSpinBox *>(QStringLiteral("deleteLimitSpin"));
    QCOMPARE(limit->value(), 10);
    QCOMPARE(limit->minimum(), 0);
    QCOMPARE(limit->maximum(), 100);
    QVERIFY(limit->isVisibleTo(form));
    QVERIFY(form->findChild<QLabel *>(QStringLiteral("deleteLimitExplanation"))->isVisibleTo(form));
    QCOMPARE(form->findChild<QSpinBox *>(QStringLiteral("workerLossRetriesSpin"))->value(), 1);
    // The picture shows the form as laid out for the loaded values.
    QCoreApplication::processEvents();
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("inbound-form"));

    // Cancel goes back to the list.
    QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("cancelButton")),
                      Qt::LeftButton);
    QCOMPARE(currentPage(), MainWindow::Page::Integrations);
}

void tst_InboundForm::doubleClickOpensInboundForm()
{
    m_window->showPage(MainWindow::Page::Integrations);
    QListView *list = inboundList();
    QVERIFY(list);
    QVERIFY(m_window->integrationsPage()->selectIntegration(m_bundleId));
    const QModelIndex bundle = list->selectionModel()->selectedIndexes().value(0);
    QVERIFY(bundle.isValid());
    QSignalSpy loaded(m_window->inboundForm(), &InboundIntegrationForm::loaded);
    const QPoint center = list->visualRect(bundle).center();
    // A double click starts with a press and release, as a user's does.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(currentPage(), MainWindow::Page::InboundForm);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(m_window->inboundForm()->integrationId(), m_bundleId);
}

void tst_InboundForm::savesStatusNotesAndLimit()
{
    QVERIFY(loadBundle());
    InboundIntegrationForm *form = m_window->inboundForm();
    m_window->showPage(MainWindow::Page::InboundForm);
    form->findChild<QComboBox *>(QStringLiteral("integrationStatusCombo"))->setCurrentIndex(1);
    form->findChild<QPlainTextEdit *>(QStringLiteral("notesEdit"))
        ->setPlainText(QStringLiteral("Nightly SIS export"));
    auto limit = form->findChild<QSpinBox *>(QStringLiteral("deleteLimitSpin"));
    limit->setValue(35);

    QSignalSpy refreshed(m_window->integrationsPage(), &IntegrationsPage::refreshed);
    QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("saveButton")),
                      Qt::LeftButton);
    QVERIFY(refreshed.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(currentPage(), MainWindow::Page::Integrations);

    const QJsonObject stored = storedBundle();
    QCOMPARE(stored.value(QStringLiteral("active")).toBool(true), false);
    QCOMPARE(stored.value(QStringLiteral("notes")).toString(), QStringLiteral("Nightly SIS export"));
    QCOMPARE(stored.value(QStringLiteral("deleteLimitPercent")).toInt(-1), 35);
    // Fields that the form does not show keep their values.
    QCOMPARE(stored.value(QStringLiteral("workerLossRetries")).toInt(-1), 1);
    QVERIFY(stored.value(QStringLiteral("schoolYear")).isNull());

    // The form shows the stored values when it opens again, and Active goes back.
    QVERIFY(loadBundle());
    auto status = form->findChild<QComboBox *>(QStringLiteral("integrationStatusCombo"));
    QCOMPARE(status->currentText(), QStringLiteral("Inactive"));
    QCOMPARE(limit->value(), 35);
    status->setCurrentIndex(0);
    limit->setValue(0);
    QSignalSpy saved(form, &InboundIntegrationForm::saved);
    form->save();
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(storedBundle().value(QStringLiteral("active")).toBool(false), true);
    QCOMPARE(storedBundle().value(QStringLiteral("deleteLimitPercent")).toInt(-1), 0);
}

void tst_InboundForm::engineRejectionShowsAtField()
{
    QVERIFY(loadBundle());
    InboundIntegrationForm *form = m_window->inboundForm();
    m_window->showPage(MainWindow::Page::InboundForm);
    const int stored = storedBundle().value(QStringLiteral("deleteLimitPercent")).toInt(-1);
    QVERIFY(stored >= 0);

    // The spin box keeps to 0-100, so the test widens it to send the engine a value outside.
    auto limit = form->findChild<QSpinBox *>(QStringLiteral("deleteLimitSpin"));
    limit->setRange(0, 1000);
    limit->setValue(150);
    QSignalSpy failed(form, &InboundIntegrationForm::saveFailed);
    form->save();
    QVERIFY(failed.wait(UiTestEngine::kRequestTimeoutMs));
    const QString message = QStringLiteral("Enter a whole number of percent from 0 to 100.");
    QCOMPARE(form->fieldError(QStringLiteral("deleteLimitPercent")), message);
    auto error = form->findChild<QLabel *>(QStringLiteral("deleteLimitSpinError"));
    QVERIFY(error->isVisibleTo(form));
    QCOMPARE(error->text(), message);
    QCOMPARE(limit->accessibleDescription(), message);
    // The window may be inactive under Xvfb, so the field is checked as the window's focus.
    QCOMPARE(m_window->focusWidget(), limit);
    QCOMPARE(currentPage(), MainWindow::Page::InboundForm);
    QCOMPARE(storedBundle().value(QStringLiteral("deleteLimitPercent")).toInt(-1), stored);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("inbound-form-error"));

    // Changing the value hides the message.
    limit->setValue(20);
    QVERIFY(form->fieldError(QStringLiteral("deleteLimitPercent")).isEmpty());
    QVERIFY(!error->isVisibleTo(form));
    limit->setRange(0, 100);
}

void tst_InboundForm::tooLongNotesShowAtField()
{
    QVERIFY(loadBundle());
    InboundIntegrationForm *form = m_window->inboundForm();
    m_window->showPage(MainWindow::Page::InboundForm);
    form->findChild<QPlainTextEdit *>(QStringLiteral("notesEdit"))
        ->setPlainText(QString(4001, QLatin1Char('x')));
    QSignalSpy failed(form, &InboundIntegrationForm::saveFailed);
    form->save();
    QVERIFY(failed.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(form->fieldError(QStringLiteral("notes")),
             QStringLiteral("Use at most 4000 characters."));
    QVERIFY(form->fieldError(QStringLiteral("deleteLimitPercent")).isEmpty());
    QVERIFY(storedBundle().value(QStringLiteral("notes")).toString().size() <= 4000);
}

void tst_InboundForm::attendanceHidesLimit()
{
    // Attendance files add and update rows and are never held, so the form has no limit.
    const QJsonObject product = m_engine.productNamed(QStringLiteral("Attendance"));
    QVERIFY(!product.isEmpty());
    const hubdesk::ApiResult created = UiTestEngine::wait(m_engine.client()->saveIntegration(
        0, QJsonObject{{QStringLiteral("productId"), product.value(QStringLiteral("id"))}}));
    QCOMPARE(created.httpStatus, 201);
    const qint64 id = created.body.object().value(QStringLiteral("id")).toInteger();

    InboundIntegrationForm *form = m_window->inboundForm();
    QSignalSpy loaded(form, &InboundIntegrationForm::loaded);
    form->loadIntegration(id);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY(!form->findChild<QGroupBox *>(QStringLiteral("deleteLimitGroup"))->isVisibleTo(form));
    QVERIFY(form->findChild<QLabel *>(QStringLiteral("filesLabel"))
                ->text()
                .startsWith(QStringLiteral("One CSV or XML file")));

    // Saving keeps the limit the engine returned.
    form->findChild<QPlainTextEdit *>(QStringLiteral("notesEdit"))
        ->setPlainText(QStringLiteral("Daily attendance"));
    QSignalSpy saved(form, &InboundIntegrationForm::saved);
    form->save();
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    const QJsonObject stored
        = m_engine.getObject(QStringLiteral("/api/v1/integrations/%1").arg(id));
    QCOMPARE(stored.value(QStringLiteral("notes")).toString(), QStringLiteral("Daily attendance"));
    QCOMPARE(stored.value(QStringLiteral("deleteLimitPercent")).toInt(-1), 10);

    // The bundle integration shows the limit again.
    QVERIFY(loadBundle());
    QVERIFY(form->findChild<QGroupBox *>(QStringLiteral("deleteLimitGroup"))->isVisibleTo(form));
}

void tst_InboundForm::cancelKeepsStoredValues()
{
    QVERIFY(loadBundle());
    InboundIntegrationForm *form = m_window->inboundForm();
    m_window->showPage(MainWindow::Page::InboundForm);
    const QJsonObject before = storedBundle();
    form->findChild<QSpinBox *>(QStringLiteral("deleteLimitSpin"))->setValue(90);
    form->findChild<QComboBox *>(QStringLiteral("integrationStatusCombo"))->setCurrentIndex(1);
    QTest::mouseClick(form->findChild<QPushButton *>(QStringLiteral("cancelButton")),
                      Qt::LeftButton);
    QCOMPARE(currentPage(), MainWindow::Page::Integrations);
    const QJsonObject after = storedBundle();
    QCOMPARE(after.value(QStringLiteral("deleteLimitPercent")),
             before.value(QStringLiteral("deleteLimitPercent")));
    QCOMPARE(after.value(QStringLiteral("active")), before.value(QStringLiteral("active")));
}

QTEST_MAIN(tst_InboundForm)
#include "tst_inboundform.moc"
