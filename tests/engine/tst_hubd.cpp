// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The hubd executable as an operator meets it: command line, configuration file, start-up line,
// token handling, a clean stop on SIGTERM, the backup and restore commands, and the user
// commands that give an account roles in several districts.

#include "testdatabase.h"
#include "tlsfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

class tst_Hubd final : public QObject
{
    Q_OBJECT

private slots:
    void helpDocumentsEveryOption();
    void invalidListenIsRejected_data();
    void invalidListenIsRejected();
    void plainHttpOffLoopbackIsRejected();
    void startsServesAndStopsOnSigterm();
    void writesTokenFileWhenUnset();
    void generatesDistrictBundle();
    void generatorHelpShowsDefaults();
    void secondEngineOnSameFolderIsRejected();
    void unknownTimeZoneIsRejected();
    void generatorRejectsNonNumbers();
    void servesHttpsWithCertificate();
    void tlsStartErrors_data();
    void tlsStartErrors();
    void configFileSetsOptions();
    void badConfigFileIsRejected_data();
    void badConfigFileIsRejected();
    void backupAndRestoreAroundRunningEngine();
    void backupAndRestoreNeedTheirOptions_data();
    void backupAndRestoreNeedTheirOptions();
    void invalidDatabaseIsRejected_data();
    void invalidDatabaseIsRejected();
    void migrateStoreRejectsBadArguments_data();
    void migrateStoreRejectsBadArguments();
    void createdFilesAreOwnerOnly();
    void migrateStoreLeavesOlderSourceAlone();
    void userGrantAndRevokeDistricts();
    void userGrantAndRevokeRejectBadInput_data();
    void userGrantAndRevokeRejectBadInput();
    void userCommandsUsePostgres();

private:
    // Creates the store in dataDir with districts 1 and 2, jdoe as operator in district 1 and
    // ada as statewide administrator. Returns false when a step fails.
    static bool prepareUserStore(const QString &dataDir, const QString &passwordFile);
    static QString hubdPath() { return QStringLiteral(HUBD_PATH); }
    static int httpStatus(const QUrl &url, const QByteArray &token);
    // Starts hubd with arguments and returns its base URL once it listens; empty on failure.
    static QUrl startEngine(QProcess &hubd, const QStringList &arguments);
    // Runs hubd to completion and returns its exit code; output receives stdout and stderr.
    static int runHubd(const QStringList &arguments, QString *output = nullptr);
    static void writeFile(const QString &path, const QByteArray &contents);
};

QUrl tst_Hubd::startEngine(QProcess &hubd, const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HUBD_ADMIN_TOKEN"), QStringLiteral("backup-test-token-0123456789"));
    hubd.setProcessEnvironment(environment);
    hubd.start(hubdPath(), arguments);
    if (!hubd.waitForStarted(10000))
        return {};
    static const QRegularExpression listening(QStringLiteral("hubd listening on (http://[0-9.:]+)"));
    QByteArray output;
    for (int attempt = 0; attempt < 100; ++attempt) {
        hubd.waitForReadyRead(300);
        output += hubd.readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch())
            return QUrl(match.captured(1));
        if (hubd.state() == QProcess::NotRunning)
            break;
    }
    qWarning() << "hubd did not start:" << output << hubd.readAllStandardError();
    return {};
}

int tst_Hubd::runHubd(const QStringList &arguments, QString *output)
{
    QProcess hubd;
    hubd.start(hubdPath(), arguments);
    if (!hubd.waitForFinished(60000))
        return -1;
    if (output)
        *output = QString::fromUtf8(hubd.readAllStandardOutput() + hubd.readAllStandardError());
    return hubd.exitStatus() == QProcess::NormalExit ? hubd.exitCode() : -1;
}

void tst_Hubd::writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
}

int tst_Hubd::httpStatus(const QUrl &url, const QByteArray &token)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

void tst_Hubd::helpDocumentsEveryOption()
{
    QProcess hubd;
    hubd.start(hubdPath(), {QStringLiteral("--help")});
    QVERIFY(hubd.waitForFinished(10000));
    QCOMPARE(hubd.exitCode(), 0);
    const QString help = QString::fromUtf8(hubd.readAllStandardOutput());
    const QStringList options = {QStringLiteral("--listen"), QStringLiteral("--data-dir"),
                                 QStringLiteral("--demo"), QStringLiteral("--workers"),
                                 QStringLiteral("--request-threads"),
                                 QStringLiteral("--oneroster-cache-mb"),
                                 QStringLiteral("--overlap-bundle-loads"),
                                 QStringLiteral("--time-zone"), QStringLiteral("--verbose"),
                                 QStringLiteral("--tls-cert"), QStringLiteral("--tls-key"),
                                 QStringLiteral("--max-connections"),
                                 QStringLiteral("--max-upload-mib"), QStringLiteral("--config"),
                                 QStringLiteral("HUBD_ADMIN_TOKEN"),
                                 QStringLiteral("generate-district"), QStringLiteral("hubd backup"),
                                 QStringLiteral("hubd restore"), QStringLiteral("--database"),
                                 QStringLiteral("--database-password-file"),
                                 QStringLiteral("--run-lease"), QStringLiteral("migrate-store")};
    for (const QString &option : options)
        QVERIFY2(help.contains(option), qPrintable(option));
}

void tst_Hubd::invalidListenIsRejected_data()
{
    QTest::addColumn<QString>("listen");
    QTest::newRow("no port") << "127.0.0.1";
    QTest::newRow("port too large") << "127.0.0.1:70000";
    QTest::newRow("host name") << "localhost:0";
    QTest::newRow("port text") << "127.0.0.1:http";
}

