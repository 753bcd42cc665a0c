// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The column model of the File Specifications page over the built-in i-Ready and attendance
// specifications: what each cell shows, edits and the JSON they produce, the natural key, and
// the engine's field errors on cells.

#include "filespeccolumnmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using hubdesk::FileSpecColumnModel;
using namespace Qt::StringLiterals;

namespace {

// A built-in specification from the catalog resource in the source tree.
QJsonObject builtInSpec(const QString &key)
{
    QFile file(QStringLiteral(HUBDESK_SOURCE_DIR "/resources/catalog/filespecs.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("Cannot read %s", qPrintable(file.fileName()));
    const QJsonArray specs
        = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("specs")).toArray();
    for (const QJsonValue &spec : specs) {
        if (spec[QStringLiteral("key")].toString() == key)
            return spec.toObject();
    }
    qFatal("No built-in specification %s", qPrintable(key));
}

// The row of the column named name, or -1.
int rowOf(const FileSpecColumnModel &model, const QString &name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, FileSpecColumnModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QString cell(const FileSpecColumnModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

QJsonObject columnJson(const FileSpecColumnModel &model, int row)
{
    return model.columnsJson().at(row).toObject();
}

} // namespace

class tst_FileSpecColumnModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void showsBuiltInColumns_data();
    void showsBuiltInColumns();
    void showsNaturalKey();
    void readOnlyUntilEditable();
    void editsCellsIntoJson();
    void rejectsInvalidEdits();
    void typeChangeKeepsUnusedMembers();
    void editsAllowedValues();
    void renameFollowsNaturalKey();
    void keyCheckAppendsToKey();
    void insertAndRemoveRows();
    void fieldErrorsMarkCells();
    void editClearsCellError();
    void unchangedSpecRoundTrips();
    void editsMaxLengthOfTextColumn();
};

void tst_FileSpecColumnModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_FileSpecColumnModel::showsBuiltInColumns_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("column");
    QTest::addColumn<QStringList>("cells");
    QTest::addColumn<bool>("required");

    // Name, type, store column, date format, allowed values, minimum, maximum.
    QTest::newRow("date with format")
        << u"iready-diagnostic-ela"_s << u"Start Date"_s
        << QStringList{u"Start Date"_s, u"Date"_s, u"test_date"_s, u"M/d/yyyy"_s,
                       u""_s,           u""_s,     u""_s}
        << true;
    QTest::newRow("integer kept in extensions")
        << u"iready-diagnostic-ela"_s << u"Percentile"_s
        << QStringList{u"Percentile"_s, u"Integer"_s, u"Keep in extensions"_s, u""_s, u""_s,
                       u"1"_s,          u"99"_s}
        << false;
    QTest::newRow("number with range") << u"iready-diagnostic-math"_s << u"Overall Scale Score"_s
                                       << QStringList{u"Overall Scale Score"_s,
                                                      u"Number"_s,
                                                      u"scale_score"_s,
                                                      u""_s,
                                                      u""_s,
                                                      u"100"_s,
                                                      u"800"_s}
                                       << false;
    QTest::newRow("enumeration")
        << u"iready-diagnostic-ela"_s << u"Overall Relative Placement"_s
        << QStringList{u"Overall Relative Placement"_s,
                       u"Enumeration"_s,
                       u"performance_level"_s,
                       u""_s,
                       u"3 or More Grade Levels Below; 2 Grade Levels Below; 1 Grade Level Below; "
                       u"Early On Grade Level; Mid or Above Grade Level"_s,
                       u""_s,
                       u""_s}
        << false;
    QTest::newRow("enumeration in any case") << u"contoso-daily-attendance"_s << u"AttendanceCode"_s
                                             << QStringList{u"AttendanceCode"_s,
                                                            u"Enumeration"_s,
                                                            u"code"_s,
                                                            u""_s,
                                                            u"P; A; T; E (any case)"_s,
                                                            u""_s,
                                                            u""_s}
                                             << true;
    QTest::newRow("yes or no") << u"contoso-daily-attendance"_s << u"all_day"_s
                               << QStringList{u"all_day"_s,
                                              u"Yes or no"_s,
                                              u"Keep in extensions"_s,
                                              u""_s,
                                              u"yes: Yes; Y · no: No; N"_s,
                                              u""_s,
                                              u""_s}
                               << false;
    QTest::newRow("day-first date") << u"contoso-daily-attendance"_s << u"attendance_date"_s
                                    << QStringList{u"attendance_date"_s,
                                                   u"Date"_s,
                                                   u"attendance_date"_s,
                                                   u"d/M/yyyy"_s,
                                                   u""_s,
                                                   u""_s,
                                                   u""_s}
                                    << true;
    QTest::newRow("school year") << u"contoso-daily-attendance"_s << u"school_year"_s
                                 << QStringList{u"school_year"_s,
                                                u"School year"_s,
                                                u"Keep in extensions"_s,
                                                u""_s,
                                                u""_s,
                                                u""_s,
                                                u""_s}
                                 << false;
}

void tst_FileSpecColumnModel::showsBuiltInColumns()
{
    QFETCH(QString, spec);
    QFETCH(QString, column);
    QFETCH(QStringList, cells);
    QFETCH(bool, required);

    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(spec));
    const int row = rowOf(model, column);
    QVERIFY(row >= 0);
    const int columns[] = {FileSpecColumnModel::NameColumn,   FileSpecColumnModel::TypeColumn,
                           FileSpecColumnModel::TargetColumn, FileSpecColumnModel::FormatColumn,
                           FileSpecColumnModel::ValuesColumn, FileSpecColumnModel::MinimumColumn,
                           FileSpecColumnModel::MaximumColumn};
    for (int i = 0; i < cells.size(); ++i)
        QCOMPARE(cell(model, row, columns[i]), cells.at(i));
    QCOMPARE(model.index(row, FileSpecColumnModel::RequiredColumn).data(Qt::CheckStateRole),
             QVariant(required ? Qt::Checked : Qt::Unchecked));
    // Numbers line up on the right.
    QCOMPARE(model.index(row, FileSpecColumnModel::MaximumColumn)
                 .data(Qt::TextAlignmentRole)
                 .value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
}

void tst_FileSpecColumnModel::showsNaturalKey()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("contoso-daily-attendance")));
    QCOMPARE(model.rowCount(), 13);
    QCOMPARE(model.columnCount(), int(FileSpecColumnModel::ColumnCount));
    QCOMPARE(model.naturalKey(),
             (QStringList{u"student_id"_s, u"section_id"_s, u"attendance_date"_s}));
    QStringList checked;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, FileSpecColumnModel::KeyColumn).data(Qt::CheckStateRole)
            == QVariant(Qt::Checked))
            checked.append(cell(model, row, FileSpecColumnModel::NameColumn));
    }
    // The cells follow the file's order; the key keeps its own.
    QCOMPARE(checked, (QStringList{u"student_id"_s, u"attendance_date"_s, u"section_id"_s}));
    QCOMPARE(model.headerData(FileSpecColumnModel::TargetColumn, Qt::Horizontal).toString(),
             QStringLiteral("Store Column"));
    QVERIFY(!model
                 .headerData(FileSpecColumnModel::KeyColumn, Qt::Horizontal,
                             Qt::AccessibleDescriptionRole)
                 .toString()
                 .isEmpty());
}

