// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The File Specifications page against an in-process demo engine. It lists the built-in
// specifications, copies the i-Ready ELA one and changes its mapping, which the API then
// returns, and shows the engine's errors at the cell or field they name. A file that only the
// copy reads loads, and the built-in rejects it. Roles, Discard and Delete are covered too.
// With HUBDESK_SCREENSHOT_DIR set, the main window on this page is saved as file-specs.png,
// file-specs-built-in.png and file-specs-error.png.

#include "uitestengine.h"

#include "catalogpage.h"
#include "copyfilespecdialog.h"
#include "filespeccolumnmodel.h"
#include "filespecconstantsdialog.h"
#include "filespecspage.h"
#include "mainwindow.h"
#include "store/store.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTreeWidget>

using hubdesk::FileSpecColumnModel;
using hubdesk::FileSpecsPage;
using hubtest::UiTestEngine;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRunTimeoutMs = 30000;
const QString kCopyKey = u"district-iready-ela"_s;

} // namespace

class tst_FileSpecsPage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsBuiltIns();
    void catalogOpensProductSpecs();
    void builtInIsReadOnly();
    void copyRemapAndSave();
    void keyboardEditsCells();
    void constantsChangeAndCheck();
    void invalidChangeShowsEngineError_data();
    void invalidChangeShowsEngineError();
    void copyReadsFileBuiltInRejects();
    void viewerOnlyReads();
    void discardAskedOnSwitch();
    void leavingAsksToSaveChanges();
    void deleteRemovesCopy();
    void goneSpecReportsFailure();
    void unreachableEngineReported();

private:
    FileSpecsPage *page() const { return m_window->fileSpecsPage(); }
    template<typename T>
    T *child(const char *name) const
    {
        return page()->findChild<T *>(QLatin1String(name));
    }
    bool waitForRefresh();
    // Makes the main window active again, as after a dialog closes, so that it takes focus.
    void activateWindow();
    // Saves a screenshot once the editor has settled into its scroll area's width.
    void saveScreenshot(const QString &name);
    // The specification with key as GET /api/v1/file-specs returns it, or an empty object.
    QJsonObject storedSpec(const QString &key) const;
    static QJsonObject columnNamed(const QJsonObject &spec, const QString &name);
    // The row of the file column called name in the page's column table, or -1.
    int rowOf(const QString &name) const;
    // Opens the cell's editor with F2 or a double click, picks the item whose data is value in
    // its combo box and presses Enter.
    enum class Open { F2, DoubleClick };
    void chooseInCell(int row, int column, const QString &value, Open open = Open::F2);
    bool saveAndWait();
    // The final status of a run, or -1 when it does not end in time.
    int waitForRunStatus(qint64 runId);

    UiTestEngine m_engine;
    std::unique_ptr<hubdesk::MainWindow> m_window;
};

void tst_FileSpecsPage::initTestCase()
{
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_window = std::make_unique<hubdesk::MainWindow>(m_engine.client());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    activateWindow();
    QSignalSpy catalog(m_window->catalogPage(), &hubdesk::CatalogPage::refreshed);
    QSignalSpy specs(page(), &FileSpecsPage::refreshed);
    m_window->refreshAll();
    QVERIFY(catalog.wait(UiTestEngine::kRequestTimeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(!specs.isEmpty(), UiTestEngine::kRequestTimeoutMs);
}

void tst_FileSpecsPage::cleanupTestCase()
{
    m_window.reset();
    m_engine.stop();
}

void tst_FileSpecsPage::activateWindow()
{
    // Xvfb runs no window manager, so the test makes the window active itself.
    m_window->activateWindow();
    QApplication::setActiveWindow(m_window.get());
    QTRY_COMPARE(QApplication::activeWindow(), m_window.get());
}

void tst_FileSpecsPage::saveScreenshot(const QString &name)
{
    // A scroll bar that appears or goes adjusts the editor's width in a queued event.
    auto scroll = page()->findChild<QScrollArea *>(u"fileSpecEditorScroll"_s);
    QTRY_COMPARE(scroll->widget()->width(), scroll->viewport()->width());
    hubtest::saveScreenshot(m_window.get(), name);
}

bool tst_FileSpecsPage::waitForRefresh()
{
    QSignalSpy refreshed(page(), &FileSpecsPage::refreshed);
    page()->refresh();
    return refreshed.wait(UiTestEngine::kRequestTimeoutMs);
}

QJsonObject tst_FileSpecsPage::storedSpec(const QString &key) const
{
    const QJsonArray specs
        = m_engine.getObject(u"/api/v1/file-specs"_s).value(u"fileSpecs"_s).toArray();
    for (const QJsonValue &spec : specs) {
        if (spec[u"key"_s].toString() == key)
            return spec.toObject();
    }
    return {};
}

QJsonObject tst_FileSpecsPage::columnNamed(const QJsonObject &spec, const QString &name)
{
    const QJsonArray columns = spec.value(u"columns"_s).toArray();
    for (const QJsonValue &column : columns) {
        if (column[u"name"_s].toString() == name)
            return column.toObject();
    }
    return {};
}

int tst_FileSpecsPage::rowOf(const QString &name) const
{
    FileSpecColumnModel *model = page()->columnModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, FileSpecColumnModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

void tst_FileSpecsPage::chooseInCell(int row, int column, const QString &value, Open open)
{
    QTableView *view = page()->columnView();
    const QModelIndex index = page()->columnModel()->index(row, column);
    view->scrollTo(index);
    view->setCurrentIndex(index);
    activateWindow();
    view->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(view->hasFocus());
    if (open == Open::F2) {
        QTest::keyClick(view, Qt::Key_F2);
    } else {
        const QPoint center = view->visualRect(index).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, center);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, center);
    }
    QComboBox *combo = nullptr;
    QTRY_VERIFY((combo = view->viewport()->findChild<QComboBox *>()) != nullptr);
    if (column == FileSpecColumnModel::FormatColumn) {
        // The Date Format editor shows its longest choice whole, wider than the cell.
        int longest = 0;
        for (int i = 0; i < combo->count(); ++i)
            longest = qMax(longest, combo->fontMetrics().horizontalAdvance(combo->itemText(i)));
        QVERIFY2(combo->width() >= combo->sizeHint().width(),
                 qPrintable(u"%1 < %2"_s.arg(combo->width()).arg(combo->sizeHint().width())));
        QVERIFY2(combo->width() > longest,
                 qPrintable(u"%1 <= %2"_s.arg(combo->width()).arg(longest)));
        hubtest::saveScreenshot(m_window.get(), u"file-specs-date-format"_s);
    }
    const int item = combo->findData(value);
    QVERIFY2(item >= 0, qPrintable(value));
    combo->setCurrentIndex(item);
    QTest::keyClick(combo, Qt::Key_Return);
    QTRY_VERIFY(view->viewport()->findChild<QComboBox *>() == nullptr);
}

bool tst_FileSpecsPage::saveAndWait()
{
    // Save reports its result through the message or, on success, saved().
    QSignalSpy saved(page(), &FileSpecsPage::saved);
    const QString before = page()->message();
    QTest::mouseClick(child<QPushButton>("saveFileSpecButton"), Qt::LeftButton);
    return QTest::qWaitFor([&] { return !saved.isEmpty() || page()->message() != before; },
                           UiTestEngine::kRequestTimeoutMs);
}

int tst_FileSpecsPage::waitForRunStatus(qint64 runId)
{
    // Inbound runs go from queued (2) through running (1) to a final status.
    QJsonObject run;
    const bool finished = QTest::qWaitFor(
        [&] {
            run = m_engine.getObject(u"/api/v1/runs/%1"_s.arg(runId));
            const int current = run.value(u"status"_s).toInt(2);
            return current != 1 && current != 2;
        },
        kRunTimeoutMs);
    return finished ? run.value(u"status"_s).toInt() : -1;
}

void tst_FileSpecsPage::listsBuiltIns()
{
    QTreeWidget *list = page()->list();
    QCOMPARE(list->topLevelItemCount(), 3);
    QStringList rows;
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = list->topLevelItem(i);
        rows.append(
            QStringList{item->text(0), item->text(1), item->text(2), item->text(3)}.join(u" | "_s));
    }
    QCOMPARE(
        rows,
        (QStringList{
            u"i-Ready Diagnostic Results, Reading | Assessment Results | assessment_results | Built in"_s,
            u"i-Ready Diagnostic Results, Math | Assessment Results | assessment_results | Built in"_s,
            u"Contoso SIS daily attendance | Attendance | attendance | Built in"_s}));
    QCOMPARE(page()->productKeys(), (QStringList{u"assessment-results"_s, u"attendance"_s}));
    auto filter = child<QComboBox>("fileSpecProductFilter");
    QCOMPARE(filter->count(), 3);
    QCOMPARE(filter->itemText(2), u"Attendance"_s);
}

