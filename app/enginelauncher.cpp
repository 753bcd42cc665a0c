// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "enginelauncher.h"

#include "applogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

#include <array>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace hubdesk {

namespace {

// How much of hubd's standard error the launcher keeps for a failure message.
constexpr qsizetype kStandardErrorKeptBytes = 16 * 1024;
constexpr int kStandardErrorTailLines = 15;

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

} // namespace

EngineLauncher::EngineLauncher(QObject *parent)
    : QObject(parent)
{
    m_startTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, &EngineLauncher::onStartTimeout);
    connect(&m_process, &QProcess::readyReadStandardOutput, this,
            &EngineLauncher::readStandardOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this,
            &EngineLauncher::readStandardError);
    connect(&m_process, &QProcess::errorOccurred, this, &EngineLauncher::onProcessError);
    connect(&m_process, &QProcess::finished, this, &EngineLauncher::onProcessFinished);
}

EngineLauncher::~EngineLauncher()
{
    stop();
}

void EngineLauncher::setHubdPath(const QString &path)
{
    m_hubdPath = path;
}

void EngineLauncher::setDataDir(const QString &dir)
{
    m_dataDir = dir;
}

void EngineLauncher::start()
{
    if (m_state != State::Idle) {
        qCWarning(lcApp) << "EngineLauncher::start() called twice; ignored";
        return;
    }
    m_state = State::Starting;

    if (m_hubdPath.isEmpty())
        m_hubdPath = findHubd();
    if (m_hubdPath.isEmpty()) {
        failLater(tr("The engine executable hubd was not found in %1. Set HUBDESK_HUBD to its "
                     "path.")
                      .arg(hubdCandidates().join(QStringLiteral(", "))));
        return;
    }
    if (!isExecutableFile(m_hubdPath)) {
        failLater(tr("The engine executable %1 does not exist or is not executable. Set "
                     "HUBDESK_HUBD to the path of hubd.")
                      .arg(m_hubdPath));
        return;
    }

    if (m_dataDir.isEmpty())
        m_dataDir = defaultDataDir();
    const bool dataDirExisted = QFileInfo::exists(m_dataDir);
    if (!QDir().mkpath(m_dataDir)) {
        failLater(tr("Cannot create the engine's data folder %1. Check its permissions or "
                     "choose another folder with --data-dir.")
                      .arg(m_dataDir));
        return;
    }
    // The folder contains student data and the engine's keys. mkpath() follows the console's
    // umask, so a folder created here is made readable by its owner only, as hubd makes its own.
    if (!dataDirExisted
        && !QFile::setPermissions(m_dataDir, QFile::ReadOwner | QFile::WriteOwner
                                                 | QFile::ExeOwner)) {
        qCWarning(lcApp) << "Cannot make the data folder" << m_dataDir << "private to its owner";
    }

    m_token = generateToken();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HUBD_ADMIN_TOKEN"), QString::fromLatin1(m_token));
    m_process.setProcessEnvironment(environment);
#ifdef Q_OS_LINUX
    // hubd gets SIGTERM when the console dies without stopping it, so no engine is orphaned.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif

    QStringList arguments = {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                             QStringLiteral("--data-dir"), m_dataDir};
    if (m_demo)
        arguments.append(QStringLiteral("--demo"));

    qCInfo(lcApp) << "Starting" << m_hubdPath << arguments;
    m_startTimer.start(m_startTimeout);
    m_process.start(m_hubdPath, arguments, QIODevice::ReadOnly);
}

void EngineLauncher::restart()
{
    if (m_state != State::Finished || m_process.state() != QProcess::NotRunning) {
        qCWarning(lcApp) << "EngineLauncher::restart() while hubd runs or starts; ignored";
        return;
    }
    qCInfo(lcApp) << "Restarting hubd";
    m_state = State::Idle;
    m_stdoutBuffer.clear();
    m_stderrTail.clear();
    m_token.clear();
    start();
}

