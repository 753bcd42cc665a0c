// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The headless demo end to end: the hubd of this build (HUBD_EXECUTABLE) with the demo
// district, one run of the MiLEARN sections integration, and the printed report. The hubdesk
// of this build (HUBDESK_EXECUTABLE) runs as a process for its command line and display check.

#include "headlessdemo.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hubdesk;

namespace {

// Start-up of the engine, one demo run (bounded by the demo's own 120 s limit) and the report.
constexpr int kDemoTimeoutMs = 180000;

struct ProcessResult
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QString output;
    QString errorOutput;
};

// Runs hubdesk with arguments and the test's environment changed by set (empty values unset
// the variable); kills it when it runs longer than timeoutMs.
ProcessResult runHubdesk(const QStringList &arguments, const QMap<QString, QString> &set,
                         int timeoutMs)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (auto it = set.cbegin(); it != set.cend(); ++it) {
        if (it.value().isEmpty())
            environment.remove(it.key());
        else
            environment.insert(it.key(), it.value());
    }
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(HUBDESK_EXECUTABLE), arguments);
    ProcessResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.errorOutput = QStringLiteral("hubdesk did not finish within %1 ms.").arg(timeoutMs);
        return result;
    }
    result.exitCode = process.exitCode();
    result.exitStatus = process.exitStatus();
    result.output = QString::fromUtf8(process.readAllStandardOutput());
    result.errorOutput = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString describe(const ProcessResult &result)
{
    return QStringLiteral("exit %1 (%2)\nstdout:\n%3\nstderr:\n%4")
        .arg(result.exitCode)
        .arg(result.exitStatus == QProcess::NormalExit ? QStringLiteral("normal")
                                                       : QStringLiteral("crash"))
        .arg(result.output, result.errorOutput);
}

// An X display number with no server: neither its socket nor its lock file exists.
QString unusedDisplay()
{
    for (int number = 90; number < 190; ++number) {
        if (!QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(number))
            && !QFile::exists(QStringLiteral("/tmp/.X%1-lock").arg(number)))
            return QStringLiteral(":%1").arg(number);
    }
    return {};
}

// The environment of a display that cannot be opened, with this build's hubd.
QMap<QString, QString> badDisplayEnvironment(const QString &display)
{
    return {{QStringLiteral("DISPLAY"), display},
            {QStringLiteral("WAYLAND_DISPLAY"), QString()},
            {QStringLiteral("QT_QPA_PLATFORM"), QString()},
            {QStringLiteral("HUBDESK_HUBD"), QStringLiteral(HUBD_EXECUTABLE)}};
}

} // namespace

