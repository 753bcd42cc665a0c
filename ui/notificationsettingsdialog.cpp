// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "notificationsettingsdialog.h"

#include "engineclient.h"
#include "secretfield.h"
#include "timeformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTimeEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace hubdesk {

namespace {

const QString kSettingsPath = QStringLiteral("/api/v1/notifications/settings");

QStringList splitAddresses(const QString &text)
{
    QStringList addresses;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[,;\\s]+")),
                                         Qt::SkipEmptyParts);
    for (const QString &part : parts)
        addresses.append(part.trimmed());
    return addresses;
}

} // namespace

NotificationSettingsDialog::NotificationSettingsDialog(EngineClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_onFailure(new QCheckBox(tr("A run fails")))
    , m_onRecovery(new QCheckBox(tr("A run succeeds after a failure")))
    , m_onLongRun(new QCheckBox(tr("A run takes more than 3 times its median duration")))
    , m_emailBox(new QGroupBox(tr("Email")))
    , m_recipients(new QLineEdit)
    , m_from(new QLineEdit)
    , m_host(new QLineEdit)
    , m_port(new QSpinBox)
    , m_security(new QComboBox)
    , m_username(new QLineEdit)
    , m_password(new SecretField(QStringLiteral("smtpPasswordEdit"), tr("SMTP password")))
    , m_webhookBox(new QGroupBox(tr("Webhook")))
    , m_webhookUrl(new QLineEdit)
    , m_signingKey(new SecretField(QStringLiteral("webhookSigningKeyEdit"), tr("Signing key")))
    , m_dailySummary(new QCheckBox(tr("Email a summary of the previous day's runs at")))
    , m_summaryTime(new QTimeEdit)
    , m_summaryZone(new QLabel)
    , m_message(new QLabel)
    , m_testButton(new QPushButton(tr("Send Test")))
    , m_saveButton(new QPushButton(tr("Save")))
{
    setObjectName(QStringLiteral("notificationSettingsDialog"));
    setWindowTitle(tr("Run Notifications"));
    const QList<QPair<QWidget *, QString>> names = {
        {m_onFailure, QStringLiteral("notifyOnFailureCheck")},
        {m_onRecovery, QStringLiteral("notifyOnRecoveryCheck")},
        {m_onLongRun, QStringLiteral("notifyOnLongRunCheck")},
        {m_emailBox, QStringLiteral("emailGroup")},
        {m_recipients, QStringLiteral("emailRecipientsEdit")},
        {m_from, QStringLiteral("emailFromEdit")},
        {m_host, QStringLiteral("smtpHostEdit")},
        {m_port, QStringLiteral("smtpPortSpin")},
        {m_security, QStringLiteral("smtpSecurityCombo")},
        {m_username, QStringLiteral("smtpUsernameEdit")},
        {m_webhookBox, QStringLiteral("webhookGroup")},
        {m_webhookUrl, QStringLiteral("webhookUrlEdit")},
        {m_dailySummary, QStringLiteral("dailySummaryCheck")},
        {m_summaryTime, QStringLiteral("dailySummaryTimeEdit")},
        {m_summaryZone, QStringLiteral("dailySummaryZoneLabel")},
        {m_message, QStringLiteral("notificationMessage")},
        {m_testButton, QStringLiteral("sendTestButton")},
        {m_saveButton, QStringLiteral("saveNotificationsButton")},
    };
    for (const auto &[widget, name] : names)
        widget->setObjectName(name);

    m_emailBox->setCheckable(true);
    m_webhookBox->setCheckable(true);
    m_port->setRange(1, 65535);
    m_port->setValue(587);
    m_security->addItem(tr("STARTTLS"), QStringLiteral("starttls"));
    m_security->addItem(tr("TLS"), QStringLiteral("tls"));
    m_security->addItem(tr("None (no credentials)"), QStringLiteral("none"));
    m_recipients->setPlaceholderText(tr("coordinator@district.org, data-team@district.org"));
    m_webhookUrl->setPlaceholderText(QStringLiteral("https://"));
    m_summaryTime->setDisplayFormat(timeEditFormat());
    m_summaryTime->setTime(QTime(7, 0));
    // The engine sends the summary at this time of the district's zone, which the label names
    // as the runbook does ("EST"), with the zone's id in the tool tip.
    const QTimeZone zone(m_client->districtTimeZone());
    if (zone.isValid()) {
        m_summaryZone->setText(zone.abbreviation(QDateTime::currentDateTimeUtc()));
        m_summaryZone->setToolTip(
            tr("Time zone of the district: %1").arg(QString::fromUtf8(zone.id())));
    } else {
        m_summaryZone->hide();
    }
    m_message->setWordWrap(true);
    m_message->hide();

    auto events = new QGroupBox(tr("Notify When"));
    auto eventsLayout = new QVBoxLayout(events);
    for (QCheckBox *box : {m_onFailure, m_onRecovery, m_onLongRun}) {
        box->setChecked(true);
        eventsLayout->addWidget(box);
    }

    auto email = new QFormLayout(m_emailBox);
    email->addRow(tr("&Recipients:"), m_errors.wrap(QStringLiteral("email.recipients"), m_recipients));
    email->addRow(tr("&From:"), m_errors.wrap(QStringLiteral("email.from"), m_from));
    email->addRow(tr("SMTP &server:"), m_errors.wrap(QStringLiteral("email.host"), m_host));
    email->addRow(tr("&Port:"), m_errors.wrap(QStringLiteral("email.port"), m_port));
    email->addRow(tr("Se&curity:"), m_errors.wrap(QStringLiteral("email.security"), m_security));
    email->addRow(tr("&User name:"), m_username);
    email->addRow(tr("Pass&word:"), m_password);

    auto webhook = new QFormLayout(m_webhookBox);
    webhook->addRow(tr("&URL:"), m_errors.wrap(QStringLiteral("webhook.url"), m_webhookUrl));
    webhook->addRow(tr("Signing &key:"), m_signingKey);

    auto summary = new QHBoxLayout;
    summary->addWidget(m_dailySummary);
    summary->addWidget(
        m_errors.wrap(QStringLiteral("dailySummary.time"), m_summaryTime, m_summaryZone));
    summary->addStretch();

    auto buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_testButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveButton, QDialogButtonBox::ApplyRole);
    m_errors.setFallbackLabel(m_message);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(events);
    layout->addWidget(m_emailBox);
    layout->addWidget(m_webhookBox);
    layout->addLayout(summary);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    m_pollTimer.setInterval(kTestPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &NotificationSettingsDialog::pollTest);
    connect(m_saveButton, &QPushButton::clicked, this, &NotificationSettingsDialog::save);
    connect(m_testButton, &QPushButton::clicked, this, &NotificationSettingsDialog::sendTest);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

NotificationSettingsDialog::~NotificationSettingsDialog()
{
    if (m_job)
        m_job->abort();
}

bool NotificationSettingsDialog::event(QEvent *event)
{
    const bool handled = QDialog::event(event);
    // The layout has handled the request by now, so sizeHint() includes new error labels.
    if (event->type() == QEvent::LayoutRequest && isVisible() && height() < sizeHint().height())
        resize(width(), sizeHint().height());
    return handled;
}

void NotificationSettingsDialog::load()
{
    setBusy(true);
    m_job = m_client->get(kSettingsPath);
    connect(m_job, &ApiJob::finished, this, [this](const ApiResult &result) {
        setBusy(false);
        if (result.ok())
            setSettings(result.body.object());
        else
            showMessage(tr("Cannot load the notification settings: %1").arg(result.errorMessage), true);
        emit loaded();
    });
}

void NotificationSettingsDialog::setSettings(const QJsonObject &settings)
{
    const QJsonObject events = settings.value(QStringLiteral("events")).toObject();
    m_onFailure->setChecked(events.value(QStringLiteral("failure")).toBool(true));
    m_onRecovery->setChecked(events.value(QStringLiteral("recovery")).toBool(true));
    m_onLongRun->setChecked(events.value(QStringLiteral("longRun")).toBool(true));

    const QJsonObject email = settings.value(QStringLiteral("email")).toObject();
    m_emailBox->setChecked(email.value(QStringLiteral("enabled")).toBool());
    QStringList recipients;
    const QJsonArray list = email.value(QStringLiteral("recipients")).toArray();
    for (const QJsonValue &recipient : list)
        recipients.append(recipient.toString());
    m_recipients->setText(recipients.join(QStringLiteral(", ")));
    m_from->setText(email.value(QStringLiteral("from")).toString());
    m_host->setText(email.value(QStringLiteral("host")).toString());
    m_port->setValue(email.value(QStringLiteral("port")).toInt(587));
    m_security->setCurrentIndex(
        qMax(0, m_security->findData(email.value(QStringLiteral("security")).toString())));
    m_username->setText(email.value(QStringLiteral("username")).toString());
    m_password->setStored(email.value(QStringLiteral("password")).isObject());

    const QJsonObject webhook = settings.value(QStringLiteral("webhook")).toObject();
    m_webhookBox->setChecked(webhook.value(QStringLiteral("enabled")).toBool());
    m_webhookUrl->setText(webhook.value(QStringLiteral("url")).toString());
    m_signingKey->setStored(webhook.value(QStringLiteral("signingKey")).isObject());

    const QJsonObject summary = settings.value(QStringLiteral("dailySummary")).toObject();
    m_dailySummary->setChecked(summary.value(QStringLiteral("enabled")).toBool());
    m_summaryTime->setTime(QTime::fromString(
        summary.value(QStringLiteral("time")).toString(QStringLiteral("07:00")), QStringLiteral("HH:mm")));
}

QJsonObject NotificationSettingsDialog::settings() const
{
    QJsonArray recipients;
    for (const QString &address : splitAddresses(m_recipients->text()))
        recipients.append(address);
    QJsonObject email{
        {QStringLiteral("enabled"), m_emailBox->isChecked()},
        {QStringLiteral("recipients"), recipients},
        {QStringLiteral("from"), m_from->text().trimmed()},
        {QStringLiteral("host"), m_host->text().trimmed()},
        {QStringLiteral("port"), m_port->value()},
        {QStringLiteral("security"), m_security->currentData().toString()},
        {QStringLiteral("username"), m_username->text()},
    };
    const QJsonValue password = m_password->value();
    if (!password.isUndefined())
        email.insert(QStringLiteral("password"), password);
    QJsonObject webhook{
        {QStringLiteral("enabled"), m_webhookBox->isChecked()},
        {QStringLiteral("url"), m_webhookUrl->text().trimmed()},
    };
    const QJsonValue signingKey = m_signingKey->value();
    if (!signingKey.isUndefined())
        webhook.insert(QStringLiteral("signingKey"), signingKey);
    return QJsonObject{
        {QStringLiteral("events"), QJsonObject{{QStringLiteral("failure"), m_onFailure->isChecked()},
                                               {QStringLiteral("recovery"), m_onRecovery->isChecked()},
                                               {QStringLiteral("longRun"), m_onLongRun->isChecked()}}},
        {QStringLiteral("email"), email},
        {QStringLiteral("webhook"), webhook},
        {QStringLiteral("dailySummary"),
         QJsonObject{{QStringLiteral("enabled"), m_dailySummary->isChecked()},
                     {QStringLiteral("time"), m_summaryTime->time().toString(QStringLiteral("HH:mm"))}}},
    };
}

void NotificationSettingsDialog::save()
{
    m_errors.clear();
    setBusy(true);
    m_job = m_client->put(kSettingsPath, settings());
    connect(m_job, &ApiJob::finished, this, [this](const ApiResult &result) {
        setBusy(false);
        if (result.ok()) {
            setSettings(result.body.object());
            showMessage(tr("Saved."), false);
            emit saved();
            return;
        }
        if (!result.fieldErrors.isEmpty()) {
            if (QWidget *field = m_errors.show(result.fieldErrors, this))
                field->setFocus();
            showMessage(tr("Correct the marked fields and save again."), true);
        } else {
            showMessage(tr("Cannot save the notification settings: %1").arg(result.errorMessage), true);
        }
    });
}

void NotificationSettingsDialog::sendTest()
{
    setBusy(true);
    showMessage(tr("Sending a test through the saved settings…"), false);
    m_job = m_client->post(QStringLiteral("/api/v1/notifications/test"));
    connect(m_job, &ApiJob::finished, this, [this](const ApiResult &result) {
        if (!result.ok()) {
            setBusy(false);
            showMessage(tr("Cannot send a test: %1").arg(result.errorMessage), true);
            emit testFinished();
            return;
        }
        m_testIds.clear();
        const QJsonArray ids = result.body.object().value(QStringLiteral("notifications")).toArray();
        for (const QJsonValue &id : ids)
            m_testIds.insert(id.toInteger());
        m_testPolls = 0;
        m_pollTimer.start();
    });
}

void NotificationSettingsDialog::pollTest()
{
    if (m_job)
        return;
    if (++m_testPolls * kTestPollMs > kTestTimeoutMs) {
        m_pollTimer.stop();
        setBusy(false);
        showMessage(tr("The test is still being sent; see the notification list later."), true);
        emit testFinished();
        return;
    }
    m_job = m_client->get(QStringLiteral("/api/v1/notifications"));
    connect(m_job, &ApiJob::finished, this, [this](const ApiResult &result) {
        if (!result.ok())
            return;
        QStringList lines;
        bool anyFailed = false;
        int done = 0;
        const QJsonArray list = result.body.object().value(QStringLiteral("notifications")).toArray();
        for (const QJsonValue &entry : list) {
            if (!m_testIds.contains(entry[QStringLiteral("id")].toInteger()))
                continue;
            const QString status = entry[QStringLiteral("status")].toString();
            const QString channel = entry[QStringLiteral("channel")].toString() == QLatin1String("email")
                                        ? tr("Test email")
                                        : tr("Test webhook");
            if (status == QLatin1String("sent")) {
                lines.append(tr("%1 sent.").arg(channel));
                ++done;
            } else if (status == QLatin1String("failed")) {
                lines.append(tr("%1 failed: %2").arg(channel, entry[QStringLiteral("error")].toString()));
                anyFailed = true;
                ++done;
            }
        }
        if (done < m_testIds.size())
            return;
        m_pollTimer.stop();
        setBusy(false);
        showMessage(lines.join(QLatin1Char('\n')), anyFailed);
        emit testFinished();
    });
}

QString NotificationSettingsDialog::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void NotificationSettingsDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b71c1c;") : QString());
    m_message->show();
}

void NotificationSettingsDialog::setBusy(bool busy)
{
    m_testButton->setEnabled(!busy);
    m_saveButton->setEnabled(!busy);
}

} // namespace hubdesk
