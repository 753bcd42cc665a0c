// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The console's languages: which one is chosen, the Language menu, and the main window in
// Spanish and in Arabic (right to left) against the demo engine. With HUBDESK_SCREENSHOT_DIR
// set, each main page is saved as es-PAGE.png and ar-PAGE.png.

#include "uitestengine.h"

#include "catalogpage.h"
#include "filespeccolumnmodel.h"
#include "filespecspage.h"
#include "integrationspage.h"
#include "language.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "outboundintegrationform.h"
#include "runbookmodel.h"
#include "runbookpage.h"
#include "runlogview.h"
#include "statusdelegate.h"

#include <QApplication>
#include <QDateEdit>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTranslator>
#include <QTreeWidget>

using hubdesk::MainWindow;
using hubtest::UiTestEngine;

class tst_Language final : public QObject
{
    Q_OBJECT

private slots:
    void resolveLanguage_data();
    void resolveLanguage();
    void menuEmitsChosenLanguage();
    void translatedWindow_data();
    void translatedWindow();
    void windowFitsScreenWidth_data();
    void windowFitsScreenWidth();
    void cleanup();

private:
    void checkRightToLeftRunbook(hubdesk::RunbookPage *runbook);

private:
    static constexpr int kRunTimeoutMs = 60000;
};

void tst_Language::resolveLanguage_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QLocale>("system");
    QTest::addColumn<QString>("expected");
    const QLocale mexico(QLocale::Spanish, QLocale::Mexico);
    const QLocale france(QLocale::French, QLocale::France);
    const QLocale saudi(QLocale::Arabic, QLocale::SaudiArabia);
    QTest::newRow("setting wins") << "ar" << mexico << "ar";
    QTest::newRow("system Spanish") << "" << mexico << "es";
    QTest::newRow("system Arabic") << "" << saudi << "ar";
    QTest::newRow("unsupported system is English") << "" << france << "en";
    QTest::newRow("unsupported setting follows system") << "fr" << saudi << "ar";
    QTest::newRow("C locale is English") << "" << QLocale::c() << "en";
}

void tst_Language::resolveLanguage()
{
    QFETCH(QString, setting);
    QFETCH(QLocale, system);
    QFETCH(QString, expected);
    QCOMPARE(hubdesk::resolveLanguage(setting, system), expected);
}

void tst_Language::menuEmitsChosenLanguage()
{
    hubdesk::LanguageMenu menu({{QStringLiteral("en"), QStringLiteral("English")},
                                {QStringLiteral("es"), QStringLiteral("Español")}},
                               QStringLiteral("es"));
    QAction *system = menu.findChild<QAction *>(QStringLiteral("language-system"));
    QAction *spanish = menu.findChild<QAction *>(QStringLiteral("language-es"));
    QAction *english = menu.findChild<QAction *>(QStringLiteral("language-en"));
    QVERIFY(system && spanish && english);
    QVERIFY(spanish->isChecked());
    QVERIFY(!english->isChecked());
    QCOMPARE(spanish->text(), QStringLiteral("Español"));

    QSignalSpy chosen(&menu, &hubdesk::LanguageMenu::languageChosen);
    english->trigger();
    system->trigger();
    QCOMPARE(chosen.size(), 2);
    QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("en"));
    QCOMPARE(chosen.at(1).at(0).toString(), QString());
    QVERIFY(system->isChecked());
    QVERIFY(!spanish->isChecked());
}

void tst_Language::translatedWindow_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("catalogTitle");
    QTest::addColumn<QString>("runNow");
    QTest::addColumn<QString>("succeeded");
    QTest::addColumn<bool>("rightToLeft");
    QTest::addColumn<QString>("dateFormat");
    QTest::newRow("Spanish") << "es" << QStringLiteral("Catálogo de productos")
                             << QStringLiteral("Ejecutar ahora") << QStringLiteral("0 Correcta")
                             << false << QStringLiteral("d/M/yyyy");
    QTest::newRow("Arabic") << "ar" << QStringLiteral("كتالوج المنتجات")
                            << QStringLiteral("تشغيل الآن") << QStringLiteral("0 نجح") << true
                            << QStringLiteral("d\u200f/M\u200f/yyyy");
}