class tst_HeadlessDemo final : public QObject
{
    Q_OBJECT

private slots:
    void runsSectionsExport();
    void unknownOutputFails();
    void remoteEngineNeedsPermission();
    void remoteEngineUrlIsRejected();
    void allowRemoteDemoNeedsEngineUrl();
    void headlessDemoCannotSignIn();
    void badDisplayRunsDemoHeadless();
    void badDisplayWithoutDemoFails();
    void noDisplayWithEngineUrlFails_data();
    void noDisplayWithEngineUrlFails();
    void engineInUseIsReported();
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

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kDemoTimeoutMs);
    const QString text = QString::fromUtf8(output.data());
    QVERIFY2(finished.at(0).at(0).toInt() == 0, qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Integration Instance Id")), qPrintable(text));
    // The status reads as in the console's runbook: the code, a space and the word.
    QVERIFY2(text.contains(QStringLiteral("0 Succeeded")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("0 - Succeeded")), qPrintable(text));
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

void tst_HeadlessDemo::remoteEngineNeedsPermission()
{
    HeadlessDemoOptions options;
    options.hubdPath = QStringLiteral(HUBD_EXECUTABLE);
    options.engineUrl = QUrl(QStringLiteral("http://127.0.0.1:9/"));
    options.token = QByteArrayLiteral("token");
    QBuffer output;
    QVERIFY(output.open(QIODevice::WriteOnly));
    HeadlessDemo demo(options, &output);
    QSignalSpy finished(&demo, &HeadlessDemo::finished);

    demo.start();

    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), 1);
    const QString text = QString::fromUtf8(output.data());
    QVERIFY2(text.contains(QStringLiteral("only against the local demo engine")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Using the engine")), qPrintable(text));
}

void tst_HeadlessDemo::remoteEngineUrlIsRejected()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString tokenFile = folder.filePath(QStringLiteral("token"));
    QFile token(tokenFile);
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write("remote-token\n");
    token.close();

    const ProcessResult result = runHubdesk(
        {QStringLiteral("--headless"), QStringLiteral("--engine-url"),
         QStringLiteral("http://127.0.0.1:9/"), QStringLiteral("--token-file"), tokenFile},
        {}, 30000);

    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(describe(result)));
    QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
    QVERIFY2(result.errorOutput.contains(QStringLiteral("--allow-remote-demo")),
             qPrintable(describe(result)));
    QVERIFY2(result.errorOutput.contains(QStringLiteral("http://127.0.0.1:9/")),
             qPrintable(describe(result)));
    // Nothing was run: the demo never started.
    QVERIFY2(!result.output.contains(QStringLiteral("Using the engine")),
             qPrintable(describe(result)));
}

void tst_HeadlessDemo::allowRemoteDemoNeedsEngineUrl()
{
    const ProcessResult result = runHubdesk(
        {QStringLiteral("--headless"), QStringLiteral("--allow-remote-demo")}, {}, 30000);

    QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
    QVERIFY2(result.errorOutput.contains(QStringLiteral("--allow-remote-demo needs --engine-url")),
             qPrintable(describe(result)));
}

void tst_HeadlessDemo::headlessDemoCannotSignIn()
{
    // --engine-url without --token-file means "sign in", which needs the dialog.
    const ProcessResult result = runHubdesk(
        {QStringLiteral("--headless"), QStringLiteral("--engine-url"), QStringLiteral("http://127.0.0.1:9/")},
        {}, 30000);

    QVERIFY2(result.exitCode == 2, qPrintable(describe(result)));
    QVERIFY2(result.errorOutput.contains(QStringLiteral("the headless demo cannot sign in")),
             qPrintable(describe(result)));
}

void tst_HeadlessDemo::badDisplayRunsDemoHeadless()
{
    const QString display = unusedDisplay();
    QVERIFY(!display.isEmpty());
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());

    const ProcessResult result
        = runHubdesk({QStringLiteral("--demo"), QStringLiteral("--data-dir"), dataDir.path()},
                     badDisplayEnvironment(display), kDemoTimeoutMs);

    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(describe(result)));
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    const QString expected = QStringLiteral("Cannot open the display %1; running the demo "
                                            "headless. Use --headless to skip this check.")
                                 .arg(display);
    QVERIFY2(result.output.startsWith(expected), qPrintable(describe(result)));
    QVERIFY2(result.output.contains(QStringLiteral("Demo finished: the run succeeded.")),
             qPrintable(describe(result)));
    // Qt's own advice about the platform plugin does not reach the user.
    QVERIFY2(!result.errorOutput.contains(QStringLiteral("Reinstalling the application")),
             qPrintable(describe(result)));
}

void tst_HeadlessDemo::badDisplayWithoutDemoFails()
{
    const QString display = unusedDisplay();
    QVERIFY(!display.isEmpty());

    const ProcessResult result = runHubdesk({}, badDisplayEnvironment(display), 60000);

    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(describe(result)));
    QVERIFY2(result.exitCode == 1, qPrintable(describe(result)));
    QVERIFY2(
        result.errorOutput.contains(QStringLiteral("Cannot open the display %1.").arg(display)),
        qPrintable(describe(result)));
    QVERIFY2(result.errorOutput.contains(QStringLiteral("--headless")),
             qPrintable(describe(result)));
    QVERIFY2(!result.errorOutput.contains(QStringLiteral("Reinstalling the application")),
             qPrintable(describe(result)));
    QVERIFY2(result.output.isEmpty(), qPrintable(describe(result)));
}

