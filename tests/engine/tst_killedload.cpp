// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// A bundle load cut off by killing hubd in the middle of its transaction: the store keeps what
// it had, and the run is failed when the engine starts again.

#include "testdatabase.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <archive.h>
#include <archive_entry.h>

#include <csignal>

namespace {

const QByteArray token = "killed-load-test-token-0123456789";

// Zips the files of a folder, flat, with libarchive.
bool zipFolder(const QString &folder, const QString &zipPath)
{
    archive *zip = archive_write_new();
    archive_write_set_format_zip(zip);
    if (archive_write_open_filename(zip, QFile::encodeName(zipPath).constData()) != ARCHIVE_OK)
        return false;
    const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files);
    for (const QFileInfo &info : files) {
        QFile file(info.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly))
            return false;
        const QByteArray data = file.readAll();
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, info.fileName().toUtf8().constData());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_entry_set_size(entry, data.size());
        archive_write_header(zip, entry);
        archive_write_data(zip, data.constData(), size_t(data.size()));
        archive_entry_free(entry);
    }
    archive_write_close(zip);
    archive_write_free(zip);
    return true;
}

} // namespace

class tst_KilledLoad final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedLoadChangesNothing();

private:
    QSqlDatabase openStore(const QString &connectionName, const QString &dataDir,
                           bool readOnly) const;
    QUrl startEngine(QProcess &hubd, const QString &dataDir, bool demo);
    QJsonObject request(const QByteArray &method, const QUrl &url, const QByteArray &body = {});
    QString snapshot(const QString &dataDir);

    QNetworkAccessManager m_network;
    // Empty on SQLite, where the store is hub.sqlite in the data folder.
    QString m_databaseUrl;
};

void tst_KilledLoad::initTestCase()
{
    HUB_REQUIRE_TEST_DATABASE();
    if (hubtest::onPostgres()) {
        m_databaseUrl = hubtest::testDatabase(QString());
        QVERIFY(!m_databaseUrl.isEmpty());
    }
}

// A connection to the engine's store, opened beside the engine.
QSqlDatabase tst_KilledLoad::openStore(const QString &connectionName, const QString &dataDir,
                                       bool readOnly) const
{
    if (!m_databaseUrl.isEmpty()) {
        const QUrl url(m_databaseUrl);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        db.open();
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("hub.sqlite")));
    if (readOnly)
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    db.open();
    return db;
}

QUrl tst_KilledLoad::startEngine(QProcess &hubd, const QString &dataDir, bool demo)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HUBD_ADMIN_TOKEN"), QString::fromLatin1(token));
    hubd.setProcessEnvironment(environment);
    QStringList arguments = {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                             QStringLiteral("--data-dir"), dataDir};
    if (demo)
        arguments.append(QStringLiteral("--demo"));
    if (!m_databaseUrl.isEmpty())
        arguments += {QStringLiteral("--database"), m_databaseUrl};
    hubd.start(QStringLiteral(HUBD_PATH), arguments);
    if (!hubd.waitForStarted(10000))
        return {};
    QByteArray output;
    static const QRegularExpression listening(
        QStringLiteral("hubd listening on (http://127\\.0\\.0\\.1:\\d+)"));
    for (int attempt = 0; attempt < 100; ++attempt) {
        hubd.waitForReadyRead(300);
        output += hubd.readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch())
            return QUrl(match.captured(1));
    }
    return {};
}

