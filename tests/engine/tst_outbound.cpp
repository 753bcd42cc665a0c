// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "outbound/csvwriter.h"
#include "outbound/outputoptions.h"
#include "outbound/querytimeout.h"
#include "outbound/reportexport.h"
#include "outbound/rowhasher.h"
#include "outbound/xmlwriter.h"
#include "runs/rowhashes.h"
#include "store/store.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using hub::outbound::CsvWriter;
using hub::outbound::OutputOptions;
using hub::outbound::XmlWriter;

class tst_Outbound final : public QObject
{
    Q_OBJECT

private slots:
    void csvField_data();
    void csvField();
    void csvRowEndsWithCrlf();
    void csvNullIsEmpty();
    void xmlEscapesAndRoundTrips_data();
    void xmlEscapesAndRoundTrips();
    void xmlReplacesControlCharacters();
    void queryTimeoutInterruptsSlowQuery();
    void queryTimeoutLeavesFastQueryAlone();
    void csvFormulaProtection_data();
    void csvFormulaProtection();
    void csvCountsReplacedControls();
    void csvOptionsBytes();
    void outputOptionsRoundTrip();
    void xmlKeepsCarriageReturn();
    void rowHashesCountChanges();
    void sqlWithBindingsIsLiteral();
};

void tst_Outbound::csvField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "Room 2-B" << "Room 2-B";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("comma") << "Science, Physics" << "\"Science, Physics\"";
    QTest::newRow("quote") << "The \"Big\" Class" << "\"The \"\"Big\"\" Class\"";
    QTest::newRow("line feed") << "Line 1\nLine 2" << "\"Line 1\nLine 2\"";
    QTest::newRow("carriage return") << "a\rb" << "\"a\rb\"";
    QTest::newRow("leading space") << " padded" << "\" padded\"";
    QTest::newRow("unicode") << QStringLiteral("Zoë Núñez") << QStringLiteral("Zoë Núñez");
}

void tst_Outbound::csvField()
{
    QFETCH(QString, field);
    QFETCH(QString, expected);
    QCOMPARE(CsvWriter::escapeField(field), expected);
}

void tst_Outbound::csvRowEndsWithCrlf()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    QVERIFY(writer.writeRow(QStringList{QStringLiteral("a"), QStringLiteral("b,c")}));
    QVERIFY(writer.writeRow(QVariantList{1, QStringLiteral("Zoë")}));
    QCOMPARE(buffer.data(), QByteArray("a,\"b,c\"\r\n1,Zo\xc3\xab\r\n"));
}

void tst_Outbound::csvNullIsEmpty()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    QVERIFY(writer.writeRow(QVariantList{QVariant(), QStringLiteral("x"), QVariant()}));
    QCOMPARE(buffer.data(), QByteArray(",x,\r\n"));
}

void tst_Outbound::xmlEscapesAndRoundTrips_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("ampersand") << "Smith & Sons";
    QTest::newRow("angle brackets") << "<script>alert(1)</script>";
    QTest::newRow("quotes") << "He said \"hi\" and 'bye'";
    QTest::newRow("line break") << "Room 1\nBuilding 2";
    QTest::newRow("unicode") << QStringLiteral("Zoë Núñez 李");
}

void tst_Outbound::xmlEscapesAndRoundTrips()
{
    QFETCH(QString, value);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    XmlWriter writer(&buffer, QStringLiteral("Sections & More"), 2027,
                     {QStringLiteral("SectionId"), QStringLiteral("Title")});
    QVERIFY(writer.writeRow(QVariantList{QStringLiteral("c1"), value}));
    QVERIFY(writer.finish());
    QVERIFY(!buffer.data().contains("<script>"));

    QXmlStreamReader reader(buffer.data());
    QString title;
    QString output;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("report"))
            output = reader.attributes().value(QStringLiteral("output")).toString();
        if (reader.isStartElement() && reader.name() == QLatin1String("Title"))
            title = reader.readElementText();
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(output, QStringLiteral("Sections & More"));
    QCOMPARE(title, value);
}

void tst_Outbound::xmlReplacesControlCharacters()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    XmlWriter writer(&buffer, QStringLiteral("Test"), 2027, {QStringLiteral("Name")});
    QVERIFY(writer.writeRow(QVariantList{QStringLiteral("bell\u0007 and null\u0001")}));
    QVERIFY(writer.finish());
    QCOMPARE(writer.replacedCharacters(), 2);

    QXmlStreamReader reader(buffer.data());
    QString name;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("Name"))
            name = reader.readElementText();
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(name, QStringLiteral("bell\uFFFD and null\uFFFD"));
}