void tst_HeadlessDemo::noDisplayWithEngineUrlFails_data()
{
    QTest::addColumn<bool>("withToken");
    QTest::newRow("admin token") << true;
    QTest::newRow("sign in") << false;
}

// --engine-url without --headless requests the console's window, so the message is about the
// missing display, not about the demo.
void tst_HeadlessDemo::noDisplayWithEngineUrlFails()
{
    QFETCH(bool, withToken);
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString tokenFile = folder.filePath(QStringLiteral("token"));
    QFile token(tokenFile);
    QVERIFY(token.open(QIODevice::WriteOnly));
    token.write("remote-token\n");
    token.close();
    QStringList arguments{QStringLiteral("--engine-url"), QStringLiteral("http://127.0.0.1:9/")};
    if (withToken)
        arguments << QStringLiteral("--token-file") << tokenFile;
    const QMap<QString, QString> noDisplay{{QStringLiteral("DISPLAY"), QString()},
                                           {QStringLiteral("WAYLAND_DISPLAY"), QString()},
                                           {QStringLiteral("QT_QPA_PLATFORM"), QString()}};

    const ProcessResult result = runHubdesk(arguments, noDisplay, 30000);

    QVERIFY2(result.exitStatus == QProcess::NormalExit, qPrintable(describe(result)));
    QVERIFY2(result.exitCode == 1, qPrintable(describe(result)));
    QVERIFY2(result.errorOutput.startsWith(
                 QStringLiteral("hubdesk: No display found (DISPLAY and WAYLAND_DISPLAY are "
                                "unset), so the console cannot open its window for the engine "
                                "at http://127.0.0.1:9/.")),
             qPrintable(describe(result)));
    QVERIFY2(result.errorOutput.contains(QStringLiteral("set DISPLAY or WAYLAND_DISPLAY")),
             qPrintable(describe(result)));
    QVERIFY2(result.errorOutput.contains(QStringLiteral("--headless")),
             qPrintable(describe(result)));
    QVERIFY2(!result.errorOutput.contains(QStringLiteral("runs only against the local demo")),
             qPrintable(describe(result)));
    QVERIFY2(!result.errorOutput.contains(QStringLiteral("cannot sign in")),
             qPrintable(describe(result)));
    QVERIFY2(result.output.isEmpty(), qPrintable(describe(result)));
}

void tst_HeadlessDemo::engineInUseIsReported()
{
    // A stand-in for hubd that finds its data folder locked by another hubd, as hubd reports it.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString dataDir = folder.filePath(QStringLiteral("engine"));
    const QString fakeHubd = folder.filePath(QStringLiteral("hubd"));
    QFile script(fakeHubd);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\n"
                 "echo \"hubd: The data folder $4 is in use by another hubd (process 4242).\" >&2\n"
                 "exit 1\n");
    script.close();
    QVERIFY(script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    const ProcessResult result
        = runHubdesk({QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir},
                     {{QStringLiteral("HUBDESK_HUBD"), fakeHubd}}, 60000);

    QVERIFY2(result.exitCode == 1, qPrintable(describe(result)));
    const QString expected = QStringLiteral("Error: The engine's data folder %1 is in use by "
                                            "another engine (hubd, process 4242)")
                                 .arg(dataDir);
    QVERIFY2(result.output.contains(expected), qPrintable(describe(result)));
    QVERIFY2(result.output.contains(QStringLiteral("--data-dir and another folder")),
             qPrintable(describe(result)));
    QVERIFY2(!result.output.contains(QStringLiteral("before it was ready")),
             qPrintable(describe(result)));
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
