// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "integrationspage.h"

#include "engineclient.h"
#include "fileupload.h"
#include "integrationmodel.h"
#include "runwatcher.h"

#include <QCheckBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QPromise>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace hubdesk {

namespace {

const QString kBundleProductKey = QStringLiteral("oneroster-bundle");

} // namespace

IntegrationsPage::IntegrationsPage(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_showAll(new QCheckBox(tr("Show all")))
    , m_addButton(new QPushButton(tr("Add Integration")))
    , m_editButton(new QPushButton(tr("Edit")))
    , m_activityButton(new QPushButton(tr("Activity")))
    , m_runButton(new QPushButton(tr("Run Now")))
    , m_uploadButton(new QPushButton(tr("Upload File…")))
    , m_uploadFolderButton(new QPushButton(tr("Upload Folder…")))
    , m_message(new QLabel)
    , m_uploadProgress(new QProgressBar)
    , m_cancelUploadButton(new QPushButton(tr("Cancel Upload")))
    , m_runWatcher(new RunWatcher(client, this))
    , m_packWatcher(new QFutureWatcher<BundleFolderZip::Result>(this))
{
    setObjectName(QStringLiteral("integrationsPage"));
    setAcceptDrops(true);
    const struct
    {
        QString type;
        QString title;
        QString objectName;
    } groups[] = {
        {QStringLiteral("inbound"), tr("Inbound"), QStringLiteral("inboundList")},
        {QStringLiteral("outbound"), tr("Outbound"), QStringLiteral("outboundList")},
        {QStringLiteral("api"), tr("API"), QStringLiteral("apiList")},
        {QStringLiteral("oneroster"), tr("OneRoster"), QStringLiteral("oneRosterList")},
    };

    auto grid = new QGridLayout;
    for (int i = 0; i < GroupCount; ++i) {
        GroupView group;
        group.type = groups[i].type;
        group.title = groups[i].title;
        group.model = new IntegrationModel(this);
        group.proxy = new QSortFilterProxyModel(this);
        group.proxy->setSourceModel(group.model);
        group.proxy->setFilterRole(IntegrationModel::ActiveRole);
        group.view = new QListView;
        group.view->setObjectName(groups[i].objectName);
        group.view->setAccessibleName(tr("%1 integrations").arg(groups[i].title));
        group.view->setModel(group.proxy);
        group.view->setSelectionMode(QAbstractItemView::SingleSelection);
        group.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        group.view->setUniformItemSizes(true);
        group.view->setSpacing(2);
        group.emptyLabel = new QLabel(
            tr("No %1 integrations to show. Use Add Integration to add one from the catalog.")
                .arg(groups[i].title));
        group.emptyLabel->setObjectName(groups[i].objectName + QStringLiteral("EmptyLabel"));
        group.emptyLabel->setWordWrap(true);
        group.emptyLabel->setAlignment(Qt::AlignCenter);

        auto box = new QGroupBox(groups[i].title);
        box->setObjectName(groups[i].objectName + QStringLiteral("Group"));
        auto boxLayout = new QVBoxLayout(box);
        boxLayout->addWidget(group.view);
        boxLayout->addWidget(group.emptyLabel);
        grid->addWidget(box, i / 2, i % 2);

        // A mouse press sets the current index before it selects, so the buttons follow the
        // selection, not the current index.
        connect(group.view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                [this, i] { onSelected(i); });
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
            connect(group.proxy, signal, this, [this, i] { updateEmptyLabel(i); });
        connect(group.proxy, &QAbstractItemModel::modelReset, this,
                [this, i] { updateEmptyLabel(i); });
        connect(group.proxy, &QAbstractItemModel::layoutChanged, this,
                [this, i] { updateEmptyLabel(i); });
        connect(group.view, &QListView::doubleClicked, this, [this, i] {
            onSelected(i);
            if (m_editButton->isEnabled())
                m_editButton->click();
        });
        m_groups.append(group);
    }

    const QList<QPair<QWidget *, QString>> names = {
        {m_showAll, QStringLiteral("showAllCheck")},
        {m_addButton, QStringLiteral("addIntegrationButton")},
        {m_editButton, QStringLiteral("editIntegrationButton")},
        {m_activityButton, QStringLiteral("integrationActivityButton")},
        {m_runButton, QStringLiteral("runNowButton")},
        {m_uploadButton, QStringLiteral("uploadFileButton")},
        {m_uploadFolderButton, QStringLiteral("uploadFolderButton")},
        {m_message, QStringLiteral("integrationsMessage")},
        {m_uploadProgress, QStringLiteral("uploadProgress")},
        {m_cancelUploadButton, QStringLiteral("cancelUploadButton")},
    };
    for (const auto &[widget, name] : names)
        widget->setObjectName(name);
    m_showAll->setAccessibleName(tr("Show inactive integrations too"));
    m_addButton->setAccessibleName(tr("Add integration"));
    m_editButton->setAccessibleName(tr("Edit the selected integration"));
    m_activityButton->setAccessibleName(
        tr("Show the selected integration's activity, last runs and next run"));
    m_runButton->setAccessibleName(tr("Run the selected integration now"));
    m_uploadButton->setAccessibleName(tr("Upload a file to the selected inbound integration"));
    m_uploadFolderButton->setAccessibleName(
        tr("Upload a OneRoster bundle folder to the selected integration"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_uploadProgress->setAccessibleName(tr("Upload progress"));
    m_uploadProgress->setRange(0, 100);
    m_uploadProgress->setVisible(false);
    m_cancelUploadButton->setAccessibleName(tr("Cancel the running upload"));
    m_cancelUploadButton->setVisible(false);

    auto title = new QLabel(tr("Integrations"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_showAll);
    buttons->addStretch();
    for (QPushButton *button : {m_addButton, m_editButton, m_activityButton, m_runButton,
                                m_uploadButton, m_uploadFolderButton})
        buttons->addWidget(button);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(buttons);
    layout->addLayout(grid, 1);
    auto uploadRow = new QHBoxLayout;
    uploadRow->addWidget(m_uploadProgress, 1);
    uploadRow->addWidget(m_cancelUploadButton);
    layout->addLayout(uploadRow);
    layout->addWidget(m_message);

    connect(m_showAll, &QCheckBox::toggled, this, &IntegrationsPage::updateFilter);
    connect(m_addButton, &QPushButton::clicked, this, &IntegrationsPage::addIntegrationRequested);
    connect(m_editButton, &QPushButton::clicked, this, [this] {
        const QJsonObject integration = selectedIntegration();
        if (integration.isEmpty())
            return;
        const qint64 id = integration.value(QStringLiteral("id")).toInteger();
        const QString type = integration.value(QStringLiteral("integrationType")).toString();
        if (type == QLatin1String("api"))
            emit apiEditRequested(id);
        else if (type == QLatin1String("inbound"))
            emit inboundEditRequested(id);
        else
            emit editRequested(id);
    });
    connect(m_activityButton, &QPushButton::clicked, this, [this] {
        const QJsonObject integration = selectedIntegration();
        if (!integration.isEmpty())
            emit activityRequested(integration.value(QStringLiteral("id")).toInteger());
    });
    connect(m_runButton, &QPushButton::clicked, this, &IntegrationsPage::runSelected);
    connect(m_uploadButton, &QPushButton::clicked, this, &IntegrationsPage::chooseFile);
    connect(m_uploadFolderButton, &QPushButton::clicked, this, &IntegrationsPage::chooseFolder);
    connect(m_packWatcher, &QFutureWatcher<BundleFolderZip::Result>::progressValueChanged, this,
            &IntegrationsPage::showPackProgress);
    connect(m_packWatcher, &QFutureWatcher<BundleFolderZip::Result>::finished, this,
            &IntegrationsPage::packFinished);
    connect(m_cancelUploadButton, &QPushButton::clicked, this, &IntegrationsPage::cancelUpload);
    connect(m_runWatcher, &RunWatcher::runChanged, this, &IntegrationsPage::showRunState);
    // The line is read when the page is shown, so the watcher polls only then.
    m_runWatcher->setPolling(false);

    updateFilter();
    updateButtons();
    for (int i = 0; i < GroupCount; ++i)
        updateEmptyLabel(i);
}

IntegrationsPage::~IntegrationsPage()
{
    for (const QPointer<ApiJob> &job : m_jobs + m_refreshJobs) {
        if (job)
            job->abort();
    }
    // The packing writes into m_packDir, and the upload reads from it, so both end before the
    // members are destroyed and the folder is removed.
    if (isPacking()) {
        m_packWatcher->disconnect(this);
        m_packWatcher->cancel();
        m_packWatcher->waitForFinished();
    }
    delete m_upload.data();
}

void IntegrationsPage::clear()
{
    for (const QPointer<ApiJob> &job : std::as_const(m_refreshJobs)) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->abort();
        }
    }
    m_refreshJobs.clear();
    cancelUpload();
    m_uploadProgress->setVisible(false);
    for (GroupView &group : m_groups)
        group.model->setIntegrations({});
    showMessage({}, false);
    updateButtons();
}

void IntegrationsPage::refresh()
{
    const qint64 selectedId = selectedIntegration().value(QStringLiteral("id")).toInteger();
    // A newer refresh replaces a running one; disconnect first, because an aborted job still
    // reports a result.
    for (const QPointer<ApiJob> &job : std::as_const(m_refreshJobs)) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->abort();
        }
    }
    m_refreshJobs.clear();
    m_jobs.removeAll(nullptr);
    m_pendingRefreshes = GroupCount;
    for (int i = 0; i < GroupCount; ++i) {
        ApiJob *job = m_client->fetchIntegrations(m_groups.at(i).type);
        m_refreshJobs.append(job);
        connect(job, &ApiJob::finished, this, [this, i, selectedId](const ApiResult &result) {
            if (result.ok()) {
                m_groups.at(i).model->setIntegrations(
                    result.body.object().value(QStringLiteral("integrations")).toArray());
            } else {
                showMessage(result.errorMessage, true);
            }
            if (--m_pendingRefreshes == 0) {
                if (selectedId > 0)
                    selectIntegration(selectedId);
                updateButtons();
                emit refreshed();
            }
        });
    }
}

