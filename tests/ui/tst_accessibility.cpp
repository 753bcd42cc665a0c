// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Accessibility of the main window against the demo engine: Tab reaches every control of each
// page in reading order, every control and table header has an accessible name, and the
// high-contrast palette and style keep text and every control's edges visible.

#include "uitestengine.h"

#include "catalogpage.h"
#include "filespecspage.h"
#include "highcontrast.h"
#include "inboundintegrationform.h"
#include "integrationspage.h"
#include "mainwindow.h"
#include "outboundintegrationform.h"
#include "runbookpage.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QListWidget>
#include <QRadioButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyleOption>
#include <QTreeView>

using hubdesk::MainWindow;
using hubtest::UiTestEngine;

class tst_Accessibility final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void highContrastPaletteIsReadable_data();
    void highContrastPaletteIsReadable();
    void highContrastIndicators_data();
    void highContrastIndicators();
    void highContrastScrollBarHandle();
    void highContrastWindow();
    void tabReachesEveryControl_data();
    void tabReachesEveryControl();
    void controlsHaveAccessibleNames_data();
    void controlsHaveAccessibleNames();
    void runbookHeadersHaveNames();

private:
    // The WCAG 2 non-text contrast minimum for the edges of a control.
    static constexpr double kEdgeContrast = 3.0;

    // The highest contrast against black of a pixel inside rect of image.
    static double highestContrast(const QImage &image, const QRect &rect);
    void addPageRows();
    QWidget *showPage(MainWindow::Page page);
    // The page's controls that Tab should reach: visible, enabled, accepting Tab focus.
    static QList<QWidget *> tabControls(QWidget *page);
    static QString describe(const QWidget *widget);
    // The widget's top in the window, moved into the viewport of each scroll area that
    // contains it. Tab scrolls a form, so a control that the form has since scrolled away
    // counts as being at the viewport's edge.
    int shownTop(const QWidget *widget) const;

    UiTestEngine m_engine;
    std::unique_ptr<MainWindow> m_window;
};

void tst_Accessibility::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = std::make_unique<MainWindow>(m_engine.client());
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // Xvfb runs no window manager, so the test makes the window active itself.
    m_window->activateWindow();
    QApplication::setActiveWindow(m_window.get());
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());

    QSignalSpy catalog(m_window->catalogPage(), &hubdesk::CatalogPage::refreshed);
    QSignalSpy integrations(m_window->integrationsPage(), &hubdesk::IntegrationsPage::refreshed);
    QSignalSpy specs(m_window->fileSpecsPage(), &hubdesk::FileSpecsPage::refreshed);
    m_window->refreshAll();
    QVERIFY(catalog.wait(UiTestEngine::kRequestTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!integrations.isEmpty(), UiTestEngine::kRequestTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!specs.isEmpty(), UiTestEngine::kRequestTimeoutMs);
    // File Specifications with a specification on show, so that its fields take part.
    QVERIFY(m_window->fileSpecsPage()->selectSpec(QStringLiteral("contoso-daily-attendance")));

    // The outbound form with a product loaded, as a user opens it from the catalog.
    QVERIFY(m_window->catalogPage()->selectProduct(QStringLiteral("MiLEARN")));
    QSignalSpy loaded(m_window->outboundForm(), &hubdesk::OutboundIntegrationForm::loaded);
    m_window->catalogPage()->addIntegration();
    QVERIFY(loaded.wait(UiTestEngine::kRequestTimeoutMs));

    // The inbound form with the demo's OneRoster bundle integration.
    QSignalSpy inboundLoaded(m_window->inboundForm(), &hubdesk::InboundIntegrationForm::loaded);
    m_window->inboundForm()->loadIntegration(
        m_engine.integrationIdNamed(QStringLiteral("OneRoster Bundle")));
    QVERIFY(inboundLoaded.wait(UiTestEngine::kRequestTimeoutMs));
}

void tst_Accessibility::cleanupTestCase()
{
    m_window.reset();
    m_engine.stop();
}