void tst_FileSpecColumnModel::readOnlyUntilEditable()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("iready-diagnostic-ela")));
    QSignalSpy edited(&model, &FileSpecColumnModel::edited);
    const int row = rowOf(model, QStringLiteral("Percentile"));
    const QModelIndex target = model.index(row, FileSpecColumnModel::TargetColumn);
    QVERIFY(!(model.flags(target) & Qt::ItemIsEditable));
    QVERIFY(!(model.flags(model.index(row, FileSpecColumnModel::RequiredColumn))
              & Qt::ItemIsUserCheckable));
    QVERIFY(!model.setData(target, QStringLiteral("scale_score")));
    QVERIFY(!model.insertColumnRow(0));
    QVERIFY(!model.removeRows(0, 1));
    QCOMPARE(cell(model, row, FileSpecColumnModel::TargetColumn),
             QStringLiteral("Keep in extensions"));
    QCOMPARE(edited.size(), 0);

    model.setEditable(true);
    QVERIFY(model.flags(target) & Qt::ItemIsEditable);
    QVERIFY(model.flags(model.index(row, FileSpecColumnModel::RequiredColumn))
            & Qt::ItemIsUserCheckable);
    // Only a date column has a format and only a number column a range.
    QVERIFY(
        !(model.flags(model.index(row, FileSpecColumnModel::FormatColumn)) & Qt::ItemIsEditable));
    QVERIFY(model.flags(model.index(row, FileSpecColumnModel::MinimumColumn)) & Qt::ItemIsEditable);
    const int date = rowOf(model, QStringLiteral("Start Date"));
    QVERIFY(model.flags(model.index(date, FileSpecColumnModel::FormatColumn)) & Qt::ItemIsEditable);
    QVERIFY(
        !(model.flags(model.index(date, FileSpecColumnModel::MinimumColumn)) & Qt::ItemIsEditable));
    // Lists are edited beside the table, not in the cell.
    QVERIFY(
        !(model.flags(model.index(row, FileSpecColumnModel::ValuesColumn)) & Qt::ItemIsEditable));
}

