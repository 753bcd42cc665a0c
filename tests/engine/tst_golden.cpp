// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Golden-file tests of the outbound exports. tests/engine/golden/ contains the expected CSV and XML
// of each built-in output for a small generated district with fixed options and seed; the
// test compares each export with its file byte for byte.
//
// After an intended change to a report or a writer, regenerate the files and review the diff:
//
//     HUBDESK_UPDATE_GOLDEN=1 ./tst_golden
//
// A second part stores a class whose text fields contain quotes, every delimiter, line breaks,
// <, &, control characters and a leading formula character, and checks that every CSV option
// combination and the XML writer carry them as documented.

#include "demo/demodistrict.h"
#include "outbound/reportexport.h"
#include "outbound/reports.h"
#include "store/store.h"
#include "testdatabase.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <memory>

using hub::outbound::ExportRequest;
using hub::outbound::OutputOptions;

Q_DECLARE_METATYPE(hub::outbound::OutputOptions)

namespace {

constexpr int kSchoolYear = 2027;

// Text with a leading formula character, a double quote, every delimiter, a tab, CR LF, XML
// markup characters and two control characters.
const QString kTitle = QStringLiteral("=HYPERLINK(\"x\";'y'), a|b;c\td\r\ne <f> & g\u0001h");
const QString kLocation = QStringLiteral("+\u0007<room & hall>");
const QString kClassCode = QStringLiteral("@code,\"q\"");
const QString kSchoolName = QStringLiteral("-School; \"A\"|B\n<&>");

QString goldenPath(const QString &fileName)
{
    return QStringLiteral(HUBDESK_SOURCE_DIR "/tests/engine/golden/") + fileName;
}

// Splits CSV text into records, accepting only recordEnd between records, so a line break
// that the writer failed to quote shows up as a wrong record.
QList<QStringList> parseCsv(const QString &text, QChar delimiter, const QString &recordEnd,
                            QString *error)
{
    QList<QStringList> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size()
                && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                i += 2;
                continue;
            }
            if (c == QLatin1Char('"'))
                quoted = false;
            else
                field += c;
            ++i;
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            ++i;
        } else if (c == delimiter) {
            fields.append(field);
            field.clear();
            ++i;
        } else if (QStringView(text).mid(i).startsWith(recordEnd)) {
            fields.append(field);
            records.append(fields);
            fields.clear();
            field.clear();
            i += recordEnd.size();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n') || c == QLatin1Char('"')) {
            *error = QStringLiteral("unexpected character %1 outside quotes at offset %2")
                         .arg(int(c.unicode()))
                         .arg(i);
            return {};
        } else {
            field += c;
            ++i;
        }
    }
    if (quoted || !field.isEmpty() || !fields.isEmpty())
        *error = QStringLiteral("the last record does not end with the line ending");
    return records;
}

QString withoutControls(QString text)
{
    for (QChar &c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\r')
            && c != QLatin1Char('\n'))
            c = QChar(QChar::ReplacementCharacter);
    }
    return text;
}

QString protectedCell(const QString &text, bool formulaProtection)
{
    const QString clean = withoutControls(text);
    static const QString risky = QStringLiteral("=+-@\t\r");
    if (formulaProtection && !clean.isEmpty() && risky.contains(clean.front()))
        return QLatin1Char('\'') + clean;
    return clean;
}

} // namespace

class tst_Golden final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void goldenFiles_data();
    void goldenFiles();
    void csvEscapesEveryOption_data();
    void csvEscapesEveryOption();
    void xmlEscapesCraftedRow();

private:
    ExportRequest request(const QString &outputKey, qint64 districtId, const QString &format) const;
    QByteArray exportBytes(const ExportRequest &request,
                           hub::outbound::ExportSummary *summary = nullptr);

    QTemporaryDir m_dir;
    std::unique_ptr<hub::Store> m_store;
    qint64 m_generatedDistrict = 0;
    qint64 m_craftedDistrict = 0;
};

