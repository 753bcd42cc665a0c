// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonArray>
#include <QPointer>
#include <QPushButton>

class QMenu;

namespace hubdesk {

class ApiJob;
class EngineClient;

// Download: lists the files of the selected run (its output file, validation report and
// uploaded file, from GET /api/v1/runs/{id}/files) in a menu and saves the chosen one to the
// path the user picks.
class RunFilesButton final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunFilesButton)

public:
    explicit RunFilesButton(EngineClient *client, QWidget *parent = nullptr);
    ~RunFilesButton() override;

    // The run whose files the button offers; 0 disables it.
    void setRunId(qint64 runId);
    qint64 runId() const { return m_runId; }

    // Requests the file list; filesLoaded() reports it.
    void fetchFiles();
    // Downloads the run's file name, as the last file list names it, to target; downloaded()
    // reports the outcome.
    void download(const QString &name, const QString &target);
    QMenu *menu() const { return m_menu; }

signals:
    void filesLoaded(const QJsonArray &files, const QString &error);
    // error is empty on success.
    void downloaded(const QString &path, const QString &error);

private:
    void showMenu(const QJsonArray &files, const QString &error);
    void chooseTarget(const QString &name);

    EngineClient *m_client;
    QMenu *m_menu;
    qint64 m_runId = 0;
    QJsonArray m_files;
    QPointer<ApiJob> m_listJob;
    QPointer<ApiJob> m_downloadJob;
};

} // namespace hubdesk
