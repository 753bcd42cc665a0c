// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "destination.h"

#include "destinations/azureblobdestination.h"
#include "destinations/filenametemplate.h"
#include "destinations/folderdestination.h"
#include "destinations/httpsdestination.h"
#include "destinations/sftpdestination.h"

#include <QFileInfo>
#include <QHash>
#include <QUrl>

namespace hub::destinations {

namespace {

// The folder kind keeps its own class and API; this adapter gives it the common interface.
class FolderAdapter final : public Destination
{
public:
    explicit FolderAdapter(QString path)
        : m_folder(std::move(path))
    {}

    Attempt testConnection() override
    {
        auto tested = m_folder.testConnection();
        return tested ? Attempt::succeeded({}, 0, QStringLiteral("The folder is writable."))
                      : Attempt::permanent(tested.error());
    }

    Attempt deliver(const QString &sourceFile, const QString &remotePath,
                    const DeliveryIds &) override
    {
        auto delivered = m_folder.deliver(sourceFile, remotePath);
        if (!delivered)
            return Attempt::permanent(delivered.error());
        return Attempt::succeeded(*delivered, QFileInfo(*delivered).size());
    }

private:
    FolderDestination m_folder;
};

void insertAll(QJsonObject &target, const QJsonObject &source)
{
    for (auto it = source.begin(); it != source.end(); ++it)
        target.insert(it.key(), it.value());
}

} // namespace

QStringList destinationKinds()
{
    return {QStringLiteral("folder"), QStringLiteral("sftp"), QStringLiteral("azure-blob"),
            QStringLiteral("https")};
}

QStringList secretFieldNames(const QString &kind)
{
    if (kind == QLatin1String("sftp"))
        return {QStringLiteral("password"), QStringLiteral("privateKey"),
                QStringLiteral("privateKeyPassphrase")};
    if (kind == QLatin1String("azure-blob"))
        return {QStringLiteral("accountKey"), QStringLiteral("sasToken")};
    if (kind == QLatin1String("https"))
        return {QStringLiteral("bearerToken"), QStringLiteral("password"),
                QStringLiteral("clientKey"), QStringLiteral("clientKeyPassphrase")};
    return {};
}

QString fileNameTemplate(const QJsonObject &settings)
{
    const QString pattern = settings.value(QStringLiteral("pathTemplate")).toString();
    return pattern.isEmpty() ? FileNameTemplate::defaultTemplate() : pattern;
}

QJsonObject validateDestination(const QString &kind, const QJsonObject &settings,
                                const QJsonObject &secrets)
{
    QJsonObject errors;

    // An unknown key is rejected rather than stored: a misspelled secret name such as
    // bearer_token would otherwise be kept in plain text and returned by the API.
    static const QStringList common = {QStringLiteral("pathTemplate"), QStringLiteral("timeoutSeconds"),
                                       QStringLiteral("retry")};
    static const QHash<QString, QStringList> allowed = {
        {QStringLiteral("folder"), {QStringLiteral("path")}},
        {QStringLiteral("sftp"),
         {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("username"),
          QStringLiteral("authentication"), QStringLiteral("hostKey"), QStringLiteral("remoteFolder"),
          QStringLiteral("password"), QStringLiteral("privateKey"),
          QStringLiteral("privateKeyPassphrase")}},
        {QStringLiteral("azure-blob"),
         {QStringLiteral("accountUrl"), QStringLiteral("container"), QStringLiteral("authentication"),
          QStringLiteral("blockSizeBytes"), QStringLiteral("accountKey"), QStringLiteral("sasToken")}},
        {QStringLiteral("https"),
         {QStringLiteral("url"), QStringLiteral("method"), QStringLiteral("authentication"),
          QStringLiteral("username"), QStringLiteral("caFile"), QStringLiteral("clientCertificate"),
          QStringLiteral("bearerToken"), QStringLiteral("password"), QStringLiteral("clientKey"),
          QStringLiteral("clientKeyPassphrase")}},
    };
    if (allowed.contains(kind)) {
        const QStringList known = allowed.value(kind) + common;
        const QStringList keys = settings.keys() + secrets.keys();
        for (const QString &key : keys) {
            if (!known.contains(key))
                errors.insert(QStringLiteral("settings.") + key,
                              QStringLiteral("%1 destinations have no setting \"%2\"; check the "
                                             "spelling. Known settings: %3.")
                                  .arg(kind, key, known.join(QStringLiteral(", "))));
        }
    }
    if (kind == QLatin1String("https")
        && !QUrl(settings.value(QStringLiteral("url")).toString()).userInfo().isEmpty())
        errors.insert(QStringLiteral("settings.url"),
                      QStringLiteral("Remove the user name and password from the URL; use the "
                                     "authentication settings, which are stored encrypted."));

    if (kind == QLatin1String("folder"))
        insertAll(errors, FolderDestination::validateSettings(settings));
    else if (kind == QLatin1String("sftp"))
        insertAll(errors, SftpDestination::validateSettings(settings, secrets));
    else if (kind == QLatin1String("azure-blob"))
        insertAll(errors, AzureBlobDestination::validateSettings(settings, secrets));
    else if (kind == QLatin1String("https"))
        insertAll(errors, HttpsDestination::validateSettings(settings, secrets));

    const QJsonValue pattern = settings.value(QStringLiteral("pathTemplate"));
    if (!pattern.isUndefined() && !pattern.isNull()) {
        const QString invalid = pattern.isString() ? FileNameTemplate::validate(pattern.toString())
                                                   : QStringLiteral("Enter the template as text.");
        if (!invalid.isEmpty() && !(pattern.isString() && pattern.toString().isEmpty()))
            errors.insert(QStringLiteral("settings.pathTemplate"), invalid);
    }
    const QJsonValue timeout = settings.value(QStringLiteral("timeoutSeconds"));
    if (!timeout.isUndefined()
        && (!timeout.isDouble() || timeout.toInt() < 1 || timeout.toInt() > 3600))
        errors.insert(QStringLiteral("settings.timeoutSeconds"),
                      QStringLiteral("Enter a time-out from 1 to 3600 seconds."));
    insertAll(errors, RetryPolicy::validateSettings(settings));
    return errors;
}

Result<std::unique_ptr<Destination>>
createDestination(const QString &kind, const QJsonObject &settings, const QJsonObject &secrets)
{
    std::unique_ptr<Destination> destination;
    if (kind == QLatin1String("folder"))
        destination
            = std::make_unique<FolderAdapter>(settings.value(QStringLiteral("path")).toString());
    else if (kind == QLatin1String("sftp"))
        destination = std::make_unique<SftpDestination>(settings, secrets);
    else if (kind == QLatin1String("azure-blob"))
        destination = std::make_unique<AzureBlobDestination>(settings, secrets);
    else if (kind == QLatin1String("https"))
        destination = std::make_unique<HttpsDestination>(settings, secrets);
    else
        return failure(QStringLiteral("\"%1\" is not a destination kind.").arg(kind));
    return destination;
}

} // namespace hub::destinations
