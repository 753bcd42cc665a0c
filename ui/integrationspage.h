// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QListView;
class QPushButton;
class QSortFilterProxyModel;

namespace hubdesk {

class ApiJob;
struct ApiResult;
class EngineClient;
class IntegrationModel;

// The district's integrations in four groups (Inbound, Outbound, API, OneRoster), with Add
// Integration, Edit, Activity, Run Now and, for inbound ones, Upload File. "Show all" also lists
// inactive integrations.
class IntegrationsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrationsPage)

public:
    enum Group { Inbound, Outbound, Api, OneRoster, GroupCount };

    explicit IntegrationsPage(EngineClient *client, QWidget *parent = nullptr);
    ~IntegrationsPage() override;

    void refresh();
    // Removes every integration, the selection and the message, as on signing out.
    void clear();
    IntegrationModel *model(Group group) const { return m_groups.at(group).model; }
    QListView *view(Group group) const { return m_groups.at(group).view; }
    // Selects an integration in whichever group lists it; returns false when none does.
    bool selectIntegration(qint64 id);
    // The selected integration's JSON, or an empty object.
    QJsonObject selectedIntegration() const;
    QString message() const;
    // Sets the empty groups' text for a role that may add integrations (Add Integration is shown)
    // or for one that may not.
    void setCanAddIntegrations(bool canAdd);
    // The text of a group's empty-state line.
    QString emptyText(Group group) const;

    void runSelected();
    // Sends filePath to the selected inbound integration, which queues a run of it.
    void uploadFile(const QString &filePath);

signals:
    void refreshed();
    void addIntegrationRequested();
    void editRequested(qint64 integrationId);
    // The user asked for the integration's own page: its activity, last runs and next run.
    void activityRequested(qint64 integrationId);
    void apiEditRequested(qint64 integrationId);
    // A run was queued, by Run Now or by an upload.
    void runQueued(qint64 runId);

private:
    struct GroupView
    {
        QString type;
        QString title;
        IntegrationModel *model = nullptr;
        QSortFilterProxyModel *proxy = nullptr;
        QListView *view = nullptr;
        QLabel *emptyLabel = nullptr;
    };

    void updateFilter();
    void updateEmptyLabel(int group);
    void updateButtons();
    void onSelected(int group);
    void chooseFile();
    void showMessage(const QString &text, bool error);
    void handleQueued(const ApiResult &result);

    EngineClient *m_client;
    QList<GroupView> m_groups;
    // Run Now and upload requests.
    QList<QPointer<ApiJob>> m_jobs;
    QList<QPointer<ApiJob>> m_refreshJobs;
    int m_pendingRefreshes = 0;
    QCheckBox *m_showAll;
    QPushButton *m_addButton;
    QPushButton *m_editButton;
    QPushButton *m_activityButton;
    QPushButton *m_runButton;
    QPushButton *m_uploadButton;
    QLabel *m_message;
};

} // namespace hubdesk
