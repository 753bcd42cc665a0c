// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// From an empty engine to a delivered file: upload a real OneRoster bundle to an inbound
// integration, then run MiLEARN-Sections Data for that bundle's school year to a folder and
// compare the file with the rows the bundle implies.

#include "apitestclient.h"
#include "testdatabase.h"
#include "testdata.h"

#include "engine.h"
#include "store/store.h"

#include <QDir>
#include <QJsonArray>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using hubtest::ApiReply;

class tst_EndToEnd final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void bundleLoadsWithWarnings();
    void sectionsFileMatchesBundle();
    void rejectedBundleChangesNothing();

private:
    qint64 productId(const QString &key, const QString &outputKey = {}, qint64 *outputId = nullptr);
    QJsonObject waitForRun(qint64 runId);
    QJsonObject upload(const QString &path);
    QByteArray runSections();
    QVariantList storeSnapshot();

    QTemporaryDir m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_api;
    qint64 m_inboundId = 0;
    qint64 m_sectionsId = 0;
    QString m_outbox;
    const QByteArray m_token = "end-to-end-token-0123456789";
};

void tst_EndToEnd::initTestCase()
{
    HUB_REQUIRE_TEST_DATABASE();
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database = hubtest::testDatabase(QDir(m_dataDir.path()).filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!options.database.isEmpty());
    options.adminToken = m_token;
    options.districtName = QStringLiteral("Catalyst Test District");
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_api = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), m_token);

    m_outbox = QDir(m_dataDir.path()).filePath(QStringLiteral("state-drop"));
    const ApiReply destination = m_api->post(
        QStringLiteral("/api/v1/destinations"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("State Drop")},
                    {QStringLiteral("kind"), QStringLiteral("folder")},
                    {QStringLiteral("settings"), QJsonObject{{QStringLiteral("path"), m_outbox}}}});
    QCOMPARE(destination.status, 201);

    const ApiReply inbound = m_api->post(
        QStringLiteral("/api/v1/integrations"),
        QJsonObject{{QStringLiteral("productId"), productId(QStringLiteral("oneroster-bundle"))}});
    QCOMPARE(inbound.status, 201);
    m_inboundId = inbound.json.value(QStringLiteral("id")).toInteger();

    qint64 outputId = 0;
    const qint64 milearn = productId(QStringLiteral("milearn"), QStringLiteral("milearn-sections"), &outputId);
    const ApiReply sections = m_api->post(
        QStringLiteral("/api/v1/integrations"),
        QJsonObject{{QStringLiteral("productId"), milearn},
                    {QStringLiteral("outputId"), outputId},
                    {QStringLiteral("schoolYear"), 2023},
                    {QStringLiteral("format"), QStringLiteral("csv")},
                    {QStringLiteral("destinations"),
                     QJsonArray{QJsonObject{{QStringLiteral("destinationId"),
                                             destination.json.value(QStringLiteral("id"))}}}}});
    QCOMPARE(sections.status, 201);
    m_sectionsId = sections.json.value(QStringLiteral("id")).toInteger();
}

void tst_EndToEnd::cleanupTestCase()
{
    m_api.reset();
    m_engine.reset();
}

qint64 tst_EndToEnd::productId(const QString &key, const QString &outputKey, qint64 *outputId)
{
    const QJsonArray products = m_api->get(QStringLiteral("/api/v1/catalog/products"))
                                    .json.value(QStringLiteral("products")).toArray();
    for (const QJsonValue &product : products) {
        if (product[QStringLiteral("key")].toString() != key)
            continue;
        const QJsonArray outputs = product[QStringLiteral("outputs")].toArray();
        for (const QJsonValue &output : outputs) {
            if (outputId && output[QStringLiteral("key")].toString() == outputKey)
                *outputId = output[QStringLiteral("id")].toInteger();
        }
        return product[QStringLiteral("id")].toInteger();
    }
    return 0;
}

QJsonObject tst_EndToEnd::waitForRun(qint64 runId)
{
    QJsonObject run;
    for (int attempt = 0; attempt < 600; ++attempt) {
        run = m_api->get(QStringLiteral("/api/v1/runs/%1").arg(runId)).json;
        const int status = run.value(QStringLiteral("status")).toInt(-1);
        if (status != 1 && status != 2)
            break;
        QTest::qWait(100);
    }
    return run;
}

QJsonObject tst_EndToEnd::upload(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const ApiReply queued = m_api->send(
        "POST",
        QStringLiteral("/api/v1/integrations/%1/files?fileName=%2").arg(m_inboundId).arg(QFileInfo(path).fileName()),
        file.readAll(), "application/zip");
    if (queued.status != 202)
        return queued.json;
    return waitForRun(queued.json.value(QStringLiteral("id")).toInteger());
}

QByteArray tst_EndToEnd::runSections()
{
    const ApiReply queued = m_api->post(QStringLiteral("/api/v1/integrations/%1/runs").arg(m_sectionsId));
    const QJsonObject run = waitForRun(queued.json.value(QStringLiteral("id")).toInteger());
    if (run.value(QStringLiteral("status")).toInt() != 0)
        return QByteArray("run failed: ") + run.value(QStringLiteral("message")).toString().toUtf8();
    QFile file(QDir(m_outbox).filePath(run.value(QStringLiteral("outputFile")).toString()));
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray("missing file: ") + file.fileName().toUtf8();
    return file.readAll();
}