void tst_FileSpecColumnModel::editsCellsIntoJson()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("iready-diagnostic-ela")));
    model.setEditable(true);
    QSignalSpy edited(&model, &FileSpecColumnModel::edited);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // Percentile takes scale_score from Overall Scale Score, which goes to extensions.
    const int percentile = rowOf(model, QStringLiteral("Percentile"));
    const int score = rowOf(model, QStringLiteral("Overall Scale Score"));
    QVERIFY(model.setData(model.index(score, FileSpecColumnModel::TargetColumn), QString()));
    QVERIFY(model.setData(model.index(percentile, FileSpecColumnModel::TargetColumn),
                          QStringLiteral("scale_score")));
    QCOMPARE(cell(model, percentile, FileSpecColumnModel::TargetColumn),
             QStringLiteral("scale_score"));
    QCOMPARE(cell(model, score, FileSpecColumnModel::TargetColumn),
             QStringLiteral("Keep in extensions"));
    QCOMPARE(columnJson(model, percentile).value(QStringLiteral("target")).toString(),
             QStringLiteral("scale_score"));
    QVERIFY(!columnJson(model, score).contains(QStringLiteral("target")));

    const int start = rowOf(model, QStringLiteral("Start Date"));
    QVERIFY(model.setData(model.index(start, FileSpecColumnModel::FormatColumn),
                          QStringLiteral("yyyy-MM-dd")));
    QCOMPARE(columnJson(model, start).value(QStringLiteral("format")).toString(),
             QStringLiteral("yyyy-MM-dd"));

    const int lexile = rowOf(model, QStringLiteral("Lexile Measure"));
    QVERIFY(model.setData(model.index(lexile, FileSpecColumnModel::RequiredColumn),
                          int(Qt::Unchecked), Qt::CheckStateRole));
    QVERIFY(!columnJson(model, lexile).contains(QStringLiteral("required")));

    // A range cell takes a number in the user's locale, and an empty cell removes the bound.
    QVERIFY(model.setData(model.index(percentile, FileSpecColumnModel::MaximumColumn),
                          QStringLiteral("1,000.5")));
    QCOMPARE(columnJson(model, percentile).value(QStringLiteral("maximum")).toDouble(), 1000.5);
    QCOMPARE(cell(model, percentile, FileSpecColumnModel::MaximumColumn),
             QStringLiteral("1,000.5"));
    QVERIFY(model.setData(model.index(percentile, FileSpecColumnModel::MinimumColumn), QString()));
    QVERIFY(!columnJson(model, percentile).contains(QStringLiteral("minimum")));
    QVERIFY(model.setData(model.index(percentile, FileSpecColumnModel::MinimumColumn), 0.0));
    QCOMPARE(columnJson(model, percentile).value(QStringLiteral("minimum")).toDouble(), 0.0);

    QVERIFY(model.setData(model.index(lexile, FileSpecColumnModel::TypeColumn),
                          QStringLiteral("integer")));
    QCOMPARE(cell(model, lexile, FileSpecColumnModel::TypeColumn), QStringLiteral("Integer"));
    QCOMPARE(columnJson(model, lexile).value(QStringLiteral("type")).toString(),
             QStringLiteral("integer"));

    QCOMPARE(edited.size(), 8);
    QVERIFY(changed.size() >= 8);
}

