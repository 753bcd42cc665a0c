// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// hubdesk: the Hubdesk console. It starts a local engine or connects to a remote one, then shows
// the main window. Without a display it runs the demo headless and prints what it did.

#include "applogging.h"
#include "engineclient.h"
#include "enginelauncher.h"
#include "headlessdemo.h"
#include "mainwindow.h"
#include "settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <optional>

namespace {

struct CommandLine
{
    bool demo = false;
    bool headless = false;
    QString dataDir;
    QUrl engineUrl;
    QByteArray token;
};

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Hubdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("hubdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HUBDESK_VERSION));
}

// Parses the options, or prints the problem and returns nothing. Needs the application object.
std::optional<CommandLine> parseCommandLine()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "The Hubdesk console. By default it starts a local engine (hubd) with its data "
                "in the application-data folder. Without a display it runs the demo headless."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Load the demo district into the local engine."));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Data folder of the local engine."),
        QStringLiteral("dir"));
    const QCommandLineOption engineUrl(
        QStringLiteral("engine-url"),
        QCoreApplication::translate("main", "Connect to a running engine at this URL "
                                            "instead of starting one; needs --token-file."),
        QStringLiteral("url"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        QCoreApplication::translate("main", "File that contains the engine's admin token."),
        QStringLiteral("file"));
    const QCommandLineOption headless(
        QStringLiteral("headless"),
        QCoreApplication::translate("main", "Run the demo without widgets and print the "
                                            "results, even when a display is available."));
    parser.addOptions({demo, dataDir, engineUrl, tokenFile, headless});
    parser.process(QCoreApplication::arguments());

    CommandLine result;
    result.demo = parser.isSet(demo);
    result.headless = parser.isSet(headless);
    result.dataDir = parser.value(dataDir);
    if (parser.isSet(engineUrl) != parser.isSet(tokenFile)) {
        std::fputs("hubdesk: --engine-url and --token-file must be given together.\n", stderr);
        return std::nullopt;
    }
    if (!parser.isSet(engineUrl))
        return result;

    result.engineUrl = QUrl(parser.value(engineUrl), QUrl::StrictMode);
    const QString scheme = result.engineUrl.scheme();
    if (!result.engineUrl.isValid()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        std::fprintf(stderr, "hubdesk: --engine-url must be an http or https URL; \"%s\" is not.\n",
                     qPrintable(parser.value(engineUrl)));
        return std::nullopt;
    }
    QFile file(parser.value(tokenFile));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "hubdesk: cannot read the token file %s: %s\n",
                     qPrintable(file.fileName()), qPrintable(file.errorString()));
        return std::nullopt;
    }
    result.token = file.readAll().trimmed();
    if (result.token.isEmpty()) {
        std::fprintf(stderr, "hubdesk: the token file %s is empty.\n", qPrintable(file.fileName()));
        return std::nullopt;
    }
    return result;
}

bool hasArgument(int argc, char *argv[], const char *argument)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], argument) == 0)
            return true;
    }
    return false;
}

int runHeadless(int argc, char *argv[], bool noDisplay)
{
    QCoreApplication app(argc, argv);
    setApplicationNames();
    const std::optional<CommandLine> commandLine = parseCommandLine();
    if (!commandLine)
        return 2;

    QFile output;
    if (!output.open(stdout, QIODevice::WriteOnly))
        return 1;
    if (noDisplay)
        output.write("No display found (DISPLAY and WAYLAND_DISPLAY are unset); running the demo "
                     "headless.\n");
    else
        output.write("Running the demo headless (--headless).\n");
    output.flush();

    hubdesk::HeadlessDemoOptions options;
    options.dataDir = commandLine->dataDir;
    options.engineUrl = commandLine->engineUrl;
    options.token = commandLine->token;
    hubdesk::HeadlessDemo demo(options, &output);
    QObject::connect(&demo, &hubdesk::HeadlessDemo::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    QTimer::singleShot(0, &demo, &hubdesk::HeadlessDemo::start);
    return app.exec();
}

int runConsole(int argc, char *argv[])
{
    QApplication app(argc, argv);
    setApplicationNames();
    const std::optional<CommandLine> commandLine = parseCommandLine();
    if (!commandLine)
        return 2;

    hubdesk::Settings settings;
    QNetworkAccessManager network;
    hubdesk::EngineClient client(&network);
    hubdesk::MainWindow window(&client);
    window.restoreGeometry(settings.windowGeometry());
    window.restoreState(settings.windowState());

    const auto connectTo = [&client, &window](const QUrl &baseUrl, const QByteArray &token) {
        client.setBaseUrl(baseUrl);
        client.setToken(token);
        QObject::connect(client.checkHealth(), &hubdesk::ApiJob::finished, &window,
                         [&window](const hubdesk::ApiResult &result) {
                             if (result.ok())
                                 window.refreshAll();
                             else
                                 QMessageBox::warning(
                                     &window,
                                     QCoreApplication::translate("main", "Cannot Reach the Engine"),
                                     result.errorMessage);
                         });
    };

    hubdesk::EngineLauncher launcher;
    if (commandLine->engineUrl.isValid()) {
        settings.setMode(hubdesk::Settings::Mode::Remote);
        settings.setRemoteUrl(commandLine->engineUrl);
        connectTo(commandLine->engineUrl, commandLine->token);
    } else {
        settings.setMode(hubdesk::Settings::Mode::Local);
        launcher.setDataDir(commandLine->dataDir);
        launcher.setDemo(commandLine->demo);
        QObject::connect(&launcher, &hubdesk::EngineLauncher::ready, &window, connectTo);
        const auto showFailure = [&window](const QString &message) {
            QMessageBox::critical(
                &window, QCoreApplication::translate("main", "Local Engine Failed"), message);
        };
        QObject::connect(&launcher, &hubdesk::EngineLauncher::failed, &window, showFailure);
        QObject::connect(&launcher, &hubdesk::EngineLauncher::exitedUnexpectedly, &window,
                         showFailure);
        launcher.start();
    }

    QObject::connect(&app, &QCoreApplication::aboutToQuit, &window, [&] {
        settings.setWindowGeometry(window.saveGeometry());
        settings.setWindowState(window.saveState());
        launcher.stop();
    });
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // Decided before any application object exists, because QApplication aborts without a
    // display. QT_QPA_PLATFORM (such as offscreen) counts as a display.
    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY")
                           && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
                           && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (noDisplay || hasArgument(argc, argv, "--headless"))
        return runHeadless(argc, argv, noDisplay);
    return runConsole(argc, argv);
}