QVariantList tst_EndToEnd::storeSnapshot()
{
    QVariantList snapshot;
    const QStringList tables = {QStringLiteral("orgs"), QStringLiteral("academic_sessions"),
                                QStringLiteral("classes"), QStringLiteral("users"),
                                QStringLiteral("user_roles"), QStringLiteral("enrollments")};
    for (const QString &table : tables) {
        auto rows = hub::execute(m_engine->store().connection(),
                                 QStringLiteral("SELECT * FROM %1 ORDER BY sourced_id").arg(table));
        if (!rows)
            return {rows.error()};
        while (rows->next()) {
            for (int column = 0; column < rows->record().count(); ++column)
                snapshot.append(rows->value(column));
        }
    }
    return snapshot;
}

void tst_EndToEnd::bundleLoadsWithWarnings()
{
    HUB_REQUIRE_SAMPLE(zip, "catalyst-moodle-v1p1-full/Test_full_data_set.zip");
    const QJsonObject run = upload(zip);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 8);
    QCOMPARE(run.value(QStringLiteral("statusText")).toString(), QStringLiteral("Succeeded with warnings"));
    QStringList phases;
    const QJsonArray phaseArray = run.value(QStringLiteral("phases")).toArray();
    for (const QJsonValue &phase : phaseArray)
        phases.append(phase[QStringLiteral("name")].toString());
    QCOMPARE(phases, (QStringList{QStringLiteral("Receive"), QStringLiteral("Validate"), QStringLiteral("Load")}));
    QCOMPARE(phaseArray.at(2)[QStringLiteral("status")].toInt(), 0);
    QVERIFY(phaseArray.at(2)[QStringLiteral("rowsWritten")].toInteger() > 0);

    auto users = hub::selectValue(m_engine->store().connection(), QStringLiteral("SELECT count(*) FROM users"));
    QCOMPARE(users->toInt(), 6);
}

void tst_EndToEnd::sectionsFileMatchesBundle()
{
    HUB_REQUIRE_SAMPLE(zip, "catalyst-moodle-v1p1-full/Test_full_data_set.zip");
    // The bundle's one active class is cls-222-123456 in term as-trm-222-1234 of school year
    // 2023, taught by usr-222-123456 (John Doe) with two student enrollments. Its course is not
    // in the bundle (courses.csv is marked absent), so the course code and title are empty.
    // cls-222-123478 is tobedeleted and must not appear.
    const QByteArray expected =
        "SchoolYear,SectionId,SectionCode,SectionTitle,CourseId,CourseCode,CourseTitle,SchoolId,"
        "SchoolName,SchoolCode,Terms,Periods,Location,TeacherIds,TeacherNames,StudentCount\r\n"
        "2023,cls-222-123456,Phys 100 - 1,Introduction to Physics,crs-222-2023-456-12345,,,"
        "org-sch-222-456,History Department,History,Session Title,1,Room 2-B,usr-222-123456,"
        "John Doe,2\r\n";
    QCOMPARE(runSections(), expected);
}

void tst_EndToEnd::rejectedBundleChangesNothing()
{
    HUB_REQUIRE_SAMPLE(zip, "catalyst-moodle-v1p2-full/v1p2_full_dataset.zip");
    const QVariantList before = storeSnapshot();
    const QByteArray fileBefore = runSections();

    const QJsonObject run = upload(zip);
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 9);
    QVERIFY(run.value(QStringLiteral("message")).toString().contains(QStringLiteral("nothing was loaded")));
    QStringList errors;
    const QJsonArray log = run.value(QStringLiteral("log")).toArray();
    for (const QJsonValue &line : log) {
        if (line[QStringLiteral("level")].toString() == QLatin1String("error"))
            errors.append(line[QStringLiteral("message")].toString());
    }
    const QString joined = errors.join(QLatin1Char('\n'));
    QVERIFY2(joined.contains(QStringLiteral("users.csv line 2, column dateLastModified, value \"1/05/2023\"")),
             qPrintable(joined));

    // The run's files offer the uploaded bundle and the validation report, which lists the
    // same finding.
    const qint64 runId = run.value(QStringLiteral("id")).toInteger();
    const ApiReply files = m_api->get(QStringLiteral("/api/v1/runs/%1/files").arg(runId));
    QCOMPARE(files.status, 200);
    const QJsonArray fileArray = files.json.value(QStringLiteral("files")).toArray();
    QCOMPARE(fileArray.size(), 2);
    QCOMPARE(fileArray.at(0)[QStringLiteral("kind")].toString(), QStringLiteral("input"));
    QCOMPARE(fileArray.at(1)[QStringLiteral("kind")].toString(), QStringLiteral("validation-report"));
    const QString reportUrl = fileArray.at(1)[QStringLiteral("url")].toString();
    QCOMPARE(reportUrl, QStringLiteral("/api/v1/runs/%1/validation.csv").arg(runId));
    const ApiReply report = m_api->get(reportUrl);
    QCOMPARE(report.status, 200);
    QVERIFY2(report.body.contains("1/05/2023"), report.body.left(400).constData());
    const ApiReply input = m_api->get(QStringLiteral("/api/v1/runs/%1/files/%2")
                                          .arg(runId)
                                          .arg(fileArray.at(0)[QStringLiteral("name")].toString()));
    QCOMPARE(input.status, 200);
    QCOMPARE(input.body.size(), fileArray.at(0)[QStringLiteral("bytes")].toInteger());

    QCOMPARE(storeSnapshot(), before);
    QCOMPARE(runSections(), fileBefore);
}

QTEST_GUILESS_MAIN(tst_EndToEnd)
#include "tst_endtoend.moc"