void tst_FileSpecsPage::catalogOpensProductSpecs()
{
    hubdesk::CatalogPage *catalog = m_window->catalogPage();
    auto button = catalog->findChild<QPushButton *>(u"catalogFileSpecsButton"_s);
    QVERIFY(button);
    // An inbound product whose files are bundles, not flat files.
    QVERIFY(catalog->selectProduct(u"OneRoster Bundle"_s));
    QVERIFY(!button->isEnabled());
    QVERIFY(button->toolTip().contains(u"Assessment Results"_s));
    QVERIFY(catalog->selectProduct(u"Attendance"_s));
    QVERIFY(button->isEnabled());

    m_window->showPage(hubdesk::MainWindow::Page::Catalog);
    QTest::mouseClick(button, Qt::LeftButton);
    auto stack = m_window->findChild<QStackedWidget *>(u"pageStack"_s);
    QCOMPARE(stack->currentWidget(), page());
    // Only the attendance specification is listed.
    QStringList shown;
    for (int i = 0; i < page()->list()->topLevelItemCount(); ++i) {
        if (!page()->list()->topLevelItem(i)->isHidden())
            shown.append(page()->list()->topLevelItem(i)->text(0));
    }
    QCOMPARE(shown, QStringList{u"Contoso SIS daily attendance"_s});
    QCOMPARE(child<QComboBox>("fileSpecProductFilter")->currentText(), u"Attendance"_s);
    // The product's first specification opens with the page.
    QCOMPARE(page()->selectedKey(), u"contoso-daily-attendance"_s);
    QCOMPARE(page()->columnModel()->rowCount(), 13);

    auto back = child<QPushButton>("fileSpecsBackButton");
    QVERIFY(back->isVisible());
    QCOMPARE(back->text(), u"Back to Product Catalog"_s);
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(stack->currentWidget(), catalog);

    page()->showProduct({});
    m_window->showPage(hubdesk::MainWindow::Page::FileSpecs);
}

void tst_FileSpecsPage::builtInIsReadOnly()
{
    QVERIFY(page()->selectSpec(u"iready-diagnostic-ela"_s));
    QCOMPARE(child<QLineEdit>("fileSpecNameEdit")->text(),
             u"i-Ready Diagnostic Results, Reading"_s);
    QCOMPARE(child<QLabel>("fileSpecTableLabel")->text(), u"assessment_results"_s);
    QCOMPARE(child<QLabel>("fileSpecConstantsLabel")->text(),
             u"assessment = i-Ready Diagnostic; subject = ELA"_s);
    QCOMPARE(child<QLabel>("fileSpecNaturalKeyLabel")->text(),
             u"Natural key: Student ID, Start Date, Completion Date, Duration (min)"_s);
    QCOMPARE(page()->columnModel()->rowCount(), 9);
    QVERIFY(child<QCheckBox>("keepOtherColumnsCheck")->isChecked());

    QVERIFY(child<QPushButton>("copyFileSpecButton")->isEnabled());
    for (const char *name : {"saveFileSpecButton", "deleteFileSpecButton", "addSpecColumnButton",
                             "removeSpecColumnButton", "editConstantsButton"}) {
        auto button = child<QPushButton>(name);
        QVERIFY2(button->isVisible(), name);
        QVERIFY2(!button->isEnabled(), name);
        QVERIFY2(button->toolTip().startsWith(u"Built-in specifications cannot be changed"_s),
                 name);
    }
    QVERIFY(child<QLineEdit>("fileSpecKeyEdit")->isReadOnly());
    QVERIFY(!page()->columnModel()->isEditable());
    const QModelIndex target
        = page()->columnModel()->index(rowOf(u"Percentile"_s), FileSpecColumnModel::TargetColumn);
    QVERIFY(!(target.flags() & Qt::ItemIsEditable));

    // The allowed values of the selected enumeration show read only.
    page()->columnView()->setCurrentIndex(page()->columnModel()->index(
        rowOf(u"Overall Relative Placement"_s), FileSpecColumnModel::NameColumn));
    auto values = child<QPlainTextEdit>("enumValuesEdit");
    QVERIFY(values->isVisible());
    QVERIFY(values->isReadOnly());
    QCOMPARE(values->toPlainText().split(u'\n').size(), 5);
    saveScreenshot(u"file-specs-built-in"_s);
}

