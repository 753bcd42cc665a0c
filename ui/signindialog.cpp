// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "signindialog.h"

#include "engineclient.h"
#include "tokenstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hubdesk {

SignInDialog::SignInDialog(EngineClient *client, TokenStore *tokens, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_tokens(tokens)
    , m_url(new QLineEdit)
    , m_user(new QLineEdit)
    , m_password(new QLineEdit)
    , m_caFile(new QLineEdit)
    , m_caFileButton(new QPushButton(tr("Browse…")))
    , m_remember(new QCheckBox(tr("Remember me on this computer")))
    , m_error(new QLabel)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign In to an Engine"));

    m_url->setObjectName(QStringLiteral("engineUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("https://hub.example.org:8470"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setPlaceholderText(tr("System certificates only"));
    // Wide enough for the whole placeholder, which explains what an empty field means.
    m_caFile->setMinimumWidth(m_caFile->fontMetrics().horizontalAdvance(m_caFile->placeholderText())
                              + 3 * m_caFile->fontMetrics().averageCharWidth());
    m_caFile->setToolTip(tr("A PEM file with the certificate of the authority that issued the "
                            "engine's certificate, when your district runs its own"));
    m_caFile->setClearButtonEnabled(true);
    m_caFileButton->setObjectName(QStringLiteral("caFileButton"));
    m_caFileButton->setAccessibleName(tr("Choose the CA file"));
    // Enter anywhere in the dialog signs in. Browse opens the chooser only when clicked.
    m_caFileButton->setAutoDefault(false);
    connect(m_caFileButton, &QPushButton::clicked, this, &SignInDialog::chooseCaFile);
    connect(m_url, &QLineEdit::textChanged, this, &SignInDialog::fillRememberedCaFile);
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_remember->setToolTip(tr("Keep the sign-in in the system keychain, so Hubdesk signs in "
                              "without the password until you sign out"));
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setVisible(false);

    auto intro = new QLabel(tr("Enter the address of the Hubdesk engine and your account."));
    intro->setWordWrap(true);
    auto form = new QFormLayout;
    form->addRow(tr("Engine URL:"), m_url);
    form->addRow(tr("User name:"), m_user);
    form->addRow(tr("Password:"), m_password);
    auto caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_caFileButton);
    form->addRow(tr("CA file:"), caRow);
    if (auto label = qobject_cast<QLabel *>(form->labelForField(caRow)))
        label->setBuddy(m_caFile);
    form->addRow(QString(), m_remember);

    auto buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_signInButton = buttons->addButton(tr("Sign In"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signInButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    // The dialog grows when an error appears instead of squeezing the fields.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    // Set after the button is inside the dialog, because only then does the dialog make it the
    // button that Enter presses.
    m_signInButton->setDefault(true);
    setMinimumWidth(460);
}

SignInDialog::~SignInDialog()
{
    if (m_job)
        m_job->abort();
}

void SignInDialog::setEngineUrl(const QUrl &url)
{
    m_url->setText(url.toString());
    focusFirstEmptyField();
}

void SignInDialog::setUser(const QString &user)
{
    m_user->setText(user);
    focusFirstEmptyField();
}

void SignInDialog::focusFirstEmptyField()
{
    // Typing must not go into a field that is filled in already, such as the URL from
    // --engine-url.
    if (m_url->text().isEmpty())
        m_url->setFocus();
    else if (m_user->text().isEmpty())
        m_user->setFocus();
    else
        m_password->setFocus();
}

void SignInDialog::setRemember(bool remember)
{
    m_remember->setChecked(remember);
}

QUrl SignInDialog::engineUrl() const
{
    return QUrl(m_url->text().trimmed(), QUrl::StrictMode);
}

QString SignInDialog::user() const
{
    return m_user->text().trimmed();
}

bool SignInDialog::remember() const
{
    return m_remember->isChecked();
}

void SignInDialog::setCaFile(const QString &path)
{
    m_caFile->setText(path);
}

QString SignInDialog::caFile() const
{
    return m_caFile->text().trimmed();
}

void SignInDialog::setRememberedCaFiles(const QHash<QString, QString> &byEngine)
{
    m_rememberedCaFiles = byEngine;
    fillRememberedCaFile();
}

void SignInDialog::fillRememberedCaFile()
{
    const QUrl url = engineUrl();
    if (!url.isValid() || url.host().isEmpty())
        return;
    const auto remembered = m_rememberedCaFiles.constFind(EngineClient::engineKey(url));
    if (remembered != m_rememberedCaFiles.constEnd())
        m_caFile->setText(*remembered);
}

void SignInDialog::chooseCaFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose the CA File"), caFile(), tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        m_caFile->setText(path);
}

QString SignInDialog::urlProblem(const QUrl &url) const
{
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return tr("Enter the engine's address as https://host:port.");
    // A password must not cross a network in clear text; only this computer may use http.
    const QHostAddress address(url.host());
    const bool loopback = url.host() == QLatin1String("localhost")
                          || (!address.isNull() && address.isLoopback());
    if (scheme == QLatin1String("http") && !loopback)
        return tr("The engine at %1 must use https:// because the password would cross the "
                  "network unencrypted.")
            .arg(url.host());
    return {};
}

void SignInDialog::signIn()
{
    if (m_job)
        return;
    const QUrl url = engineUrl();
    if (const QString problem = urlProblem(url); !problem.isEmpty()) {
        showError(problem);
        m_url->setFocus();
        return;
    }
    if (user().isEmpty() || m_password->text().isEmpty()) {
        showError(tr("Enter your user name and password."));
        (user().isEmpty() ? m_user : m_password)->setFocus();
        return;
    }
    // Without a CA file only the system's certificate authorities are trusted.
    QList<QSslCertificate> caCertificates;
    if (!caFile().isEmpty()) {
        const CaFile ca = EngineClient::readCaFile(caFile());
        if (!ca.error.isEmpty()) {
            showError(ca.error);
            m_caFile->setFocus();
            return;
        }
        caCertificates = ca.certificates;
    }

    setBusy(true);
    m_client->setBaseUrl(url);
    m_client->setCaCertificates(caCertificates);
    m_client->setToken({});
    m_client->setDistrict(0);
    m_job = m_client->signIn(user(), m_password->text());
    connect(m_job, &ApiJob::finished, this, &SignInDialog::onSignedIn);
}

void SignInDialog::onSignedIn(const ApiResult &result)
{
    m_job.clear();
    const QJsonObject body = result.body.object();
    if (!result.ok()) {
        setBusy(false);
        // The engine's own message names the cause: wrong password, wait, locked or no district.
        const QString engineMessage = body.value(QStringLiteral("message")).toString();
        showError(result.httpStatus == 0 || engineMessage.isEmpty() ? result.errorMessage
                                                                    : engineMessage);
        m_password->selectAll();
        m_password->setFocus();
        return;
    }
    m_password->clear();
    m_refreshToken = body.value(QStringLiteral("refreshToken")).toString().toLatin1();
    m_expiresIn = body.value(QStringLiteral("expiresIn")).toInteger();
    m_client->setToken(body.value(QStringLiteral("accessToken")).toString().toLatin1());
    m_job = m_client->fetchSession();
    connect(m_job, &ApiJob::finished, this, &SignInDialog::onSession);
}

void SignInDialog::onSession(const ApiResult &result)
{
    m_job.clear();
    if (!result.ok()) {
        setBusy(false);
        showError(result.errorMessage);
        return;
    }
    m_session = SessionInfo::fromJson(result.body.object());
    m_client->setDistrict(m_session.district.id);
    if (!remember()) {
        accept();
        return;
    }
    connect(
        m_tokens, &TokenStore::saved, this,
        [this](const QString &error) {
            m_keychainWarning = error;
            accept();
        },
        Qt::SingleShotConnection);
    m_tokens->save(TokenStore::entryName(user(), engineUrl().authority()), m_refreshToken);
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SignInDialog::setBusy(bool busy)
{
    if (busy)
        showError({});
    m_signInButton->setEnabled(!busy);
    m_signInButton->setText(busy ? tr("Signing In…") : tr("Sign In"));
    for (QWidget *field : {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_user),
                           static_cast<QWidget *>(m_password), static_cast<QWidget *>(m_caFile),
                           static_cast<QWidget *>(m_caFileButton),
                           static_cast<QWidget *>(m_remember)})
        field->setEnabled(!busy);
}

} // namespace hubdesk