bool IntegrationsPage::selectIntegration(qint64 id)
{
    for (int i = 0; i < GroupCount; ++i) {
        const GroupView &group = m_groups.at(i);
        const int row = group.model->rowOfId(id);
        if (row < 0)
            continue;
        const QModelIndex index = group.proxy->mapFromSource(group.model->index(row, 0));
        if (!index.isValid())
            continue;
        group.view->setCurrentIndex(index);
        group.view->scrollTo(index);
        onSelected(i);
        return true;
    }
    return false;
}

QJsonObject IntegrationsPage::selectedIntegration() const
{
    for (const GroupView &group : m_groups) {
        const QModelIndexList selected = group.view->selectionModel()->selectedIndexes();
        if (!selected.isEmpty())
            return selected.constFirst().data(IntegrationModel::IntegrationJsonRole).toJsonObject();
    }
    return {};
}

QString IntegrationsPage::message() const
{
    return m_message->text();
}

void IntegrationsPage::runSelected()
{
    const qint64 id = selectedIntegration().value(QStringLiteral("id")).toInteger();
    if (id <= 0)
        return;
    ApiJob *job = m_client->runNow(id);
    m_jobs.append(job);
    connect(job, &ApiJob::finished, this, &IntegrationsPage::handleQueued);
}

void IntegrationsPage::uploadFile(const QString &filePath)
{
    const QJsonObject integration = selectedIntegration();
    if (!integration.isEmpty())
        startUpload(integration, filePath);
}