void tst_FileSpecColumnModel::rejectsInvalidEdits()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("iready-diagnostic-ela")));
    model.setEditable(true);
    QSignalSpy edited(&model, &FileSpecColumnModel::edited);
    const int percentile = rowOf(model, QStringLiteral("Percentile"));

    QVERIFY(!model.setData(model.index(percentile, FileSpecColumnModel::TypeColumn),
                           QStringLiteral("currency")));
    QVERIFY(!model.setData(model.index(percentile, FileSpecColumnModel::MaximumColumn),
                           QStringLiteral("ninety")));
    QVERIFY(!model.setData(model.index(percentile, FileSpecColumnModel::MaximumColumn),
                           std::numeric_limits<double>::infinity()));
    // A text column has no range, and a number column no date format.
    const int lexile = rowOf(model, QStringLiteral("Lexile Measure"));
    QVERIFY(!model.setData(model.index(lexile, FileSpecColumnModel::MinimumColumn), 1.0));
    QVERIFY(!model.setData(model.index(percentile, FileSpecColumnModel::FormatColumn),
                           QStringLiteral("M/d/yyyy")));
    QVERIFY(!model.setData(model.index(percentile, FileSpecColumnModel::ValuesColumn),
                           QStringLiteral("1; 2")));
    QVERIFY(!model.setData(model.index(99, FileSpecColumnModel::NameColumn), QStringLiteral("x")));
    QCOMPARE(columnJson(model, percentile).value(QStringLiteral("type")).toString(),
             QStringLiteral("integer"));
    QCOMPARE(columnJson(model, percentile).value(QStringLiteral("maximum")).toDouble(), 99.0);
    QCOMPARE(edited.size(), 0);
}

void tst_FileSpecColumnModel::typeChangeKeepsUnusedMembers()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("iready-diagnostic-ela")));
    model.setEditable(true);
    const int percentile = rowOf(model, QStringLiteral("Percentile"));
    const QModelIndex type = model.index(percentile, FileSpecColumnModel::TypeColumn);

    // The engine rejects a range on a text column, so it is not sent, but it comes back with
    // the type.
    QVERIFY(model.setData(type, QStringLiteral("text")));
    QVERIFY(!columnJson(model, percentile).contains(QStringLiteral("minimum")));
    QVERIFY(!columnJson(model, percentile).contains(QStringLiteral("maximum")));
    QCOMPARE(cell(model, percentile, FileSpecColumnModel::MinimumColumn), QString());
    QVERIFY(model.setData(type, QStringLiteral("integer")));
    QCOMPARE(columnJson(model, percentile).value(QStringLiteral("minimum")).toDouble(), 1.0);
    QCOMPARE(cell(model, percentile, FileSpecColumnModel::MaximumColumn), QStringLiteral("99"));

    // A column that becomes a date has no format until one is chosen.
    QVERIFY(model.setData(type, QStringLiteral("date")));
    QCOMPARE(columnJson(model, percentile),
             (QJsonObject{{QStringLiteral("name"), QStringLiteral("Percentile")},
                          {QStringLiteral("type"), QStringLiteral("date")}}));
    QCOMPARE(cell(model, percentile, FileSpecColumnModel::FormatColumn), QString());
}