void tst_FileSpecsPage::copyRemapAndSave()
{
    QVERIFY(page()->selectSpec(u"iready-diagnostic-ela"_s));
    page()->copySelected();
    QPointer<hubdesk::CopyFileSpecDialog> dialog
        = page()->findChild<hubdesk::CopyFileSpecDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->keyEdit()->text(), u"iready-diagnostic-ela-copy"_s);

    // A key the built-ins use is rejected at the key field, and the dialog stays open.
    dialog->keyEdit()->setText(u"iready-diagnostic-math"_s);
    dialog->nameEdit()->setText(u"District i-Ready Reading"_s);
    auto confirm = dialog->findChild<QPushButton *>(u"copyFileSpecConfirmButton"_s);
    QTest::mouseClick(confirm, Qt::LeftButton);
    auto keyError = dialog->findChild<QLabel *>(u"copyKeyEditError"_s);
    QTRY_VERIFY_WITH_TIMEOUT(keyError->isVisible(), UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(keyError->text(), u"The key iready-diagnostic-math is taken; choose another."_s);
    QVERIFY(dialog->isVisible());

    QSignalSpy saved(page(), &FileSpecsPage::saved);
    dialog->keyEdit()->setText(kCopyKey);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QVERIFY(saved.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(saved.first().first().toString(), kCopyKey);
    QTRY_VERIFY(dialog.isNull() || !dialog->isVisible());
    QVERIFY(waitForRefresh());
    QCOMPARE(page()->list()->topLevelItemCount(), 4);
    QCOMPARE(page()->selectedKey(), kCopyKey);
    QCOMPARE(page()->list()->currentItem()->text(3),
             u"District, copied from i-Ready Diagnostic Results, Reading"_s);
    QVERIFY(page()->columnModel()->isEditable());
    QVERIFY(child<QPushButton>("deleteFileSpecButton")->isEnabled());
    QVERIFY(!child<QPushButton>("saveFileSpecButton")->isEnabled());

    // Percentile takes the store's scale_score, the overall score moves to the extensions,
    // and both dates are read as ISO dates.
    chooseInCell(rowOf(u"Overall Scale Score"_s), FileSpecColumnModel::TargetColumn, QString(),
                 Open::DoubleClick);
    chooseInCell(rowOf(u"Percentile"_s), FileSpecColumnModel::TargetColumn, u"scale_score"_s);
    chooseInCell(rowOf(u"Start Date"_s), FileSpecColumnModel::FormatColumn, u"yyyy-MM-dd"_s);
    chooseInCell(rowOf(u"Completion Date"_s), FileSpecColumnModel::FormatColumn, u"yyyy-MM-dd"_s);
    QCOMPARE(page()
                 ->columnModel()
                 ->index(rowOf(u"Percentile"_s), FileSpecColumnModel::TargetColumn)
                 .data()
                 .toString(),
             u"scale_score"_s);
    QVERIFY(page()->isModified());
    QVERIFY(child<QPushButton>("saveFileSpecButton")->isEnabled());
    QVERIFY(!child<QPushButton>("copyFileSpecButton")->isEnabled());
    saveScreenshot(u"file-specs"_s);

    QVERIFY(saveAndWait());
    QVERIFY2(page()->message().startsWith(u"Saved District i-Ready Reading."_s),
             qPrintable(page()->message()));
    QVERIFY(!page()->isModified());

    const QJsonObject stored = storedSpec(kCopyKey);
    QCOMPARE(stored.value(u"builtIn"_s).toBool(), false);
    QCOMPARE(stored.value(u"basedOn"_s).toString(), u"iready-diagnostic-ela"_s);
    QCOMPARE(stored.value(u"name"_s).toString(), u"District i-Ready Reading"_s);
    QCOMPARE(columnNamed(stored, u"Percentile"_s).value(u"target"_s).toString(), u"scale_score"_s);
    QVERIFY(!columnNamed(stored, u"Overall Scale Score"_s).contains(u"target"_s));
    QCOMPARE(columnNamed(stored, u"Start Date"_s).value(u"format"_s).toString(), u"yyyy-MM-dd"_s);
    QCOMPARE(columnNamed(stored, u"Completion Date"_s).value(u"format"_s).toString(),
             u"yyyy-MM-dd"_s);
    // The rest is the built-in's.
    QCOMPARE(columnNamed(stored, u"Percentile"_s).value(u"maximum"_s).toDouble(), 99.0);
    QCOMPARE(stored.value(u"constants"_s).toObject().value(u"subject"_s).toString(), u"ELA"_s);
    QCOMPARE(stored.value(u"columns"_s).toArray().size(), 9);
    // The built-in is unchanged.
    QCOMPARE(columnNamed(storedSpec(u"iready-diagnostic-ela"_s), u"Start Date"_s)
                 .value(u"format"_s)
                 .toString(),
             u"M/d/yyyy"_s);
}

void tst_FileSpecsPage::keyboardEditsCells()
{
    QVERIFY(page()->selectSpec(kCopyKey));
    QTableView *view = page()->columnView();
    FileSpecColumnModel *model = page()->columnModel();
    activateWindow();
    view->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(view->hasFocus());

    // Space ticks a check box cell; F2 opens an editor, and Escape closes it unchanged.
    const int lexile = rowOf(u"Lexile Measure"_s);
    const QModelIndex required = model->index(lexile, FileSpecColumnModel::RequiredColumn);
    view->setCurrentIndex(required);
    QCOMPARE(required.data(Qt::CheckStateRole), QVariant(Qt::Checked));
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(required.data(Qt::CheckStateRole), QVariant(Qt::Unchecked));
    QVERIFY(page()->isModified());

    const QModelIndex name = model->index(lexile, FileSpecColumnModel::NameColumn);
    view->setCurrentIndex(name);
    QTest::keyClick(view, Qt::Key_F2);
    QLineEdit *editor = nullptr;
    QTRY_VERIFY((editor = view->viewport()->findChild<QLineEdit *>()) != nullptr);
    QVERIFY(!editor->accessibleName().isEmpty());
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(view->viewport()->findChild<QLineEdit *>() == nullptr);
    QCOMPARE(name.data().toString(), u"Lexile Measure"_s);

    // Add Column starts editing the new column's name; typing and Enter name it.
    QTest::mouseClick(child<QPushButton>("addSpecColumnButton"), Qt::LeftButton);
    QCOMPARE(model->rowCount(), 10);
    QTRY_VERIFY((editor = view->viewport()->findChild<QLineEdit *>()) != nullptr);
    editor->selectAll();
    QTest::keyClicks(editor, u"Growth Measure"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(model->index(lexile + 1, FileSpecColumnModel::NameColumn).data().toString(),
                 u"Growth Measure"_s);

    // A Maximum keeps an exponent as typed. One beyond the range of a number is not taken,
    // rather than read without its "e".
    const QModelIndex maximum
        = model->index(rowOf(u"Percentile"_s), FileSpecColumnModel::MaximumColumn);
    const QVariant maximumBefore = maximum.data(Qt::EditRole);
    view->setCurrentIndex(maximum);
    QTest::keyClick(view, Qt::Key_F2);
    QTRY_VERIFY((editor = view->viewport()->findChild<QLineEdit *>()) != nullptr);
    editor->selectAll();
    QTest::keyClicks(editor, u"1e400"_s);
    QCOMPARE(editor->text(), u"1e400"_s);
    QVERIFY(!editor->hasAcceptableInput());
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(view->viewport()->findChild<QLineEdit *>(), editor);
    QTest::keyClick(editor, Qt::Key_Escape);
    QTRY_VERIFY(view->viewport()->findChild<QLineEdit *>() == nullptr);
    QCOMPARE(maximum.data(Qt::EditRole), maximumBefore);
    view->setCurrentIndex(maximum);
    QTest::keyClick(view, Qt::Key_F2);
    QTRY_VERIFY((editor = view->viewport()->findChild<QLineEdit *>()) != nullptr);
    editor->selectAll();
    QTest::keyClicks(editor, u"1e2"_s);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(view->viewport()->findChild<QLineEdit *>() == nullptr);
    QCOMPARE(maximum.data(Qt::EditRole).toDouble(), 100.0);

    // Max Length takes a whole number from 1 to 10000, and an empty cell means the default limit.
    const QModelIndex maxLength = model->index(lexile, FileSpecColumnModel::MaxLengthColumn);
    QCOMPARE(maxLength.data().toString(), u"16"_s);
    view->setCurrentIndex(maxLength);
    QTest::keyClick(view, Qt::Key_F2);
    QTRY_VERIFY((editor = view->viewport()->findChild<QLineEdit *>()) != nullptr);
    QVERIFY(!editor->accessibleName().isEmpty());
    editor->selectAll();
    QTest::keyClicks(editor, u"20000"_s);
    QVERIFY(!editor->hasAcceptableInput());
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(view->viewport()->findChild<QLineEdit *>(), editor);
    QTest::keyClick(editor, Qt::Key_Backspace);
    QCOMPARE(editor->text(), u"2000"_s);
    QVERIFY(editor->hasAcceptableInput());
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(view->viewport()->findChild<QLineEdit *>() == nullptr);
    QCOMPARE(maxLength.data(Qt::EditRole), QVariant(qlonglong(2000)));
    view->setCurrentIndex(maxLength);
    QTest::keyClick(view, Qt::Key_F2);
    QTRY_VERIFY((editor = view->viewport()->findChild<QLineEdit *>()) != nullptr);
    editor->clear();
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(view->viewport()->findChild<QLineEdit *>() == nullptr);
    QVERIFY(!maxLength.data(Qt::EditRole).isValid());

    // The change is not saved until Save; Revert restores what the engine has.
    QTest::mouseClick(child<QPushButton>("revertFileSpecButton"), Qt::LeftButton);
    QVERIFY(!page()->isModified());
    QCOMPARE(model->rowCount(), 9);
    QCOMPARE(model->index(lexile, FileSpecColumnModel::RequiredColumn).data(Qt::CheckStateRole),
             QVariant(Qt::Checked));
}

void tst_FileSpecsPage::constantsChangeAndCheck()
{
    QVERIFY(page()->selectSpec(kCopyKey));
    auto constantsLabel = child<QLabel>("fileSpecConstantsLabel");
    QCOMPARE(constantsLabel->text(), u"assessment = i-Ready Diagnostic; subject = ELA"_s);
    const auto openDialog = [this] {
        QTest::mouseClick(child<QPushButton>("editConstantsButton"), Qt::LeftButton);
        return page()->findChild<hubdesk::FileSpecConstantsDialog *>();
    };
    const auto valueEdit = [](hubdesk::FileSpecConstantsDialog *dialog, int row) {
        return qobject_cast<QLineEdit *>(dialog->table()->cellWidget(row, 1));
    };
    const auto columnCombo = [](hubdesk::FileSpecConstantsDialog *dialog, int row) {
        return qobject_cast<QComboBox *>(dialog->table()->cellWidget(row, 0));
    };

    // The subject becomes Reading.
    QPointer<hubdesk::FileSpecConstantsDialog> dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->table()->rowCount(), 2);
    QCOMPARE(columnCombo(dialog, 1)->currentText(), u"subject"_s);
    valueEdit(dialog, 1)->setText(u"Reading"_s);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    hubtest::saveScreenshot(dialog, u"file-spec-constants"_s);
    dialog->accept();
    QTRY_VERIFY(dialog.isNull());
    QCOMPARE(constantsLabel->text(), u"assessment = i-Ready Diagnostic; subject = Reading"_s);
    QVERIFY(page()->isModified());
    QVERIFY(saveAndWait());
    QVERIFY(!page()->isModified());
    QCOMPARE(
        storedSpec(kCopyKey).value(u"constants"_s).toObject(),
        (QJsonObject{{u"assessment"_s, u"i-Ready Diagnostic"_s}, {u"subject"_s, u"Reading"_s}}));

    // The dialog rejects an empty value and a store column named twice.
    dialog = openDialog();
    QVERIFY(dialog);
    dialog->addConstant();
    QCOMPARE(dialog->table()->rowCount(), 3);
    // The new row takes the first store column without a constant.
    QCOMPARE(columnCombo(dialog, 2)->currentText(), u"student_sourced_id"_s);
    auto dialogError = dialog->findChild<QLabel *>(u"constantsDialogError"_s);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialogError->text(),
             u"The constant for student_sourced_id has no value. Enter one, or remove the "
             u"constant."_s);
    valueEdit(dialog, 2)->setText(u"S-1"_s);
    columnCombo(dialog, 2)->setCurrentText(u"subject"_s);
    dialog->accept();
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialogError->text(), u"subject has two constants. Remove one of them."_s);

    // A constant for a store column that a file column fills is the engine's to reject.
    columnCombo(dialog, 2)->setCurrentText(u"student_sourced_id"_s);
    dialog->accept();
    QTRY_VERIFY(dialog.isNull());
    QVERIFY(saveAndWait());
    const QModelIndexList cells = page()->columnModel()->errorIndexes();
    QCOMPARE(cells.size(), 1);
    QCOMPARE(cells.first().row(), rowOf(u"Student ID"_s));
    QCOMPARE(cells.first().column(), int(FileSpecColumnModel::TargetColumn));
    QCOMPARE(page()->fieldError(u"columns"_s),
             u"Student ID maps to student_sourced_id, which another column or a constant fills "
             u"already."_s);
    QCOMPARE(storedSpec(kCopyKey).value(u"constants"_s).toObject().size(), 2);

    // Remove Constant takes the row out again; Revert restores the saved constants.
    dialog = openDialog();
    QVERIFY(dialog);
    dialog->table()->setCurrentCell(2, 1);
    dialog->removeSelected();
    QCOMPARE(dialog->table()->rowCount(), 2);
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
    QTest::mouseClick(child<QPushButton>("revertFileSpecButton"), Qt::LeftButton);
    QVERIFY(!page()->isModified());
    QCOMPARE(constantsLabel->text(), u"assessment = i-Ready Diagnostic; subject = Reading"_s);
}

