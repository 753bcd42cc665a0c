// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "previewmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using hubdesk::PreviewModel;

class tst_PreviewModel final : public QObject
{
    Q_OBJECT

private slots:
    void showsRowsAndHeaders();
    void padsShortRows();
    void emptyPreviewClears();
};

namespace {

QJsonObject samplePreview()
{
    return QJsonObject{
        {QStringLiteral("columns"),
         QJsonArray{QStringLiteral("SchoolYear"), QStringLiteral("UserId"),
                    QStringLiteral("GivenName")}},
        {QStringLiteral("rows"),
         QJsonArray{
             QJsonArray{QStringLiteral("2027"), QStringLiteral("stu-1"), QStringLiteral("Ella")},
             QJsonArray{QStringLiteral("2027"), QStringLiteral("stu-2"), QStringLiteral("'=cmd")}}},
        {QStringLiteral("totalRows"), 634},
        {QStringLiteral("schoolYear"), 2027},
        {QStringLiteral("elapsedMs"), 12},
    };
}

} // namespace

void tst_PreviewModel::showsRowsAndHeaders()
{
    PreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setPreview(samplePreview());

    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.totalRows(), 634);
    QCOMPARE(model.schoolYear(), 2027);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("UserId"));
    QCOMPARE(model.headerData(1, Qt::Vertical).toInt(), 2);
    QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("'=cmd"));
    QCOMPARE(model.index(0, 1).data(Qt::ToolTipRole).toString(), QStringLiteral("stu-1"));
    QVERIFY(!model.index(0, 1).data(Qt::EditRole).isValid());
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.columnCount(model.index(0, 0)), 0);
}

void tst_PreviewModel::padsShortRows()
{
    PreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QJsonObject preview = samplePreview();
    preview.insert(QStringLiteral("rows"), QJsonArray{QJsonArray{QStringLiteral("2027")}});
    model.setPreview(preview);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 2).data().toString(), QString());
}

void tst_PreviewModel::emptyPreviewClears()
{
    PreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPreview(samplePreview());
    model.setPreview({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    QCOMPARE(model.totalRows(), 0);
    QCOMPARE(model.schoolYear(), 0);
}

QTEST_GUILESS_MAIN(tst_PreviewModel)
#include "tst_previewmodel.moc"