void tst_Hubd::invalidListenIsRejected()
{
    QFETCH(QString, listen);
    QTemporaryDir dir;
    QProcess hubd;
    hubd.start(hubdPath(), {QStringLiteral("--listen"), listen, QStringLiteral("--data-dir"), dir.path()});
    QVERIFY(hubd.waitForFinished(10000));
    QCOMPARE(hubd.exitCode(), 2);
    const QString error = QString::fromUtf8(hubd.readAllStandardError());
    QVERIFY2(error.contains(QStringLiteral("--listen must be HOST:PORT")), qPrintable(error));
    QVERIFY(error.contains(listen));
}

void tst_Hubd::plainHttpOffLoopbackIsRejected()
{
    // hubd must reject the address before it binds it, so 0.0.0.0 is never served here. A
    // hubd that did start is killed after the short wait below.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess hubd;
    hubd.start(hubdPath(), {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                            QStringLiteral("--data-dir"), dir.path()});
    const bool finished = hubd.waitForFinished(5000);
    if (!finished) {
        hubd.kill();
        hubd.waitForFinished(5000);
    }
    QVERIFY2(finished, "hubd kept running on 0.0.0.0 without TLS");
    QCOMPARE(hubd.exitStatus(), QProcess::NormalExit);
    QCOMPARE(hubd.exitCode(), 2);
    const QString error = QString::fromUtf8(hubd.readAllStandardError());
    QVERIFY2(error.contains(QStringLiteral("--listen is 0.0.0.0, which is not a loopback "
                                           "address")),
             qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("Give --tls-cert and --tls-key")), qPrintable(error));
    QVERIFY(!hubd.readAllStandardOutput().contains("hubd listening on"));
    // The check runs before hubd writes a token file or opens the store.
    QVERIFY(QDir(dir.path()).isEmpty());
}

void tst_Hubd::invalidDatabaseIsRejected_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not a URL") << QStringList{QStringLiteral("--database"), QStringLiteral("/tmp/x.sqlite")}
                               << "--database must be a URL postgresql://";
    QTest::newRow("password in URL")
        << QStringList{QStringLiteral("--database"), QStringLiteral("postgresql://u:secret@127.0.0.1:1/db")}
        << "must not contain a password";
    QTest::newRow("no database name")
        << QStringList{QStringLiteral("--database"), QStringLiteral("postgresql://u@127.0.0.1:1")}
        << "must name a host and a database";
    QTest::newRow("missing password file")
        << QStringList{QStringLiteral("--database"), QStringLiteral("postgresql://u@127.0.0.1:1/db"),
                       QStringLiteral("--database-password-file"), QStringLiteral("/nonexistent/pw")}
        << "Cannot read the database password file";
    QTest::newRow("lease too short") << QStringList{QStringLiteral("--run-lease"), QStringLiteral("1")}
                                     << "--run-lease must be";
}

void tst_Hubd::invalidDatabaseIsRejected()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QProcess hubd;
    hubd.start(hubdPath(), QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                       QStringLiteral("--data-dir"), dir.path()}
                               + arguments);
    QVERIFY(hubd.waitForFinished(10000));
    QCOMPARE(hubd.exitCode(), 2);
    const QString error = QString::fromUtf8(hubd.readAllStandardError());
    QVERIFY2(error.contains(expected), qPrintable(error));
    // A password given in the URL is never echoed back.
    QVERIFY(!error.contains(QStringLiteral("secret")));
}

void tst_Hubd::migrateStoreRejectsBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no target") << QStringList{QStringLiteral("--from"), QStringLiteral("x")}
                               << "--from and --to are required";
    QTest::newRow("missing source")
        << QStringList{QStringLiteral("--from"), QStringLiteral("/nonexistent/hub.sqlite"),
                       QStringLiteral("--to"), QStringLiteral("postgresql://u@127.0.0.1:1/db")}
        << "does not exist";
}

void tst_Hubd::migrateStoreRejectsBadArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QProcess hubd;
    hubd.start(hubdPath(), QStringList{QStringLiteral("migrate-store")} + arguments);
    QVERIFY(hubd.waitForFinished(10000));
    QCOMPARE(hubd.exitCode(), 2);
    const QString error = QString::fromUtf8(hubd.readAllStandardError());
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void tst_Hubd::migrateStoreLeavesOlderSourceAlone()
{
    // A store that an engine with only the first migration wrote.
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("old.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(source);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE schema_migrations (version INTEGER "
                                          "PRIMARY KEY, applied_at TEXT NOT NULL)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO schema_migrations VALUES (1, 'x')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    QFile file(source);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    QProcess hubd;
    hubd.start(hubdPath(), {QStringLiteral("migrate-store"), QStringLiteral("--from"), source,
                            QStringLiteral("--to"), QStringLiteral("postgresql://u@127.0.0.1:1/db")});
    QVERIFY(hubd.waitForFinished(10000));
    QCOMPARE(hubd.exitCode(), 1);
    const QString error = QString::fromUtf8(hubd.readAllStandardError());
    QVERIFY2(error.contains(QStringLiteral("older than this hubd")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("Upgrade a copy first")), qPrintable(error));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("old.sqlite")});
}

