// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "outbound/csvwriter.h"
#include "outbound/querytimeout.h"
#include "outbound/xmlwriter.h"
#include "store/store.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using hub::outbound::CsvWriter;
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
    hub::Store store(dir.filePath(QStringLiteral("hub.sqlite")));
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
    QVERIFY2(query.lastError().text().contains(QStringLiteral("interrupt")),
             qPrintable(query.lastError().text()));
    QVERIFY2(elapsed.elapsed() < 30000, "the query ran far past its timeout");
}

void tst_Outbound::queryTimeoutLeavesFastQueryAlone()
{
    QTemporaryDir dir;
    hub::Store store(dir.filePath(QStringLiteral("hub.sqlite")));
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

QTEST_GUILESS_MAIN(tst_Outbound)
#include "tst_outbound.moc"
