// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// EngineLauncher with the hubd of this build (HUBD_EXECUTABLE), in temporary data folders.

#include "engineclient.h"
#include "enginelauncher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

#include <optional>

using namespace hubdesk;

namespace {

constexpr int kStartTimeoutMs = 60000;

ApiResult resultOf(ApiJob *job)
{
    std::optional<ApiResult> result;
    QObject::connect(job, &ApiJob::finished, job,
                     [&result](const ApiResult &finished) { result = finished; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 30000)) {
        ApiResult timedOut;
        timedOut.httpStatus = -1;
        return timedOut;
    }
    return *result;
}

// The command line of a process from /proc, arguments separated by NUL bytes.
QList<QByteArray> commandLineOf(qint64 processId)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(processId));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray data = file.readAll();
    if (data.endsWith('\0'))
        data.chop(1);
    return data.split('\0');
}

bool processExists(qint64 processId)
{
    return QFile::exists(QStringLiteral("/proc/%1").arg(processId));
}

} // namespace

class tst_EngineLauncher final : public QObject
{
    Q_OBJECT

private slots:
    void startsAndStops();
    void badPathFails();
    void earlyExitReportsStandardError();
    void dataDirInUseIsRecognized();
    void earlyExitIsStartFailure();
    void uncreatableDataDirFails();
    void generatedTokensDiffer();
    void restartsAfterUnexpectedExit();
    void createdDataDirIsPrivate();
};

void tst_EngineLauncher::startsAndStops()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    EngineLauncher launcher;
    launcher.setHubdPath(QStringLiteral(HUBD_EXECUTABLE));
    launcher.setDataDir(dataDir.path());
    QSignalSpy ready(&launcher, &EngineLauncher::ready);
    QSignalSpy failed(&launcher, &EngineLauncher::failed);

    launcher.start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size() + failed.size(), 1, kStartTimeoutMs);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.at(0).at(0).toString()));

    const QUrl baseUrl = ready.at(0).at(0).toUrl();
    const QByteArray token = ready.at(0).at(1).toByteArray();
    QCOMPARE(baseUrl.scheme(), QStringLiteral("http"));
    QCOMPARE(QHostAddress(baseUrl.host()), QHostAddress(QHostAddress::LocalHost));
    QVERIFY(baseUrl.port() > 0);
    QCOMPARE(token.size(), 64);

    // The token reaches hubd through its environment only.
    const qint64 processId = launcher.processId();
    QVERIFY(processId > 0);
    const QList<QByteArray> arguments = commandLineOf(processId);
    QVERIFY(arguments.contains(QByteArrayLiteral("--listen")));
    QVERIFY(arguments.contains(QByteArrayLiteral("127.0.0.1:0")));
    QVERIFY(arguments.contains(dataDir.path().toUtf8()));
    QVERIFY(!arguments.contains(QByteArrayLiteral("--demo")));
    for (const QByteArray &argument : arguments)
        QVERIFY2(!argument.contains(token), argument.constData());

    QNetworkAccessManager network;
    EngineClient client(&network);
    client.setBaseUrl(baseUrl);
    client.setToken(token);
    const ApiResult health = resultOf(client.checkHealth());
    QCOMPARE(health.httpStatus, 200);
    QCOMPARE(health.body.object().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(client.connectionState(), EngineClient::ConnectionState::Connected);

    launcher.stop();
    QVERIFY(!launcher.isRunning());
    QVERIFY(!processExists(processId));
}

void tst_EngineLauncher::badPathFails()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    const QString missing = dataDir.filePath(QStringLiteral("no-such-hubd"));
    EngineLauncher launcher;
    launcher.setHubdPath(missing);
    launcher.setDataDir(dataDir.path());
    QSignalSpy ready(&launcher, &EngineLauncher::ready);
    QSignalSpy failed(&launcher, &EngineLauncher::failed);

    launcher.start();
    // failed() comes after start() has returned.
    QCOMPARE(failed.size(), 0);

    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(missing));
    QCOMPARE(ready.size(), 0);
    QVERIFY(!launcher.isRunning());
}

void tst_EngineLauncher::earlyExitReportsStandardError()
{
    // A folder where the store file should be: hubd cannot open its store and exits at once.
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    QVERIFY(QDir(dataDir.path()).mkdir(QStringLiteral("hub.sqlite")));

    EngineLauncher launcher;
    launcher.setHubdPath(QStringLiteral(HUBD_EXECUTABLE));
    launcher.setDataDir(dataDir.path());
    QSignalSpy failed(&launcher, &EngineLauncher::failed);

    launcher.start();

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kStartTimeoutMs);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("exited with code 1 before it was ready")),
             qPrintable(message));
    // The tail of hubd's standard error names the cause.
    QVERIFY2(message.contains(QStringLiteral("Cannot open the database")), qPrintable(message));
}

void tst_EngineLauncher::dataDirInUseIsRecognized()
{
    // A stand-in for hubd that prints hubd's message for a locked data folder and exits.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString fakeHubd = folder.filePath(QStringLiteral("hubd"));
    QFile script(fakeHubd);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\n"
                 "echo \"hubd: The data folder $4 is in use by another hubd (process 4242).\" >&2\n"
                 "exit 1\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QString dataDir = folder.filePath(QStringLiteral("engine"));

    EngineLauncher launcher;
    launcher.setHubdPath(fakeHubd);
    launcher.setDataDir(dataDir);
    QSignalSpy failed(&launcher, &EngineLauncher::failed);

    launcher.start();

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kStartTimeoutMs);
    QCOMPARE(failed.at(0).at(1).value<EngineLauncher::Failure>(),
             EngineLauncher::Failure::DataDirInUse);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.startsWith(QStringLiteral("The engine's data folder %1 is in use by another "
                                               "engine (hubd, process 4242)")
                                    .arg(dataDir)),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("--data-dir")), qPrintable(message));
    QVERIFY(!launcher.isRunning());
}