void tst_FileSpecsPage::invalidChangeShowsEngineError_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("date without format")
        << 0 << u"columns[8].format"_s
        << u"Lexile Measure is a date column without a format; use one of yyyy-MM-dd, "
           u"M/d/yyyy, d/M/yyyy, MM/dd/yyyy, dd/MM/yyyy, d.M.yyyy, yyyyMMdd."_s;
    QTest::newRow("required store column unmapped")
        << 1 << u"columns"_s
        << u"No column or constant fills student_sourced_id, which assessment_results needs."_s;
    QTest::newRow("maximum below minimum")
        << 2 << u"columns[7].maximum"_s
        << u"Percentile has a maximum of 0.5, below its minimum of 1."_s;
    QTest::newRow("keyed store column optional")
        << 3 << u"columns[3].required"_s
        << u"Completion Date maps to completion_date, which is part of the unique key of "
           u"assessment_results, so the column must be required."_s;
}

void tst_FileSpecsPage::invalidChangeShowsEngineError()
{
    QFETCH(int, change);
    QFETCH(QString, field);
    QFETCH(QString, message);

    QVERIFY(page()->selectSpec(kCopyKey));
    const QJsonObject before = storedSpec(kCopyKey);
    FileSpecColumnModel *model = page()->columnModel();
    switch (change) {
    case 0:
        chooseInCell(rowOf(u"Lexile Measure"_s), FileSpecColumnModel::TypeColumn, u"date"_s);
        break;
    case 1:
        chooseInCell(rowOf(u"Student ID"_s), FileSpecColumnModel::TargetColumn, QString());
        break;
    case 2:
        QVERIFY(model->setData(
            model->index(rowOf(u"Percentile"_s), FileSpecColumnModel::MaximumColumn), 0.5));
        break;
    case 3:
        QVERIFY(model->setData(
            model->index(rowOf(u"Completion Date"_s), FileSpecColumnModel::RequiredColumn),
            int(Qt::Unchecked), Qt::CheckStateRole));
        break;
    }
    QVERIFY(saveAndWait());
    QVERIFY2(page()->message().startsWith(u"Cannot save the file specification"_s),
             qPrintable(page()->message()));
    QVERIFY(page()->isModified());

    // The message shows under the column table, and a cell error marks the cell and makes it
    // current.
    QCOMPARE(page()->fieldError(u"columns"_s), message);
    auto tableError = child<QLabel>("fileSpecColumnsError");
    QVERIFY(tableError->isVisible());
    QCOMPARE(tableError->text(), message);
    if (field != u"columns"_s) {
        const QModelIndexList cells = model->errorIndexes();
        QCOMPARE(cells.size(), 1);
        QCOMPARE(cells.first().data(FileSpecColumnModel::ErrorRole).toString(), message);
        QCOMPARE(page()->columnView()->currentIndex(), cells.first());
        const QString path = u"columns[%1]."_s.arg(cells.first().row());
        QVERIFY2(field.startsWith(path), qPrintable(path));
    }
    // Save and Revert stay whole in view with the messages shown, also in the window that a
    // 1280x800 laptop screen leaves room for.
    m_window->resize(1200, 700);
    for (const char *name : {"saveFileSpecButton", "revertFileSpecButton"}) {
        auto button = child<QPushButton>(name);
        QVERIFY2(button->isVisible(), name);
        QTRY_VERIFY2(button->visibleRegion() == QRegion(button->rect()), name);
    }
    if (change == 0)
        saveScreenshot(u"file-specs-error"_s);

    // Nothing was stored.
    QCOMPARE(storedSpec(kCopyKey), before);
    QTest::mouseClick(child<QPushButton>("revertFileSpecButton"), Qt::LeftButton);
    QVERIFY(!page()->isModified());
    QVERIFY(model->errorIndexes().isEmpty());
    QVERIFY(!tableError->isVisible());
}

