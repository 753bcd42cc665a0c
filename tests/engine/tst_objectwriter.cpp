// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The OneRoster JSON writer: every value kind as QJsonDocument reads it back, escaping of
// quotes, backslashes, control characters and non-ASCII text, and absent values left out.

#include "oneroster/objectwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hub::oneroster;

class tst_ObjectWriter final : public QObject
{
    Q_OBJECT

private slots:
    void textIsEscaped_data();
    void textIsEscaped();
    void absentValuesAreOmitted();
    void valueKindsAsSpecified();
    void guidRefEncodesId();
    void v1p2HrefNamesService();
    void invalidUtf8IsReplaced();
    void textListAsQJsonDocument_data();
    void textListAsQJsonDocument();
};

namespace {

EntityField field(const char *name, ValueKind kind, const char *refType = "")
{
    return EntityField{QLatin1String(name), QStringLiteral("t.column"), kind,
                       QLatin1String(refType), true};
}

// Writes one object with the fields and values and parses it back.
QJsonObject written(Version version, const QList<QPair<EntityField, QVariant>> &members)
{
    ObjectWriter writer(version, QStringLiteral("http://127.0.0.1:8470"));
    hub::JsonBuffer buffer;
    writer.beginObject(buffer);
    VariantRowValues row;
    for (const auto &member : members)
        row.values.append(member.second);
    for (qsizetype i = 0; i < members.size(); ++i)
        writer.writeField(buffer, members.at(i).first, row, int(i));
    writer.endObject(buffer);
    const QByteArray out = buffer.take();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(out, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("Invalid JSON %s: %s", out.constData(), qPrintable(error.errorString()));
    return document.object();
}

} // namespace

void tst_ObjectWriter::textIsEscaped_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("Smith");
    QTest::newRow("quote") << QStringLiteral("O\"Brien");
    QTest::newRow("backslash") << QStringLiteral("back\\slash");
    QTest::newRow("newline and tab") << QStringLiteral("line\nnext\tcell");
    QTest::newRow("control character") << QStringLiteral("bell") + QChar(0x07);
    QTest::newRow("accented") << QStringLiteral("Zoë Nuñez");
    QTest::newRow("quote after accent") << QStringLiteral("é\"x\\y");
    QTest::newRow("arabic") << QStringLiteral("مريم");
    QTest::newRow("emoji") << QStringLiteral("star \U0001F31F end");
    QTest::newRow("single space") << QStringLiteral(" ");
}

void tst_ObjectWriter::textIsEscaped()
{
    QFETCH(QString, text);
    const QJsonObject object = written(Version::V1p1,
                                       {{field("givenName", ValueKind::Text), text}});
    QCOMPARE(object.value(QStringLiteral("givenName")).toString(), text);
}

void tst_ObjectWriter::absentValuesAreOmitted()
{
    const QJsonObject object = written(
        Version::V1p1,
        {{field("sourcedId", ValueKind::Text), QStringLiteral("user-1")},
         {field("email", ValueKind::Text), QString()},
         {field("phone", ValueKind::Text), QVariant()},
         {field("grades", ValueKind::TextList), QStringLiteral("[]")},
         {field("userIds", ValueKind::UserIds), QStringLiteral("[\"no colon\"]")},
         {field("parent", ValueKind::Ref, "org"), QString()},
         {field("agents", ValueKind::RefList, "user"), QVariant()},
         {field("score", ValueKind::Number), std::numeric_limits<double>::quiet_NaN()},
         {field("scoreScaleValue", ValueKind::Json), QStringLiteral("not json")}});
    QCOMPARE(object.keys(), QStringList{QStringLiteral("sourcedId")});
}