void tst_EngineLauncher::earlyExitIsStartFailure()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    EngineLauncher launcher;
    launcher.setHubdPath(QStringLiteral("/bin/false"));
    launcher.setDataDir(dataDir.path());
    QSignalSpy failed(&launcher, &EngineLauncher::failed);

    launcher.start();

    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kStartTimeoutMs);
    QCOMPARE(failed.at(0).at(1).value<EngineLauncher::Failure>(),
             EngineLauncher::Failure::StartFailed);
}

void tst_EngineLauncher::uncreatableDataDirFails()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString file = parent.filePath(QStringLiteral("file"));
    QFile placeholder(file);
    QVERIFY(placeholder.open(QIODevice::WriteOnly));
    placeholder.close();

    EngineLauncher launcher;
    launcher.setHubdPath(QStringLiteral(HUBD_EXECUTABLE));
    launcher.setDataDir(file + QStringLiteral("/engine"));
    QSignalSpy failed(&launcher, &EngineLauncher::failed);

    launcher.start();

    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(file + QStringLiteral("/engine")));
    QVERIFY(!launcher.isRunning());
}

void tst_EngineLauncher::generatedTokensDiffer()
{
    const QByteArray first = EngineLauncher::generateToken();
    const QByteArray second = EngineLauncher::generateToken();

    QCOMPARE(first.size(), 64);
    QVERIFY(first != second);
    QCOMPARE(QByteArray::fromHex(first).toHex(), first);
}

void tst_EngineLauncher::restartsAfterUnexpectedExit()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    EngineLauncher launcher;
    launcher.setHubdPath(QStringLiteral(HUBD_EXECUTABLE));
    launcher.setDataDir(dataDir.path());
    QSignalSpy ready(&launcher, &EngineLauncher::ready);
    QSignalSpy failed(&launcher, &EngineLauncher::failed);
    QSignalSpy exited(&launcher, &EngineLauncher::exitedUnexpectedly);
    launcher.start();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size() + failed.size(), 1, kStartTimeoutMs);
    QCOMPARE(ready.size(), 1);
    const QByteArray firstToken = ready.at(0).at(1).toByteArray();

    // Restart is ignored while hubd runs.
    launcher.restart();
    QTest::qWait(200);
    QCOMPARE(ready.size(), 1);

    // A kill is a crash. The message names it and leaves out hubd's routine start-up lines.
    const qint64 firstProcess = launcher.processId();
    QVERIFY(::kill(pid_t(firstProcess), SIGKILL) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(exited.size(), 1, kStartTimeoutMs);
    const QString message = exited.at(0).at(0).toString();
    QVERIFY2(message.startsWith(QStringLiteral("The local engine ")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral(" crashed.")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral(" info ")), qPrintable(message));
    QVERIFY(!launcher.isRunning());

    launcher.restart();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size() + failed.size(), 2, kStartTimeoutMs);
    QCOMPARE(failed.size(), 0);
    const QUrl secondUrl = ready.at(1).at(0).toUrl();
    const QByteArray secondToken = ready.at(1).at(1).toByteArray();
    QVERIFY(secondToken != firstToken);
    QVERIFY(launcher.processId() != firstProcess);

    // The restarted engine accepts the new token and uses the same data folder.
    QNetworkAccessManager network;
    EngineClient client(&network);
    client.setBaseUrl(secondUrl);
    client.setToken(secondToken);
    QCOMPARE(resultOf(client.checkHealth()).httpStatus, 200);
    QVERIFY(secondUrl.isValid());
    launcher.stop();
    QVERIFY(!launcher.isRunning());
    QCOMPARE(exited.size(), 1);
}

void tst_EngineLauncher::createdDataDirIsPrivate()
{
    QTemporaryDir parent;
    QVERIFY(parent.isValid());
    const QString dataDir = parent.filePath(QStringLiteral("new/engine"));
    // A common desktop umask, which would leave the folder readable by every user.
    const mode_t previousMask = ::umask(022);
    EngineLauncher launcher;
    launcher.setHubdPath(QStringLiteral(HUBD_EXECUTABLE));
    launcher.setDataDir(dataDir);
    QSignalSpy ready(&launcher, &EngineLauncher::ready);
    QSignalSpy failed(&launcher, &EngineLauncher::failed);
    launcher.start();
    ::umask(previousMask);
    QTRY_COMPARE_WITH_TIMEOUT(ready.size() + failed.size(), 1, kStartTimeoutMs);
    QCOMPARE(failed.size(), 0);

    const QFile::Permissions permissions = QFileInfo(dataDir).permissions();
    QVERIFY(permissions.testFlag(QFile::ReadOwner));
    QVERIFY(permissions.testFlag(QFile::WriteOwner));
    QVERIFY(permissions.testFlag(QFile::ExeOwner));
    QVERIFY(!permissions.testFlag(QFile::ReadGroup));
    QVERIFY(!permissions.testFlag(QFile::ExeGroup));
    QVERIFY(!permissions.testFlag(QFile::ReadOther));
    QVERIFY(!permissions.testFlag(QFile::ExeOther));
    launcher.stop();
}

QTEST_GUILESS_MAIN(tst_EngineLauncher)

#include "tst_enginelauncher.moc"