void tst_Hubd::startsServesAndStopsOnSigterm()
{
    QTemporaryDir dir;
    const QByteArray token = "process-test-token-0123456789";
    QProcess hubd;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HUBD_ADMIN_TOKEN"), QString::fromLatin1(token));
    hubd.setProcessEnvironment(environment);
    hubd.start(hubdPath(), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--demo")});
    QVERIFY(hubd.waitForStarted(10000));

    QByteArray output;
    static const QRegularExpression listening(QStringLiteral("^hubd listening on (http://127\\.0\\.0\\.1:\\d+)$"));
    QRegularExpressionMatch match;
    for (int attempt = 0; attempt < 100 && !match.hasMatch(); ++attempt) {
        hubd.waitForReadyRead(300);
        output += hubd.readAllStandardOutput();
        match = listening.match(QString::fromUtf8(output).trimmed());
    }
    QVERIFY2(match.hasMatch(), output.constData());
    const QUrl base(match.captured(1));

    QUrl health = base;
    health.setPath(QStringLiteral("/api/v1/health"));
    QCOMPARE(httpStatus(health, {}), 401);
    QCOMPARE(httpStatus(health, token), 200);

    ::kill(pid_t(hubd.processId()), SIGTERM);
    QVERIFY(hubd.waitForFinished(15000));
    QCOMPARE(hubd.exitStatus(), QProcess::NormalExit);
    QCOMPARE(hubd.exitCode(), 0);
    const QByteArray log = hubd.readAllStandardError();
    QVERIFY2(log.contains("hubd stopped"), log.constData());
    QVERIFY(!log.contains(token));
    QVERIFY(QFileInfo::exists(QDir(dir.path()).filePath(QStringLiteral("hub.sqlite"))));
}

void tst_Hubd::writesTokenFileWhenUnset()
{
    QTemporaryDir dir;
    QProcess hubd;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("HUBD_ADMIN_TOKEN"));
    hubd.setProcessEnvironment(environment);
    hubd.start(hubdPath(), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--data-dir"), dir.path()});
    QVERIFY(hubd.waitForStarted(10000));
    QByteArray output;
    for (int attempt = 0; attempt < 100 && !output.contains("listening"); ++attempt) {
        hubd.waitForReadyRead(300);
        output += hubd.readAllStandardOutput();
    }
    hubd.terminate();
    QVERIFY(hubd.waitForFinished(15000));

    QFile tokenFile(QDir(dir.path()).filePath(QStringLiteral("admin-token")));
    QVERIFY(tokenFile.open(QIODevice::ReadOnly));
    const QByteArray token = tokenFile.readAll().trimmed();
    QCOMPARE(token.size(), 64);
    QCOMPARE(tokenFile.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    const QByteArray everything = output + hubd.readAllStandardOutput() + hubd.readAllStandardError();
    QVERIFY(!everything.contains(token));
}

void tst_Hubd::generatesDistrictBundle()
{
    QTemporaryDir dir;
    QProcess hubd;
    hubd.start(hubdPath(), {QStringLiteral("generate-district"), QStringLiteral("--out"), dir.path(),
                            QStringLiteral("--schools"), QStringLiteral("2"),
                            QStringLiteral("--students-per-school"), QStringLiteral("50")});
    QVERIFY(hubd.waitForFinished(30000));
    QCOMPARE(hubd.exitCode(), 0);
    const QString output = QString::fromUtf8(hubd.readAllStandardOutput());
    QVERIFY2(output.contains(QStringLiteral("users.csv: ")), qPrintable(output));
    QVERIFY(QFileInfo::exists(QDir(dir.path()).filePath(QStringLiteral("manifest.csv"))));
    QVERIFY(QFileInfo::exists(QDir(dir.path()).filePath(QStringLiteral("enrollments.csv"))));
    // Assessment results are not a OneRoster file, so they stay out of the bundle.
    QVERIFY(!QFileInfo::exists(QDir(dir.path()).filePath(QStringLiteral("assessmentResults.csv"))));
    QVERIFY2(!output.contains(QStringLiteral("assessmentResults.csv")), qPrintable(output));

    QTemporaryDir withResults;
    const QString resultsFile = withResults.filePath(QStringLiteral("scores/results.csv"));
    QProcess results;
    results.start(hubdPath(), {QStringLiteral("generate-district"), QStringLiteral("--out"),
                               withResults.filePath(QStringLiteral("bundle")),
                               QStringLiteral("--students-per-school"), QStringLiteral("20"),
                               QStringLiteral("--assessment-results"), resultsFile});
    QVERIFY(results.waitForFinished(30000));
    QCOMPARE(results.exitCode(), 0);
    QVERIFY2(results.readAllStandardOutput().contains("results.csv: "), "no results file listed");
    QFile resultsCsv(resultsFile);
    QVERIFY(resultsCsv.open(QIODevice::ReadOnly));
    QCOMPARE(resultsCsv.readLine().trimmed(),
             QByteArray("studentSourcedId,schoolYear,assessment,subject,testDate,scaleScore,"
                        "performanceLevel"));
    QVERIFY(
        !QFileInfo::exists(withResults.filePath(QStringLiteral("bundle/assessmentResults.csv"))));

    QProcess missing;
    missing.start(hubdPath(), {QStringLiteral("generate-district")});
    QVERIFY(missing.waitForFinished(10000));
    QCOMPARE(missing.exitCode(), 2);
    QVERIFY(missing.readAllStandardError().contains("--out is required"));
}

void tst_Hubd::secondEngineOnSameFolderIsRejected()
{
    QTemporaryDir dir;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HUBD_ADMIN_TOKEN"), QStringLiteral("lock-test-token-0123456789"));
    const QStringList arguments = {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                   QStringLiteral("--data-dir"), dir.path()};
    QProcess first;
    first.setProcessEnvironment(environment);
    first.start(hubdPath(), arguments);
    QByteArray output;
    for (int attempt = 0; attempt < 100 && !output.contains("listening"); ++attempt) {
        first.waitForReadyRead(300);
        output += first.readAllStandardOutput();
    }
    QVERIFY(output.contains("listening"));

    QProcess second;
    second.setProcessEnvironment(environment);
    second.start(hubdPath(), arguments);
    QVERIFY(second.waitForFinished(15000));
    QCOMPARE(second.exitCode(), 1);
    const QString error = QString::fromUtf8(second.readAllStandardError());
    QVERIFY2(error.contains(QStringLiteral("is in use by another hubd (process %1").arg(first.processId())),
             qPrintable(error));

    first.terminate();
    QVERIFY(first.waitForFinished(15000));
    // With the first engine gone, the folder is free again.
    QProcess third;
    third.setProcessEnvironment(environment);
    third.start(hubdPath(), arguments);
    output.clear();
    for (int attempt = 0; attempt < 100 && !output.contains("listening"); ++attempt) {
        third.waitForReadyRead(300);
        output += third.readAllStandardOutput();
    }
    QVERIFY(output.contains("listening"));
    third.terminate();
    QVERIFY(third.waitForFinished(15000));
}

void tst_Hubd::unknownTimeZoneIsRejected()
{
    QTemporaryDir dir;
    QProcess hubd;
    hubd.start(hubdPath(), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--time-zone"),
                            QStringLiteral("Mars/Olympus")});
    QVERIFY(hubd.waitForFinished(15000));
    QCOMPARE(hubd.exitCode(), 2);
    const QByteArray error = hubd.readAllStandardError();
    QVERIFY2(error.contains("--time-zone \"Mars/Olympus\" is not a known time zone"), error.constData());
    QVERIFY(!QFileInfo::exists(QDir(dir.path()).filePath(QStringLiteral("hub.sqlite"))));
}

void tst_Hubd::generatorHelpShowsDefaults()
{
    QProcess hubd;
    hubd.start(hubdPath(), {QStringLiteral("generate-district"), QStringLiteral("--help")});
    QVERIFY(hubd.waitForFinished(10000));
    QCOMPARE(hubd.exitCode(), 0);
    // The parser wraps long descriptions, so runs of white space count as one space.
    const QString help = QString::fromUtf8(hubd.readAllStandardOutput()).simplified();
    const QStringList expected
        = {QStringLiteral("Folder to write the bundle to. Required."),
           QStringLiteral("Number of schools. Default: 3."),
           QStringLiteral("Students in each school. Default: 200."),
           QStringLiteral("Teachers in each school. Default: 10."),
           QStringLiteral("Ending calendar year of the school year. Default: 2027."),
           QStringLiteral("the same seed gives the same files. Default: 1."),
           QStringLiteral("so a bundle load warns about them. Default: none.")};
    for (const QString &text : expected)
        QVERIFY2(help.contains(text), qPrintable(text + QStringLiteral(" | ") + help));
}

void tst_Hubd::generatorRejectsNonNumbers()
{
    QTemporaryDir dir;
    QProcess hubd;
    hubd.start(hubdPath(), {QStringLiteral("generate-district"), QStringLiteral("--out"), dir.path(),
                            QStringLiteral("--schools"), QStringLiteral("abc"),
                            QStringLiteral("--seed"), QStringLiteral("-1")});
    QVERIFY(hubd.waitForFinished(15000));
    QCOMPARE(hubd.exitCode(), 2);
    const QByteArray error = hubd.readAllStandardError();
    QVERIFY2(error.contains("not a whole number: --schools \"abc\", --seed \"-1\""), error.constData());
}

void tst_Hubd::servesHttpsWithCertificate()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend on this system.");
    QTemporaryDir dir;
    const hubtest::TestPki pki = hubtest::makeTestPki(dir);
    QVERIFY2(pki.error.isEmpty(), qPrintable(pki.error));

    const QByteArray token = "tls-test-token-0123456789";
    QProcess hubd;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HUBD_ADMIN_TOKEN"), QString::fromLatin1(token));
    hubd.setProcessEnvironment(environment);
    hubd.start(hubdPath(), {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")),
                            QStringLiteral("--tls-cert"), pki.serverCertificateFile,
                            QStringLiteral("--tls-key"), pki.serverKeyFile});
    QVERIFY(hubd.waitForStarted(10000));

    QByteArray output;
    static const QRegularExpression listening(
        QStringLiteral("^hubd listening on (https://127\\.0\\.0\\.1:\\d+)$"));
    QRegularExpressionMatch match;
    for (int attempt = 0; attempt < 100 && !match.hasMatch(); ++attempt) {
        hubd.waitForReadyRead(300);
        output += hubd.readAllStandardOutput();
        match = listening.match(QString::fromUtf8(output).trimmed());
    }
    QVERIFY2(match.hasMatch(), output.constData());

    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(match.captured(1) + QStringLiteral("/api/v1/health")));
    request.setRawHeader("Authorization", "Bearer " + token);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({pki.caCertificate});
    request.setSslConfiguration(configuration);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    ::kill(pid_t(hubd.processId()), SIGTERM);
    QVERIFY(hubd.waitForFinished(15000));
    QCOMPARE(hubd.exitCode(), 0);
}