void IntegrationsPage::uploadFolder(const QString &folderPath)
{
    const QJsonObject integration = selectedIntegration();
    if (!integration.isEmpty())
        startFolderUpload(integration, folderPath);
}

bool IntegrationsPage::isUploading() const
{
    return !m_upload.isNull() || isPacking();
}

bool IntegrationsPage::isPacking() const
{
    return m_packing;
}

void IntegrationsPage::cancelUpload()
{
    if (isPacking())
        m_packWatcher->cancel();
    else if (m_upload)
        m_upload->cancel();
}

bool IntegrationsPage::takesBundles(const QJsonObject &integration)
{
    return integration.value(QStringLiteral("integrationType")).toString()
               == QLatin1String("inbound")
           && integration.value(QStringLiteral("productKey")).toString() == kBundleProductKey;
}

QString IntegrationsPage::uploadFileFilter(const QJsonObject &integration)
{
    // A bundle integration also reads a roster as one OneRoster XML file. The others read one
    // CSV file, or the same records as XML.
    if (takesBundles(integration))
        return tr("OneRoster bundles (*.zip);;OneRoster XML files (*.xml);;All files (*)");
    return tr("CSV or XML files (*.csv *.xml);;All files (*)");
}

bool IntegrationsPage::checkUploadTarget(const QJsonObject &integration)
{
    if (isUploading()) {
        const QString current = isPacking() ? QDir::toNativeSeparators(m_packFolder)
                                            : QFileInfo(m_upload->filePath()).fileName();
        showMessage(tr("Wait until the upload of %1 ends, or cancel it, before you upload "
                       "another file.")
                        .arg(current),
                    true);
        return false;
    }
    const QString name = integration.value(QStringLiteral("displayName")).toString();
    if (integration.value(QStringLiteral("integrationType")).toString()
        != QLatin1String("inbound")) {
        showMessage(tr("%1 is not an inbound integration. Files can be uploaded to inbound "
                       "integrations only.")
                        .arg(name),
                    true);
        return false;
    }
    if (!integration.value(QStringLiteral("active")).toBool(true)) {
        showMessage(tr("%1 is Inactive, so it takes no files. Set its status to Active to "
                       "upload to it.")
                        .arg(name),
                    true);
        return false;
    }
    return true;
}

