// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "destinationpages.h"

#include "fielderrors.h"
#include "secretfield.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace hubdesk {

namespace {

// PEM certificates are a few kilobytes; anything much larger is the wrong file.
constexpr qint64 kMaxCertificateFileBytes = 64 * 1024;
// The engine's largest Azure block, 100 MiB, in KiB.
constexpr int kMaxBlockSizeKiB = 100 * 1024;

QLineEdit *createLineEdit(const QString &objectName, const QString &accessibleName,
                          const QString &placeholder = {})
{
    auto edit = new QLineEdit;
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QComboBox *createCombo(const QString &objectName, const QString &accessibleName,
                       const QList<std::pair<QString, QString>> &items)
{
    auto combo = new QComboBox;
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    for (const auto &[text, value] : items)
        combo->addItem(text, value);
    return combo;
}

// Selects the item whose data is value, or the first item when none has it.
void selectData(QComboBox *combo, const QString &value)
{
    combo->setCurrentIndex(std::max(0, combo->findData(value)));
}

// A line edit and a button side by side, with the line edit as the focus proxy.
QWidget *createEditWithButton(QLineEdit *edit, QPushButton *button)
{
    auto row = new QWidget;
    auto layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    row->setFocusProxy(edit);
    row->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    return row;
}

QString stringSetting(const QJsonObject &settings, const char *key)
{
    return settings.value(QLatin1String(key)).toString();
}

bool isStoredSecret(const QJsonObject &settings, const char *key)
{
    return settings.value(QLatin1String(key)).toObject().value(QStringLiteral("stored")).toBool();
}

// Writes a required text setting.
void writeText(QJsonObject &settings, const char *key, const QLineEdit *edit)
{
    settings.insert(QLatin1String(key), edit->text().trimmed());
}

// Writes an optional text setting, leaving it out when empty so that the engine's default
// applies.
void writeOptionalText(QJsonObject &settings, const char *key, const QString &text)
{
    if (text.trimmed().isEmpty())
        settings.remove(QLatin1String(key));
    else
        settings.insert(QLatin1String(key), text.trimmed());
}

// Writes a secret: a new value, {"stored": true}, or nothing, as SecretField::value() returns.
void writeSecret(QJsonObject &settings, const char *key, const SecretField *field)
{
    const QJsonValue value = field->value();
    if (value.isUndefined())
        settings.remove(QLatin1String(key));
    else
        settings.insert(QLatin1String(key), value);
}

// The value of a setting in units of scale (seconds for milliseconds, say), rounded up, so that
// a spin box can show it.
int toUnits(qint64 value, qint64 scale)
{
    return int((value + scale - 1) / scale);
}

// Writes box's value times scale under key, or leaves the key out when the box is at its
// minimum ("Default"). A box that still shows the loaded value keeps that exact value, so that
// opening and saving a destination never rounds its settings.
void writeScaled(QJsonObject &settings, const QString &key, const QSpinBox *box, qint64 scale,
                 const QJsonObject &loaded)
{
    if (box->value() == box->minimum()) {
        settings.remove(key);
        return;
    }
    const QJsonValue before = loaded.value(key);
    if (before.isDouble() && box->value() == toUnits(before.toInteger(), scale)) {
        settings.insert(key, before);
        return;
    }
    settings.insert(key, qint64(box->value()) * scale);
}

void setScaled(QSpinBox *box, const QJsonValue &value, qint64 scale)
{
    box->setValue(value.isDouble() ? toUnits(value.toInteger(), scale) : box->minimum());
}

QSpinBox *createSpinBox(const QString &objectName, const QString &accessibleName, int maximum,
                        const QString &suffix, const QString &defaultText)
{
    auto box = new QSpinBox;
    box->setObjectName(objectName);
    box->setAccessibleName(accessibleName);
    box->setRange(0, maximum);
    box->setSuffix(suffix);
    box->setSpecialValueText(defaultText);
    return box;
}

QString folderBrowseToolTip()
{
    return SettingsSection::tr("Browses this computer. Use it only when the engine runs on this "
                               "computer (local mode); for a remote engine, type the path as the "
                               "engine's computer sees it.");
}

} // namespace

// SettingsSection

SettingsSection::SettingsSection(FieldErrors *errors, QWidget *parent)
    : QWidget(parent)
    , m_errors(errors)
    , m_form(new QFormLayout(this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void SettingsSection::registerErrors() const
{
    for (const Entry &entry : m_entries)
        m_errors->add(entry.key, entry.field, entry.label);
}

QWidget *SettingsSection::addRow(const QString &label, const QString &key, QWidget *field)
{
    QWidget *container = m_errors->wrap(key, field);
    auto errorLabel = container->findChild<QLabel *>(field->objectName() + QStringLiteral("Error"),
                                                     Qt::FindDirectChildrenOnly);
    m_entries.append(Entry{key, field, errorLabel});
    m_form->addRow(label, container);
    return container;
}

void SettingsSection::addRow(QWidget *wholeRow)
{
    m_form->addRow(wholeRow);
}

SecretField *SettingsSection::createSecret(const QString &objectName, const QString &accessibleName)
{
    auto field = new SecretField(objectName, accessibleName);
    connect(field, &SecretField::loadFailed, this, &SettingsSection::messageRequested);
    return field;
}

QLineEdit *SettingsSection::createTemplateEdit(const QString &objectName,
                                               const QString &accessibleName)
{
    QLineEdit *edit = createLineEdit(objectName, accessibleName, QStringLiteral("{output}"));
    edit->setToolTip(tr("The name of each delivered file. Placeholders: {output} (the output's "
                        "file name), {schoolYear}, {date} (yyyyMMdd), {time}, {runId} and "
                        "{integrationId}. A \"/\" makes subfolders. Empty means {output}."));
    return edit;
}

void SettingsSection::setRowVisible(QWidget *row, bool visible)
{
    m_form->setRowVisible(row, visible);
}

// FolderPage

FolderPage::FolderPage(FieldErrors *errors, QWidget *parent)
    : DestinationPage(errors, parent)
    , m_path(createLineEdit(QStringLiteral("destinationPathEdit"), tr("Folder path"),
                            tr("An absolute path on the engine's computer")))
    , m_browse(new QPushButton(tr("Browse…")))
    , m_template(createTemplateEdit(QStringLiteral("folderTemplateEdit"), tr("File name template")))
{
    m_browse->setObjectName(QStringLiteral("browseFolderButton"));
    m_browse->setAccessibleName(tr("Browse for the folder"));
    m_browse->setToolTip(folderBrowseToolTip());

    addRow(tr("Folder path:"), QStringLiteral("settings.path"),
           createEditWithButton(m_path, m_browse));
    addRow(tr("File name template:"), QStringLiteral("settings.pathTemplate"), m_template);

    connect(m_browse, &QPushButton::clicked, this, &FolderPage::browse);
}

void FolderPage::setSettings(const QJsonObject &settings)
{
    m_path->setText(stringSetting(settings, "path"));
    m_template->setText(stringSetting(settings, "pathTemplate"));
}

void FolderPage::writeSettings(QJsonObject &settings) const
{
    writeText(settings, "path", m_path);
    writeOptionalText(settings, "pathTemplate", m_template->text());
}

void FolderPage::browse()
{
    const QString folder
        = QFileDialog::getExistingDirectory(this, tr("Choose the Folder"), m_path->text());
    if (!folder.isEmpty())
        m_path->setText(QDir::toNativeSeparators(folder));
}

// SftpPage

SftpPage::SftpPage(FieldErrors *errors, QWidget *parent)
    : DestinationPage(errors, parent)
    , m_host(
          createLineEdit(QStringLiteral("sftpHostEdit"), tr("SFTP host"), tr("sftp.example.org")))
    , m_port(new QSpinBox)
    , m_username(createLineEdit(QStringLiteral("sftpUsernameEdit"), tr("SFTP user name")))
    , m_authentication(createCombo(QStringLiteral("sftpAuthenticationCombo"),
                                   tr("SFTP authentication"),
                                   {{tr("Private key"), QStringLiteral("privateKey")},
                                    {tr("Password"), QStringLiteral("password")}}))
    , m_privateKey(createSecret(QStringLiteral("sftpPrivateKeyEdit"), tr("Private key")))
    , m_passphrase(createSecret(QStringLiteral("sftpPassphraseEdit"), tr("Key passphrase")))
    , m_password(createSecret(QStringLiteral("sftpPasswordEdit"), tr("SFTP password")))
    , m_hostKey(createLineEdit(QStringLiteral("sftpHostKeyEdit"), tr("Host key"),
                               tr("A known_hosts line or SHA256:… fingerprint")))
    , m_remoteFolder(createLineEdit(QStringLiteral("sftpRemoteFolderEdit"), tr("Remote folder"),
                                    tr("The user's home folder when empty")))
    , m_template(createTemplateEdit(QStringLiteral("sftpTemplateEdit"), tr("File name template")))
{
    m_port->setObjectName(QStringLiteral("sftpPortSpin"));
    m_port->setAccessibleName(tr("SFTP port"));
    m_port->setRange(1, 65535);
    m_port->setValue(22);
    m_privateKey->setPlaceholderText(tr("Paste the key, from BEGIN to END"));
    m_privateKey->addLoadFromFileButton(tr("Load the Private Key"));
    m_passphrase->setPlaceholderText(tr("Only if the key has one"));
    m_hostKey->setToolTip(tr("The engine connects only to a server with this key. Get it with "
                             "ssh-keyscan on a trusted network, or ask the server's "
                             "administrator for its SHA256 fingerprint."));

    addRow(tr("Host:"), QStringLiteral("settings.host"), m_host);
    addRow(tr("Port:"), QStringLiteral("settings.port"), m_port);
    addRow(tr("User name:"), QStringLiteral("settings.username"), m_username);
    addRow(tr("Authentication:"), QStringLiteral("settings.authentication"), m_authentication);
    m_privateKeyRow
        = addRow(tr("Private key:"), QStringLiteral("settings.privateKey"), m_privateKey);
    m_passphraseRow = addRow(tr("Key passphrase:"), QStringLiteral("settings.privateKeyPassphrase"),
                             m_passphrase);
    m_passwordRow = addRow(tr("Password:"), QStringLiteral("settings.password"), m_password);
    addRow(tr("Host key:"), QStringLiteral("settings.hostKey"), m_hostKey);
    addRow(tr("Remote folder:"), QStringLiteral("settings.remoteFolder"), m_remoteFolder);
    addRow(tr("File name template:"), QStringLiteral("settings.pathTemplate"), m_template);

    connect(m_authentication, &QComboBox::currentIndexChanged, this,
            &SftpPage::updateAuthenticationRows);
    updateAuthenticationRows();
}

void SftpPage::setSettings(const QJsonObject &settings)
{
    m_host->setText(stringSetting(settings, "host"));
    m_port->setValue(settings.value(QStringLiteral("port")).toInt(22));
    m_username->setText(stringSetting(settings, "username"));
    selectData(m_authentication, stringSetting(settings, "authentication"));
    m_privateKey->setStored(isStoredSecret(settings, "privateKey"));
    m_passphrase->setStored(isStoredSecret(settings, "privateKeyPassphrase"));
    m_password->setStored(isStoredSecret(settings, "password"));
    m_hostKey->setText(stringSetting(settings, "hostKey"));
    m_remoteFolder->setText(stringSetting(settings, "remoteFolder"));
    m_template->setText(stringSetting(settings, "pathTemplate"));
}

void SftpPage::writeSettings(QJsonObject &settings) const
{
    writeText(settings, "host", m_host);
    settings.insert(QStringLiteral("port"), m_port->value());
    writeText(settings, "username", m_username);
    const QString authentication = m_authentication->currentData().toString();
    settings.insert(QStringLiteral("authentication"), authentication);
    // Only the chosen method's secrets are sent; the other method's stored secrets stay as
    // they are, because a left-out secret keeps its stored value.
    if (authentication == QLatin1String("privateKey")) {
        writeSecret(settings, "privateKey", m_privateKey);
        writeSecret(settings, "privateKeyPassphrase", m_passphrase);
    } else {
        writeSecret(settings, "password", m_password);
    }
    writeText(settings, "hostKey", m_hostKey);
    writeOptionalText(settings, "remoteFolder", m_remoteFolder->text());
    writeOptionalText(settings, "pathTemplate", m_template->text());
}

void SftpPage::updateAuthenticationRows()
{
    const bool privateKey = m_authentication->currentData() == QLatin1String("privateKey");
    setRowVisible(m_privateKeyRow, privateKey);
    setRowVisible(m_passphraseRow, privateKey);
    setRowVisible(m_passwordRow, !privateKey);
}

// AzureBlobPage

AzureBlobPage::AzureBlobPage(FieldErrors *errors, QWidget *parent)
    : DestinationPage(errors, parent)
    , m_accountUrl(createLineEdit(QStringLiteral("azureAccountUrlEdit"), tr("Storage account URL"),
                                  QStringLiteral("https://ACCOUNT.blob.core.windows.net")))
    , m_container(createLineEdit(QStringLiteral("azureContainerEdit"), tr("Container"),
                                 tr("Lower-case letters, digits and hyphens")))
    , m_template(createTemplateEdit(QStringLiteral("azureTemplateEdit"), tr("Blob path template")))
    , m_authentication(createCombo(QStringLiteral("azureAuthenticationCombo"),
                                   tr("Azure authentication"),
                                   {{tr("Shared Key (account key)"), QStringLiteral("sharedKey")},
                                    {tr("SAS token"), QStringLiteral("sas")}}))
    , m_accountKey(createSecret(QStringLiteral("azureAccountKeyEdit"), tr("Account key")))
    , m_sasToken(createSecret(QStringLiteral("azureSasTokenEdit"), tr("SAS token")))
    , m_blockSize(createSpinBox(QStringLiteral("azureBlockSizeSpin"), tr("Block size"),
                                kMaxBlockSizeKiB, tr(" KiB"), tr("Automatic")))
{
    m_accountKey->setPlaceholderText(tr("Key 1 or key 2 from the storage account's Access keys"));
    m_sasToken->setPlaceholderText(tr("The query string, such as sv=…&sig=…"));
    m_blockSize->setToolTip(tr("Automatic chooses the block size from the file size. Set it "
                               "only when a network or proxy needs smaller requests."));

    addRow(tr("Account URL:"), QStringLiteral("settings.accountUrl"), m_accountUrl);
    addRow(tr("Container:"), QStringLiteral("settings.container"), m_container);
    addRow(tr("Blob path template:"), QStringLiteral("settings.pathTemplate"), m_template);
    addRow(tr("Authentication:"), QStringLiteral("settings.authentication"), m_authentication);
    m_accountKeyRow
        = addRow(tr("Account key:"), QStringLiteral("settings.accountKey"), m_accountKey);
    m_sasTokenRow = addRow(tr("SAS token:"), QStringLiteral("settings.sasToken"), m_sasToken);
    addRow(tr("Block size:"), QStringLiteral("settings.blockSizeBytes"), m_blockSize);

    connect(m_authentication, &QComboBox::currentIndexChanged, this,
            &AzureBlobPage::updateAuthenticationRows);
    updateAuthenticationRows();
}

void AzureBlobPage::setSettings(const QJsonObject &settings)
{
    m_accountUrl->setText(stringSetting(settings, "accountUrl"));
    m_container->setText(stringSetting(settings, "container"));
    m_template->setText(stringSetting(settings, "pathTemplate"));
    selectData(m_authentication, stringSetting(settings, "authentication"));
    m_accountKey->setStored(isStoredSecret(settings, "accountKey"));
    m_sasToken->setStored(isStoredSecret(settings, "sasToken"));
    setScaled(m_blockSize, settings.value(QStringLiteral("blockSizeBytes")), 1024);
}

void AzureBlobPage::writeSettings(QJsonObject &settings) const
{
    const QJsonObject loaded = settings;
    writeText(settings, "accountUrl", m_accountUrl);
    writeText(settings, "container", m_container);
    writeOptionalText(settings, "pathTemplate", m_template->text());
    const QString authentication = m_authentication->currentData().toString();
    settings.insert(QStringLiteral("authentication"), authentication);
    if (authentication == QLatin1String("sharedKey"))
        writeSecret(settings, "accountKey", m_accountKey);
    else
        writeSecret(settings, "sasToken", m_sasToken);
    writeScaled(settings, QStringLiteral("blockSizeBytes"), m_blockSize, 1024, loaded);
}

void AzureBlobPage::updateAuthenticationRows()
{
    const bool sharedKey = m_authentication->currentData() == QLatin1String("sharedKey");
    setRowVisible(m_accountKeyRow, sharedKey);
    setRowVisible(m_sasTokenRow, !sharedKey);
}

// HttpsPage

HttpsPage::HttpsPage(FieldErrors *errors, QWidget *parent)
    : DestinationPage(errors, parent)
    , m_url(createLineEdit(QStringLiteral("httpsUrlEdit"), tr("HTTPS URL"),
                           QStringLiteral("https://receiver.example.org/upload")))
    , m_method(createCombo(QStringLiteral("httpsMethodCombo"), tr("HTTP method"),
                           {{QStringLiteral("POST"), QStringLiteral("POST")},
                            {QStringLiteral("PUT"), QStringLiteral("PUT")}}))
    , m_authentication(
          createCombo(QStringLiteral("httpsAuthenticationCombo"), tr("HTTPS authentication"),
                      {{tr("None"), QStringLiteral("none")},
                       {tr("Bearer token"), QStringLiteral("bearer")},
                       {tr("Basic (user name and password)"), QStringLiteral("basic")}}))
    , m_bearerToken(createSecret(QStringLiteral("httpsBearerTokenEdit"), tr("Bearer token")))
    , m_username(createLineEdit(QStringLiteral("httpsUsernameEdit"), tr("HTTPS user name")))
    , m_password(createSecret(QStringLiteral("httpsPasswordEdit"), tr("HTTPS password")))
    , m_caFile(createLineEdit(QStringLiteral("httpsCaFileEdit"), tr("CA certificates file"),
                              tr("Optional: a PEM file on the engine's computer")))
    , m_clientCertificate(new QPlainTextEdit)
    , m_clientKey(createSecret(QStringLiteral("httpsClientKeyEdit"), tr("Client key")))
    , m_clientKeyPassphrase(
          createSecret(QStringLiteral("httpsClientKeyPassphraseEdit"), tr("Client key passphrase")))
    , m_template(createTemplateEdit(QStringLiteral("httpsTemplateEdit"), tr("File name template")))
{
    m_caFile->setToolTip(tr("Extra certificate authorities to trust besides the system's, for "
                            "a server with a private CA."));
    auto caBrowse = new QPushButton(tr("Browse…"));
    caBrowse->setObjectName(QStringLiteral("httpsCaFileBrowseButton"));
    caBrowse->setAccessibleName(tr("Browse for the CA certificates file"));
    caBrowse->setToolTip(folderBrowseToolTip());

    m_clientCertificate->setObjectName(QStringLiteral("httpsClientCertificateEdit"));
    m_clientCertificate->setAccessibleName(tr("Client certificate"));
    m_clientCertificate->setPlaceholderText(
        tr("Optional: the PEM certificate that the server requires of the engine"));
    m_clientCertificate->setTabChangesFocus(true);
    m_clientCertificate->setFixedHeight(m_clientCertificate->fontMetrics().lineSpacing() * 3
                                        + 2 * m_clientCertificate->frameWidth() + 8);
    auto certificateLoad = new QPushButton(tr("Load from File…"));
    certificateLoad->setObjectName(QStringLiteral("httpsClientCertificateLoad"));
    certificateLoad->setAccessibleName(tr("Load the client certificate from a file"));
    auto certificateRow = new QWidget;
    auto certificateLayout = new QHBoxLayout(certificateRow);
    certificateLayout->setContentsMargins(0, 0, 0, 0);
    certificateLayout->addWidget(m_clientCertificate, 1);
    certificateLayout->addWidget(certificateLoad, 0, Qt::AlignTop);
    certificateRow->setFocusProxy(m_clientCertificate);
    certificateRow->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_clientKey->setPlaceholderText(tr("The certificate's private key (PEM)"));
    m_clientKey->addLoadFromFileButton(tr("Load the Client Key"));
    m_clientKeyPassphrase->setPlaceholderText(tr("Only if the key has one"));

    addRow(tr("URL:"), QStringLiteral("settings.url"), m_url);
    addRow(tr("Method:"), QStringLiteral("settings.method"), m_method);
    addRow(tr("Authentication:"), QStringLiteral("settings.authentication"), m_authentication);
    m_bearerTokenRow = addRow(tr("Token:"), QStringLiteral("settings.bearerToken"), m_bearerToken);
    m_usernameRow = addRow(tr("User name:"), QStringLiteral("settings.username"), m_username);
    m_passwordRow = addRow(tr("Password:"), QStringLiteral("settings.password"), m_password);
    addRow(tr("CA certificates:"), QStringLiteral("settings.caFile"),
           createEditWithButton(m_caFile, caBrowse));
    addRow(tr("Client certificate:"), QStringLiteral("settings.clientCertificate"), certificateRow);
    addRow(tr("Client key:"), QStringLiteral("settings.clientKey"), m_clientKey);
    addRow(tr("Key passphrase:"), QStringLiteral("settings.clientKeyPassphrase"),
           m_clientKeyPassphrase);
    addRow(tr("File name template:"), QStringLiteral("settings.pathTemplate"), m_template);

    connect(m_authentication, &QComboBox::currentIndexChanged, this,
            &HttpsPage::updateAuthenticationRows);
    connect(caBrowse, &QPushButton::clicked, this, &HttpsPage::browseCaFile);
    connect(certificateLoad, &QPushButton::clicked, this, &HttpsPage::loadClientCertificate);
    updateAuthenticationRows();
}

void HttpsPage::setSettings(const QJsonObject &settings)
{
    m_url->setText(stringSetting(settings, "url"));
    selectData(m_method, stringSetting(settings, "method"));
    selectData(m_authentication, stringSetting(settings, "authentication"));
    m_bearerToken->setStored(isStoredSecret(settings, "bearerToken"));
    m_username->setText(stringSetting(settings, "username"));
    m_password->setStored(isStoredSecret(settings, "password"));
    m_caFile->setText(stringSetting(settings, "caFile"));
    m_clientCertificate->setPlainText(stringSetting(settings, "clientCertificate"));
    m_clientKey->setStored(isStoredSecret(settings, "clientKey"));
    m_clientKeyPassphrase->setStored(isStoredSecret(settings, "clientKeyPassphrase"));
    m_template->setText(stringSetting(settings, "pathTemplate"));
}

void HttpsPage::writeSettings(QJsonObject &settings) const
{
    writeText(settings, "url", m_url);
    settings.insert(QStringLiteral("method"), m_method->currentData().toString());
    const QString authentication = m_authentication->currentData().toString();
    settings.insert(QStringLiteral("authentication"), authentication);
    if (authentication == QLatin1String("bearer")) {
        writeSecret(settings, "bearerToken", m_bearerToken);
    } else if (authentication == QLatin1String("basic")) {
        writeText(settings, "username", m_username);
        writeSecret(settings, "password", m_password);
    }
    writeOptionalText(settings, "caFile", m_caFile->text());
    writeOptionalText(settings, "clientCertificate", m_clientCertificate->toPlainText());
    writeSecret(settings, "clientKey", m_clientKey);
    writeSecret(settings, "clientKeyPassphrase", m_clientKeyPassphrase);
    writeOptionalText(settings, "pathTemplate", m_template->text());
}

void HttpsPage::updateAuthenticationRows()
{
    const QString authentication = m_authentication->currentData().toString();
    setRowVisible(m_bearerTokenRow, authentication == QLatin1String("bearer"));
    setRowVisible(m_usernameRow, authentication == QLatin1String("basic"));
    setRowVisible(m_passwordRow, authentication == QLatin1String("basic"));
}

void HttpsPage::browseCaFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the CA Certificates File"),
                                                      m_caFile->text());
    if (!path.isEmpty())
        m_caFile->setText(QDir::toNativeSeparators(path));
}

void HttpsPage::loadClientCertificate()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load the Client Certificate"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (file.size() > kMaxCertificateFileBytes) {
        emit messageRequested(tr("The file %1 is larger than %2 KiB, so it is not a certificate.")
                                  .arg(QDir::toNativeSeparators(path))
                                  .arg(kMaxCertificateFileBytes / 1024));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        emit messageRequested(
            tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    m_clientCertificate->setPlainText(QString::fromUtf8(file.readAll()));
}

// AdvancedDestinationSettings

AdvancedDestinationSettings::AdvancedDestinationSettings(FieldErrors *errors, QWidget *parent)
    : SettingsSection(errors, parent)
    , m_timeout(createSpinBox(QStringLiteral("timeoutSpin"), tr("Time-out"), 3600, tr(" s"),
                              tr("Default")))
    , m_attempts(createSpinBox(QStringLiteral("retryAttemptsSpin"), tr("Attempts"), 10, {},
                               tr("Default (4)")))
    , m_initialDelay(createSpinBox(QStringLiteral("retryInitialDelaySpin"), tr("First retry after"),
                                   600, tr(" s"), tr("Default (2 s)")))
    , m_maxDelay(createSpinBox(QStringLiteral("retryMaxDelaySpin"), tr("Longest pause"), 3600,
                               tr(" s"), tr("Default (60 s)")))
    , m_maxElapsed(createSpinBox(QStringLiteral("retryMaxElapsedSpin"), tr("Give up after"), 240,
                                 tr(" min"), tr("Default (15 min)")))
{
    m_timeout->setToolTip(tr("How long the engine waits for the server before an attempt "
                             "fails."));
    m_attempts->setToolTip(tr("How many times a delivery is tried when the failure may be "
                              "temporary, such as a time-out. Test Connection tries once."));
    m_initialDelay->setToolTip(tr("The pause before the second attempt; each later pause is "
                                  "about twice as long."));
    m_maxDelay->setToolTip(tr("No pause between attempts is longer than this."));
    m_maxElapsed->setToolTip(tr("No new attempt starts this long after the first one."));

    addRow(tr("Time-out:"), QStringLiteral("settings.timeoutSeconds"), m_timeout);
    addRow(tr("Attempts:"), QStringLiteral("settings.retry.maxAttempts"), m_attempts);
    addRow(tr("First retry after:"), QStringLiteral("settings.retry.initialDelayMs"),
           m_initialDelay);
    addRow(tr("Longest pause:"), QStringLiteral("settings.retry.maxDelayMs"), m_maxDelay);
    addRow(tr("Give up after:"), QStringLiteral("settings.retry.maxElapsedMs"), m_maxElapsed);
}

void AdvancedDestinationSettings::setSettings(const QJsonObject &settings)
{
    m_loaded = settings;
    const QJsonObject retry = settings.value(QStringLiteral("retry")).toObject();
    setScaled(m_timeout, settings.value(QStringLiteral("timeoutSeconds")), 1);
    setScaled(m_attempts, retry.value(QStringLiteral("maxAttempts")), 1);
    setScaled(m_initialDelay, retry.value(QStringLiteral("initialDelayMs")), 1000);
    setScaled(m_maxDelay, retry.value(QStringLiteral("maxDelayMs")), 1000);
    setScaled(m_maxElapsed, retry.value(QStringLiteral("maxElapsedMs")), 60 * 1000);
}

void AdvancedDestinationSettings::writeSettings(QJsonObject &settings) const
{
    writeScaled(settings, QStringLiteral("timeoutSeconds"), m_timeout, 1, m_loaded);

    const QJsonObject loadedRetry = m_loaded.value(QStringLiteral("retry")).toObject();
    QJsonObject retry = loadedRetry;
    writeScaled(retry, QStringLiteral("maxAttempts"), m_attempts, 1, loadedRetry);
    writeScaled(retry, QStringLiteral("initialDelayMs"), m_initialDelay, 1000, loadedRetry);
    writeScaled(retry, QStringLiteral("maxDelayMs"), m_maxDelay, 1000, loadedRetry);
    writeScaled(retry, QStringLiteral("maxElapsedMs"), m_maxElapsed, 60 * 1000, loadedRetry);
    if (retry.isEmpty())
        settings.remove(QStringLiteral("retry"));
    else
        settings.insert(QStringLiteral("retry"), retry);
}

bool AdvancedDestinationSettings::hasErrorsFor(const QJsonObject &fieldErrors)
{
    for (auto it = fieldErrors.begin(); it != fieldErrors.end(); ++it) {
        if (it.key() == QLatin1String("settings.timeoutSeconds")
            || it.key().startsWith(QLatin1String("settings.retry")))
            return true;
    }
    return false;
}

} // namespace hubdesk