void tst_Hubd::tlsStartErrors_data()
{
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("key of another certificate")
        << QStringLiteral("server.crt") << QStringLiteral("other.key") << 1
        << QStringLiteral("does not belong to the certificate");
    QTest::newRow("unreadable certificate") << QStringLiteral("missing.crt")
                                            << QStringLiteral("server.key") << 2
                                            << QStringLiteral("which does not exist");
    QTest::newRow("certificate without key")
        << QStringLiteral("server.crt") << QString() << 2
        << QStringLiteral("HTTPS needs both --tls-cert and --tls-key");
}

void tst_Hubd::tlsStartErrors()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(int, exitCode);
    QFETCH(QString, message);

    QTemporaryDir dir;
    const hubtest::TestPki pki = hubtest::makeTestPki(dir);
    QVERIFY2(pki.error.isEmpty(), qPrintable(pki.error));
    QStringList arguments = {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                             QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data")),
                             QStringLiteral("--tls-cert"), dir.filePath(certificate)};
    if (!key.isEmpty())
        arguments << QStringLiteral("--tls-key") << dir.filePath(key);

    QProcess hubd;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HUBD_ADMIN_TOKEN"),
                       QStringLiteral("tls-test-token-0123456789"));
    hubd.setProcessEnvironment(environment);
    hubd.start(hubdPath(), arguments);
    QVERIFY(hubd.waitForFinished(15000));
    QCOMPARE(hubd.exitCode(), exitCode);
    const QString error = QString::fromUtf8(hubd.readAllStandardError());
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY(!hubd.readAllStandardOutput().contains("listening"));
}