bool IntegrationsPage::startUpload(const QJsonObject &integration, const QString &filePath,
                                   const QString &shownPath)
{
    if (!checkUploadTarget(integration))
        return false;
    const QString name = integration.value(QStringLiteral("displayName")).toString();
    const qint64 id = integration.value(QStringLiteral("id")).toInteger();
    m_upload = new FileUpload(m_client, id, filePath, this);
    m_upload->setChunkBytes(m_uploadChunkBytes);
    if (!shownPath.isEmpty())
        m_upload->setShownPath(shownPath);
    connect(m_upload, &FileUpload::progress, this, &IntegrationsPage::showUploadProgress);
    connect(m_upload, &FileUpload::retrying, this,
            [this](int attempt, int maxRetries, int delayMs, const QString &reason) {
                showMessage(tr("%1 Trying again in %2 s (attempt %3 of %4).")
                                .arg(reason)
                                .arg(qMax(1, delayMs / 1000))
                                .arg(attempt)
                                .arg(maxRetries),
                            false);
            });
    connect(m_upload, &FileUpload::finished, this, &IntegrationsPage::uploadFinished);
    m_uploadProgress->setValue(0);
    m_uploadProgress->setFormat(tr("%1: starting").arg(QFileInfo(filePath).fileName()));
    m_uploadProgress->setVisible(true);
    m_cancelUploadButton->setVisible(true);
    showMessage(tr("Uploading %1 to %2…").arg(QFileInfo(filePath).fileName(), name), false);
    updateButtons();
    m_upload->start();
    return true;
}