void tst_Accessibility::highContrastPaletteIsReadable_data()
{
    QTest::addColumn<int>("group");
    QTest::addColumn<int>("foreground");
    QTest::addColumn<int>("background");
    QTest::addColumn<double>("minimum");
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        const char *name = group == QPalette::Active ? "active" : "inactive";
        QTest::addRow("%s text", name) << int(group) << int(QPalette::Text) << int(QPalette::Base) << 7.0;
        QTest::addRow("%s window text", name)
            << int(group) << int(QPalette::WindowText) << int(QPalette::Window) << 7.0;
        QTest::addRow("%s button text", name)
            << int(group) << int(QPalette::ButtonText) << int(QPalette::Button) << 7.0;
        QTest::addRow("%s selection", name)
            << int(group) << int(QPalette::HighlightedText) << int(QPalette::Highlight) << 7.0;
        QTest::addRow("%s tool tip", name)
            << int(group) << int(QPalette::ToolTipText) << int(QPalette::ToolTipBase) << 7.0;
        QTest::addRow("%s placeholder", name)
            << int(group) << int(QPalette::PlaceholderText) << int(QPalette::Base) << 4.5;
    }
    QTest::newRow("disabled text") << int(QPalette::Disabled) << int(QPalette::Text)
                                   << int(QPalette::Base) << 4.5;
    QTest::newRow("disabled button text") << int(QPalette::Disabled) << int(QPalette::ButtonText)
                                          << int(QPalette::Button) << 4.5;
}

void tst_Accessibility::highContrastPaletteIsReadable()
{
    QFETCH(int, group);
    QFETCH(int, foreground);
    QFETCH(int, background);
    QFETCH(double, minimum);

    QCOMPARE(qRound(hubdesk::contrastRatio(Qt::black, Qt::white)), 21);
    const QPalette palette = hubdesk::highContrastPalette();
    const double ratio = hubdesk::contrastRatio(
        palette.color(QPalette::ColorGroup(group), QPalette::ColorRole(foreground)),
        palette.color(QPalette::ColorGroup(group), QPalette::ColorRole(background)));
    QVERIFY2(ratio >= minimum, qPrintable(QString::number(ratio)));
}

double tst_Accessibility::highestContrast(const QImage &image, const QRect &rect)
{
    double highest = 1.0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            highest
                = std::max(highest, hubdesk::contrastRatio(QColor(image.pixel(x, y)), Qt::black));
    }
    return highest;
}

void tst_Accessibility::highContrastIndicators_data()
{
    QTest::addColumn<bool>("radio");
    QTest::addColumn<bool>("checked");
    QTest::addColumn<bool>("enabled");
    for (const bool radio : {false, true}) {
        for (const bool checked : {false, true}) {
            for (const bool enabled : {true, false}) {
                QTest::addRow("%s %s%s", radio ? "radio button" : "check box",
                              checked ? "checked" : "unchecked", enabled ? "" : " disabled")
                    << radio << checked << enabled;
            }
        }
    }
}

void tst_Accessibility::highContrastIndicators()
{
    QFETCH(bool, radio);
    QFETCH(bool, checked);
    QFETCH(bool, enabled);

    hubdesk::HighContrastStyle style;
    std::unique_ptr<QAbstractButton> button;
    if (radio)
        button = std::make_unique<QRadioButton>(QStringLiteral("Run at next available cycle"));
    else
        button = std::make_unique<QCheckBox>(QStringLiteral("Run at next available cycle"));
    button->setStyle(&style);
    button->setPalette(hubdesk::highContrastPalette());
    button->setChecked(checked);
    button->setEnabled(enabled);
    button->resize(button->sizeHint());
    const QImage image = button->grab().toImage();
    hubtest::saveScreenshot(button.get(), QStringLiteral("high-contrast-%1-%2-%3")
                                              .arg(radio ? u"radio" : u"check")
                                              .arg(checked ? u"on" : u"off")
                                              .arg(enabled ? u"enabled" : u"disabled"));

    QStyleOptionButton option;
    option.initFrom(button.get());
    const QRect indicator = style.subElementRect(radio ? QStyle::SE_RadioButtonIndicator
                                                       : QStyle::SE_CheckBoxIndicator,
                                                 &option, button.get());
    QVERIFY(indicator.width() >= 10);
    // The edge is visible whether the box is checked or not.
    QVERIFY2(highestContrast(image, indicator) >= kEdgeContrast,
             qPrintable(QString::number(highestContrast(image, indicator))));
    // The middle shows the mark only when checked.
    const QRect middle = indicator.adjusted(5, 5, -5, -5);
    QCOMPARE(highestContrast(image, middle) >= kEdgeContrast, checked);
}