void tst_FileSpecColumnModel::editsAllowedValues()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("contoso-daily-attendance")));
    model.setEditable(true);
    const int code = rowOf(model, QStringLiteral("AttendanceCode"));
    const QModelIndex values = model.index(code, FileSpecColumnModel::ValuesColumn);
    QCOMPARE(values.data(FileSpecColumnModel::ValuesRole).toStringList(),
             (QStringList{u"P"_s, u"A"_s, u"T"_s, u"E"_s}));
    QVERIFY(model.setData(values, QStringList{u"P"_s, u"A"_s, u"T"_s, u"E"_s, u"U"_s},
                          FileSpecColumnModel::ValuesRole));
    QVERIFY(model.setData(values, false, FileSpecColumnModel::CaseInsensitiveRole));
    QCOMPARE(cell(model, code, FileSpecColumnModel::ValuesColumn), QStringLiteral("P; A; T; E; U"));
    QCOMPARE(columnJson(model, code).value(QStringLiteral("values")).toArray().size(), 5);
    QVERIFY(!columnJson(model, code).contains(QStringLiteral("caseInsensitive")));

    const int flag = rowOf(model, QStringLiteral("PresenceFlag"));
    const QModelIndex flagValues = model.index(flag, FileSpecColumnModel::NameColumn);
    QVERIFY(model.setData(flagValues, QStringList{u"1"_s, u"true"_s},
                          FileSpecColumnModel::TrueValuesRole));
    QVERIFY(model.setData(flagValues, QStringList{u"0"_s, u"false"_s},
                          FileSpecColumnModel::FalseValuesRole));
    QCOMPARE(cell(model, flag, FileSpecColumnModel::ValuesColumn),
             QStringLiteral("yes: 1; true · no: 0; false"));
    QCOMPARE(columnJson(model, flag).value(QStringLiteral("trueValues")).toArray(),
             (QJsonArray{u"1"_s, u"true"_s}));
    QCOMPARE(columnJson(model, flag).value(QStringLiteral("falseValues")).toArray(),
             (QJsonArray{u"0"_s, u"false"_s}));
}

void tst_FileSpecColumnModel::renameFollowsNaturalKey()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("contoso-daily-attendance")));
    model.setEditable(true);
    const int section = rowOf(model, QStringLiteral("section_id"));
    QVERIFY(model.setData(model.index(section, FileSpecColumnModel::NameColumn),
                          QStringLiteral("  class_id ")));
    QCOMPARE(cell(model, section, FileSpecColumnModel::NameColumn), QStringLiteral("class_id"));
    QCOMPARE(model.naturalKey(),
             (QStringList{u"student_id"_s, u"class_id"_s, u"attendance_date"_s}));
}

void tst_FileSpecColumnModel::keyCheckAppendsToKey()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("contoso-daily-attendance")));
    model.setEditable(true);
    QSignalSpy edited(&model, &FileSpecColumnModel::edited);
    const int period = rowOf(model, QStringLiteral("Period"));
    const int section = rowOf(model, QStringLiteral("section_id"));
    QVERIFY(model.setData(model.index(period, FileSpecColumnModel::KeyColumn), int(Qt::Checked),
                          Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(section, FileSpecColumnModel::KeyColumn), int(Qt::Unchecked),
                          Qt::CheckStateRole));
    QCOMPARE(model.naturalKey(), (QStringList{u"student_id"_s, u"attendance_date"_s, u"Period"_s}));
    QCOMPARE(model.index(period, FileSpecColumnModel::KeyColumn).data(Qt::CheckStateRole),
             QVariant(Qt::Checked));
    // Checking a member again changes nothing.
    QVERIFY(model.setData(model.index(period, FileSpecColumnModel::KeyColumn), int(Qt::Checked),
                          Qt::CheckStateRole));
    QCOMPARE(edited.size(), 2);
}