void tst_Hubd::configFileSetsOptions()
{
    QTemporaryDir dir;
    const QString dataDir = QDir(dir.path()).filePath(QStringLiteral("data"));
    const QString config = QDir(dir.path()).filePath(QStringLiteral("hubd.conf"));
    writeFile(config, "# comment line\n\nlisten = 127.0.0.1:0\n  data-dir =  " + dataDir.toUtf8()
                          + "  \nworkers=1\ntime-zone = America/Chicago\n");

    QProcess hubd;
    const QUrl base = startEngine(hubd, {QStringLiteral("--config"), config});
    QVERIFY(base.isValid());
    QVERIFY(QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("hub.sqlite"))));
    hubd.terminate();
    QVERIFY(hubd.waitForFinished(15000));

    // An option on the command line wins over the file.
    QString output;
    QCOMPARE(runHubd({QStringLiteral("--config"), config, QStringLiteral("--workers"),
                      QStringLiteral("0")},
                     &output),
             2);
    QVERIFY2(output.contains(QStringLiteral("--workers must be")), qPrintable(output));
}

void tst_Hubd::badConfigFileIsRejected_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << QByteArray("listen = 127.0.0.1:0\nport = 80\n")
                                 << QStringLiteral(":2: unknown key \"port\"");
    QTest::newRow("no equals sign") << QByteArray("# hubd\nworkers 4\n")
                                    << QStringLiteral(":2: expected \"key = value\"");
    QTest::newRow("key twice") << QByteArray("workers = 1\nworkers = 2\n")
                               << QStringLiteral(":2: \"workers\" is set a second time");
    QTest::newRow("bad listen") << QByteArray("listen = localhost\n")
                                << QStringLiteral(":1: listen must be HOST:PORT");
    QTest::newRow("workers not a number") << QByteArray("# hubd\nworkers = many\n")
                                          << QStringLiteral(":2: workers must be a whole number");
    QTest::newRow("negative request threads")
        << QByteArray("listen = 127.0.0.1:0\nrequest-threads = -1\n")
        << QStringLiteral(":2: request-threads must be a whole number from 0 to 64");
    QTest::newRow("negative cache size")
        << QByteArray("listen = 127.0.0.1:0\noneroster-cache-mb = -1\n")
        << QStringLiteral(":2: oneroster-cache-mb must be a whole number of MiB from 0");
    QTest::newRow("cache size not a number")
        << QByteArray("oneroster-cache-mb = 1G\n")
        << QStringLiteral(":1: oneroster-cache-mb must be a whole number of MiB from 0");
    QTest::newRow("no connections") << QByteArray("listen = 127.0.0.1:0\nmax-connections = 0\n")
                                    << QStringLiteral(":2: max-connections must be");
    QTest::newRow("upload too large") << QByteArray("max-upload-mib = 99999\n")
                                      << QStringLiteral(":1: max-upload-mib must be");
    QTest::newRow("unknown time zone")
        << QByteArray("\n\ntime-zone = Mars/Olympus\n")
        << QStringLiteral(":3: time-zone \"Mars/Olympus\" is not a known time zone");
    QTest::newRow("certificate without key")
        << QByteArray("tls-cert = /etc/ssl/certs/hubd.pem\n")
        << QStringLiteral(":1: tls-cert is set, but HTTPS needs both");
    QTest::newRow("missing key file")
        << QByteArray("tls-cert = /etc/passwd\ntls-key = /nonexistent/hubd.key\n")
        << QStringLiteral(":2: tls-key names /nonexistent/hubd.key, which does not exist");
    QTest::newRow("missing file") << QByteArray() << QStringLiteral("Cannot read the configuration file");
}

void tst_Hubd::badConfigFileIsRejected()
{
    QFETCH(QByteArray, contents);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString config = QDir(dir.path()).filePath(QStringLiteral("hubd.conf"));
    if (!contents.isEmpty())
        writeFile(config, contents);

    QString output;
    QCOMPARE(runHubd({QStringLiteral("--config"), config, QStringLiteral("--data-dir"), dir.path()},
                     &output),
             2);
    QVERIFY2(output.contains(message), qPrintable(output));
    // A line number comes after the file's path.
    if (message.startsWith(QLatin1Char(':')))
        QVERIFY2(output.contains(config + message), qPrintable(output));
    QVERIFY(!QFileInfo::exists(QDir(dir.path()).filePath(QStringLiteral("hub.sqlite"))));
}

void tst_Hubd::backupAndRestoreAroundRunningEngine()
{
    QTemporaryDir dir;
    const QString dataDir = QDir(dir.path()).filePath(QStringLiteral("data"));
    const QString backupFile = QDir(dir.path()).filePath(QStringLiteral("hub-backup.sqlite"));
    const QStringList engineArguments = {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                         QStringLiteral("--data-dir"), dataDir, QStringLiteral("--demo")};
    QProcess hubd;
    QVERIFY(startEngine(hubd, engineArguments).isValid());

    // A backup while the engine runs.
    QString output;
    QCOMPARE(runHubd({QStringLiteral("backup"), QStringLiteral("--data-dir"), dataDir,
                      QStringLiteral("--out"), backupFile},
                     &output),
             0);
    QVERIFY2(output.contains(QStringLiteral("schema version")), qPrintable(output));
    QVERIFY(QFileInfo(backupFile).size() > 0);
    QCOMPARE(QFileInfo(backupFile).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());

    // The same file name a second time is refused, and so is a restore under a running engine.
    QCOMPARE(runHubd({QStringLiteral("backup"), QStringLiteral("--data-dir"), dataDir,
                      QStringLiteral("--out"), backupFile},
                     &output),
             1);
    QVERIFY2(output.contains(QStringLiteral("exists already")), qPrintable(output));
    QCOMPARE(runHubd({QStringLiteral("restore"), QStringLiteral("--data-dir"), dataDir,
                      QStringLiteral("--from"), backupFile},
                     &output),
             1);
    QVERIFY2(output.contains(QStringLiteral("stop it before restoring")), qPrintable(output));

    hubd.terminate();
    QVERIFY(hubd.waitForFinished(15000));
    QCOMPARE(runHubd({QStringLiteral("restore"), QStringLiteral("--data-dir"), dataDir,
                      QStringLiteral("--from"), backupFile},
                     &output),
             0);
    QVERIFY2(output.contains(QStringLiteral("The previous store is in")), qPrintable(output));

    // The engine starts on the restored store and responds.
    QProcess restarted;
    const QUrl base = startEngine(restarted, engineArguments);
    QVERIFY(base.isValid());
    QUrl health = base;
    health.setPath(QStringLiteral("/api/v1/health"));
    QCOMPARE(httpStatus(health, "backup-test-token-0123456789"), 200);
    restarted.terminate();
    QVERIFY(restarted.waitForFinished(15000));
}