void IntegrationsPage::startFolderUpload(const QJsonObject &integration,
                                         const QString &folderPath)
{
    if (!checkUploadTarget(integration))
        return;
    const QString name = integration.value(QStringLiteral("displayName")).toString();
    // A dropped folder's path may end in a separator, which would leave its name empty.
    const QString folder = QDir::cleanPath(QFileInfo(folderPath).absoluteFilePath());
    const QString shownFolder = QDir::toNativeSeparators(folder);
    if (!takesBundles(integration)) {
        showMessage(tr("%1 takes one CSV or XML file, so it cannot take the folder %2. Upload "
                       "a file from the folder instead.")
                        .arg(name, shownFolder),
                    true);
        return;
    }
    // The same check runs again while packing, but failing here is immediate.
    if (const QString problem = BundleFolderZip::checkFolder(folder); !problem.isEmpty()) {
        showMessage(problem, true);
        return;
    }
    auto packDir = std::make_unique<QTemporaryDir>();
    if (!packDir->isValid()) {
        showMessage(tr("Cannot create a temporary folder for the zip of %1: %2")
                        .arg(shownFolder, packDir->errorString()),
                    true);
        return;
    }
    // The engine records the upload under this name, so it is the folder's, not a temporary
    // one. The root folder has no name.
    QString zipName = QFileInfo(folder).fileName();
    if (zipName.isEmpty())
        zipName = QStringLiteral("bundle");
    m_packZip = packDir->filePath(zipName + QStringLiteral(".zip"));
    m_packDir = std::move(packDir);
    m_packFolder = folder;
    m_packIntegration = integration;
    m_packing = true;

    m_packWatcher->setFuture(QtConcurrent::run(
        [](QPromise<BundleFolderZip::Result> &promise, const QString &folder,
           const QString &zipPath) {
            promise.setProgressRange(0, 100);
            const auto progress = [&promise](qint64 doneBytes, qint64 totalBytes) {
                if (totalBytes > 0)
                    promise.setProgressValue(int(doneBytes * 100 / totalBytes));
            };
            promise.addResult(BundleFolderZip::pack(folder, zipPath, progress,
                                                    [&promise] { return promise.isCanceled(); }));
        },
        folder, m_packZip));

    m_uploadProgress->setValue(0);
    showPackProgress(0);
    m_uploadProgress->setVisible(true);
    m_cancelUploadButton->setVisible(true);
    showMessage(tr("Packing the folder %1 into a zip for %2…").arg(shownFolder, name), false);
    updateButtons();
}

void IntegrationsPage::showPackProgress(int percent)
{
    if (!isPacking())
        return;
    //: %1 is a folder name, %2 a percentage of the folder's bytes.
    m_uploadProgress->setFormat(
        tr("%1: packing (%2%)").arg(QFileInfo(m_packFolder).fileName()).arg(percent));
    m_uploadProgress->setValue(percent);
}

void IntegrationsPage::packFinished()
{
    m_packing = false;
    const QString shownFolder = QDir::toNativeSeparators(m_packFolder);
    // A cancelled packing has no result, because a cancelled future drops the result it gets.
    const bool cancelled = m_packWatcher->future().isCanceled()
                           || m_packWatcher->future().resultCount() == 0;
    const BundleFolderZip::Result result = cancelled ? BundleFolderZip::Result{}
                                                     : m_packWatcher->result();
    m_cancelUploadButton->setVisible(false);
    if (cancelled || result.stopped) {
        m_packDir.reset();
        m_uploadProgress->setVisible(false);
        showMessage(tr("The upload of %1 was cancelled.").arg(shownFolder), false);
        updateButtons();
        return;
    }
    if (!result.ok()) {
        m_packDir.reset();
        showMessage(result.error, true);
        updateButtons();
        return;
    }
    if (!startUpload(m_packIntegration, m_packZip, shownFolder))
        m_packDir.reset();
}