void tst_FileSpecsPage::copyReadsFileBuiltInRejects()
{
    const QJsonObject product = m_engine.productNamed(u"Assessment Results"_s);
    QVERIFY(!product.isEmpty());
    const hubdesk::ApiResult created = UiTestEngine::wait(m_engine.client()->saveIntegration(
        0, QJsonObject{{u"productId"_s, product.value(u"id"_s)}}));
    QVERIFY2(created.ok(), qPrintable(created.errorMessage));
    const qint64 integration = created.body.object().value(u"id"_s).toInteger();

    const QSqlDatabase db = m_engine.engine()->store().connection();
    auto students
        = hub::execute(db, u"SELECT sourced_id FROM users ORDER BY sourced_id LIMIT 2"_s, {});
    QVERIFY2(students.ok(), qPrintable(students.error()));
    QStringList ids;
    while (students->next())
        ids.append(students->value(0).toString());
    QCOMPARE(ids.size(), 2);

    // ISO dates, which the built-in's M/d/yyyy rejects and the copy reads.
    const QByteArray csv
        = "Student ID,Academic Year,Start Date,Completion Date,Duration (min),"
          "Overall Scale Score,Overall Relative Placement,Percentile,Lexile Measure\r\n"
          + ids.at(0).toUtf8()
          + ",2025-2026,2025-09-15,2025-09-15,42,613,Early On Grade Level,65,1070L\r\n"
          + ids.at(1).toUtf8()
          + ",2025-2026,2025-09-16,2025-09-17,51,587,1 Grade Level Below,38,890L\r\n";
    const auto upload = [&](const QString &fileName) {
        const hubdesk::ApiResult queued = UiTestEngine::wait(m_engine.client()->upload(
            u"/api/v1/integrations/%1/files"_s.arg(integration), csv, fileName));
        return queued.ok() ? queued.body.object().value(u"id"_s).toInteger() : 0;
    };

    const auto countResults = [&db] {
        auto count = hub::selectValue(db, u"SELECT COUNT(*) FROM assessment_results"_s, {});
        return count.ok() ? count->toInt() : -1;
    };
    const int before = countResults();
    QVERIFY(before >= 0);
    const qint64 run = upload(u"iready-ela.csv"_s);
    QVERIFY(run > 0);
    QCOMPARE(waitForRunStatus(run), 0);

    auto rows = hub::execute(db,
                             u"SELECT student_sourced_id, school_year, subject, test_date, "
                             u"completion_date, duration_minutes, scale_score, performance_level, "
                             u"extensions FROM assessment_results WHERE student_sourced_id IN "
                             u"(?, ?) AND test_date >= '2025-09-01' ORDER BY student_sourced_id"_s,
                             {ids.at(0), ids.at(1)});
    QVERIFY2(rows.ok(), qPrintable(rows.error()));
    QVERIFY(rows->next());
    QCOMPARE(rows->value(0).toString(), ids.at(0));
    QCOMPARE(rows->value(1).toInt(), 2026);
    // The copy's subject constant.
    QCOMPARE(rows->value(2).toString(), u"Reading"_s);
    QCOMPARE(rows->value(3).toString(), u"2025-09-15"_s);
    QCOMPARE(rows->value(4).toString(), u"2025-09-15"_s);
    QCOMPARE(rows->value(5).toInt(), 42);
    // The percentile is the stored score; the overall score waits in the extensions.
    QCOMPARE(rows->value(6).toDouble(), 65.0);
    QCOMPARE(rows->value(7).toString(), u"Early On Grade Level"_s);
    const QJsonObject extensions
        = QJsonDocument::fromJson(rows->value(8).toString().toUtf8()).object();
    QCOMPARE(extensions.value(u"Overall Scale Score"_s).toDouble(), 613.0);
    QCOMPARE(extensions.value(u"Lexile Measure"_s).toString(), u"1070L"_s);
    QVERIFY(rows->next());
    QCOMPARE(rows->value(0).toString(), ids.at(1));
    QCOMPARE(rows->value(3).toString(), u"2025-09-16"_s);
    QCOMPARE(rows->value(4).toString(), u"2025-09-17"_s);
    QCOMPARE(rows->value(6).toDouble(), 38.0);
    QVERIFY(!rows->next());
    QCOMPARE(countResults(), before + 2);

    // Without the copy, the built-in reads the same file and rejects its dates.
    const hubdesk::ApiResult removed = UiTestEngine::wait(m_engine.client()->deleteResource(
        u"/api/v1/file-specs/%1"_s.arg(storedSpec(kCopyKey).value(u"id"_s).toInteger())));
    QVERIFY(removed.ok());
    const qint64 rejected = upload(u"iready-ela-again.csv"_s);
    QVERIFY(rejected > 0);
    QCOMPARE(waitForRunStatus(rejected), 9);
    const QJsonArray issues = m_engine.getObject(u"/api/v1/runs/%1/validation"_s.arg(rejected))
                                  .value(u"issues"_s)
                                  .toArray();
    QStringList dateErrors;
    for (const QJsonValue &issue : issues) {
        if (issue[u"rule"_s].toString() == u"date-format"_s)
            dateErrors.append(u"%1 line %2"_s.arg(issue[u"column"_s].toString())
                                  .arg(issue[u"line"_s].toInteger()));
    }
    QCOMPARE(dateErrors, (QStringList{u"Start Date line 2"_s, u"Completion Date line 2"_s,
                                      u"Start Date line 3"_s, u"Completion Date line 3"_s}));
    QCOMPARE(countResults(), before + 2);

    // The page learns of the deletion on its next refresh.
    QVERIFY(waitForRefresh());
    QCOMPARE(page()->list()->topLevelItemCount(), 3);
}