void tst_Outbound::queryTimeoutInterruptsSlowQuery()
{
    QTemporaryDir dir;
    HUB_REQUIRE_TEST_DATABASE();
    hub::Store store(hubtest::testDatabase(dir.filePath(QStringLiteral("hub.sqlite"))));
    QVERIFY(store.open().ok());
    const QSqlDatabase db = store.connection();

    QElapsedTimer elapsed;
    elapsed.start();
    hub::outbound::QueryTimeout timeout(db, 1);
    QSqlQuery query(db);
    // Counting to ten billion takes minutes; the timeout must stop it after about a second.
    const bool ran = query.exec(QStringLiteral(
        "WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter "
        "WHERE n < 10000000000) SELECT count(*) FROM counter"));
    QVERIFY(!ran);
    QVERIFY(timeout.expired());
    // SQLite reports an interrupted statement, PostgreSQL a statement timeout.
    const QString expected = hubtest::onPostgres() ? QStringLiteral("statement timeout")
                                                   : QStringLiteral("interrupt");
    QVERIFY2(query.lastError().text().contains(expected),
             qPrintable(query.lastError().text()));
    QVERIFY2(elapsed.elapsed() < 30000, "the query ran far past its timeout");
}

void tst_Outbound::queryTimeoutLeavesFastQueryAlone()
{
    QTemporaryDir dir;
    HUB_REQUIRE_TEST_DATABASE();
    hub::Store store(hubtest::testDatabase(dir.filePath(QStringLiteral("hub.sqlite"))));
    QVERIFY(store.open().ok());
    const QSqlDatabase db = store.connection();
    {
        hub::outbound::QueryTimeout timeout(db, 30);
        auto value = hub::selectValue(db, QStringLiteral("SELECT count(*) FROM products"));
        QVERIFY(value.ok());
        QCOMPARE(value->toInt(), 0);
    }
    // The handler is gone: a long query after the guard's scope is not interrupted.
    auto value = hub::selectValue(db, QStringLiteral(
        "WITH RECURSIVE counter(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter "
        "WHERE n < 200000) SELECT count(*) FROM counter"));
    QVERIFY(value.ok());
    QCOMPARE(value->toInt(), 200000);
}

void tst_Outbound::csvFormulaProtection_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<bool>("protection");
    QTest::addColumn<QString>("expected");
    QTest::newRow("equals") << QVariant(QStringLiteral("=1+2")) << true << "'=1+2";
    QTest::newRow("plus") << QVariant(QStringLiteral("+1")) << true << "'+1";
    QTest::newRow("minus text") << QVariant(QStringLiteral("-2+3")) << true << "'-2+3";
    QTest::newRow("at") << QVariant(QStringLiteral("@SUM(A1)")) << true << "'@SUM(A1)";
    QTest::newRow("tab") << QVariant(QStringLiteral("\t=1")) << true << "'\t=1";
    QTest::newRow("carriage return") << QVariant(QStringLiteral("\r=1")) << true << "'\r=1";
    QTest::newRow("negative number") << QVariant(qlonglong(-5)) << true << "-5";
    QTest::newRow("negative real") << QVariant(-2.5) << true << "-2.5";
    QTest::newRow("inner equals") << QVariant(QStringLiteral("a=b")) << true << "a=b";
    QTest::newRow("off") << QVariant(QStringLiteral("=1+2")) << false << "=1+2";
}

void tst_Outbound::csvFormulaProtection()
{
    QFETCH(QVariant, value);
    QFETCH(bool, protection);
    QFETCH(QString, expected);
    OutputOptions options;
    options.formulaProtection = protection;
    CsvWriter writer(nullptr, options);
    QCOMPARE(writer.cellText(value), expected);
}

void tst_Outbound::csvCountsReplacedControls()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    QVERIFY(writer.writeStart({QStringLiteral("Id"), QStringLiteral("Name")}));
    QVERIFY(writer.writeRow(QVariantList{1, QStringLiteral("clean\ttab")}));
    QVERIFY(writer.writeRow(QVariantList{2, QStringLiteral("bell\u0007 and\u001b")}));
    QCOMPARE(writer.replacedCharacters(), 2);
    QCOMPARE(writer.firstReplacementColumn(), QStringLiteral("Name"));
    QCOMPARE(writer.firstReplacementRow(), 2);
    QCOMPARE(writer.dataRows(), 2);
    QCOMPARE(buffer.data(),
             QStringLiteral("Id,Name\r\n1,clean\ttab\r\n2,bell\uFFFD and\uFFFD\r\n").toUtf8());
}