void IntegrationsPage::showUploadProgress(qint64 sentBytes, qint64 totalBytes)
{
    if (!m_upload || totalBytes <= 0)
        return;
    const int percent = int(sentBytes * 100 / totalBytes);
    const QLocale locale;
    //: %1 is a file name, %2 and %3 are sizes such as "2.5 MB", %4 is a percentage.
    m_uploadProgress->setFormat(tr("%1: %2 of %3 (%4%)")
                                    .arg(QFileInfo(m_upload->filePath()).fileName(),
                                         locale.formattedDataSize(sentBytes),
                                         locale.formattedDataSize(totalBytes))
                                    .arg(percent));
    // Last, because a slot on the new value may cancel the upload and delete it.
    m_uploadProgress->setValue(percent);
}

void IntegrationsPage::uploadFinished(const ApiResult &result)
{
    FileUpload *upload = m_upload;
    m_upload.clear();
    // The zip of a folder is no longer needed once the engine has it or the upload failed.
    m_packDir.reset();
    m_cancelUploadButton->setVisible(false);
    updateButtons();
    if (upload)
        upload->deleteLater();
    if (upload && upload->wasCancelled()) {
        m_uploadProgress->setVisible(false);
        showMessage(result.errorMessage, false);
        return;
    }
    handleQueued(result);
}

void IntegrationsPage::handleQueued(const ApiResult &result)
{
    if (!result.ok()) {
        showMessage(result.errorMessage, true);
        return;
    }
    // The upload is done, so its bar would only repeat "100%" while the run goes on.
    if (!isUploading())
        m_uploadProgress->setVisible(false);
    const QJsonObject run = result.body.object();
    const qint64 runId = run.value(QStringLiteral("id")).toInteger();
    // The engine returns 200 instead of 202 when a run of the integration was already waiting.
    // The watcher replaces the line once the run leaves the queue.
    const bool alreadyQueued = result.httpStatus == 200;
    showMessage(alreadyQueued ? alreadyQueuedMessage(runId) : runStateMessage(run), false);
    m_runWatcher->watch(runId, run);
    emit runQueued(runId, alreadyQueued);
}

void IntegrationsPage::showRunState(const QJsonObject &run)
{
    const QString text = runStateMessage(run);
    m_message->setPalette(palette());
    m_message->setText(text);
    m_message->setAccessibleDescription(text);
}

void IntegrationsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_runWatcher->setPolling(true);
}

void IntegrationsPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_runWatcher->setPolling(false);
}

void IntegrationsPage::updateFilter()
{
    // ActiveRole returns a bool, which the proxy compares as the text "true".
    for (const GroupView &group : std::as_const(m_groups)) {
        if (m_showAll->isChecked())
            group.proxy->setFilterFixedString({});
        else
            group.proxy->setFilterRegularExpression(QStringLiteral("^true$"));
    }
    updateButtons();
}

void IntegrationsPage::updateEmptyLabel(int group)
{
    const GroupView &view = m_groups.at(group);
    const bool empty = view.proxy->rowCount() == 0;
    view.view->setVisible(!empty);
    view.emptyLabel->setVisible(empty);
}

void IntegrationsPage::updateButtons()
{
    const QJsonObject integration = selectedIntegration();
    const QString type = integration.value(QStringLiteral("integrationType")).toString();
    // The engine rejects runs and uploads of an Inactive integration, so the buttons are
    // disabled, with the reason in their tool tip.
    const bool inactive = !type.isEmpty() && !integration.value(QStringLiteral("active")).toBool(true);
    const QString inactiveTip = inactive ? tr("This integration is Inactive. Set its status to "
                                              "Active to run it or upload files to it.")
                                         : QString();
    m_editButton->setEnabled(type == QLatin1String("outbound") || type == QLatin1String("api")
                             || type == QLatin1String("inbound"));
    m_activityButton->setEnabled(!type.isEmpty());
    // Inbound runs start from a file, so they are run by Upload File.
    m_runButton->setEnabled(!type.isEmpty() && type != QLatin1String("inbound") && !inactive);
    m_runButton->setToolTip(inactiveTip);
    m_uploadButton->setEnabled(type == QLatin1String("inbound") && !inactive && !isUploading());
    m_uploadButton->setToolTip(inactiveTip);
    const bool bundles = takesBundles(integration);
    m_uploadFolderButton->setEnabled(bundles && !inactive && !isUploading());
    if (type == QLatin1String("inbound") && !bundles)
        m_uploadFolderButton->setToolTip(tr("Only OneRoster bundle integrations take a folder. "
                                            "This integration takes one CSV or XML file."));
    else
        m_uploadFolderButton->setToolTip(inactiveTip);
}