void tst_Hubd::backupAndRestoreNeedTheirOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("backup without --out")
        << QStringList{QStringLiteral("backup"), QStringLiteral("--data-dir"), QStringLiteral("/tmp")}
        << QStringLiteral("--out is required");
    QTest::newRow("backup without a folder")
        << QStringList{QStringLiteral("backup"), QStringLiteral("--out"), QStringLiteral("/tmp/x")}
        << QStringLiteral("--data-dir or --config is required");
    QTest::newRow("restore without --from")
        << QStringList{QStringLiteral("restore"), QStringLiteral("--data-dir"), QStringLiteral("/tmp")}
        << QStringLiteral("--from is required");
}

void tst_Hubd::backupAndRestoreNeedTheirOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QString output;
    QCOMPARE(runHubd(arguments, &output), 2);
    QVERIFY2(output.contains(message), qPrintable(output));
}

void tst_Hubd::createdFilesAreOwnerOnly()
{
    // A hand-started hubd under the common umask 022 still keeps its files to its own user.
    const mode_t previous = ::umask(022);
    QTemporaryDir dir;
    const QString dataDir = QDir(dir.path()).filePath(QStringLiteral("data"));
    const QString outDir = QDir(dir.path()).filePath(QStringLiteral("out/district"));
    QProcess hubd;
    const QUrl base = startEngine(hubd, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                         QStringLiteral("--data-dir"), dataDir,
                                         QStringLiteral("--demo"), QStringLiteral("--workers"),
                                         QStringLiteral("1")});
    ::umask(previous);
    QVERIFY(base.isValid());

    QNetworkAccessManager network;
    const auto send = [&](const QByteArray &method, const QString &path, const QByteArray &body,
                          const QByteArray &contentType) {
        QUrl url = base;
        const qsizetype question = path.indexOf(QLatin1Char('?'));
        url.setPath(path.left(question));
        if (question >= 0)
            url.setQuery(path.mid(question + 1));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer backup-test-token-0123456789");
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, method, body));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(10000);
        return QJsonDocument::fromJson(reply->readAll()).object();
    };
    // The demo's inbound integration 3 stores the upload; a folder destination's connection
    // test creates its folder.
    const QJsonObject upload = send("POST", QStringLiteral("/api/v1/integrations/3/files?fileName=orgs.csv"),
                                    "sourcedId\r\n", "text/csv");
    QVERIFY2(upload.value(QStringLiteral("id")).toInteger() > 0,
             QJsonDocument(upload).toJson().constData());
    const QJsonObject destination = send(
        "POST", QStringLiteral("/api/v1/destinations"),
        QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Owner Only")},
                                  {QStringLiteral("kind"), QStringLiteral("folder")},
                                  {QStringLiteral("settings"),
                                   QJsonObject{{QStringLiteral("path"), outDir}}}})
            .toJson(),
        "application/json");
    const qint64 destinationId = destination.value(QStringLiteral("id")).toInteger();
    QVERIFY(destinationId > 0);
    send("POST", QStringLiteral("/api/v1/destinations/%1/test").arg(destinationId), {},
         "application/json");
    hubd.terminate();
    QVERIFY(hubd.waitForFinished(15000));

    const auto mode = [](const QString &path) {
        struct stat status {};
        return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? int(status.st_mode & 0777)
                                                                         : -1;
    };
    const QDir data(dataDir);
    QCOMPARE(mode(dataDir), 0700);
    QCOMPARE(mode(data.filePath(QStringLiteral("hub.sqlite"))), 0600);
    QCOMPARE(mode(data.filePath(QStringLiteral("secret.key"))), 0600);
    QCOMPARE(mode(data.filePath(QStringLiteral("node-id"))), 0600);
    const QString uploads = data.filePath(QStringLiteral("inbound/integration-3"));
    QCOMPARE(mode(data.filePath(QStringLiteral("inbound"))), 0700);
    QCOMPARE(mode(uploads), 0700);
    // Each upload is stored under its own name in a folder of its own.
    const QStringList folders = QDir(uploads).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(folders.size(), 1);
    const QString folder = QDir(uploads).filePath(folders.first());
    QCOMPARE(mode(folder), 0700);
    const QStringList stored = QDir(folder).entryList(QDir::Files);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(mode(QDir(folder).filePath(stored.first())), 0600);
    QCOMPARE(mode(QDir(dir.path()).filePath(QStringLiteral("out"))), 0700);
    QCOMPARE(mode(outDir), 0700);
}

bool tst_Hubd::prepareUserStore(const QString &dataDir, const QString &passwordFile)
{
    QFile password(passwordFile);
    if (!password.open(QIODevice::WriteOnly) || password.write("correct horse battery staple\n") < 0)
        return false;
    password.close();
    // Listing the users of a new data folder creates the store.
    if (runHubd({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data-dir"), dataDir}) != 0)
        return false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("users"));
        db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("hub.sqlite")));
        if (!db.open())
            return false;
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("INSERT INTO districts(id, name, created_at) VALUES "
                                       "(1, 'Lakeshore', '2026-12-01T00:00:00Z'), "
                                       "(2, 'Riverside', '2026-12-01T00:00:00Z')")))
            return false;
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("users"));
    const QStringList common{QStringLiteral("--password-file"), passwordFile,
                             QStringLiteral("--data-dir"), dataDir};
    return runHubd(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("jdoe"),
                               QStringLiteral("--role"), QStringLiteral("operator"),
                               QStringLiteral("--district"), QStringLiteral("1")}
                   + common)
               == 0
           && runHubd(QStringList{QStringLiteral("user"), QStringLiteral("add"),
                                  QStringLiteral("ada"), QStringLiteral("--statewide")}
                      + common)
                  == 0;
}

