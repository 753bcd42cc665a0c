// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "bundlefolderzip.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QListView;
class QMimeData;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTemporaryDir;

namespace hubdesk {

class ApiJob;
struct ApiResult;
class EngineClient;
class FileUpload;
class IntegrationModel;
class RunWatcher;

// The district's integrations in four groups (Inbound, Outbound, API, OneRoster), with Add
// Integration, Edit, Activity, Run Now and, for inbound ones, Upload File and, for OneRoster
// bundle ones, Upload Folder. "Show all" also lists inactive integrations. A file dropped on an
// inbound integration, or on the page while one is selected, is uploaded to it, with a progress
// bar and Cancel. A dropped folder is packed into a zip first, for bundle integrations only.
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
    // The message line below the lists. After Run Now or an upload it follows the queued run
    // until the run ends, while the page is shown.
    QString message() const;
    // Sets the empty groups' text for a role that may add integrations (Add Integration is shown)
    // or for one that may not.
    void setCanAddIntegrations(bool canAdd);
    // The text of a group's empty-state line.
    QString emptyText(Group group) const;

    void runSelected();
    // Sends filePath to the selected inbound integration in chunks, which queues a run of it.
    void uploadFile(const QString &filePath);
    // Packs the OneRoster bundle in folderPath into a temporary zip (see BundleFolderZip) and
    // sends it as uploadFile() does. Only OneRoster bundle integrations take a folder.
    void uploadFolder(const QString &folderPath);
    // True from the start of an upload, or of the packing of a folder, until its end.
    bool isUploading() const;
    // The largest chunk that uploads send (8 MiB by default); the engine may lower it.
    void setUploadChunkBytes(qint64 bytes) { m_uploadChunkBytes = bytes; }
    // Stops the running upload and deletes what the engine received of it, or stops packing a
    // folder.
    void cancelUpload();

    // Returns true when the integration reads OneRoster bundles, which may be uploaded as a
    // folder.
    static bool takesBundles(const QJsonObject &integration);
    // The file dialog's name filters for Upload File on the integration, the most likely first.
    static QString uploadFileFilter(const QJsonObject &integration);

signals:
    void refreshed();
    void addIntegrationRequested();
    void editRequested(qint64 integrationId);
    // The user asked for the integration's own page: its activity, last runs and next run.
    void activityRequested(qint64 integrationId);
    void apiEditRequested(qint64 integrationId);
    void inboundEditRequested(qint64 integrationId);
    // A run was queued, by Run Now or by an upload. alreadyQueued is true when Run Now found
    // a run of the integration waiting to start, which the engine returns instead of a new one.
    void runQueued(qint64 runId, bool alreadyQueued);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

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
    void chooseFolder();
    // Shows why the integration takes no upload and returns false, or returns true.
    bool checkUploadTarget(const QJsonObject &integration);
    // Shows text on the message line and stops following a run.
    void showMessage(const QString &text, bool error);
    void showRunState(const QJsonObject &run);
    void handleQueued(const ApiResult &result);
    // Starts sending filePath. Messages name shownPath instead when it is set. Returns false
    // when the upload did not start, after showing why.
    bool startUpload(const QJsonObject &integration, const QString &filePath,
                     const QString &shownPath = {});
    void startFolderUpload(const QJsonObject &integration, const QString &folderPath);
    void showPackProgress(int percent);
    void packFinished();
    bool isPacking() const;
    void showUploadProgress(qint64 sentBytes, qint64 totalBytes);
    void uploadFinished(const ApiResult &result);
    // The integration under a point of this page, or an empty object.
    QJsonObject integrationAt(const QPoint &position) const;
    // The local files and folders that a drag carries.
    static QStringList localPaths(const QMimeData *mimeData);

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
    QPushButton *m_uploadFolderButton;
    QLabel *m_message;
    QProgressBar *m_uploadProgress;
    QPushButton *m_cancelUploadButton;
    QPointer<FileUpload> m_upload;
    RunWatcher *m_runWatcher;
    // The packing of a folder, and the temporary folder of its zip, which is removed when the
    // upload of the zip ends.
    QFutureWatcher<BundleFolderZip::Result> *m_packWatcher;
    std::unique_ptr<QTemporaryDir> m_packDir;
    QJsonObject m_packIntegration;
    QString m_packFolder;
    QString m_packZip;
    // True from the start of packing until packFinished() handles its end.
    bool m_packing = false;
    qint64 m_uploadChunkBytes = 8LL * 1024 * 1024;
};

} // namespace hubdesk
