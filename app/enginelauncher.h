// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

#include <chrono>

namespace hubdesk {

// Starts the local engine, hubd, as a child process on 127.0.0.1 with a free port and a random
// one-time admin token, and stops it when the console quits. The token reaches hubd only
// through the environment variable HUBD_ADMIN_TOKEN, never on its command line, where other
// users of the machine could read it.
class EngineLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineLauncher)

public:
    enum class Failure {
        // hubd is missing, could not start, exited early or never reported its address.
        StartFailed,
        // hubd exited because another hubd uses the same data folder.
        DataDirInUse
    };
    Q_ENUM(Failure)

    explicit EngineLauncher(QObject *parent = nullptr);
    // Stops hubd when it still runs.
    ~EngineLauncher() override;

    // The hubd executable to start; empty means findHubd().
    void setHubdPath(const QString &path);
    QString hubdPath() const { return m_hubdPath; }
    // The engine's data folder; empty means defaultDataDir().
    void setDataDir(const QString &dir);
    QString dataDir() const { return m_dataDir; }
    // Makes hubd load the demo district into an empty store (hubd --demo).
    void setDemo(bool demo) { m_demo = demo; }
    // How long hubd may take to print its address; 30 s by default.
    void setStartTimeout(std::chrono::milliseconds timeout) { m_startTimeout = timeout; }
    // How long stop() waits after SIGTERM before it kills hubd; 10 s by default.
    void setStopTimeout(std::chrono::milliseconds timeout) { m_stopTimeout = timeout; }

    // Starts hubd. Emits ready() or failed() once, always after start() has returned.
    void start();
    // Starts hubd again after it failed or exited by itself, with a new port and admin token;
    // emits ready() or failed() as start() does. Does nothing while hubd runs or starts.
    void restart();
    // Sends SIGTERM, waits up to the stop timeout for hubd to finish its running runs, then
    // kills it. Blocks until hubd has exited; meant for the console's shutdown.
    void stop();

    bool isRunning() const;
    qint64 processId() const;

    // The hubd executable: HUBDESK_HUBD when set, else the first executable of
    // hubdCandidates(); empty when there is none.
    static QString findHubd();
    // Where findHubd() looks, in order: beside the running executable, in this build tree,
    // on PATH.
    static QStringList hubdCandidates();
    // The application-data folder's "engine" subfolder.
    static QString defaultDataDir();
    // 32 random bytes from the system's secure generator, as 64 hex digits.
    static QByteArray generateToken();

signals:
    void ready(const QUrl &baseUrl, const QByteArray &token);
    void failed(const QString &message, hubdesk::EngineLauncher::Failure failure);
    // hubd exited by itself after ready(), such as after a crash.
    void exitedUnexpectedly(const QString &message);

private:
    enum class State { Idle, Starting, Ready, Stopping, Finished };

    void readStandardOutput();
    void readStandardError();
    void onProcessError(QProcess::ProcessError error);
    void onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onStartTimeout();
    void fail(const QString &message, Failure failure = Failure::StartFailed);
    void failLater(const QString &message);
    QString standardErrorTail() const;
    // Returns the warning and error lines among the last lines of standard error, which may
    // be none, such as after a kill.
    QString standardErrorProblems() const;
    QString dataDirInUseMessage() const;

    QProcess m_process;
    QTimer m_startTimer;
    State m_state = State::Idle;
    QString m_hubdPath;
    QString m_dataDir;
    bool m_demo = false;
    std::chrono::milliseconds m_startTimeout{30000};
    std::chrono::milliseconds m_stopTimeout{10000};
    QByteArray m_token;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderrTail;
};

} // namespace hubdesk