void tst_Hubd::userGrantAndRevokeDistricts()
{
    QTemporaryDir dir;
    const QString dataDir = QDir(dir.path()).filePath(QStringLiteral("data"));
    const QString passwordFile = dir.filePath(QStringLiteral("password"));
    QVERIFY(prepareUserStore(dataDir, passwordFile));
    const QStringList where{QStringLiteral("--data-dir"), dataDir};
    const QStringList grantJdoe{QStringLiteral("user"), QStringLiteral("grant"), QStringLiteral("jdoe")};
    const QStringList revokeJdoe{QStringLiteral("user"), QStringLiteral("revoke"), QStringLiteral("jdoe")};

    // A second "add" of the same name points to grant.
    QString output;
    QCOMPARE(runHubd(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("jdoe"),
                                 QStringLiteral("--role"), QStringLiteral("viewer"),
                                 QStringLiteral("--district"), QStringLiteral("2"),
                                 QStringLiteral("--password-file"), passwordFile}
                         + where,
                     &output),
             1);
    QVERIFY2(output.contains(QLatin1String("already exists")), qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("hubd user grant jdoe")), qPrintable(output));

    QCOMPARE(runHubd(grantJdoe + QStringList{QStringLiteral("--district"), QStringLiteral("2"),
                                             QStringLiteral("--role"), QStringLiteral("viewer")}
                         + where,
                     &output),
             0);
    QCOMPARE(output, QStringLiteral("User jdoe is now viewer in district 2.\n"));
    QCOMPARE(runHubd(grantJdoe + QStringList{QStringLiteral("--district"), QStringLiteral("2"),
                                             QStringLiteral("--role"), QStringLiteral("operator")}
                         + where,
                     &output),
             0);
    QCOMPARE(output, QStringLiteral("User jdoe is now operator in district 2 (was viewer).\n"));
    QCOMPARE(runHubd(QStringList{QStringLiteral("user"), QStringLiteral("list")} + where, &output), 0);
    QVERIFY2(output.contains(QLatin1String("jdoe\t\toperator in district 1, operator in district 2")),
             qPrintable(output));

    QCOMPARE(runHubd(revokeJdoe + QStringList{QStringLiteral("--district"), QStringLiteral("2")} + where,
                     &output),
             0);
    QCOMPARE(output, QStringLiteral("User jdoe no longer has a role in district 2 (was operator).\n"));
    QCOMPARE(runHubd(QStringList{QStringLiteral("user"), QStringLiteral("list")} + where, &output), 0);
    QVERIFY2(output.contains(QLatin1String("jdoe\t\toperator in district 1\n")), qPrintable(output));

    // Adding jdoe went to district 1's audit log; the three changes go to district 2's.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
        db.setDatabaseName(QDir(dataDir).filePath(QStringLiteral("hub.sqlite")));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT action, district_id, actor FROM audit_log "
                                          "WHERE entity = 'user' AND entity_id = "
                                          "(SELECT id FROM accounts WHERE name = 'jdoe') "
                                          "ORDER BY id")));
        QStringList entries;
        while (query.next()) {
            QVERIFY(query.value(2).toString().startsWith(QLatin1String("command line")));
            entries.append(query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString());
        }
        QCOMPARE(entries, (QStringList{QStringLiteral("create 1"), QStringLiteral("create 2"),
                                       QStringLiteral("update 2"), QStringLiteral("delete 2")}));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("audit"));
}