void tst_FileSpecsPage::viewerOnlyReads()
{
    // A district copy to look at.
    const hubdesk::ApiResult copied = UiTestEngine::wait(m_engine.client()->post(
        u"/api/v1/file-specs"_s, QJsonObject{{u"basedOn"_s, u"contoso-daily-attendance"_s},
                                             {u"key"_s, u"district-attendance"_s},
                                             {u"name"_s, u"District attendance"_s}}));
    QVERIFY2(copied.ok(), qPrintable(copied.errorMessage));
    QVERIFY(waitForRefresh());
    QVERIFY(page()->selectSpec(u"district-attendance"_s));
    QVERIFY(page()->columnModel()->isEditable());

    hubdesk::SessionInfo session;
    session.user = u"viewer1"_s;
    session.district = {1, u"Demo Public Schools"_s, u"America/Detroit"_s, u"viewer"_s};
    session.districts = {session.district};
    m_window->setSession(session);
    for (const char *name : {"copyFileSpecButton", "saveFileSpecButton", "deleteFileSpecButton",
                             "revertFileSpecButton", "addSpecColumnButton",
                             "removeSpecColumnButton", "editConstantsButton"})
        QVERIFY2(child<QPushButton>(name)->isHidden(), name);
    QVERIFY(!page()->columnModel()->isEditable());
    QVERIFY(child<QLineEdit>("fileSpecNameEdit")->isReadOnly());
    QVERIFY(!child<QCheckBox>("keepOtherColumnsCheck")->isEnabled());
    page()->columnView()->setCurrentIndex(
        page()->columnModel()->index(rowOf(u"AttendanceCode"_s), FileSpecColumnModel::NameColumn));
    QVERIFY(child<QPlainTextEdit>("enumValuesEdit")->isReadOnly());
    // The columns still show.
    QCOMPARE(page()->columnModel()->rowCount(), 13);

    session.district.role = u"operator"_s;
    session.districts = {session.district};
    m_window->setSession(session);
    QVERIFY(child<QPushButton>("saveFileSpecButton")->isHidden());
    QVERIFY(!page()->columnModel()->isEditable());

    session.district.role = u"administrator"_s;
    session.districts = {session.district};
    m_window->setSession(session);
    QVERIFY(!child<QPushButton>("saveFileSpecButton")->isHidden());
    QVERIFY(page()->columnModel()->isEditable());
    m_window->setSession({});
}

