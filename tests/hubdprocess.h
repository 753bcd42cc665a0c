// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "apitestclient.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

// The test that includes this header defines HUBD_PATH as the path of the hubd executable.

namespace hubtest {

// A hubd process with its demo district, listening on a free port of 127.0.0.1. Its output
// includes every hub.* debug message (--verbose).
class HubdProcess
{
public:
    QString baseUrl;
    QString output;

    ~HubdProcess() { stop(); }

    bool start(const QString &dataDir, const QByteArray &token)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HUBD_ADMIN_TOKEN"), QString::fromLatin1(token));
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral(HUBD_PATH),
                        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--data-dir"), dataDir, QStringLiteral("--demo"),
                         QStringLiteral("--workers"), QStringLiteral("1"),
                         QStringLiteral("--verbose")});
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(QStringLiteral("hubd listening on (\\S+)"));
        const QDeadlineTimer deadline(60000);
        while (!deadline.hasExpired() && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(200);
            output += QString::fromUtf8(m_process.readAll());
            const QRegularExpressionMatch match = listening.match(output);
            if (match.hasMatch()) {
                baseUrl = match.captured(1);
                if (baseUrl.endsWith(QLatin1Char('/')))
                    baseUrl.chop(1);
                return true;
            }
        }
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
        output += QString::fromUtf8(m_process.readAll());
    }

private:
    QProcess m_process;
};

// The credentials of a OneRoster application registered at a provider engine.
struct OneRosterApplication
{
    QString clientId;
    QString clientSecret;
    // The provider's reply, for a test's failure message.
    ApiReply reply;

    bool isValid() const { return reply.status == 201 && !clientId.isEmpty() && !clientSecret.isEmpty(); }
};

// Registers a OneRoster application at the engine behind providerApi with the rostering and
// demographics read scopes, as a district does for the hub that pulls from it.
inline OneRosterApplication registerOneRosterApplication(ApiTestClient &providerApi,
                                                         const QString &name)
{
    OneRosterApplication application;
    application.reply = providerApi.post(
        QStringLiteral("/api/v1/oneroster/applications"),
        QJsonObject{{QStringLiteral("name"), name},
                    {QStringLiteral("scopes"),
                     QJsonArray{QStringLiteral("roster-core.readonly"),
                                QStringLiteral("roster.readonly"),
                                QStringLiteral("roster-demographics.readonly")}}});
    application.clientId = application.reply.json.value(QStringLiteral("clientId")).toString();
    application.clientSecret
        = application.reply.json.value(QStringLiteral("clientSecret")).toString();
    return application;
}

} // namespace hubtest
