// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "inbound/csvreader.h"

#include <QBuffer>
#include <QTest>

using hub::inbound::CsvReader;
using hub::inbound::CsvRecord;

namespace {

QList<QStringList> fieldsOf(const QList<CsvRecord> &records)
{
    QList<QStringList> fields;
    for (const CsvRecord &record : records)
        fields.append(record.fields);
    return fields;
}

QList<qint64> linesOf(const QList<CsvRecord> &records)
{
    QList<qint64> lines;
    for (const CsvRecord &record : records)
        lines.append(record.line);
    return lines;
}

// A device that returns one byte per read, to cross every chunk boundary.
class TrickleBuffer : public QBuffer
{
public:
    using QBuffer::QBuffer;

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        return QBuffer::readData(data, std::min<qint64>(maxSize, 1));
    }
};

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void readsValidInput_data();
    void readsValidInput();
    void readsOneByteAtATime();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void keepsFailingAfterError();
    void countsBytes();
};

void TestCsvReader::readsValidInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<QStringList>>("expectedFields");
    QTest::addColumn<QList<qint64>>("expectedLines");

    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFsourcedId,name\n1,A\n")
                         << QList<QStringList>{{QStringLiteral("sourcedId"),
                                                QStringLiteral("name")},
                                               {QStringLiteral("1"), QStringLiteral("A")}}
                         << QList<qint64>{1, 2};
    QTest::newRow("crlf") << QByteArray("a,b\r\n1,2\r\n")
                          << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")},
                                                {QStringLiteral("1"), QStringLiteral("2")}}
                          << QList<qint64>{1, 2};
    QTest::newRow("lf") << QByteArray("a,b\n1,2\n")
                        << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")},
                                              {QStringLiteral("1"), QStringLiteral("2")}}
                        << QList<qint64>{1, 2};
    QTest::newRow("lone cr") << QByteArray("a,b\r1,2\r")
                             << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")},
                                                   {QStringLiteral("1"), QStringLiteral("2")}}
                             << QList<qint64>{1, 2};
    QTest::newRow("no final newline")
        << QByteArray("a,b\r\n1,2")
        << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")},
                              {QStringLiteral("1"), QStringLiteral("2")}}
        << QList<qint64>{1, 2};
    QTest::newRow("header only without newline")
        << QByteArray("sourcedId,status")
        << QList<QStringList>{{QStringLiteral("sourcedId"), QStringLiteral("status")}}
        << QList<qint64>{1};
    QTest::newRow("empty input") << QByteArray() << QList<QStringList>{} << QList<qint64>{};
    QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF") << QList<QStringList>{}
                              << QList<qint64>{};
    QTest::newRow("empty fields") << QByteArray("a,,\n,,\n")
                                  << QList<QStringList>{{QStringLiteral("a"), QString(), QString()},
                                                        {QString(), QString(), QString()}}
                                  << QList<qint64>{1, 2};
    QTest::newRow("quoted comma")
        << QByteArray("grades,title\n\"09,10,11\",Physics\n")
        << QList<QStringList>{{QStringLiteral("grades"), QStringLiteral("title")},
                              {QStringLiteral("09,10,11"), QStringLiteral("Physics")}}
        << QList<qint64>{1, 2};
    QTest::newRow("doubled quote") << QByteArray("a\n\"say \"\"hi\"\"\"\n\"\"\"\"\n")
                                   << QList<QStringList>{{QStringLiteral("a")},
                                                         {QStringLiteral("say \"hi\"")},
                                                         {QStringLiteral("\"")}}
                                   << QList<qint64>{1, 2, 3};
    QTest::newRow("embedded line break")
        << QByteArray("a,b\r\n\"line one\r\nline two\",x\r\nnext,y\r\n")
        << QList<QStringList>{{QStringLiteral("a"), QStringLiteral("b")},
                              {QStringLiteral("line one\r\nline two"), QStringLiteral("x")},
                              {QStringLiteral("next"), QStringLiteral("y")}}
        << QList<qint64>{1, 2, 4};
    QTest::newRow("blank lines skipped")
        << QByteArray("a\n\n1\n\r\n2\n")
        << QList<QStringList>{{QStringLiteral("a")}, {QStringLiteral("1")}, {QStringLiteral("2")}}
        << QList<qint64>{1, 3, 5};
    QTest::newRow("utf-8 text")
        << QByteArray("name\nJos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n")
        << QList<QStringList>{{QStringLiteral("name")},
                              {QString::fromUtf8("Jos\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80")}}
        << QList<qint64>{1, 2};
    QTest::newRow("quoted empty field")
        << QByteArray("\"\",x\n") << QList<QStringList>{{QString(), QStringLiteral("x")}}
        << QList<qint64>{1};
}