void tst_FileSpecsPage::discardAskedOnSwitch()
{
    QVERIFY(page()->selectSpec(u"district-attendance"_s));
    auto name = child<QLineEdit>("fileSpecNameEdit");
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, u"Renamed attendance"_s);
    QVERIFY(page()->isModified());

    // Cancel keeps the change and the selection.
    QVERIFY(!page()->selectSpec(u"contoso-daily-attendance"_s));
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = page()->findChild<QMessageBox *>(u"discardFileSpecChangesBox"_s))
                != nullptr);
    QCOMPARE(box->windowTitle(), u"Discard Changes?"_s);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(box.isNull());
    QCOMPARE(page()->selectedKey(), u"district-attendance"_s);
    QCOMPARE(page()->list()->currentItem()->text(0), u"District attendance"_s);
    QCOMPARE(name->text(), u"Renamed attendance"_s);

    // Discard drops it and moves on.
    page()->selectSpec(u"contoso-daily-attendance"_s);
    QTRY_VERIFY((box = page()->findChild<QMessageBox *>(u"discardFileSpecChangesBox"_s))
                != nullptr);
    box->button(QMessageBox::Discard)->click();
    QTRY_COMPARE(page()->selectedKey(), u"contoso-daily-attendance"_s);
    QVERIFY(!page()->isModified());
    QCOMPARE(storedSpec(u"district-attendance"_s).value(u"name"_s).toString(),
             u"District attendance"_s);
}

void tst_FileSpecsPage::leavingAsksToSaveChanges()
{
    m_window->showPage(hubdesk::MainWindow::Page::FileSpecs);
    auto stack = m_window->findChild<QStackedWidget *>(u"pageStack"_s);
    const auto shownPage = [stack] { return stack->currentWidget()->objectName(); };
    auto navigation = m_window->findChild<QListWidget *>(u"navigationList"_s);
    constexpr int kIntegrationsRow = 1;
    constexpr int kRunbookRow = 2;
    QVERIFY(page()->selectSpec(u"district-attendance"_s));
    auto name = child<QLineEdit>("fileSpecNameEdit");
    const QString savedName = name->text();
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, u"Renamed copy"_s);
    QVERIFY(page()->isModified());

    // Cancel stays on the page with the change.
    navigation->setCurrentRow(kRunbookRow);
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = page()->findChild<QMessageBox *>(u"leaveFileSpecChangesBox"_s)) != nullptr);
    QCOMPARE(box->windowTitle(), u"Save Changes?"_s);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Save));
    QVERIFY(box->button(QMessageBox::Discard));
    hubtest::saveScreenshot(box, u"file-specs-leave-question"_s);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(box.isNull());
    QCOMPARE(shownPage(), u"fileSpecsPage"_s);
    QVERIFY(navigation->currentRow() != kRunbookRow);
    QCOMPARE(name->text(), u"Renamed copy"_s);
    QVERIFY(page()->isModified());

    // Save stores the change, then opens the chosen page.
    navigation->setCurrentRow(kRunbookRow);
    QTRY_VERIFY((box = page()->findChild<QMessageBox *>(u"leaveFileSpecChangesBox"_s)) != nullptr);
    box->button(QMessageBox::Save)->click();
    QTRY_COMPARE_WITH_TIMEOUT(shownPage(), u"runbookPage"_s, UiTestEngine::kRequestTimeoutMs);
    QCOMPARE(navigation->currentRow(), kRunbookRow);
    QVERIFY(!page()->isModified());
    QCOMPARE(storedSpec(u"district-attendance"_s).value(u"name"_s).toString(), u"Renamed copy"_s);

    // Discard drops the change and opens the chosen page.
    m_window->showPage(hubdesk::MainWindow::Page::FileSpecs);
    name->selectAll();
    QTest::keyClicks(name, u"Discarded name"_s);
    QVERIFY(page()->isModified());
    navigation->setCurrentRow(kIntegrationsRow);
    QTRY_VERIFY((box = page()->findChild<QMessageBox *>(u"leaveFileSpecChangesBox"_s)) != nullptr);
    box->button(QMessageBox::Discard)->click();
    QTRY_COMPARE(shownPage(), u"integrationsPage"_s);
    QCOMPARE(navigation->currentRow(), kIntegrationsRow);
    QVERIFY(!page()->isModified());
    QCOMPARE(name->text(), u"Renamed copy"_s);
    QCOMPARE(storedSpec(u"district-attendance"_s).value(u"name"_s).toString(), u"Renamed copy"_s);

    // Without changes the page is left without a question.
    m_window->showPage(hubdesk::MainWindow::Page::FileSpecs);
    navigation->setCurrentRow(kRunbookRow);
    QCOMPARE(shownPage(), u"runbookPage"_s);
    QVERIFY(!page()->findChild<QMessageBox *>(u"leaveFileSpecChangesBox"_s));

    m_window->showPage(hubdesk::MainWindow::Page::FileSpecs);
    name->selectAll();
    QTest::keyClicks(name, savedName);
    QVERIFY(page()->isModified());
    QVERIFY(saveAndWait());
    QCOMPARE(storedSpec(u"district-attendance"_s).value(u"name"_s).toString(), savedName);
}