void EngineLauncher::stop()
{
    m_startTimer.stop();
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_state = State::Stopping;

    qCInfo(lcApp) << "Stopping hubd, process" << m_process.processId();
    m_process.terminate();
    if (m_process.waitForFinished(int(m_stopTimeout.count())))
        return;
    qCWarning(lcApp) << "hubd did not stop within" << m_stopTimeout.count()
                     << "ms of SIGTERM; killing it";
    m_process.kill();
    m_process.waitForFinished(int(m_stopTimeout.count()));
}

bool EngineLauncher::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

qint64 EngineLauncher::processId() const
{
    return m_process.processId();
}

QString EngineLauncher::findHubd()
{
    const QString fromEnvironment = qEnvironmentVariable("HUBDESK_HUBD");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QStringList candidates = hubdCandidates();
    for (const QString &candidate : candidates) {
        if (isExecutableFile(candidate))
            return candidate;
    }
    return {};
}

QStringList EngineLauncher::hubdCandidates()
{
    QStringList candidates;
    if (QCoreApplication::instance())
        candidates.append(
            QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("hubd")));
#ifdef HUBDESK_BUILD_TREE_HUBD
    candidates.append(QStringLiteral(HUBDESK_BUILD_TREE_HUBD));
#endif
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("hubd"));
    candidates.append(onPath.isEmpty() ? QStringLiteral("PATH") : onPath);
    return candidates;
}

QString EngineLauncher::defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("engine"));
}

QByteArray EngineLauncher::generateToken()
{
    std::array<quint32, 8> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    return QByteArray(reinterpret_cast<const char *>(words.data()), sizeof(words)).toHex();
}

void EngineLauncher::readStandardOutput()
{
    m_stdoutBuffer.append(m_process.readAllStandardOutput());
    if (m_state != State::Starting) {
        m_stdoutBuffer.clear();
        return;
    }

    static const QRegularExpression listening(
        QStringLiteral("^hubd listening on (http://[^\\s]+)$"));
    qsizetype newline = -1;
    while ((newline = m_stdoutBuffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stdoutBuffer.left(newline)).trimmed();
        m_stdoutBuffer.remove(0, newline + 1);
        const QRegularExpressionMatch match = listening.match(line);
        if (!match.hasMatch())
            continue;

        const QUrl baseUrl(match.captured(1));
        if (!baseUrl.isValid() || QHostAddress(baseUrl.host()) != QHostAddress::LocalHost
            || baseUrl.port() <= 0) {
            fail(tr("The engine reported the address %1, which is not a port on 127.0.0.1.")
                     .arg(match.captured(1)));
            return;
        }
        m_startTimer.stop();
        m_state = State::Ready;
        m_stdoutBuffer.clear();
        qCInfo(lcApp) << "hubd is ready at" << baseUrl.toString() << "process"
                      << m_process.processId();
        emit ready(baseUrl, m_token);
        return;
    }
}

void EngineLauncher::readStandardError()
{
    const QByteArray data = m_process.readAllStandardError();
    qCDebug(lcApp).noquote() << "hubd:" << QString::fromUtf8(data).trimmed();
    m_stderrTail.append(data);
    if (m_stderrTail.size() > kStandardErrorKeptBytes)
        m_stderrTail.remove(0, m_stderrTail.size() - kStandardErrorKeptBytes);
}

void EngineLauncher::onProcessError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart) {
        fail(tr("Cannot start the engine %1: %2").arg(m_hubdPath, m_process.errorString()));
        return;
    }
    qCWarning(lcApp) << "hubd process error" << error << m_process.errorString();
}