void tst_Accessibility::highContrastScrollBarHandle()
{
    hubdesk::HighContrastStyle style;
    QScrollBar bar(Qt::Vertical);
    bar.setStyle(&style);
    bar.setPalette(hubdesk::highContrastPalette());
    bar.setRange(0, 300);
    bar.setPageStep(100);
    bar.setValue(0);
    bar.resize(bar.sizeHint().width(), 300);
    const QImage image = bar.grab().toImage();
    hubtest::saveScreenshot(&bar, QStringLiteral("high-contrast-scroll-bar"));

    QStyleOptionSlider option;
    option.initFrom(&bar);
    option.orientation = Qt::Vertical;
    option.minimum = bar.minimum();
    option.maximum = bar.maximum();
    option.sliderPosition = bar.sliderPosition();
    option.sliderValue = bar.value();
    option.pageStep = bar.pageStep();
    option.singleStep = bar.singleStep();
    option.subControls = QStyle::SC_All;
    const QRect handle
        = style.subControlRect(QStyle::CC_ScrollBar, &option, QStyle::SC_ScrollBarSlider, &bar);
    QVERIFY(handle.height() > 20);
    const QRect groove
        = style.subControlRect(QStyle::CC_ScrollBar, &option, QStyle::SC_ScrollBarGroove, &bar);
    // The handle's middle is light, and the groove below the handle stays black.
    const QRect handleMiddle(handle.center() - QPoint(1, 1), QSize(3, 3));
    QVERIFY2(highestContrast(image, handleMiddle) >= kEdgeContrast,
             qPrintable(QString::number(highestContrast(image, handleMiddle))));
    const QRect belowHandle(QPoint(groove.center().x() - 1, handle.bottom() + 20), QSize(3, 3));
    QVERIFY(belowHandle.bottom() < groove.bottom());
    QVERIFY2(highestContrast(image, belowHandle) < 1.5,
             qPrintable(QString::number(highestContrast(image, belowHandle))));
}

void tst_Accessibility::highContrastWindow()
{
    const QString standardStyle = QApplication::style()->name();
    const QPalette standardPalette = QApplication::palette();
    const auto restore = qScopeGuard([&] {
        QApplication::setStyle(standardStyle);
        QApplication::setPalette(standardPalette);
    });
    QApplication::setStyle(new hubdesk::HighContrastStyle);
    QApplication::setPalette(hubdesk::highContrastPalette());

    // The schedule section of a new outbound form, whose check boxes start unchecked.
    showPage(MainWindow::Page::OutboundForm);
    auto *check
        = m_window->outboundForm()->findChild<QCheckBox *>(QStringLiteral("runAtNextCycleCheck"));
    QVERIFY(check);
    QVERIFY(!check->isChecked());
    auto *scrollArea = m_window->outboundForm()->findChild<QScrollArea *>();
    QVERIFY(scrollArea);
    scrollArea->ensureWidgetVisible(check);
    QCoreApplication::processEvents();
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("high-contrast-outbound-form"));

    QStyleOptionButton option;
    option.initFrom(check);
    const QRect indicator
        = check->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, check);
    QCOMPARE(indicator.width(), 16);
    const QImage image = check->grab().toImage();
    QVERIFY2(highestContrast(image, indicator) >= kEdgeContrast,
             qPrintable(QString::number(highestContrast(image, indicator))));
    // The form is taller than the window, so its scroll bar shows a light handle.
    QScrollBar *bar = scrollArea->verticalScrollBar();
    QVERIFY(bar->isVisible());
    QVERIFY(bar->maximum() > 0);
    QStyleOptionSlider barOption;
    barOption.initFrom(bar);
    barOption.orientation = Qt::Vertical;
    barOption.minimum = bar->minimum();
    barOption.maximum = bar->maximum();
    barOption.sliderPosition = bar->sliderPosition();
    barOption.sliderValue = bar->value();
    barOption.pageStep = bar->pageStep();
    barOption.subControls = QStyle::SC_All;
    const QRect handle = bar->style()->subControlRect(QStyle::CC_ScrollBar, &barOption,
                                                      QStyle::SC_ScrollBarSlider, bar);
    const QRect handleMiddle(handle.center() - QPoint(1, 1), QSize(3, 3));
    QVERIFY2(highestContrast(bar->grab().toImage(), handleMiddle) >= kEdgeContrast,
             qPrintable(QString::number(highestContrast(bar->grab().toImage(), handleMiddle))));

    showPage(MainWindow::Page::Runbook);
    hubtest::saveScreenshot(m_window.get(), QStringLiteral("high-contrast-runbook"));
}

void tst_Accessibility::addPageRows()
{
    QTest::addColumn<int>("page");
    QTest::newRow("Product Catalog") << int(MainWindow::Page::Catalog);
    QTest::newRow("Integrations") << int(MainWindow::Page::Integrations);
    QTest::newRow("Manage Outbound Integration") << int(MainWindow::Page::OutboundForm);
    QTest::newRow("Runbook Activities") << int(MainWindow::Page::Runbook);
    QTest::newRow("OneRoster") << int(MainWindow::Page::OneRoster);
    QTest::newRow("Audit Log") << int(MainWindow::Page::AuditLog);
    QTest::newRow("File Specifications") << int(MainWindow::Page::FileSpecs);
    QTest::newRow("Manage Inbound Integration") << int(MainWindow::Page::InboundForm);
}

