// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonObject>
#include <QList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace hubdesk {

class FieldErrors;
class SecretField;

// A form of destination settings in the destination dialog. Each field is registered in the
// dialog's FieldErrors under the engine's key, such as "settings.host". SFTP and HTTPS share
// keys such as "settings.password", so the dialog calls registerErrors() on the sections it
// shows, after clearing the other sections' registrations.
class SettingsSection : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsSection)

public:
    SettingsSection(FieldErrors *errors, QWidget *parent = nullptr);

    void registerErrors() const;

signals:
    // A message for the dialog's message line, such as a key file that could not be read.
    void messageRequested(const QString &message);

protected:
    // Adds a labelled row whose field has an error label for key; returns the row's container.
    QWidget *addRow(const QString &label, const QString &key, QWidget *field);
    void addRow(QWidget *wholeRow);
    SecretField *createSecret(const QString &objectName, const QString &accessibleName);
    QLineEdit *createTemplateEdit(const QString &objectName, const QString &accessibleName);
    void setRowVisible(QWidget *row, bool visible);

private:
    struct Entry
    {
        QString key;
        QWidget *field = nullptr;
        QLabel *label = nullptr;
    };

    FieldErrors *m_errors;
    QFormLayout *m_form;
    QList<Entry> m_entries;
};

// The fields of one destination kind.
class DestinationPage : public SettingsSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DestinationPage)

public:
    using SettingsSection::SettingsSection;

    // The engine's kind, such as "sftp".
    virtual QString kind() const = 0;
    // Fills the fields from the settings that the API returned; {} gives a new destination's
    // defaults. A secret shows as stored when the settings contain {"stored": true} for it.
    virtual void setSettings(const QJsonObject &settings) = 0;
    // Writes the fields into settings, which arrives with the loaded settings, so that any
    // setting that this page does not edit keeps its value.
    virtual void writeSettings(QJsonObject &settings) const = 0;
};

class FolderPage final : public DestinationPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderPage)

public:
    explicit FolderPage(FieldErrors *errors, QWidget *parent = nullptr);

    QString kind() const override { return QStringLiteral("folder"); }
    void setSettings(const QJsonObject &settings) override;
    void writeSettings(QJsonObject &settings) const override;

private:
    void browse();

    QLineEdit *m_path;
    QPushButton *m_browse;
    QLineEdit *m_template;
};

class SftpPage final : public DestinationPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SftpPage)

public:
    explicit SftpPage(FieldErrors *errors, QWidget *parent = nullptr);

    QString kind() const override { return QStringLiteral("sftp"); }
    void setSettings(const QJsonObject &settings) override;
    void writeSettings(QJsonObject &settings) const override;

private:
    void updateAuthenticationRows();

    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_username;
    QComboBox *m_authentication;
    SecretField *m_privateKey;
    SecretField *m_passphrase;
    SecretField *m_password;
    QLineEdit *m_hostKey;
    QLineEdit *m_remoteFolder;
    QLineEdit *m_template;
    QWidget *m_privateKeyRow = nullptr;
    QWidget *m_passphraseRow = nullptr;
    QWidget *m_passwordRow = nullptr;
};

class AzureBlobPage final : public DestinationPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AzureBlobPage)

public:
    explicit AzureBlobPage(FieldErrors *errors, QWidget *parent = nullptr);

    QString kind() const override { return QStringLiteral("azure-blob"); }
    void setSettings(const QJsonObject &settings) override;
    void writeSettings(QJsonObject &settings) const override;

private:
    void updateAuthenticationRows();

    QLineEdit *m_accountUrl;
    QLineEdit *m_container;
    QLineEdit *m_template;
    QComboBox *m_authentication;
    SecretField *m_accountKey;
    SecretField *m_sasToken;
    QSpinBox *m_blockSize;
    QWidget *m_accountKeyRow = nullptr;
    QWidget *m_sasTokenRow = nullptr;
};

class HttpsPage final : public DestinationPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpsPage)

public:
    explicit HttpsPage(FieldErrors *errors, QWidget *parent = nullptr);

    QString kind() const override { return QStringLiteral("https"); }
    void setSettings(const QJsonObject &settings) override;
    void writeSettings(QJsonObject &settings) const override;

private:
    void updateAuthenticationRows();
    void browseCaFile();
    void loadClientCertificate();

    QLineEdit *m_url;
    QComboBox *m_method;
    QComboBox *m_authentication;
    SecretField *m_bearerToken;
    QLineEdit *m_username;
    SecretField *m_password;
    QLineEdit *m_caFile;
    QPlainTextEdit *m_clientCertificate;
    SecretField *m_clientKey;
    SecretField *m_clientKeyPassphrase;
    QLineEdit *m_template;
    QWidget *m_bearerTokenRow = nullptr;
    QWidget *m_usernameRow = nullptr;
    QWidget *m_passwordRow = nullptr;
};

// The time-out and retry settings that every kind shares, shown under the dialog's Advanced
// expander. A box at its lowest value shows "Default" and leaves the setting out, so the engine
// applies its own default.
class AdvancedDestinationSettings final : public SettingsSection
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdvancedDestinationSettings)

public:
    explicit AdvancedDestinationSettings(FieldErrors *errors, QWidget *parent = nullptr);

    void setSettings(const QJsonObject &settings);
    void writeSettings(QJsonObject &settings) const;
    // Whether fieldErrors, as the engine returned them, name a field of this section.
    static bool hasErrorsFor(const QJsonObject &fieldErrors);

    QSpinBox *attemptsBox() const { return m_attempts; }

private:
    QSpinBox *m_timeout;
    QSpinBox *m_attempts;
    QSpinBox *m_initialDelay;
    QSpinBox *m_maxDelay;
    QSpinBox *m_maxElapsed;
    QJsonObject m_loaded;
};

} // namespace hubdesk