void tst_Hubd::userGrantAndRevokeRejectBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("messageParts");

    QTest::newRow("unknown user")
        << QStringList{QStringLiteral("grant"), QStringLiteral("nobody"), QStringLiteral("--district"),
                       QStringLiteral("2"), QStringLiteral("--role"), QStringLiteral("viewer")}
        << 1 << QStringList{QStringLiteral("no user is named \"nobody\"")};
    QTest::newRow("unknown user on revoke")
        << QStringList{QStringLiteral("revoke"), QStringLiteral("nobody"), QStringLiteral("--district"),
                       QStringLiteral("1")}
        << 1 << QStringList{QStringLiteral("no user is named \"nobody\"")};
    QTest::newRow("unknown district")
        << QStringList{QStringLiteral("grant"), QStringLiteral("jdoe"), QStringLiteral("--district"),
                       QStringLiteral("9"), QStringLiteral("--role"), QStringLiteral("viewer")}
        << 1
        << QStringList{QStringLiteral("District 9 does not exist"), QStringLiteral("\"jdoe\""),
                       QStringLiteral("Districts: 1 (Lakeshore), 2 (Riverside).")};
    QTest::newRow("unknown district on revoke")
        << QStringList{QStringLiteral("revoke"), QStringLiteral("jdoe"), QStringLiteral("--district"),
                       QStringLiteral("9")}
        << 1 << QStringList{QStringLiteral("District 9 does not exist")};
    QTest::newRow("last district")
        << QStringList{QStringLiteral("revoke"), QStringLiteral("jdoe"), QStringLiteral("--district"),
                       QStringLiteral("1")}
        << 1
        << QStringList{QStringLiteral("District 1 is the only district of user \"jdoe\"")};
    QTest::newRow("no role there")
        << QStringList{QStringLiteral("revoke"), QStringLiteral("jdoe"), QStringLiteral("--district"),
                       QStringLiteral("2")}
        << 1 << QStringList{QStringLiteral("User \"jdoe\" has no role in district 2.")};
    QTest::newRow("statewide account")
        << QStringList{QStringLiteral("grant"), QStringLiteral("ada"), QStringLiteral("--district"),
                       QStringLiteral("1"), QStringLiteral("--role"), QStringLiteral("viewer")}
        << 1 << QStringList{QStringLiteral("\"ada\" is a statewide administrator")};
    QTest::newRow("missing role")
        << QStringList{QStringLiteral("grant"), QStringLiteral("jdoe"), QStringLiteral("--district"),
                       QStringLiteral("2")}
        << 2 << QStringList{QStringLiteral("--role must be viewer, operator or administrator")};
    QTest::newRow("role on revoke")
        << QStringList{QStringLiteral("revoke"), QStringLiteral("jdoe"), QStringLiteral("--district"),
                       QStringLiteral("2"), QStringLiteral("--role"), QStringLiteral("viewer")}
        << 2 << QStringList{QStringLiteral("--role does not apply")};
    QTest::newRow("district not a number")
        << QStringList{QStringLiteral("grant"), QStringLiteral("jdoe"), QStringLiteral("--district"),
                       QStringLiteral("two"), QStringLiteral("--role"), QStringLiteral("viewer")}
        << 2 << QStringList{QStringLiteral("--district must be a positive district id")};
    QTest::newRow("no district")
        << QStringList{QStringLiteral("revoke"), QStringLiteral("jdoe")}
        << 2 << QStringList{QStringLiteral("--district must be a positive district id")};
    QTest::newRow("database not a URL")
        << QStringList{QStringLiteral("grant"), QStringLiteral("jdoe"), QStringLiteral("--district"),
                       QStringLiteral("2"), QStringLiteral("--role"), QStringLiteral("viewer"),
                       QStringLiteral("--database"), QStringLiteral("/var/lib/hubd/hub.sqlite")}
        << 2 << QStringList{QStringLiteral("--database must be a URL postgresql://")};
    QTest::newRow("password file without database")
        << QStringList{QStringLiteral("grant"), QStringLiteral("jdoe"), QStringLiteral("--district"),
                       QStringLiteral("2"), QStringLiteral("--role"), QStringLiteral("viewer"),
                       QStringLiteral("--database-password-file"), QStringLiteral("/dev/null")}
        << 2 << QStringList{QStringLiteral("--database-password-file needs --database.")};
}

void tst_Hubd::userGrantAndRevokeRejectBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, messageParts);

    QTemporaryDir dir;
    const QString dataDir = QDir(dir.path()).filePath(QStringLiteral("data"));
    QVERIFY(prepareUserStore(dataDir, dir.filePath(QStringLiteral("password"))));
    QString output;
    QCOMPARE(runHubd(QStringList{QStringLiteral("user")} + arguments
                         + QStringList{QStringLiteral("--data-dir"), dataDir},
                     &output),
             exitCode);
    for (const QString &part : std::as_const(messageParts))
        QVERIFY2(output.contains(part), qPrintable(output));
    // Nothing changed: jdoe keeps only its operator role in district 1.
    QCOMPARE(runHubd({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--data-dir"),
                      dataDir},
                     &output),
             0);
    QVERIFY2(output.contains(QLatin1String("jdoe\t\toperator in district 1\n")), qPrintable(output));
}

// The user commands change the PostgreSQL store of --database, not a SQLite file.
void tst_Hubd::userCommandsUsePostgres()
{
    if (hubtest::postgresFixtureUrl().isEmpty())
        QSKIP("HUBDESK_PG_URL is not set: start tests/fixtures/postgres.sh and source the "
              "postgres.env it writes.");
    QString error;
    const QString database = hubtest::createPostgresDatabase(&error);
    QVERIFY2(!database.isEmpty(), qPrintable(error));
    QTemporaryDir dir;
    const QString dataDir = QDir(dir.path()).filePath(QStringLiteral("data"));
    const QString passwordFile = dir.filePath(QStringLiteral("password"));
    writeFile(passwordFile, "correct horse battery staple\n");
    const QStringList where{QStringLiteral("--database"), database, QStringLiteral("--data-dir"),
                            dataDir};

    // Listing the users creates the store's tables.
    QString output;
    QCOMPARE(runHubd(QStringList{QStringLiteral("user"), QStringLiteral("list")} + where, &output), 0);
    const QUrl url(database);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pgusers"));
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral("INSERT INTO districts(id, name, created_at) VALUES "
                                           "(1, 'Lakeshore', '2026-12-01T00:00:00Z'), "
                                           "(2, 'Riverside', '2026-12-01T00:00:00Z')")),
                 qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pgusers"));

    QCOMPARE(runHubd(QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("jdoe"),
                                 QStringLiteral("--role"), QStringLiteral("operator"),
                                 QStringLiteral("--district"), QStringLiteral("1"),
                                 QStringLiteral("--password-file"), passwordFile}
                         + where,
                     &output),
             0);
    QCOMPARE(runHubd(QStringList{QStringLiteral("user"), QStringLiteral("grant"), QStringLiteral("jdoe"),
                                 QStringLiteral("--role"), QStringLiteral("viewer"),
                                 QStringLiteral("--district"), QStringLiteral("2")}
                         + where,
                     &output),
             0);
    QCOMPARE(output, QStringLiteral("User jdoe is now viewer in district 2.\n"));
    QCOMPARE(runHubd(QStringList{QStringLiteral("user"), QStringLiteral("revoke"), QStringLiteral("jdoe"),
                                 QStringLiteral("--district"), QStringLiteral("1")}
                         + where,
                     &output),
             0);
    QCOMPARE(runHubd(QStringList{QStringLiteral("user"), QStringLiteral("list")} + where, &output), 0);
    QVERIFY2(output.contains(QLatin1String("jdoe\t\tviewer in district 2\n")), qPrintable(output));
    QVERIFY(!QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("hub.sqlite"))));
}

QTEST_GUILESS_MAIN(tst_Hubd)
#include "tst_hubd.moc"