void tst_ObjectWriter::valueKindsAsSpecified()
{
    const QJsonObject object = written(
        Version::V1p1,
        {{field("status", ValueKind::Status), QStringLiteral("tobedeleted")},
         {field("enabledUser", ValueKind::Boolean), 1},
         {field("primary", ValueKind::Boolean), 0},
         {field("score", ValueKind::Number), 105.5},
         {field("weight", ValueKind::Number), 3.0},
         {field("schoolYear", ValueKind::YearText), 2027},
         {field("grades", ValueKind::TextList), QStringLiteral("[\"09\",\"10\"]")},
         {field("userIds", ValueKind::UserIds), QStringLiteral("[\"{LDAP:ab:c}\"]")},
         {field("scoreScaleValue", ValueKind::Json), QStringLiteral("[{\"itemValueLHS\":\"A\"}]")},
         {field("dateLastModified", ValueKind::DateTime),
          QStringLiteral("2026-12-01T10:00:00.000Z")}});
    QCOMPARE(object.value(QStringLiteral("status")).toString(), QStringLiteral("tobedeleted"));
    QCOMPARE(object.value(QStringLiteral("enabledUser")).toString(), QStringLiteral("true"));
    QCOMPARE(object.value(QStringLiteral("primary")).toString(), QStringLiteral("false"));
    QCOMPARE(object.value(QStringLiteral("score")).toDouble(), 105.5);
    QCOMPARE(object.value(QStringLiteral("weight")).toDouble(), 3.0);
    QCOMPARE(object.value(QStringLiteral("schoolYear")).toString(), QStringLiteral("2027"));
    QCOMPARE(object.value(QStringLiteral("grades")).toArray(),
             (QJsonArray{QStringLiteral("09"), QStringLiteral("10")}));
    const QJsonArray ids = object.value(QStringLiteral("userIds")).toArray();
    QCOMPARE(ids.size(), 1);
    QCOMPARE(ids.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("LDAP"));
    QCOMPARE(ids.at(0).toObject().value(QStringLiteral("identifier")).toString(),
             QStringLiteral("ab:c"));
    QCOMPARE(object.value(QStringLiteral("scoreScaleValue")).toArray().at(0).toObject().value(
                 QStringLiteral("itemValueLHS")),
             QJsonValue(QStringLiteral("A")));
    QCOMPARE(object.value(QStringLiteral("dateLastModified")).toString(),
             QStringLiteral("2026-12-01T10:00:00.000Z"));
}

void tst_ObjectWriter::guidRefEncodesId()
{
    const QJsonObject object = written(
        Version::V1p1,
        {{field("org", ValueKind::Ref, "org"), QStringLiteral("org 1/é\"")},
         {field("agents", ValueKind::RefList, "user"),
          QStringLiteral("[\"parent-1\",\"parent_2.~\"]")}});
    const QJsonObject org = object.value(QStringLiteral("org")).toObject();
    QCOMPARE(org.value(QStringLiteral("href")).toString(),
             QStringLiteral("http://127.0.0.1:8470/ims/oneroster/v1p1/orgs/org%201%2F%C3%A9%22"));
    QCOMPARE(org.value(QStringLiteral("sourcedId")).toString(), QStringLiteral("org 1/é\""));
    QCOMPARE(org.value(QStringLiteral("type")).toString(), QStringLiteral("org"));
    const QJsonArray agents = object.value(QStringLiteral("agents")).toArray();
    QCOMPARE(agents.size(), 2);
    QCOMPARE(agents.at(1).toObject().value(QStringLiteral("href")).toString(),
             QStringLiteral("http://127.0.0.1:8470/ims/oneroster/v1p1/users/parent_2.~"));
}

void tst_ObjectWriter::v1p2HrefNamesService()
{
    const QJsonObject object = written(
        Version::V1p2, {{field("lineItem", ValueKind::Ref, "lineItem"), QStringLiteral("li-1")},
                        {field("school", ValueKind::Ref, "org"), QStringLiteral("org-1")}});
    QCOMPARE(object.value(QStringLiteral("lineItem")).toObject().value(QStringLiteral("href")),
             QJsonValue(QStringLiteral(
                 "http://127.0.0.1:8470/ims/oneroster/gradebook/v1p2/lineItems/li-1")));
    QCOMPARE(object.value(QStringLiteral("school")).toObject().value(QStringLiteral("href")),
             QJsonValue(QStringLiteral(
                 "http://127.0.0.1:8470/ims/oneroster/rostering/v1p2/orgs/org-1")));
}