void tst_Golden::initTestCase()
{
    QVERIFY(m_dir.isValid());
    HUB_REQUIRE_TEST_DATABASE();
    const QString database = hubtest::testDatabase(m_dir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!database.isEmpty());
    m_store = std::make_unique<hub::Store>(database);
    QVERIFY(m_store->open().ok());
    const QSqlDatabase db = m_store->connection();

    for (const QString &name :
         {QStringLiteral("Golden District"), QStringLiteral("Crafted District")}) {
        auto inserted = hub::execute(db,
                                     QStringLiteral("INSERT INTO districts(name, created_at) "
                                                    "VALUES (?, '2026-01-01T00:00:00.000Z')"),
                                     {name});
        QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
        (m_generatedDistrict == 0 ? m_generatedDistrict : m_craftedDistrict)
            = inserted->lastInsertId().toLongLong();
    }

    hub::demo::DistrictOptions options;
    options.districtName = QStringLiteral("Golden District");
    options.schools = 2;
    options.studentsPerSchool = 8;
    options.teachersPerSchool = 2;
    options.classesPerTeacher = 2;
    options.classesPerStudent = 3;
    options.schoolYear = kSchoolYear;
    options.seed = 20260701;
    auto loaded = hub::demo::loadDistrict(db, m_generatedDistrict,
                                          m_dir.filePath(QStringLiteral("bundle")), options);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));

    // One school, one term of the school year, one course and one class whose text fields
    // need escaping.
    const QList<QPair<QString, QVariantList>> rows = {
        {QStringLiteral("INSERT INTO orgs(district_id, sourced_id, name, type, identifier) "
                        "VALUES (?, 'school-1', ?, 'school', '=1+1')"),
         {m_craftedDistrict, kSchoolName}},
        {QStringLiteral("INSERT INTO academic_sessions(district_id, sourced_id, title, type, "
                        "start_date, end_date, school_year) VALUES (?, 'term-1', 'Fall & "
                        "\"Winter\"', 'term', '2026-08-20', '2027-01-15', ?)"),
         {m_craftedDistrict, kSchoolYear}},
        {QStringLiteral(
             "INSERT INTO courses(district_id, sourced_id, title, course_code, "
             "org_sourced_id) VALUES (?, 'course-1', 'Math <Honors>', 'M1', 'school-1')"),
         {m_craftedDistrict}},
        {QStringLiteral("INSERT INTO classes(district_id, sourced_id, title, course_sourced_id, "
                        "class_code, class_type, location, school_sourced_id, term_sourced_ids, "
                        "periods) VALUES (?, 'class-1', ?, 'course-1', ?, 'scheduled', ?, "
                        "'school-1', '[\"term-1\"]', '[\"1\",\"2\"]')"),
         {m_craftedDistrict, kTitle, kClassCode, kLocation}},
    };
    for (const auto &[sql, values] : rows) {
        auto inserted = hub::execute(db, sql, values);
        QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
    }
}

ExportRequest tst_Golden::request(const QString &outputKey, qint64 districtId,
                                  const QString &format) const
{
    ExportRequest request;
    request.report = *hub::outbound::reportForOutput(outputKey);
    request.districtId = districtId;
    request.schoolYear = kSchoolYear;
    request.outputName = request.report.fileStem + QStringLiteral(" Data");
    request.format = format;
    request.queryTimeoutSeconds = 60;
    return request;
}

QByteArray tst_Golden::exportBytes(const ExportRequest &request,
                                   hub::outbound::ExportSummary *summary)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    auto exported = hub::outbound::exportReport(m_store->connection(), request, &buffer);
    if (!exported) {
        qWarning("%s", qPrintable(exported.error()));
        return {};
    }
    if (summary)
        *summary = *exported;
    return buffer.data();
}

