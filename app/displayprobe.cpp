// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "displayprobe.h"

#include <QGuiApplication>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#endif

namespace hubdesk {

namespace {

#ifdef Q_OS_UNIX
constexpr int kPlatformFailedExitCode = 3;

// Runs in the forked child: creates the application object and exits without any cleanup.
[[noreturn]] void probeInChild(int argc, char *argv[])
{
    // Qt's messages about the failed platform belong to the probe, not to the user.
    const int devNull = ::open("/dev/null", O_WRONLY);
    if (devNull >= 0) {
        ::dup2(devNull, STDOUT_FILENO);
        ::dup2(devNull, STDERR_FILENO);
    }
    // Qt calls the handler before it aborts, so a fatal message ends the child with an exit
    // code instead of SIGABRT and a core dump.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &) {
        if (type == QtFatalMsg)
            ::_exit(kPlatformFailedExitCode);
    });
    QGuiApplication app(argc, argv);
    ::_exit(0);
}
#endif

} // namespace

bool canOpenDisplay(int argc, char *argv[], std::chrono::milliseconds timeout)
{
#ifdef Q_OS_UNIX
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t child = ::fork();
    if (child < 0)
        return true;
    if (child == 0)
        probeInChild(argc, argv);

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    for (;;) {
        const pid_t finished = ::waitpid(child, &status, WNOHANG);
        if (finished == child)
            return WIFEXITED(status) && WEXITSTATUS(status) == 0;
        if (finished < 0 && errno != EINTR)
            return true;
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
#else
    Q_UNUSED(argc)
    Q_UNUSED(argv)
    Q_UNUSED(timeout)
    return true;
#endif
}

QString displayName()
{
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    const QString x11 = qEnvironmentVariable("DISPLAY");
    const QString wayland = qEnvironmentVariable("WAYLAND_DISPLAY");
    if (platform.startsWith(QLatin1String("wayland")) && !wayland.isEmpty())
        return wayland;
    if (!x11.isEmpty())
        return x11;
    if (!wayland.isEmpty())
        return wayland;
    return platform;
}

} // namespace hubdesk