void tst_ObjectWriter::invalidUtf8IsReplaced()
{
    // A row whose text column contains bytes that are not UTF-8, as a SQLite file may.
    class RawTextRow final : public RowValues
    {
    public:
        bool isNull(int) override { return false; }
        QByteArrayView text(int) override { return QByteArrayView("bad \xff\xfe \"q\""); }
        qint64 integer(int) override { return 0; }
        double real(int) override { return 0; }
        QVariant value(int) override { return {}; }
    } row;
    ObjectWriter writer(Version::V1p1, QStringLiteral("http://127.0.0.1:8470"));
    hub::JsonBuffer buffer;
    writer.beginObject(buffer);
    writer.writeField(buffer, field("givenName", ValueKind::Text), row, 0);
    writer.endObject(buffer);
    const QByteArray out = buffer.take();
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(QUtf8StringView(out).isValidUtf8(), true);
    QCOMPARE(object.value(QStringLiteral("givenName")).toString(),
             QString::fromUtf8("bad \xff\xfe \"q\""));
}

QTEST_GUILESS_MAIN(tst_ObjectWriter)
void tst_ObjectWriter::textListAsQJsonDocument_data()
{
    QTest::addColumn<QString>("stored");
    QTest::newRow("compact") << QStringLiteral("[\"09\",\"10\"]");
    QTest::newRow("one empty string") << QStringLiteral("[\"\"]");
    QTest::newRow("spaces") << QStringLiteral("[ \"09\" , \"10\" ]");
    QTest::newRow("escaped slash") << QStringLiteral("[\"a\\/b\"]");
    QTest::newRow("unicode escape") << QStringLiteral("[\"\\u00e9\"]");
    QTest::newRow("accented") << QStringLiteral("[\"é\"]");
    QTest::newRow("delete character") << QStringLiteral("[\"a\x7f\"]");
    QTest::newRow("number") << QStringLiteral("[1,\"2\"]");
    QTest::newRow("nested") << QStringLiteral("[[\"a\"]]");
    QTest::newRow("empty") << QStringLiteral("[]");
    QTest::newRow("unclosed") << QStringLiteral("[\"09\"");
    QTest::newRow("two commas") << QStringLiteral("[\"09\",,\"10\"]");
    QTest::newRow("trailing comma") << QStringLiteral("[\"09\",]");
    QTest::newRow("adjacent strings") << QStringLiteral("[\"09\"\"10\"]");
    QTest::newRow("object") << QStringLiteral("{\"a\":\"b\"}");
}

// A stored list is written with the bytes that QJsonDocument gives it, or left out when it is
// empty or not an array.
void tst_ObjectWriter::textListAsQJsonDocument()
{
    QFETCH(QString, stored);
    ObjectWriter writer(Version::V1p1, QStringLiteral("http://127.0.0.1:8470"));
    hub::JsonBuffer buffer;
    writer.beginObject(buffer);
    VariantRowValues row;
    row.values.append(stored);
    writer.writeField(buffer, field("grades", ValueKind::TextList), row, 0);
    writer.endObject(buffer);

    const QJsonArray items = QJsonDocument::fromJson(stored.toUtf8()).array();
    const QByteArray expected = items.isEmpty()
                                    ? QByteArray("{}")
                                    : "{\"grades\":" + QJsonDocument(items).toJson(QJsonDocument::Compact)
                                          + '}';
    QCOMPARE(buffer.take(), expected);
}

#include "tst_objectwriter.moc"