void tst_Language::translatedWindow()
{
    QFETCH(QString, code);
    QFETCH(QString, catalogTitle);
    QFETCH(QString, runNow);
    QFETCH(QString, succeeded);
    QFETCH(bool, rightToLeft);
    QFETCH(QString, dateFormat);

    const QLocale locale = hubdesk::installLanguage(*qApp, code);
    QCOMPARE(QLocale::languageToCode(QLocale().language()), code);
    QApplication::setLayoutDirection(locale.textDirection());

    UiTestEngine engine;
    const QString error = engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MainWindow window(engine.client());
    window.resize(1280, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.isRightToLeft(), rightToLeft);

    QSignalSpy catalog(window.catalogPage(), &hubdesk::CatalogPage::refreshed);
    QSignalSpy integrations(window.integrationsPage(), &hubdesk::IntegrationsPage::refreshed);
    window.refreshAll();
    QVERIFY(catalog.wait(UiTestEngine::kRequestTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!integrations.isEmpty(), UiTestEngine::kRequestTimeoutMs);
    auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationList"));
    QCOMPARE(navigation->item(0)->text(), catalogTitle);
    hubtest::saveScreenshot(&window, code + QStringLiteral("-catalog"));

    window.showPage(MainWindow::Page::Integrations);
    QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("runNowButton"))->text(), runNow);
    hubtest::saveScreenshot(&window, code + QStringLiteral("-integrations"));

    window.showPage(MainWindow::Page::Catalog);
    QVERIFY(window.catalogPage()->selectProduct(QStringLiteral("MiLEARN")));
    QSignalSpy loaded(window.outboundForm(), &hubdesk::OutboundIntegrationForm::loaded);
    window.catalogPage()->addIntegration();
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));
    hubtest::saveScreenshot(&window, code + QStringLiteral("-outbound-form"));

    // File Specifications with a built-in specification, its table headers translated.
    QSignalSpy specs(window.fileSpecsPage(), &hubdesk::FileSpecsPage::refreshed);
    window.fileSpecsPage()->refresh();
    QVERIFY(specs.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY(window.fileSpecsPage()->selectSpec(QStringLiteral("contoso-daily-attendance")));
    window.showPage(MainWindow::Page::FileSpecs);
    const QString storeColumn
        = window.fileSpecsPage()
              ->columnModel()
              ->headerData(hubdesk::FileSpecColumnModel::TargetColumn, Qt::Horizontal)
              .toString();
    QVERIFY(!storeColumn.isEmpty());
    QVERIFY(storeColumn != QStringLiteral("Store Column"));
    // The editor fits its scroll area's width once a scroll bar's change has been laid out.
    auto editorScroll = window.findChild<QScrollArea *>(QStringLiteral("fileSpecEditorScroll"));
    QTRY_COMPARE(editorScroll->widget()->width(), editorScroll->viewport()->width());
    hubtest::saveScreenshot(&window, code + QStringLiteral("-file-specs"));

    // Every date field uses the locale's day, month and year order, as the tables do.
    for (const char *name : {"runbookDateEdit", "runbookToDateEdit", "auditFromDate", "auditToDate",
                             "startDateEdit", "endDateEdit"}) {
        auto edit = window.findChild<QDateEdit *>(QLatin1String(name));
        QVERIFY2(edit, name);
        QCOMPARE(edit->displayFormat(), dateFormat);
    }
    // Under a right-to-left layout QDateEdit::text() lists the sections in reverse (seen with
    // Qt 6.4), so the shown text is compared in Spanish only.
    if (!rightToLeft) {
        auto runbookDate = window.findChild<QDateEdit *>(QStringLiteral("runbookDateEdit"));
        const QDate shownDate = runbookDate->date();
        runbookDate->setDate(QDate(2026, 12, 4));
        QCOMPARE(runbookDate->text(), QStringLiteral("4/12/2026"));
        runbookDate->setDate(shownDate);
    }

    // A run of the demo report, shown in Runbook Activities with its translated status.
    const qint64 integrationId = engine.integrationIdNamed(QStringLiteral("MiLEARN-Sections Data"));
    QVERIFY(integrationId > 0);
    const hubdesk::ApiResult started = UiTestEngine::wait(engine.client()->runNow(integrationId));
    QVERIFY2(started.ok(), qPrintable(started.errorMessage));
    const qint64 runId = started.body.object().value(QStringLiteral("id")).toInteger();
    QVERIFY(runId > 0);
    window.showPage(MainWindow::Page::Runbook);
    hubdesk::RunbookPage *runbook = window.runbookPage();
    runbook->showRun(runId);
    QTRY_COMPARE_WITH_TIMEOUT(
        hubdesk::StatusDelegate::statusLabel(
            runbook->model()->indexOfRun(runId).data(hubdesk::RunbookModel::StatusCodeRole)),
        succeeded, kRunTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(runbook->logView()->lineCount() > 0, kRunTimeoutMs);
    hubtest::saveScreenshot(&window, code + QStringLiteral("-runbook"));
    if (rightToLeft)
        checkRightToLeftRunbook(runbook);
}

void tst_Language::checkRightToLeftRunbook(hubdesk::RunbookPage *runbook)
{
    // Each filter label shows its whole text, with the shortcut letter in parentheses after
    // the Arabic word, so that the underline does not cut the word.
    const QList<std::pair<QString, QKeyCombination>> labels{
        {QStringLiteral("التاريخ (&D):"), Qt::ALT | Qt::Key_D},
        {QStringLiteral("التكامل (&I):"), Qt::ALT | Qt::Key_I},
        {QStringLiteral("النوع (&Y):"), Qt::ALT | Qt::Key_Y},
        {QStringLiteral("الحالة (&S):"), Qt::ALT | Qt::Key_S},
        {QStringLiteral("المُشغِّل (&R):"), Qt::ALT | Qt::Key_R},
    };
    auto *filterBar = runbook->findChild<QWidget *>(QStringLiteral("runbookFilterBar"));
    QVERIFY(filterBar);
    const QList<QLabel *> filterLabels = filterBar->findChildren<QLabel *>();
    for (const auto &[text, shortcut] : labels) {
        const auto found = std::find_if(filterLabels.cbegin(), filterLabels.cend(),
                                        [&](const QLabel *label) { return label->text() == text; });
        QVERIFY2(found != filterLabels.cend(), qPrintable(text));
        QVERIFY2((*found)->width() >= (*found)->sizeHint().width(), qPrintable(text));
        QCOMPARE(QKeySequence::mnemonic((*found)->text()), QKeySequence(shortcut));
    }

    // The engine's English log lines read left to right: the shortest one starts at the left
    // edge of its cell, as in an English page, and does not end in the middle.
    auto *lines = runbook->logView()->findChild<QTreeWidget *>(QStringLiteral("runLogLines"));
    QVERIFY(lines);
    constexpr int kMessageColumn = 2;
    QTreeWidgetItem *shortest = nullptr;
    for (int i = 0; i < lines->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = lines->topLevelItem(i);
        if (!shortest || item->text(kMessageColumn).size() < shortest->text(kMessageColumn).size())
            shortest = item;
    }
    QVERIFY(shortest);
    QVERIFY(!shortest->text(kMessageColumn).isRightToLeft());
    const QRect cell = lines->visualItemRect(shortest).intersected(
        QRect(lines->header()->sectionViewportPosition(kMessageColumn), 0,
              lines->header()->sectionSize(kMessageColumn), lines->viewport()->height()));
    QVERIFY(cell.width() > 200);
    const QImage image = lines->viewport()->grab().toImage();
    int firstInk = -1;
    for (int x = cell.left(); x <= cell.right() && firstInk < 0; ++x) {
        for (int y = cell.top(); y <= cell.bottom(); ++y) {
            if (qGray(image.pixel(x, y)) < 128) {
                firstInk = x;
                break;
            }
        }
    }
    QVERIFY(firstInk >= 0);
    QVERIFY2(firstInk - cell.left() < 12,
             qPrintable(
                 QStringLiteral("%1 in %2..%3").arg(firstInk).arg(cell.left()).arg(cell.right())));
}

void tst_Language::windowFitsScreenWidth_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("English") << "en";
    QTest::newRow("Spanish") << "es";
    QTest::newRow("Arabic") << "ar";
}