void tst_FileSpecsPage::deleteRemovesCopy()
{
    QVERIFY(page()->selectSpec(u"district-attendance"_s));
    QSignalSpy deleted(page(), &FileSpecsPage::deleted);

    // Cancel in the question deletes nothing.
    QTest::mouseClick(child<QPushButton>("deleteFileSpecButton"), Qt::LeftButton);
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = page()->findChild<QMessageBox *>(u"deleteFileSpecBox"_s)) != nullptr);
    QVERIFY(box->text().startsWith(u"Delete District attendance?"_s));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(box.isNull());
    QVERIFY(!storedSpec(u"district-attendance"_s).isEmpty());

    QTest::mouseClick(child<QPushButton>("deleteFileSpecButton"), Qt::LeftButton);
    QTRY_VERIFY((box = page()->findChild<QMessageBox *>(u"deleteFileSpecBox"_s)) != nullptr);
    box->findChild<QPushButton *>(u"confirmDeleteFileSpecButton"_s)->click();
    QVERIFY(deleted.wait(UiTestEngine::kRequestTimeoutMs));
    QCOMPARE(deleted.first().first().toString(), u"district-attendance"_s);
    QCOMPARE(page()->message(), u"Deleted District attendance."_s);
    QVERIFY(storedSpec(u"district-attendance"_s).isEmpty());
    QCOMPARE(page()->list()->topLevelItemCount(), 3);
    QVERIFY(page()->selectedKey().isEmpty());
    QVERIFY(!child<QPushButton>("deleteFileSpecButton")->isEnabled());
}

// A specification deleted behind the page's back: Save and Delete report the engine's 404.
void tst_FileSpecsPage::goneSpecReportsFailure()
{
    const hubdesk::ApiResult copied = UiTestEngine::wait(m_engine.client()->post(
        u"/api/v1/file-specs"_s, QJsonObject{{u"basedOn"_s, u"contoso-daily-attendance"_s},
                                             {u"key"_s, u"gone-attendance"_s},
                                             {u"name"_s, u"Gone attendance"_s}}));
    QVERIFY2(copied.ok(), qPrintable(copied.errorMessage));
    QVERIFY(waitForRefresh());
    QVERIFY(page()->selectSpec(u"gone-attendance"_s));
    const qint64 id = copied.body.object().value(u"id"_s).toInteger();
    QVERIFY(
        UiTestEngine::wait(m_engine.client()->deleteResource(u"/api/v1/file-specs/%1"_s.arg(id)))
            .ok());

    auto name = child<QLineEdit>("fileSpecNameEdit");
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, u"Still here?"_s);
    QVERIFY(saveAndWait());
    const QString gone
        = u"File specification %1 not found. It may have been deleted; refresh the page."_s.arg(id);
    QVERIFY2(page()->message() == u"Cannot save the file specification: "_s + gone,
             qPrintable(page()->message()));
    QVERIFY(page()->isModified());
    QVERIFY(storedSpec(u"gone-attendance"_s).isEmpty());

    QTest::mouseClick(child<QPushButton>("revertFileSpecButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>("deleteFileSpecButton"), Qt::LeftButton);
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = page()->findChild<QMessageBox *>(u"deleteFileSpecBox"_s)) != nullptr);
    const QString before = page()->message();
    box->findChild<QPushButton *>(u"confirmDeleteFileSpecButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(page()->message() != before, UiTestEngine::kRequestTimeoutMs);
    QVERIFY2(page()->message() == u"Cannot delete Gone attendance: "_s + gone,
             qPrintable(page()->message()));

    // A refresh drops it from the list.
    QVERIFY(waitForRefresh());
    QCOMPARE(page()->list()->topLevelItemCount(), 3);
    QVERIFY(page()->selectedKey().isEmpty());
}

// A page whose engine rejects connections shows the error and lists nothing.
void tst_FileSpecsPage::unreachableEngineReported()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();
    QNetworkAccessManager network;
    hubdesk::EngineClient client(&network);
    client.setBaseUrl(QUrl(u"http://127.0.0.1:%1"_s.arg(port)));
    client.setToken("test-token-0123456789");
    FileSpecsPage unreachable(&client);
    QSignalSpy refreshed(&unreachable, &FileSpecsPage::refreshed);
    unreachable.refresh();
    QVERIFY(refreshed.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY2(
        unreachable.message().startsWith(u"Cannot load the file specifications: The engine "
                                         u"at 127.0.0.1:%1 refused the connection."_s.arg(port)),
        qPrintable(unreachable.message()));
    QCOMPARE(unreachable.list()->topLevelItemCount(), 0);
    QVERIFY(unreachable.productKeys().isEmpty());
}

QTEST_MAIN(tst_FileSpecsPage)
#include "tst_filespecspage.moc"
