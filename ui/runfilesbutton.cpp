// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runfilesbutton.h"

#include "engineclient.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QJsonObject>
#include <QLocale>
#include <QMenu>
#include <QStandardPaths>
#include <QUrl>

namespace hubdesk {

RunFilesButton::RunFilesButton(EngineClient *client, QWidget *parent)
    : QPushButton(tr("Download"), parent)
    , m_client(client)
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("runbookDownloadButton"));
    setAccessibleName(tr("Download a file of the selected run"));
    setToolTip(tr("Download the selected run's output file or validation report"));
    setEnabled(false);
    m_menu->setObjectName(QStringLiteral("runFilesMenu"));
    connect(this, &QPushButton::clicked, this, &RunFilesButton::fetchFiles);
    connect(this, &RunFilesButton::filesLoaded, this, &RunFilesButton::showMenu);
}

RunFilesButton::~RunFilesButton()
{
    for (const QPointer<ApiJob> &job : {m_listJob, m_downloadJob}) {
        if (job)
            job->abort();
    }
}

void RunFilesButton::setRunId(qint64 runId)
{
    if (runId != m_runId)
        m_files = {};
    m_runId = runId;
    setEnabled(runId > 0);
}

void RunFilesButton::fetchFiles()
{
    if (m_runId <= 0 || m_listJob)
        return;
    m_listJob = m_client->get(QStringLiteral("/api/v1/runs/%1/files").arg(m_runId));
    connect(m_listJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        // The job deletes itself later; a new request may start as soon as this one reports.
        m_listJob.clear();
        m_files = result.body.object().value(QStringLiteral("files")).toArray();
        emit filesLoaded(result.body.object().value(QStringLiteral("files")).toArray(),
                         result.errorMessage);
    });
}

void RunFilesButton::showMenu(const QJsonArray &files, const QString &error)
{
    // Only a click shows the menu; tests call fetchFiles() on hidden buttons.
    if (!isVisible())
        return;
    m_menu->clear();
    if (!error.isEmpty()) {
        m_menu->addAction(tr("Cannot list the files: %1").arg(error))->setEnabled(false);
    } else if (files.isEmpty()) {
        m_menu->addAction(tr("This run left no files"))->setEnabled(false);
    }
    for (const QJsonValue &file : files) {
        const QString name = file[QStringLiteral("name")].toString();
        const QString kind = file[QStringLiteral("kind")].toString();
        const QString kindText = kind == QLatin1String("validation-report") ? tr("validation report")
                                 : kind == QLatin1String("input")           ? tr("uploaded file")
                                                                            : tr("output file");
        //: A file name, what the file is and its size, such as "MiLEARN.csv (output file, 12 KB)".
        const QString text
            = file[QStringLiteral("bytes")].isDouble()
                  ? tr("%1 (%2, %3)").arg(name, kindText,
                                          QLocale().formattedDataSize(
                                              file[QStringLiteral("bytes")].toInteger()))
                  : tr("%1 (%2)").arg(name, kindText);
        connect(m_menu->addAction(text), &QAction::triggered, this,
                [this, name] { chooseTarget(name); });
    }
    m_menu->popup(mapToGlobal(QPoint(0, height())));
}

void RunFilesButton::chooseTarget(const QString &name)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Run File"),
                                                      QDir(folder).filePath(name));
    if (!path.isEmpty())
        download(name, path);
}

void RunFilesButton::download(const QString &name, const QString &target)
{
    if (m_runId <= 0 || m_downloadJob)
        return;
    // A listed file may name its own route, as the validation report does.
    QString path = QStringLiteral("/api/v1/runs/%1/files/%2")
                       .arg(m_runId)
                       .arg(QString::fromLatin1(QUrl::toPercentEncoding(name)));
    for (const QJsonValue &file : std::as_const(m_files)) {
        if (file[QStringLiteral("name")].toString() == name && file[QStringLiteral("url")].isString())
            path = file[QStringLiteral("url")].toString();
    }
    m_downloadJob = m_client->download(path);
    connect(m_downloadJob, &ApiJob::finished, this, [this, target](const ApiResult &result) {
        m_downloadJob.clear();
        if (!result.ok()) {
            emit downloaded(target, result.errorMessage);
            return;
        }
        QFile file(target);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(result.data) != result.data.size() || !file.flush()) {
            emit downloaded(target, tr("Cannot save %1: %2").arg(target, file.errorString()));
            return;
        }
        emit downloaded(target, {});
    });
}

} // namespace hubdesk