void tst_Golden::goldenFiles_data()
{
    QTest::addColumn<QString>("outputKey");
    QTest::addColumn<QString>("format");
    for (const QString &key : hub::outbound::reportOutputKeys()) {
        for (const QString &format : {QStringLiteral("csv"), QStringLiteral("xml")})
            QTest::addRow("%s.%s", qPrintable(key), qPrintable(format)) << key << format;
    }
}

void tst_Golden::goldenFiles()
{
    QFETCH(QString, outputKey);
    QFETCH(QString, format);
    const QByteArray actual = exportBytes(request(outputKey, m_generatedDistrict, format));
    QVERIFY(!actual.isEmpty());
    // The header alone is one line; a golden file without data rows would prove little.
    QVERIFY2(actual.count('\n') >= 2, actual.constData());

    QFile golden(goldenPath(outputKey + QLatin1Char('.') + format));
    if (qEnvironmentVariableIntValue("HUBDESK_UPDATE_GOLDEN") == 1) {
        QVERIFY2(golden.open(QIODevice::WriteOnly | QIODevice::Truncate),
                 qPrintable(golden.errorString()));
        QCOMPARE(golden.write(actual), actual.size());
        qInfo("Rewrote %s", qPrintable(golden.fileName()));
        return;
    }
    QVERIFY2(golden.open(QIODevice::ReadOnly),
             qPrintable(QStringLiteral("%1: %2; run with HUBDESK_UPDATE_GOLDEN=1 to create it")
                            .arg(golden.fileName(), golden.errorString())));
    const QByteArray expected = golden.readAll();
    QCOMPARE(actual.size(), expected.size());
    QCOMPARE(actual, expected);
}

void tst_Golden::csvEscapesEveryOption_data()
{
    QTest::addColumn<OutputOptions>("options");
    const QList<QPair<const char *, QChar>> delimiters = {{"comma", QLatin1Char(',')},
                                                          {"semicolon", QLatin1Char(';')},
                                                          {"tab", QLatin1Char('\t')},
                                                          {"pipe", QLatin1Char('|')}};
    for (const auto &[delimiterName, delimiter] : delimiters) {
        for (int flags = 0; flags < 32; ++flags) {
            OutputOptions options;
            options.delimiter = delimiter;
            options.quoting
                = (flags & 1) ? OutputOptions::Quoting::All : OutputOptions::Quoting::Minimal;
            options.header = !(flags & 2);
            options.crlf = !(flags & 4);
            options.byteOrderMark = (flags & 8);
            options.formulaProtection = !(flags & 16);
            QTest::addRow("%s %s %s %s %s %s", delimiterName, (flags & 1) ? "all" : "minimal",
                          options.header ? "header" : "no-header", options.crlf ? "CRLF" : "LF",
                          options.byteOrderMark ? "bom" : "no-bom",
                          options.formulaProtection ? "protected" : "unprotected")
                << options;
        }
    }
}