void tst_FileSpecColumnModel::insertAndRemoveRows()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("iready-diagnostic-ela")));
    model.setEditable(true);
    QCOMPARE(model.rowCount(), 9);
    QVERIFY(model.insertColumnRow(2));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(columnJson(model, 2),
             (QJsonObject{{QStringLiteral("name"), QStringLiteral("Column 10")},
                          {QStringLiteral("type"), QStringLiteral("text")}}));
    QCOMPARE(cell(model, 2, FileSpecColumnModel::TargetColumn),
             QStringLiteral("Keep in extensions"));
    QVERIFY(model.insertColumnRow(model.rowCount()));
    QCOMPARE(cell(model, 10, FileSpecColumnModel::NameColumn), QStringLiteral("Column 11"));
    QVERIFY(!model.insertColumnRow(99));

    // Removing a key column removes it from the natural key.
    const int start = rowOf(model, QStringLiteral("Start Date"));
    QVERIFY(model.removeRows(start, 1));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(rowOf(model, QStringLiteral("Start Date")), -1);
    QCOMPARE(model.naturalKey(),
             (QStringList{u"Student ID"_s, u"Completion Date"_s, u"Duration (min)"_s}));
    QVERIFY(!model.removeRows(9, 2));
}

void tst_FileSpecColumnModel::fieldErrorsMarkCells()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("iready-diagnostic-ela")));
    const QString formatMessage
        = QStringLiteral("Completion Date is a date column without a format; use one of ...");
    const QStringList unmatched = model.setFieldErrors(QJsonObject{
        {QStringLiteral("columns[3].format"), formatMessage},
        {QStringLiteral("naturalKey[1]"), QStringLiteral("Start Date is not a declared column.")},
        {QStringLiteral("columns"), QStringLiteral("no column or constant fills test_date")},
        {QStringLiteral("columns[42].name"), QStringLiteral("out of range")},
        {QStringLiteral("key"), QStringLiteral("taken")}});
    QCOMPARE(QSet<QString>(unmatched.cbegin(), unmatched.cend()),
             (QSet<QString>{u"columns"_s, u"columns[42].name"_s, u"key"_s}));

    const QModelIndex format = model.index(3, FileSpecColumnModel::FormatColumn);
    QCOMPARE(format.data(FileSpecColumnModel::ErrorRole).toString(), formatMessage);
    QCOMPARE(format.data(Qt::ToolTipRole).toString(), formatMessage);
    QCOMPARE(format.data(Qt::AccessibleDescriptionRole).toString(), formatMessage);
    const QModelIndex key
        = model.index(rowOf(model, QStringLiteral("Start Date")), FileSpecColumnModel::KeyColumn);
    QCOMPARE(key.data(FileSpecColumnModel::ErrorRole).toString(),
             QStringLiteral("Start Date is not a declared column."));
    QCOMPARE(model.errorIndexes(), (QModelIndexList{key, format}));
    QVERIFY(model.index(3, FileSpecColumnModel::NameColumn)
                .data(FileSpecColumnModel::ErrorRole)
                .toString()
                .isEmpty());

    // Each call replaces the marks of the one before.
    QVERIFY(model
                .setFieldErrors(QJsonObject{
                    {QStringLiteral("columns[5].maximum"), QStringLiteral("below its minimum")}})
                .isEmpty());
    QCOMPARE(model.errorIndexes(),
             (QModelIndexList{model.index(5, FileSpecColumnModel::MaximumColumn)}));
    model.clearErrors();
    QVERIFY(model.errorIndexes().isEmpty());
}

void tst_FileSpecColumnModel::editClearsCellError()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("iready-diagnostic-ela")));
    model.setEditable(true);
    model.setFieldErrors(QJsonObject{{QStringLiteral("columns[3].format"), QStringLiteral("a")},
                                     {QStringLiteral("columns[3].required"), QStringLiteral("b")},
                                     {QStringLiteral("columns[6].values"), QStringLiteral("c")}});
    QCOMPARE(model.errorIndexes().size(), 3);
    QVERIFY(model.setData(model.index(3, FileSpecColumnModel::FormatColumn),
                          QStringLiteral("d/M/yyyy")));
    QCOMPARE(model.errorIndexes(),
             (QModelIndexList{model.index(3, FileSpecColumnModel::RequiredColumn),
                              model.index(6, FileSpecColumnModel::ValuesColumn)}));
    QVERIFY(model.setData(model.index(6, FileSpecColumnModel::NameColumn), QStringList{u"x"_s},
                          FileSpecColumnModel::ValuesRole));
    QCOMPARE(model.errorIndexes(),
             (QModelIndexList{model.index(3, FileSpecColumnModel::RequiredColumn)}));
    // A new row moves the rows that the marks name, so they go.
    QVERIFY(model.insertColumnRow(0));
    QVERIFY(model.errorIndexes().isEmpty());
}

