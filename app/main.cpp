// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// hubdesk: the Hubdesk console. It starts a local engine or connects to a remote one, then shows
// the main window. Without a display it runs the demo headless and prints what it did.

#include "applogging.h"
#include "displayprobe.h"
#include "engineclient.h"
#include "enginelauncher.h"
#include "headlessdemo.h"
#include "highcontrast.h"
#include "language.h"
#include "languagemenu.h"
#include "mainwindow.h"
#include "remotesignin.h"
#include "settings.h"
#include "tokenstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <optional>

namespace {

// How long the display check may take; a forwarded X display over a slow link is the slow case.
constexpr std::chrono::seconds kDisplayProbeTimeout{10};

// The reason hubdesk runs the demo headless.
enum class HeadlessReason { Requested, NoDisplay, DisplayFailed };

struct CommandLine
{
    bool demo = false;
    bool headless = false;
    bool allowRemoteDemo = false;
    // Sign in to a remote engine with a user name and password instead of an admin token.
    bool signIn = false;
    QString dataDir;
    QUrl engineUrl;
    QByteArray token;
    QString caFile;
};

// The value of --language, read before the application object parses the command line, so
// that the help text is already translated.
QString languageArgument(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == QLatin1String("--language") && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (argument.startsWith(QLatin1String("--language=")))
            return argument.mid(int(std::strlen("--language=")));
    }
    return {};
}