void tst_Golden::csvEscapesEveryOption()
{
    QFETCH(OutputOptions, options);
    ExportRequest exportRequest
        = request(QStringLiteral("milearn-sections"), m_craftedDistrict, QStringLiteral("csv"));
    exportRequest.options = options;
    hub::outbound::ExportSummary summary;
    QByteArray bytes = exportBytes(exportRequest, &summary);
    QVERIFY(!bytes.isEmpty());

    QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), options.byteOrderMark);
    if (options.byteOrderMark)
        bytes.remove(0, 3);
    QCOMPARE(summary.rows, 1);
    QCOMPARE(summary.replacedCharacters, 2);
    QCOMPARE(summary.firstReplacementColumn, QStringLiteral("SectionTitle"));
    QCOMPARE(summary.firstReplacementRow, 1);

    const QString text = QString::fromUtf8(bytes);
    const QString recordEnd = options.crlf ? QStringLiteral("\r\n") : QStringLiteral("\n");
    QString error;
    const QList<QStringList> records = parseCsv(text, options.delimiter, recordEnd, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), options.header ? 2 : 1);
    const QStringList &columns = exportRequest.report.columns;
    if (options.header)
        QCOMPARE(records.first(), columns);

    const QStringList &row = records.last();
    QCOMPARE(row.size(), columns.size());
    const auto cell = [&](const char *column) {
        return row.at(columns.indexOf(QLatin1String(column)));
    };
    const bool guard = options.formulaProtection;
    QCOMPARE(cell("SchoolYear"), QString::number(kSchoolYear));
    QCOMPARE(cell("SectionId"), QStringLiteral("class-1"));
    QCOMPARE(cell("SectionTitle"), protectedCell(kTitle, guard));
    QCOMPARE(cell("SectionCode"), protectedCell(kClassCode, guard));
    QCOMPARE(cell("Location"), protectedCell(kLocation, guard));
    QCOMPARE(cell("SchoolName"), protectedCell(kSchoolName, guard));
    QCOMPARE(cell("SchoolCode"), protectedCell(QStringLiteral("=1+1"), guard));
    QCOMPARE(cell("CourseTitle"), QStringLiteral("Math <Honors>"));
    QCOMPARE(cell("Terms"), QStringLiteral("Fall & \"Winter\""));
    QCOMPARE(cell("Periods"), QStringLiteral("1,2"));
    QCOMPARE(cell("StudentCount"), QStringLiteral("0"));

    if (options.quoting == OutputOptions::Quoting::All) {
        QVERIFY2(text.startsWith(QLatin1Char('"')), qPrintable(text));
        QVERIFY(text.endsWith(QLatin1Char('"') + recordEnd));
        QVERIFY(
            text.contains(QLatin1Char('"') + options.delimiter + QStringLiteral("\"class-1\"")));
    } else {
        // Minimal quoting leaves a plain value bare.
        QVERIFY2(text.contains(options.delimiter + QStringLiteral("class-1") + options.delimiter),
                 qPrintable(text));
    }
}

void tst_Golden::xmlEscapesCraftedRow()
{
    hub::outbound::ExportSummary summary;
    const QByteArray bytes = exportBytes(
        request(QStringLiteral("milearn-sections"), m_craftedDistrict, QStringLiteral("xml")),
        &summary);
    QVERIFY(!bytes.isEmpty());
    QCOMPARE(summary.replacedCharacters, 2);
    QCOMPARE(summary.firstReplacementColumn, QStringLiteral("SectionTitle"));
    QVERIFY(!bytes.contains("<f>"));
    QVERIFY(!bytes.contains("<room"));

    QXmlStreamReader reader(bytes);
    QHash<QString, QString> values;
    int rows = 0;
    QString output;
    QString schoolYear;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (reader.name() == QLatin1String("report")) {
            output = reader.attributes().value(QStringLiteral("output")).toString();
            schoolYear = reader.attributes().value(QStringLiteral("schoolYear")).toString();
        } else if (reader.name() == QLatin1String("row")) {
            ++rows;
        } else {
            values.insert(reader.name().toString(), reader.readElementText());
        }
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(output, QStringLiteral("MiLEARN-Sections Data"));
    QCOMPARE(schoolYear, QString::number(kSchoolYear));
    QCOMPARE(rows, 1);
    // XML needs no formula protection; only the control characters change.
    QCOMPARE(values.value(QStringLiteral("SectionTitle")), withoutControls(kTitle));
    QCOMPARE(values.value(QStringLiteral("SectionCode")), kClassCode);
    QCOMPARE(values.value(QStringLiteral("Location")), withoutControls(kLocation));
    QCOMPARE(values.value(QStringLiteral("SchoolName")), kSchoolName);
    QCOMPARE(values.value(QStringLiteral("Terms")), QStringLiteral("Fall & \"Winter\""));
}

QTEST_GUILESS_MAIN(tst_Golden)
#include "tst_golden.moc"
