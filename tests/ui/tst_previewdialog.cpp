// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The Preview button of the Manage Outbound Integration form against an in-process demo
// engine. With HUBDESK_SCREENSHOT_DIR set, the dialog is saved as preview.png.

#include "uitestengine.h"

#include "outboundintegrationform.h"
#include "previewdialog.h"
#include "previewmodel.h"
#include "schoolyear.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using hubdesk::OutboundIntegrationForm;
using hubtest::UiTestEngine;

class tst_PreviewDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void previewShowsFirstRows();
    void previewErrorShowsUnderField();

private:
    void startNew(const QJsonObject &product);
    bool selectText(const QString &comboName, const QString &text) const;

    UiTestEngine m_engine;
    std::unique_ptr<OutboundIntegrationForm> m_form;
};

void tst_PreviewDialog::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void tst_PreviewDialog::cleanupTestCase()
{
    m_engine.stop();
}

void tst_PreviewDialog::init()
{
    m_form = std::make_unique<OutboundIntegrationForm>(m_engine.client());
    m_form->resize(900, 1000);
    m_form->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_form.get()));
}

void tst_PreviewDialog::cleanup()
{
    m_form.reset();
}

void tst_PreviewDialog::startNew(const QJsonObject &product)
{
    QVERIFY(!product.isEmpty());
    QSignalSpy loaded(m_form.get(), &OutboundIntegrationForm::loaded);
    m_form->startNew(product);
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
}

bool tst_PreviewDialog::selectText(const QString &comboName, const QString &text) const
{
    auto combo = m_form->findChild<QComboBox *>(comboName);
    const int index = combo ? combo->findText(text) : -1;
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

void tst_PreviewDialog::previewShowsFirstRows()
{
    startNew(m_engine.productNamed(QStringLiteral("MiLEARN")));
    QVERIFY(
        selectText(QStringLiteral("outputCombo"), QStringLiteral("MiLEARN-Authorizations Data")));
    const int year = hubdesk::schoolYearEnding(QDate::currentDate());
    QVERIFY(selectText(QStringLiteral("yearCombo"), hubdesk::schoolYearLabel(year)));

    QSignalSpy shown(m_form.get(), &OutboundIntegrationForm::previewShown);
    auto button = m_form->findChild<QPushButton *>(QStringLiteral("previewButton"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(shown.wait(UiTestEngine::kRequestTimeoutMs));

    hubdesk::PreviewDialog *dialog = m_form->previewDialog();
    QVERIFY(dialog->isVisible());
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const hubdesk::PreviewModel *model = dialog->model();
    QCOMPARE(model->rowCount(), 100);
    QCOMPARE(model->columnCount(), 12);
    QVERIFY(model->totalRows() > 100);
    QCOMPARE(model->schoolYear(), year);
    QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("UserId"));
    QCOMPARE(dialog->summaryText(),
             QStringLiteral("%1 rows in total for %2 (the first 100 are shown).")
                 .arg(model->totalRows())
                 .arg(hubdesk::schoolYearLabel(year)));
    auto table = dialog->findChild<QTableView *>(QStringLiteral("previewTable"));
    QVERIFY(table);
    QCOMPARE(table->model(), model);

    // The preview created no run.
    const QJsonObject runs = m_engine.getObject(QStringLiteral("/api/v1/runs"));
    QVERIFY(runs.value(QStringLiteral("runs")).toArray().isEmpty());
    hubtest::saveScreenshot(dialog, QStringLiteral("preview"));
    dialog->close();
}

void tst_PreviewDialog::previewErrorShowsUnderField()
{
    // An output id that the engine does not know is rejected as a field error of outputId.
    QJsonObject product = m_engine.productNamed(QStringLiteral("MiLEARN"));
    QJsonArray outputs = product.value(QStringLiteral("outputs")).toArray();
    outputs.append(QJsonObject{{QStringLiteral("id"), 999999},
                               {QStringLiteral("name"), QStringLiteral("Retired Output")},
                               {QStringLiteral("outputType"), QStringLiteral("Roster")}});
    product.insert(QStringLiteral("outputs"), outputs);
    startNew(product);
    QVERIFY(selectText(QStringLiteral("outputCombo"), QStringLiteral("Retired Output")));

    QSignalSpy failed(m_form.get(), &OutboundIntegrationForm::previewFailed);
    QTest::mouseClick(m_form->findChild<QPushButton *>(QStringLiteral("previewButton")),
                      Qt::LeftButton);
    QVERIFY(failed.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(m_form->fieldError(QStringLiteral("outputId")),
             QStringLiteral("Choose the output to preview."));
    QVERIFY(!m_form->previewDialog()->isVisible());
}

QTEST_MAIN(tst_PreviewDialog)
#include "tst_previewdialog.moc"
