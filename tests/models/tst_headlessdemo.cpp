// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The headless demo end to end: the hubd of this build (HUBD_EXECUTABLE) with the demo
// district, one run of the MiLEARN sections integration, and the printed report.

#include "headlessdemo.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hubdesk;

class tst_HeadlessDemo final : public QObject
{
    Q_OBJECT

private slots:
    void runsSectionsExport();
    void unknownOutputFails();
    void textTableAlignsColumns();
};

void tst_HeadlessDemo::runsSectionsExport()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    HeadlessDemoOptions options;
    options.hubdPath = QStringLiteral(HUBD_EXECUTABLE);
    options.dataDir = dataDir.path();
    QBuffer output;
    QVERIFY(output.open(QIODevice::WriteOnly));
    HeadlessDemo demo(options, &output);
    QSignalSpy finished(&demo, &HeadlessDemo::finished);

    demo.start();

    // Start-up, the run (bounded by the demo's own 120 s limit) and the report.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 180000);
    const QString text = QString::fromUtf8(output.data());
    QVERIFY2(finished.at(0).at(0).toInt() == 0, qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Integration Instance Id")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Succeeded")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("SchoolYear,SectionId")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Status")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Deliver to Demo Outbound Folder")), qPrintable(text));
    QVERIFY2(text.contains(dataDir.filePath(QStringLiteral("outbound"))), qPrintable(text));
    // The district is in America/Detroit, so every time shows EST or EDT.
    QVERIFY2(text.contains(QStringLiteral(" EST")) || text.contains(QStringLiteral(" EDT")),
             qPrintable(text));
}

void tst_HeadlessDemo::unknownOutputFails()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    HeadlessDemoOptions options;
    options.hubdPath = QStringLiteral(HUBD_EXECUTABLE);
    options.dataDir = dataDir.path();
    options.outputName = QStringLiteral("No Such Output");
    QBuffer output;
    QVERIFY(output.open(QIODevice::WriteOnly));
    HeadlessDemo demo(options, &output);
    QSignalSpy finished(&demo, &HeadlessDemo::finished);

    demo.start();

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
    const QString text = QString::fromUtf8(output.data());
    QCOMPARE(finished.at(0).at(0).toInt(), 1);
    QVERIFY2(text.contains(QStringLiteral("\"No Such Output\"")), qPrintable(text));
}

void tst_HeadlessDemo::textTableAlignsColumns()
{
    const QString table = formatTextTable({QStringLiteral("A"), QStringLiteral("Long header")},
                                          {{QStringLiteral("wide cell"), QStringLiteral("x")},
                                           {QStringLiteral("y"), QStringLiteral("z")}});

    const QStringList expected
        = {QStringLiteral("A          Long header"), QStringLiteral("---------  -----------"),
           QStringLiteral("wide cell  x"), QStringLiteral("y          z")};
    QCOMPARE(table.split(QLatin1Char('\n')), expected);
}

QTEST_GUILESS_MAIN(tst_HeadlessDemo)

#include "tst_headlessdemo.moc"