void TestCsvReader::readsValidInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<QStringList>, expectedFields);
    QFETCH(QList<qint64>, expectedLines);

    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    auto records = CsvReader::readAll(&buffer);
    QVERIFY2(records.ok(), qPrintable(records.error()));
    QCOMPARE(fieldsOf(*records), expectedFields);
    QCOMPARE(linesOf(*records), expectedLines);
}

void TestCsvReader::readsOneByteAtATime()
{
    QByteArray input("\xEF\xBB\xBFid,note\r\n1,\"a,\r\nb\"\r\n2,\"x\"\"y\"");
    TrickleBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    auto records = CsvReader::readAll(&buffer);
    QVERIFY2(records.ok(), qPrintable(records.error()));
    const QList<QStringList> expected = {{QStringLiteral("id"), QStringLiteral("note")},
                                         {QStringLiteral("1"), QStringLiteral("a,\r\nb")},
                                         {QStringLiteral("2"), QStringLiteral("x\"y")}};
    QCOMPARE(fieldsOf(*records), expected);
    QCOMPARE(linesOf(*records), (QList<qint64>{1, 2, 4}));
}

void TestCsvReader::rejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expectedError");
    QTest::addColumn<qint64>("expectedLine");

    QTest::newRow("unterminated quote")
        << QByteArray("a,b\n1,2\n3,\"open\nstill open\n")
        << QStringLiteral("Line 3 starts a quoted field that is never closed.") << qint64(3);
    QTest::newRow("garbage after closing quote")
        << QByteArray("a,b\n\"x\"y,2\n")
        << QStringLiteral("Line 2 has the character 'y' after a closing quote, but a quoted field "
                          "must end at a comma or line break.")
        << qint64(2);
    QTest::newRow("quote inside unquoted field")
        << QByteArray("a\nb\nfive\"ten\n")
        << QStringLiteral("Line 3 has a quote inside an unquoted field. Quote the whole field "
                          "and double the quote.")
        << qint64(3);
    QTest::newRow("invalid utf-8")
        << QByteArray("name\nok\nLatin \xE9t\xE9\n")
        << QStringLiteral("Line 3 is not valid UTF-8 (byte 0xe9). Save the file as UTF-8.")
        << qint64(3);
    QTest::newRow("invalid utf-8 inside quoted field")
        << QByteArray("a\n\"one\ntwo \xC0\xAF\"\n")
        << QStringLiteral("Line 3 is not valid UTF-8 (byte 0xc0). Save the file as UTF-8.")
        << qint64(3);
    QTest::newRow("utf-8 surrogate") << QByteArray("a\n\xED\xA0\x80\n")
                                     << QStringLiteral("Line 2 is not valid UTF-8 (byte 0xed). "
                                                       "Save the file as UTF-8.")
                                     << qint64(2);
    QTest::newRow("truncated utf-8 at end") << QByteArray("a\nx\xE2\x82")
                                            << QStringLiteral("Line 2 is not valid UTF-8 (byte "
                                                              "0xe2). Save the file as UTF-8.")
                                            << qint64(2);
}

void TestCsvReader::rejectsMalformedInput()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expectedError);
    QFETCH(qint64, expectedLine);

    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    QCOMPARE(reader.errorLine(), 0);
    CsvRecord record;
    hub::Result<bool> read = true;
    // Every input has fewer than 10 records before its fault.
    for (int i = 0; i < 10 && read.ok() && *read; ++i)
        read = reader.readRecord(record);
    QVERIFY(!read.ok());
    QCOMPARE(read.error(), expectedError);
    QCOMPARE(reader.errorLine(), expectedLine);
}

void TestCsvReader::keepsFailingAfterError()
{
    QByteArray input("\"x\"y\nok\n");
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    CsvRecord record;
    auto first = reader.readRecord(record);
    QVERIFY(!first.ok());
    auto second = reader.readRecord(record);
    QVERIFY(!second.ok());
    QCOMPARE(second.error(), first.error());
}

void TestCsvReader::countsBytes()
{
    QByteArray input("\xEF\xBB\xBF"
                     "a,b\r\n1,2");
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    CsvReader reader(&buffer);
    CsvRecord record;
    while (true) {
        auto read = reader.readRecord(record);
        QVERIFY(read.ok());
        if (!*read)
            break;
    }
    QCOMPARE(reader.bytesRead(), qint64(input.size()));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