QWidget *tst_Accessibility::showPage(MainWindow::Page page)
{
    m_window->showPage(page);
    auto *stack = m_window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    QCoreApplication::processEvents();
    return stack->currentWidget();
}

QList<QWidget *> tst_Accessibility::tabControls(QWidget *page)
{
    QList<QWidget *> controls;
    const QList<QWidget *> widgets = page->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (widget->isVisibleTo(page) && widget->isEnabled()
            && (widget->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && !widget->focusProxy())
            controls.append(widget);
    }
    return controls;
}

int tst_Accessibility::shownTop(const QWidget *widget) const
{
    int top = widget->mapTo(m_window.get(), QPoint(0, 0)).y();
    for (const QWidget *parent = widget->parentWidget(); parent && !parent->isWindow();
         parent = parent->parentWidget()) {
        const auto scrollArea = qobject_cast<const QAbstractScrollArea *>(parent);
        if (!scrollArea)
            continue;
        const QWidget *viewport = scrollArea->viewport();
        const int viewportTop = viewport->mapTo(m_window.get(), QPoint(0, 0)).y();
        top = qBound(viewportTop, top, viewportTop + viewport->height());
    }
    return top;
}

QString tst_Accessibility::describe(const QWidget *widget)
{
    return QStringLiteral("%1 \"%2\"").arg(QString::fromLatin1(widget->metaObject()->className()),
                                           widget->objectName());
}

void tst_Accessibility::tabReachesEveryControl_data()
{
    addPageRows();
}

void tst_Accessibility::tabReachesEveryControl()
{
    QFETCH(int, page);
    QWidget *current = showPage(MainWindow::Page(page));
    const QList<QWidget *> controls = tabControls(current);
    QVERIFY(!controls.isEmpty());

    // Tab from the navigation list and record each control that takes the focus, until the
    // focus comes back to the list.
    auto *navigation = m_window->findChild<QListWidget *>(QStringLiteral("navigationList"));
    navigation->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(navigation->hasFocus());
    QList<QWidget *> order;
    for (int step = 0; step < 300; ++step) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focused = QApplication::focusWidget();
        if (!focused || focused == navigation)
            break;
        if (current->isAncestorOf(focused) && !order.contains(focused))
            order.append(focused);
    }
    QCOMPARE(QApplication::focusWidget(), navigation);

    QStringList missing;
    for (QWidget *control : controls) {
        if (!order.contains(control))
            missing.append(describe(control));
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("Not reached by Tab: ")
                                           + missing.join(QStringLiteral(", "))));

    // Reading order: no control sits clearly above the one before it.
    for (qsizetype i = 1; i < order.size(); ++i) {
        const int previousTop = shownTop(order.at(i - 1));
        const int top = shownTop(order.at(i));
        const int previousBottom = previousTop + order.at(i - 1)->height();
        QVERIFY2(top + 4 >= previousTop || top >= previousBottom,
                 qPrintable(describe(order.at(i)) + QStringLiteral(" comes after ")
                            + describe(order.at(i - 1)) + QStringLiteral(" but sits above it")));
    }
}

void tst_Accessibility::controlsHaveAccessibleNames_data()
{
    addPageRows();
}

void tst_Accessibility::controlsHaveAccessibleNames()
{
    QFETCH(int, page);
    QWidget *current = showPage(MainWindow::Page(page));

    QStringList unnamed;
    for (QWidget *control : tabControls(current)) {
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(control);
        QVERIFY(accessible);
        if (accessible->text(QAccessible::Name).trimmed().isEmpty())
            unnamed.append(describe(control));
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(QStringLiteral("No accessible name: ")
                                           + unnamed.join(QStringLiteral(", "))));
}

void tst_Accessibility::runbookHeadersHaveNames()
{
    showPage(MainWindow::Page::Runbook);
    QTreeView *view = m_window->runbookPage()->view();
    QAbstractItemModel *model = view->model();
    QVERIFY(model->columnCount() > 0);
    for (int column = 0; column < model->columnCount(); ++column) {
        if (view->isColumnHidden(column))
            continue;
        const QString name = model->headerData(column, Qt::Horizontal).toString();
        QVERIFY2(!name.isEmpty(), qPrintable(QString::number(column)));
        const QString description =
            model->headerData(column, Qt::Horizontal, Qt::AccessibleDescriptionRole).toString();
        QVERIFY2(!description.isEmpty(), qPrintable(name));
    }
}

QTEST_MAIN(tst_Accessibility)
#include "tst_accessibility.moc"