// Installs the language from --language, else from the settings, else the system's.
QLocale installConsoleLanguage(QCoreApplication &app, int argc, char *argv[])
{
    const QString argument = languageArgument(argc, argv);
    const QString setting = argument.isEmpty() ? hubdesk::Settings().language() : argument;
    return hubdesk::installLanguage(app, hubdesk::resolveLanguage(setting));
}

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
                "in the application-data folder. Without a display it runs the demo headless "
                "against a local demo engine that it starts, and so does --demo when the display "
                "cannot be opened."));
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
                                            "instead of starting one. With --token-file it uses "
                                            "that admin token; without, it asks you to sign in."),
        QStringLiteral("url"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        QCoreApplication::translate("main", "File that contains the engine's admin token."),
        QStringLiteral("file"));
    const QCommandLineOption headless(
        QStringLiteral("headless"),
        QCoreApplication::translate("main", "Run the demo without widgets and print the "
                                            "results, even when a display is available. The demo "
                                            "starts its own local engine; with --engine-url it "
                                            "needs --allow-remote-demo."));
    const QCommandLineOption allowRemoteDemo(
        QStringLiteral("allow-remote-demo"),
        QCoreApplication::translate("main", "Let the headless demo run against the engine at "
                                            "--engine-url. The demo runs an outbound integration "
                                            "there, which delivers a real report to that "
                                            "integration's destinations."));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        QCoreApplication::translate("main", "PEM file of CA certificates to trust for a remote "
                                            "engine's certificate, besides the system's. The "
                                            "console remembers it."),
        QStringLiteral("file"));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QCoreApplication::translate("main", "Language of the console: en, es or ar. The default "
                                            "is the one chosen in the Language menu, else the "
                                            "system's."),
        QStringLiteral("code"));
    const QCommandLineOption signIn(
        QStringLiteral("sign-in"),
        QCoreApplication::translate("main", "Sign in to the remote engine used last time, or to "
                                            "the one that --engine-url names."));
    parser.addOptions({demo, dataDir, engineUrl, tokenFile, headless, allowRemoteDemo, caFile,
                       language, signIn});
    parser.process(QCoreApplication::arguments());

    CommandLine result;
    result.demo = parser.isSet(demo);
    result.headless = parser.isSet(headless);
    result.allowRemoteDemo = parser.isSet(allowRemoteDemo);
    result.dataDir = parser.value(dataDir);
    result.caFile = parser.value(caFile);
    if (parser.isSet(tokenFile) && !parser.isSet(engineUrl)) {
        std::fputs("hubdesk: --token-file needs --engine-url.\n", stderr);
        return std::nullopt;
    }
    if (parser.isSet(tokenFile) && parser.isSet(signIn)) {
        std::fputs("hubdesk: use either --token-file or --sign-in.\n", stderr);
        return std::nullopt;
    }
    result.signIn = parser.isSet(signIn) || (parser.isSet(engineUrl) && !parser.isSet(tokenFile));
    if (result.allowRemoteDemo && !parser.isSet(engineUrl)) {
        std::fputs("hubdesk: --allow-remote-demo needs --engine-url and --token-file.\n", stderr);
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
    if (result.signIn)
        return result;
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

QString headlessStartLine(HeadlessReason reason)
{
    switch (reason) {
    case HeadlessReason::Requested:
        return QCoreApplication::translate("main", "Running the demo headless (--headless).");
    case HeadlessReason::NoDisplay:
        return QCoreApplication::translate(
            "main",
            "No display found (DISPLAY and WAYLAND_DISPLAY are unset); running the demo headless.");
    case HeadlessReason::DisplayFailed:
        return QCoreApplication::translate("main",
                                           "Cannot open the display %1; running the demo "
                                           "headless. Use --headless to skip this check.")
            .arg(hubdesk::displayName());
    }
    return {};
}

int runHeadless(int argc, char *argv[], HeadlessReason reason)
{
    QCoreApplication app(argc, argv);
    setApplicationNames();
    installConsoleLanguage(app, argc, argv);
    const std::optional<CommandLine> commandLine = parseCommandLine();
    if (!commandLine)
        return 2;

    if (reason == HeadlessReason::DisplayFailed && !commandLine->demo) {
        std::fprintf(stderr,
                     "hubdesk: Cannot open the display %s. Check that DISPLAY or WAYLAND_DISPLAY "
                     "names a running display server, or use --headless to run the demo "
                     "without a display.\n",
                     qPrintable(hubdesk::displayName()));
        return 1;
    }
    // --engine-url alone requests the console window on that engine, not the demo.
    const bool consoleRequested = !commandLine->headless && !commandLine->demo
                                  && !commandLine->allowRemoteDemo
                                  && commandLine->engineUrl.isValid();
    if (reason == HeadlessReason::NoDisplay && consoleRequested) {
        std::fprintf(stderr,
                     "hubdesk: No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the "
                     "console cannot open its window for the engine at %s. Run hubdesk in a "
                     "desktop session, or set DISPLAY or WAYLAND_DISPLAY to a running display "
                     "server. Without a display, hubdesk runs only the headless demo (--headless), "
                     "which on a remote engine also needs --allow-remote-demo.\n",
                     qPrintable(commandLine->engineUrl.toDisplayString()));
        return 1;
    }
    if (commandLine->signIn) {
        std::fputs("hubdesk: the headless demo cannot sign in; give the engine's admin token "
                   "with --token-file.\n",
                   stderr);
        return 2;
    }
    // The demo runs an integration and delivers its report, which is harmless only on the
    // demo engine that it starts itself.
    if (commandLine->engineUrl.isValid() && !commandLine->allowRemoteDemo) {
        std::fprintf(stderr,
                     "hubdesk: The headless demo runs only against the local demo engine that it "
                     "starts, because it runs an integration and delivers a real report. To run "
                     "it against the engine at %s, add --allow-remote-demo.\n",
                     qPrintable(commandLine->engineUrl.toDisplayString()));
        return 2;
    }

    QFile output;
    if (!output.open(stdout, QIODevice::WriteOnly))
        return 1;
    output.write(headlessStartLine(reason).toUtf8() + '\n');
    output.flush();

    hubdesk::HeadlessDemoOptions options;
    options.dataDir = commandLine->dataDir;
    options.engineUrl = commandLine->engineUrl;
    options.token = commandLine->token;
    options.allowRemoteEngine = commandLine->allowRemoteDemo;
    if (!commandLine->caFile.isEmpty()) {
        const hubdesk::CaFile ca = hubdesk::EngineClient::readCaFile(commandLine->caFile);
        if (!ca.error.isEmpty()) {
            std::fprintf(stderr, "hubdesk: %s\n", qPrintable(ca.error));
            return 2;
        }
        options.caCertificates = ca.certificates;
    }
    hubdesk::HeadlessDemo demo(options, &output);
    QObject::connect(&demo, &hubdesk::HeadlessDemo::finished, &app,
                     [](int exitCode) { QCoreApplication::exit(exitCode); });
    QTimer::singleShot(0, &demo, &hubdesk::HeadlessDemo::start);
    return app.exec();
}

// Adds the Language menu to the main tool bar; a choice is saved and applies at the next start.
void addLanguageMenu(hubdesk::MainWindow &window, hubdesk::Settings &settings)
{
    QList<std::pair<QString, QString>> languages;
    for (const hubdesk::Language &language : hubdesk::supportedLanguages())
        languages.append({language.code, language.nativeName});
    auto *menu = new hubdesk::LanguageMenu(languages, settings.language(), &window);
    auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    if (!toolBar)
        return;
    toolBar->addAction(menu->menuAction());
    if (auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(menu->menuAction())))
        button->setPopupMode(QToolButton::InstantPopup);
    QObject::connect(menu, &hubdesk::LanguageMenu::languageChosen, &window,
                     [&window, &settings](const QString &code) {
                         settings.setLanguage(code);
                         window.statusBar()->showMessage(
                             QCoreApplication::translate(
                                 "main", "Hubdesk shows the chosen language from its next start."),
                             10000);
                     });
}