void IntegrationsPage::onSelected(int group)
{
    // Clearing the other lists changes their selection too, which calls this again.
    if (!m_groups.at(group).view->selectionModel()->hasSelection()) {
        updateButtons();
        return;
    }
    for (int i = 0; i < GroupCount; ++i) {
        if (i != group)
            m_groups.at(i).view->selectionModel()->clear();
    }
    updateButtons();
}

void IntegrationsPage::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Upload File"), {},
                                                      uploadFileFilter(selectedIntegration()));
    if (!path.isEmpty())
        uploadFile(path);
}

void IntegrationsPage::chooseFolder()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Upload Folder"));
    if (!path.isEmpty())
        uploadFolder(path);
}

QStringList IntegrationsPage::localPaths(const QMimeData *mimeData)
{
    QStringList paths;
    if (!mimeData || !mimeData->hasUrls())
        return paths;
    const QList<QUrl> urls = mimeData->urls();
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QFileInfo info(url.toLocalFile());
        if (info.isFile() || info.isDir())
            paths.append(url.toLocalFile());
    }
    return paths;
}

QJsonObject IntegrationsPage::integrationAt(const QPoint &position) const
{
    for (const GroupView &group : m_groups) {
        if (!group.view->isVisible())
            continue;
        const QPoint point = group.view->viewport()->mapFrom(this, position);
        if (!group.view->viewport()->rect().contains(point))
            continue;
        const QModelIndex index = group.view->indexAt(point);
        if (index.isValid())
            return index.data(IntegrationModel::IntegrationJsonRole).toJsonObject();
    }
    return {};
}

void IntegrationsPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void IntegrationsPage::dragMoveEvent(QDragMoveEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void IntegrationsPage::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    if (paths.size() > 1) {
        showMessage(tr("Drop one file or folder at a time; each is a run of its own."), true);
        return;
    }
    // A file or folder dropped on an integration goes to it; one dropped elsewhere goes to the
    // selected integration.
    QJsonObject integration = integrationAt(event->position().toPoint());
    if (!integration.isEmpty())
        selectIntegration(integration.value(QStringLiteral("id")).toInteger());
    else
        integration = selectedIntegration();
    if (integration.isEmpty()) {
        showMessage(tr("Drop the file or folder on an inbound integration to upload it."), true);
        return;
    }
    event->acceptProposedAction();
    const QString path = paths.constFirst();
    if (QFileInfo(path).isDir())
        startFolderUpload(integration, path);
    else
        startUpload(integration, path);
}

void IntegrationsPage::showMessage(const QString &text, bool error)
{
    m_runWatcher->stop();
    // The bar of a finished upload would read as the state of the file that an error is about.
    if (error && !isUploading())
        m_uploadProgress->setVisible(false);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    m_message->setPalette(palette);
    m_message->setText(text);
    m_message->setAccessibleDescription(text);
}

void IntegrationsPage::setCanAddIntegrations(bool canAdd)
{
    for (GroupView &group : m_groups) {
        group.emptyLabel->setText(
            canAdd ? tr("No %1 integrations to show. Use Add Integration to add one from the "
                        "catalog.")
                         .arg(group.title)
                   : tr("No %1 integrations to show. A district administrator can add one.")
                         .arg(group.title));
    }
}

QString IntegrationsPage::emptyText(Group group) const
{
    return m_groups.at(group).emptyLabel->text();
}

} // namespace hubdesk
