// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "engine.h"
#include "engineclient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

namespace hubtest {

// An in-process demo engine on 127.0.0.1 with its data in a temporary folder, and a console
// client connected to it, for the GUI tests.
class UiTestEngine final
{
    Q_DISABLE_COPY_MOVE(UiTestEngine)

public:
    static constexpr int kRequestTimeoutMs = 15000;

    UiTestEngine() = default;

    // Makes the engine's scheduler and schedule routes read the time from clock; call it
    // before start().
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // Starts the engine and runs the client's health check; returns an error message or an
    // empty string.
    QString start()
    {
        if (!m_dataDir.isValid())
            return QStringLiteral("Cannot create a temporary data folder.");
        hub::EngineOptions options;
        options.address = QHostAddress::LocalHost;
        options.port = 0;
        options.dataDir = m_dataDir.path();
        options.adminToken = QByteArrayLiteral("test-token-0123456789");
        options.demo = true;
        options.schedulerIntervalMs = 200;
        options.clock = m_clock;
        m_engine = std::make_unique<hub::Engine>(options);
        auto started = m_engine->start();
        if (!started.ok())
            return started.error();

        m_client = std::make_unique<hubdesk::EngineClient>(&m_network);
        m_client->setBaseUrl(m_engine->baseUrl());
        m_client->setToken(options.adminToken);
        const hubdesk::ApiResult health = wait(m_client->checkHealth());
        if (!health.ok())
            return QStringLiteral("The health check failed: %1").arg(health.errorMessage);
        return {};
    }

    void stop()
    {
        m_client.reset();
        if (m_engine)
            m_engine->stop();
        m_engine.reset();
    }

    hubdesk::EngineClient *client() const { return m_client.get(); }
    // The engine itself, for fixtures written to its store and for stopping its workers.
    hub::Engine *engine() const { return m_engine.get(); }
    QString dataDir() const { return m_dataDir.path(); }

    // Waits for job's result; a job that does not finish in time gives httpStatus 0.
    static hubdesk::ApiResult wait(hubdesk::ApiJob *job)
    {
        std::optional<hubdesk::ApiResult> result;
        QObject::connect(job, &hubdesk::ApiJob::finished, job,
                         [&result](const hubdesk::ApiResult &finished) { result = finished; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, kRequestTimeoutMs)) {
            job->abort();
            return {};
        }
        return *result;
    }

    QJsonObject getObject(const QString &path) const
    {
        return wait(m_client->get(path)).body.object();
    }

    QJsonObject productNamed(const QString &name) const
    {
        const QJsonArray products = getObject(QStringLiteral("/api/v1/catalog/products"))
                                        .value(QStringLiteral("products"))
                                        .toArray();
        for (const QJsonValue &product : products) {
            if (product[QStringLiteral("name")].toString() == name)
                return product.toObject();
        }
        return {};
    }

    // The id of the integration whose display name contains text, or 0.
    qint64 integrationIdNamed(const QString &text) const
    {
        const QJsonArray integrations = getObject(QStringLiteral("/api/v1/integrations"))
                                            .value(QStringLiteral("integrations"))
                                            .toArray();
        for (const QJsonValue &integration : integrations) {
            if (integration[QStringLiteral("displayName")].toString().contains(text))
                return integration[QStringLiteral("id")].toInteger();
        }
        return 0;
    }

private:
    QTemporaryDir m_dataDir;
    std::function<QDateTime()> m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubdesk::EngineClient> m_client;
};

// Saves a picture of widget as name.png in the folder that HUBDESK_SCREENSHOT_DIR names, so
// that a run under Xvfb can produce screenshots. Without the variable it does nothing.
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("HUBDESK_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    const QString path = QDir(folder).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path))
        qWarning("Cannot save the screenshot %s", qPrintable(path));
}

} // namespace hubtest