QJsonObject tst_KilledLoad::request(const QByteArray &method, const QUrl &url,
                                    const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/zip"));
    std::unique_ptr<QNetworkReply> reply(m_network.sendCustomRequest(request, method, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(30000))
        return {};
    return QJsonDocument::fromJson(reply->readAll()).object();
}

// Summarizes each roster table as its row count and a hash of its ids and statuses.
QString tst_KilledLoad::snapshot(const QString &dataDir)
{
    QString text;
    {
        QSqlDatabase db = openStore(QStringLiteral("snapshot"), dataDir, true);
        if (db.isOpen()) {
            for (const QString &table :
                 {QStringLiteral("orgs"), QStringLiteral("users"), QStringLiteral("user_roles"),
                  QStringLiteral("enrollments"), QStringLiteral("classes")}) {
                // SQLite 3.40 has no string_agg, and PostgreSQL has no group_concat.
                const QString concat = m_databaseUrl.isEmpty()
                                           ? QStringLiteral("group_concat(sourced_id || status)")
                                           : QStringLiteral("string_agg(sourced_id || status, "
                                                            "',' ORDER BY sourced_id)");
                QSqlQuery query(db);
                query.exec(QStringLiteral("SELECT count(*), %1 FROM (SELECT sourced_id, status "
                                          "FROM %2 ORDER BY sourced_id) sorted")
                               .arg(concat, table));
                if (query.next())
                    text += table + QLatin1Char(' ') + query.value(0).toString() + QLatin1Char(' ')
                            + QString::number(qHash(query.value(1).toString())) + QLatin1Char('\n');
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("snapshot"));
    return text;
}

void tst_KilledLoad::killedLoadChangesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    const QString bundle = dir.filePath(QStringLiteral("bundle"));
    QProcess generate;
    generate.start(QStringLiteral(HUBD_PATH),
                   {QStringLiteral("generate-district"), QStringLiteral("--out"), bundle,
                    QStringLiteral("--schools"), QStringLiteral("10"),
                    QStringLiteral("--students-per-school"), QStringLiteral("2000")});
    QVERIFY(generate.waitForFinished(120000));
    QCOMPARE(generate.exitCode(), 0);
    const QString zip = dir.filePath(QStringLiteral("big.zip"));
    QVERIFY(zipFolder(bundle, zip));
    QFile zipFile(zip);
    QVERIFY(zipFile.open(QIODevice::ReadOnly));

    QProcess hubd;
    const QUrl base = startEngine(hubd, dataDir, true);
    QVERIFY(base.isValid());
    const QString before = snapshot(dataDir);
    QVERIFY2(before.contains(QStringLiteral("users 634 ")), qPrintable(before));

    // The new district replaces every demo record, which the mass-change guard would hold.
    QUrl integration = base;
    integration.setPath(QStringLiteral("/api/v1/integrations/3/files"));
    integration.setQuery(QStringLiteral("fileName=big.zip"));
    {
        QSqlDatabase db = openStore(QStringLiteral("limit"), dataDir, false);
        QVERIFY(db.isOpen());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE integrations SET delete_limit_percent = 100")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("limit"));

    const QJsonObject queued = request("POST", integration, zipFile.readAll());
    const qint64 runId = queued.value(QStringLiteral("id")).toInteger();
    QVERIFY(runId > 0);

    QUrl run = base;
    run.setPath(QStringLiteral("/api/v1/runs/%1").arg(runId));
    bool loading = false;
    for (int attempt = 0; attempt < 1200 && !loading; ++attempt) {
        const QJsonObject state = request("GET", run);
        loading = state.value(QStringLiteral("currentPhase")).toString() == QLatin1String("Load")
                  && state.value(QStringLiteral("status")).toInt() == 1;
        if (!loading)
            QTest::qWait(25);
    }
    QVERIFY2(loading, "The run never reached its Load phase.");
    QTest::qWait(200);
    ::kill(pid_t(hubd.processId()), SIGKILL);
    QVERIFY(hubd.waitForFinished(10000));

    QCOMPARE(snapshot(dataDir), before);

    QProcess restarted;
    const QUrl again = startEngine(restarted, dataDir, false);
    QVERIFY(again.isValid());
    run.setHost(again.host());
    run.setPort(again.port());
    const QJsonObject failed = request("GET", run);
    QCOMPARE(failed.value(QStringLiteral("status")).toInt(), 9);
    QCOMPARE(snapshot(dataDir), before);
    ::kill(pid_t(restarted.processId()), SIGTERM);
    QVERIFY(restarted.waitForFinished(15000));
}

QTEST_GUILESS_MAIN(tst_KilledLoad)
#include "tst_killedload.moc"