void tst_Outbound::csvOptionsBytes()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    OutputOptions options;
    options.delimiter = QLatin1Char('\t');
    options.quoting = OutputOptions::Quoting::All;
    options.crlf = false;
    options.byteOrderMark = true;
    CsvWriter writer(&buffer, options);
    QVERIFY(writer.writeStart({QStringLiteral("A"), QStringLiteral("B")}));
    QVERIFY(writer.writeRow(QVariantList{QStringLiteral("x\ty"), QVariant()}));
    QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBF\"A\"\t\"B\"\n\"x\ty\"\t\"\"\n"));

    QBuffer headerless;
    headerless.open(QIODevice::WriteOnly);
    options = OutputOptions();
    options.header = false;
    options.delimiter = QLatin1Char('|');
    CsvWriter second(&headerless, options);
    QVERIFY(second.writeStart({QStringLiteral("A"), QStringLiteral("B")}));
    QVERIFY(second.writeRow(QVariantList{QStringLiteral("a|b"), QStringLiteral("c,d")}));
    QCOMPARE(headerless.data(), QByteArray("\"a|b\"|c,d\r\n"));
}

void tst_Outbound::outputOptionsRoundTrip()
{
    QJsonObject errors;
    const OutputOptions defaults = OutputOptions::fromJson(QJsonValue(), errors);
    QVERIFY(errors.isEmpty());
    QCOMPARE(defaults.delimiter, QLatin1Char(','));
    QVERIFY(defaults.formulaProtection);
    QVERIFY(defaults.header);
    QVERIFY(defaults.crlf);
    QVERIFY(!defaults.byteOrderMark);

    const QJsonObject json{{QStringLiteral("delimiter"), QStringLiteral("pipe")},
                           {QStringLiteral("quoting"), QStringLiteral("all")},
                           {QStringLiteral("header"), false},
                           {QStringLiteral("lineEnding"), QStringLiteral("LF")},
                           {QStringLiteral("byteOrderMark"), true},
                           {QStringLiteral("formulaProtection"), false}};
    const OutputOptions options = OutputOptions::fromJson(json, errors);
    QVERIFY(errors.isEmpty());
    QCOMPARE(options.toJson(), json);

    OutputOptions::fromJson(QJsonValue(QStringLiteral("comma")), errors);
    QVERIFY(errors.contains(QStringLiteral("outputOptions")));
}

void tst_Outbound::xmlKeepsCarriageReturn()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    XmlWriter writer(&buffer, QStringLiteral("Test"), 2027, {QStringLiteral("Name")});
    QVERIFY(writer.writeRow(QVariantList{QStringLiteral("line 1\r\nline 2\r")}));
    QVERIFY(writer.finish());
    QVERIFY(buffer.data().contains("line 1&#13;\nline 2&#13;</Name>"));

    QXmlStreamReader reader(buffer.data());
    QString name;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("Name"))
            name = reader.readElementText();
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(name, QStringLiteral("line 1\r\nline 2\r"));
}

void tst_Outbound::rowHashesCountChanges()
{
    QTemporaryDir dir;
    const auto row = [](const char *value) {
        hub::outbound::RowHasher hasher;
        hasher.addText("2027", 4);
        hasher.addText(value, qsizetype(qstrlen(value)));
        return hasher.finish();
    };
    hub::outbound::RowHasher hasher;
    hasher.addNull();
    const quint64 null = hasher.finish();
    hasher.addText("", 0);
    QVERIFY(null != hasher.finish());
    hasher.addText("ab", 2);
    hasher.addText("c", 1);
    const quint64 first = hasher.finish();
    hasher.addText("a", 1);
    hasher.addText("bc", 2);
    QVERIFY(first != hasher.finish());

    hub::runs::RowHashes previous;
    for (const char *value : {"a", "b", "b", "c"})
        previous.add(row(value));
    const QString previousPath = hub::runs::RowHashes::path(dir.path(), 7, 1);
    QVERIFY(previous.write(previousPath).ok());
    QCOMPARE(QFileInfo(previousPath).size(), 4 * 8);

    // A duplicate row counts once per copy: one "b" of two is removed.
    hub::runs::RowHashes current;
    for (const char *value : {"c", "b", "d", "e"})
        current.add(row(value));
    const QString currentPath = hub::runs::RowHashes::path(dir.path(), 7, 2);
    QVERIFY(current.write(currentPath).ok());
    auto changes = current.compareWith(previousPath);
    QVERIFY2(changes.ok(), qPrintable(changes.error()));
    QCOMPARE(changes->added, 2);
    QCOMPARE(changes->removed, 2);

    hub::runs::RowHashes::removeOthers(dir.path(), 7, 2);
    QVERIFY(!QFileInfo::exists(previousPath));
    QVERIFY(QFileInfo::exists(currentPath));
}

void tst_Outbound::sqlWithBindingsIsLiteral()
{
    const hub::outbound::Report report{QStringLiteral("k"),
                                       QStringLiteral("K"),
                                       {QStringLiteral("V")},
                                       QStringLiteral("SELECT ? AS d, ? AS y")};
    QCOMPARE(hub::outbound::reportSqlWithBindings(report, 3, 2027),
             QStringLiteral("SELECT 3 AS d, 2027 AS y"));
}

QTEST_GUILESS_MAIN(tst_Outbound)
#include "tst_outbound.moc"