void tst_FileSpecColumnModel::unchangedSpecRoundTrips()
{
    // Every built-in specification comes back member for member, as the engine wrote it.
    for (const QString &key :
         {QStringLiteral("iready-diagnostic-ela"), QStringLiteral("iready-diagnostic-math"),
          QStringLiteral("contoso-daily-attendance")}) {
        const QJsonObject spec = builtInSpec(key);
        FileSpecColumnModel model;
        model.setSpec(spec);
        QCOMPARE(model.columnsJson(), spec.value(QStringLiteral("columns")).toArray());
        QCOMPARE(QJsonArray::fromStringList(model.naturalKey()),
                 spec.value(QStringLiteral("naturalKey")).toArray());
    }
}

void tst_FileSpecColumnModel::editsMaxLengthOfTextColumn()
{
    FileSpecColumnModel model;
    QAbstractItemModelTester tester(&model);
    model.setSpec(builtInSpec(QStringLiteral("iready-diagnostic-ela")));
    const int lexile = rowOf(model, QStringLiteral("Lexile Measure"));
    const int percentile = rowOf(model, QStringLiteral("Percentile"));
    const QModelIndex length = model.index(lexile, FileSpecColumnModel::MaxLengthColumn);
    QCOMPARE(cell(model, lexile, FileSpecColumnModel::MaxLengthColumn), QStringLiteral("16"));
    QCOMPARE(length.data(Qt::EditRole), QVariant(qlonglong(16)));
    QCOMPARE(columnJson(model, lexile).value(QStringLiteral("maxLength")).toDouble(), 16.0);
    QCOMPARE(model.headerData(FileSpecColumnModel::MaxLengthColumn, Qt::Horizontal).toString(),
             QStringLiteral("Max Length"));

    // Only a text column has a maximum length.
    model.setEditable(true);
    QVERIFY(model.flags(length) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(percentile, FileSpecColumnModel::MaxLengthColumn))
              & Qt::ItemIsEditable));

    QVERIFY(model.setData(length, QStringLiteral("24")));
    QCOMPARE(columnJson(model, lexile).value(QStringLiteral("maxLength")).toDouble(), 24.0);
    QVERIFY(!model.setData(length, QStringLiteral("0")));
    QVERIFY(!model.setData(length, QStringLiteral("ten")));
    QCOMPARE(columnJson(model, lexile).value(QStringLiteral("maxLength")).toDouble(), 24.0);

    // The engine takes maxLength on text columns only, so another type does not send it, and
    // the limit comes back with the type.
    const QModelIndex type = model.index(lexile, FileSpecColumnModel::TypeColumn);
    QVERIFY(model.setData(type, QStringLiteral("integer")));
    QVERIFY(!columnJson(model, lexile).contains(QStringLiteral("maxLength")));
    QCOMPARE(cell(model, lexile, FileSpecColumnModel::MaxLengthColumn), QString());
    QVERIFY(model.setData(type, QStringLiteral("text")));
    QCOMPARE(columnJson(model, lexile).value(QStringLiteral("maxLength")).toDouble(), 24.0);

    // An empty cell removes the limit, so the engine's default applies.
    QVERIFY(model.setData(length, QString()));
    QVERIFY(!columnJson(model, lexile).contains(QStringLiteral("maxLength")));

    // The engine's error about maxLength marks the cell.
    const QStringList unmatched = model.setFieldErrors(QJsonObject{
        {QStringLiteral("columns[%1].maxLength").arg(lexile), QStringLiteral("Too long.")}});
    QCOMPARE(unmatched, QStringList());
    QCOMPARE(length.data(FileSpecColumnModel::ErrorRole).toString(), QStringLiteral("Too long."));
}

QTEST_GUILESS_MAIN(tst_FileSpecColumnModel)
#include "tst_filespeccolumnmodel.moc"