// Adds the High Contrast switch to the main tool bar; it applies at once and is saved.
void addHighContrastAction(hubdesk::MainWindow &window, hubdesk::Settings &settings)
{
    auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    if (!toolBar)
        return;
    QAction *action = toolBar->addAction(QCoreApplication::translate("main", "High Contrast"));
    action->setObjectName(QStringLiteral("highContrastAction"));
    action->setCheckable(true);
    action->setToolTip(
        QCoreApplication::translate("main", "Show the console in white and yellow on black"));
    const QPalette standardPalette = QApplication::palette();
    const QString standardStyle = QApplication::style()->name();
    QObject::connect(action, &QAction::toggled, &window,
                     [&settings, standardPalette, standardStyle](bool on) {
                         settings.setHighContrast(on);
                         if (on)
                             QApplication::setStyle(new hubdesk::HighContrastStyle);
                         else
                             QApplication::setStyle(standardStyle);
                         QApplication::setPalette(on ? hubdesk::highContrastPalette()
                                                     : standardPalette);
                     });
    action->setChecked(settings.highContrast());
}

int runConsole(int argc, char *argv[])
{
    QApplication app(argc, argv);
    setApplicationNames();
    // Arabic lays the whole window out right to left.
    QGuiApplication::setLayoutDirection(installConsoleLanguage(app, argc, argv).textDirection());
    const std::optional<CommandLine> commandLine = parseCommandLine();
    if (!commandLine)
        return 2;

    hubdesk::Settings settings;
    QNetworkAccessManager network;
    hubdesk::EngineClient client(&network);
    if (!commandLine->caFile.isEmpty())
        settings.setCaFile(commandLine->caFile);
    if (!settings.caFile().isEmpty()) {
        const hubdesk::CaFile ca = hubdesk::EngineClient::readCaFile(settings.caFile());
        if (!ca.error.isEmpty()) {
            std::fprintf(stderr, "hubdesk: %s\n", qPrintable(ca.error));
            QMessageBox::critical(
                nullptr, QCoreApplication::translate("main", "Cannot Read the CA File"), ca.error);
            return 2;
        }
        client.setCaCertificates(ca.certificates);
    }
    hubdesk::MainWindow window(&client);
    window.restoreGeometry(settings.windowGeometry());
    window.restoreState(settings.windowState());
    addLanguageMenu(window, settings);
    addHighContrastAction(window, settings);

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
    hubdesk::TokenStore tokens;
    hubdesk::RemoteSignIn remote(&client, &window, &settings, &tokens);
    if (commandLine->signIn) {
        remote.start(commandLine->engineUrl);
    } else if (commandLine->engineUrl.isValid()) {
        settings.setMode(hubdesk::Settings::Mode::Remote);
        settings.setRemoteUrl(commandLine->engineUrl);
        connectTo(commandLine->engineUrl, commandLine->token);
    } else {
        settings.setMode(hubdesk::Settings::Mode::Local);
        launcher.setDataDir(commandLine->dataDir);
        launcher.setDemo(commandLine->demo);
        QObject::connect(&launcher, &hubdesk::EngineLauncher::ready, &window, connectTo);
        QObject::connect(
            &launcher, &hubdesk::EngineLauncher::failed, &window,
            [&window](const QString &message, hubdesk::EngineLauncher::Failure failure) {
                window.showLocalEngineFailure(
                    message, failure == hubdesk::EngineLauncher::Failure::DataDirInUse);
            });
        QObject::connect(&launcher, &hubdesk::EngineLauncher::exitedUnexpectedly, &window,
                         &hubdesk::MainWindow::showLocalEngineStopped);
        // The restarted engine listens on a new port with a new token; ready() connects to it.
        QObject::connect(&window, &hubdesk::MainWindow::restartEngineRequested, &launcher,
                         &hubdesk::EngineLauncher::restart);
        launcher.start();
    }

    QObject::connect(&app, &QCoreApplication::aboutToQuit, &window, [&] {
        settings.setWindowGeometry(window.saveGeometry());
        settings.setWindowState(window.saveState());
        launcher.stop();
    });
    // In sign-in mode the window shows once the user is signed in.
    if (!commandLine->signIn)
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
    if (noDisplay)
        return runHeadless(argc, argv, HeadlessReason::NoDisplay);
    if (hasArgument(argc, argv, "--headless"))
        return runHeadless(argc, argv, HeadlessReason::Requested);
    if (!hubdesk::canOpenDisplay(argc, argv, kDisplayProbeTimeout))
        return runHeadless(argc, argv, HeadlessReason::DisplayFailed);
    return runConsole(argc, argv);
}