// The main window fits a 1280-pixel-wide screen, common on district laptops, on every page in
// every shipped language.
void tst_Language::windowFitsScreenWidth()
{
    QFETCH(QString, code);
    constexpr int kScreenWidth = 1280;
    const QLocale locale = hubdesk::installLanguage(*qApp, code);
    QApplication::setLayoutDirection(locale.textDirection());

    UiTestEngine engine;
    const QString error = engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    MainWindow window(engine.client());
    window.resize(1200, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy catalog(window.catalogPage(), &hubdesk::CatalogPage::refreshed);
    window.refreshAll();
    QVERIFY(catalog.wait(UiTestEngine::kRequestTimeoutMs));

    // The window is as wide as its widest page needs, so each page is checked on its own.
    auto stack = window.findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    QVERIFY(stack);
    const int besidePages = window.minimumSizeHint().width() - stack->minimumSizeHint().width();
    QStringList tooWide;
    for (int page = 0; page < stack->count(); ++page) {
        window.showPage(MainWindow::Page(page));
        QWidget *shown = stack->widget(page);
        const int windowWidth = besidePages + shown->minimumSizeHint().width();
        if (windowWidth > kScreenWidth)
            tooWide.append(QStringLiteral("%1 (%2)").arg(shown->objectName()).arg(windowWidth));
    }
    QVERIFY2(tooWide.isEmpty(),
             qPrintable(QStringLiteral("pages that need a window wider than %1 pixels: %2")
                            .arg(kScreenWidth)
                            .arg(tooWide.join(QStringLiteral(", ")))));
    QVERIFY2(window.minimumSizeHint().width() <= kScreenWidth,
             qPrintable(QString::number(window.minimumSizeHint().width())));
    window.showPage(MainWindow::Page::Runbook);
    window.resize(window.minimumSizeHint().width(), 796);
    hubtest::saveScreenshot(&window, code + QStringLiteral("-runbook-narrowest"));
}

void tst_Language::cleanup()
{
    const QList<QTranslator *> translators = qApp->findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QApplication::setLayoutDirection(Qt::LeftToRight);
}

QTEST_MAIN(tst_Language)
#include "tst_language.moc"