void EngineLauncher::onProcessFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    readStandardError();
    const QString exitDescription = exitStatus == QProcess::CrashExit
                                        ? tr("crashed")
                                        : tr("exited with code %1").arg(exitCode);
    const QString tail = standardErrorTail();
    const QString tailText
        = tail.isEmpty() ? QString()
                         : QLatin1Char('\n') + tr("Its last messages:") + QLatin1Char('\n') + tail;

    const State previous = m_state;
    if (previous == State::Starting) {
        if (const QString inUse = dataDirInUseMessage(); !inUse.isEmpty()) {
            fail(inUse, Failure::DataDirInUse);
            return;
        }
        fail(tr("The engine %1 %2 before it was ready.").arg(m_hubdPath, exitDescription)
             + tailText);
        return;
    }
    m_state = State::Finished;
    if (previous == State::Ready) {
        const QString problems = standardErrorProblems();
        const QString message
            = tr("The local engine %1 %2.").arg(m_hubdPath, exitDescription)
              + (problems.isEmpty()
                     ? QString()
                     : QLatin1Char('\n') + tr("Its last messages:") + QLatin1Char('\n') + problems);
        qCWarning(lcApp).noquote() << message;
        emit exitedUnexpectedly(message);
        return;
    }
    qCInfo(lcApp) << "hubd stopped:" << exitDescription;
}

void EngineLauncher::onStartTimeout()
{
    if (m_state != State::Starting)
        return;
    fail(tr("The engine %1 did not report its address within %2 seconds.")
             .arg(m_hubdPath, QString::number(m_startTimeout.count() / 1000.0)));
}

void EngineLauncher::fail(const QString &message, Failure failure)
{
    if (m_state != State::Starting)
        return;
    m_state = State::Finished;
    m_startTimer.stop();
    // A hubd that started but cannot be used must not linger.
    if (m_process.state() != QProcess::NotRunning)
        m_process.kill();
    qCWarning(lcApp).noquote() << message;
    emit failed(message, failure);
}

void EngineLauncher::failLater(const QString &message)
{
    QTimer::singleShot(0, this, [this, message] { fail(message); });
}

QString EngineLauncher::standardErrorTail() const
{
    QStringList lines = QString::fromUtf8(m_stderrTail).trimmed().split(QLatin1Char('\n'));
    if (lines.size() > kStandardErrorTailLines)
        lines = lines.mid(lines.size() - kStandardErrorTailLines);
    return lines.join(QLatin1Char('\n')).trimmed();
}

QString EngineLauncher::standardErrorProblems() const
{
    // hubd writes lines such as "2026-12-05T06:00:00.000 info hub.http: ...", with the level
    // after the time stamp. Lines without that shape, such as a crash report, count as problems.
    static const QRegularExpression routine(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\S+ (info|debug) "));
    const QStringList lines = QString::fromUtf8(m_stderrTail).trimmed().split(QLatin1Char('\n'));
    QStringList problems;
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty() && !routine.match(line).hasMatch())
            problems.append(line);
    }
    if (problems.size() > kStandardErrorTailLines)
        problems = problems.mid(problems.size() - kStandardErrorTailLines);
    return problems.join(QLatin1Char('\n')).trimmed();
}

QString EngineLauncher::dataDirInUseMessage() const
{
    // hubd locks its data folder and, when another hubd holds the lock, exits after printing
    // "hubd: The data folder DIR is in use by another hubd (process PID)." to standard error.
    // Newer engines may add the host after the process id.
    static const QRegularExpression inUse(
        QStringLiteral("The data folder (.+) is in use by another hubd \\(process (\\d+)"));
    const QStringList lines = standardErrorTail().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = inUse.match(line);
        if (!match.hasMatch())
            continue;
        return tr("The engine's data folder %1 is in use by another engine (hubd, process %2), "
                  "probably started by another Hubdesk console.\n\n"
                  "Close that console or stop that process, then start Hubdesk again. To run "
                  "a second console at the same time, start it with --data-dir and another "
                  "folder.")
            .arg(match.captured(1), match.captured(2));
    }
    return {};
}

} // namespace hubdesk
