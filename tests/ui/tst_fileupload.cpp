// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Upload File and Upload Folder on the Integrations page: chunked uploads with progress and
// Cancel, drag and drop onto an integration, OneRoster bundle folders packed into a zip, and a
// client that resumes after its connection drops.

#include "uitestengine.h"
#include "testzip.h"

#include "bundlefolderzip.h"
#include "fileupload.h"
#include "integrationmodel.h"
#include "integrationspage.h"
#include "store/store.h"

#include <QApplication>
#include <QCheckBox>
#include <QDropEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>

using hubdesk::IntegrationsPage;
using hubtest::UiTestEngine;

namespace {

constexpr int kRunTimeoutMs = 30000;
constexpr qint64 kChunkBytes = 64 * 1024;

// The files of a OneRoster 1.1 delta bundle that adds count districts, so its run loads without
// a hold, as (name, content).
QList<std::pair<QByteArray, QByteArray>> deltaOrgsFiles(int count, const QByteArray &prefix)
{
    QByteArray orgs = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n";
    for (int i = 0; i < count; ++i)
        orgs += prefix + QByteArray::number(i) + ",active,2024-01-02T03:04:05Z,District "
                + QByteArray::number(i) + ",district,D" + QByteArray::number(i) + ",\r\n";
    return {
        {"manifest.csv", "propertyName,value\r\nmanifest.version,1.0\r\n"
                         "oneroster.version,1.1\r\nfile.orgs,delta\r\n"},
        {"orgs.csv", orgs},
    };
}

// The bundle of deltaOrgsFiles() as a zip.
QByteArray deltaOrgsZip(int count, const QByteArray &prefix)
{
    // Stored without compression, so the file is as large as its rows.
    return hubtest::zipArchive(deltaOrgsFiles(count, prefix), hubtest::ZipCompression::Store);
}

// The entries of a zip file by name, with their content. The map is empty when libarchive cannot
// read the file.
QMap<QString, QByteArray> zipEntries(const QString &path)
{
    QMap<QString, QByteArray> entries;
    archive *zip = archive_read_new();
    archive_read_support_format_zip(zip);
    if (archive_read_open_filename(zip, QFile::encodeName(path).constData(), 64 * 1024)
        != ARCHIVE_OK) {
        archive_read_free(zip);
        return entries;
    }
    archive_entry *entry = nullptr;
    // A zip of this test has a handful of entries, so the bound only stops a corrupt one.
    for (int i = 0; i < 100 && archive_read_next_header(zip, &entry) == ARCHIVE_OK; ++i) {
        QByteArray content;
        char buffer[16 * 1024];
        la_ssize_t read = 0;
        while ((read = archive_read_data(zip, buffer, sizeof buffer)) > 0)
            content.append(buffer, read);
        entries.insert(QString::fromUtf8(archive_entry_pathname_utf8(entry)), content);
    }
    archive_read_free(zip);
    return entries;
}

// Forwards connections from 127.0.0.1 to the engine, and breaks every request that sends
// the chunk at dropOffset halfway through its body, as a failing network does. QNetworkAccessManager
// sends such a request again by itself before it reports an error, so the proxy keeps breaking
// them until the client requests the upload's received size, which only FileUpload's own retry
// does. With loseCompletionAnswer, the engine's response to the first completion is dropped and
// the client's connection cut, so the engine has queued a run that the client never hears of.
class DroppingProxy final : public QObject
{
public:
    DroppingProxy(quint16 enginePort, qint64 dropOffset, bool loseCompletionAnswer = false)
        : m_enginePort(enginePort)
        , m_dropMarker("offset=" + QByteArray::number(dropOffset) + ' ')
        , m_completionAnswersToLose(loseCompletionAnswer ? 1 : 0)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &DroppingProxy::accept);
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    int drops() const { return m_drops; }
    int lostAnswers() const { return m_lostAnswers; }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto engine = new QTcpSocket(client);
            engine->connectToHost(QHostAddress::LocalHost, m_enginePort);
            connect(client, &QTcpSocket::readyRead, engine, [this, client, engine] {
                const QByteArray bytes = client->readAll();
                if (bytes.startsWith("GET /api/v1/integrations/"))
                    m_statusRequested = true;
                if (!m_statusRequested && bytes.startsWith("PUT ") && bytes.contains(m_dropMarker)) {
                    ++m_drops;
                    engine->write(bytes.left(bytes.size() / 2));
                    engine->flush();
                    engine->abort();
                    client->abort();
                    return;
                }
                if (m_completionAnswersToLose > 0 && bytes.startsWith("POST ")
                    && bytes.contains("/complete ")) {
                    --m_completionAnswersToLose;
                    engine->setProperty("loseAnswer", true);
                }
                engine->write(bytes);
            });
            connect(engine, &QTcpSocket::readyRead, client, [this, client, engine] {
                const QByteArray answer = engine->readAll();
                if (engine->property("loseAnswer").toBool()) {
                    ++m_lostAnswers;
                    engine->abort();
                    client->abort();
                    return;
                }
                client->write(answer);
            });
            connect(engine, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        }
    }

    QTcpServer m_server;
    quint16 m_enginePort;
    QByteArray m_dropMarker;
    bool m_statusRequested = false;
    int m_drops = 0;
    int m_completionAnswersToLose = 0;
    int m_lostAnswers = 0;
};

} // namespace

class tst_FileUpload final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void uploadShowsProgressAndQueuesRun();
    void dropOnInboundUploads();
    void dropOnOutboundIsRejected();
    void dropOfSeveralFilesIsRejected();
    void inactiveIntegrationTakesNoFile();
    void cancelDeletesUpload();
    void folderZipContainsTopLevelFiles();
    void folderZipNeedsManifest();
    void uploadFilterFollowsFileKind();
    void folderButtonFollowsFileKind();
    void folderUploadLoadsBundle();
    void folderWithoutManifestUploadsNothing();
    void dropFolderOnBundleUploads();
    void dropFolderOnFlatFileIsRejected();
    void cancelWhilePackingUploadsNothing();
    void folderOverEngineLimitFailsRun();
    void clientResumesAfterDroppedConnection();
    void lostCompletionAnswerQueuesOneRun();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    // Writes files into a new folder of the test's folder and returns the folder's path.
    QString writeFolder(const QString &name, const QList<std::pair<QByteArray, QByteArray>> &files);
    // The files and folders in the temporary folder that the page packs folders in.
    QStringList packedLeftovers() const;
    QModelIndex integrationIndex(IntegrationsPage::Group group, const QString &namePart) const;
    void drop(const QStringList &files, const QPoint &position);
    int runStatus(qint64 runId) const;
    qint64 orgsWithPrefix(const QString &prefix) const;
    QStringList openUploads() const;
    qint64 runCount() const;

    UiTestEngine m_engine;
    std::unique_ptr<IntegrationsPage> m_page;
    QTemporaryDir m_files;
    // TMPDIR while the tests run, so that the temporary zips of packed folders can be counted.
    QString m_tempDir;
    QByteArray m_savedTempDir;
    qint64 m_attendanceId = 0;
};

void tst_FileUpload::initTestCase()
{
    QVERIFY(m_files.isValid());
    m_tempDir = m_files.filePath(QStringLiteral("tmp"));
    QVERIFY(QDir().mkpath(m_tempDir));
    m_savedTempDir = qgetenv("TMPDIR");
    qputenv("TMPDIR", QFile::encodeName(m_tempDir));
    QCOMPARE(QDir::tempPath(), m_tempDir);
    const QString error = m_engine.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // An Attendance integration, which takes one CSV or XML file and no folder.
    const qint64 attendanceProduct
        = m_engine.productNamed(QStringLiteral("Attendance")).value(QStringLiteral("id")).toInteger();
    QVERIFY(attendanceProduct > 0);
    const hubdesk::ApiResult created = UiTestEngine::wait(m_engine.client()->post(
        QStringLiteral("/api/v1/integrations"),
        QJsonObject{{QStringLiteral("productId"), attendanceProduct},
                    {QStringLiteral("notes"), QStringLiteral("Daily attendance drop")}}));
    QVERIFY2(created.httpStatus == 201, qPrintable(created.errorMessage));
    m_attendanceId = created.body.object().value(QStringLiteral("id")).toInteger();
    QVERIFY(m_attendanceId > 0);
    m_page = std::make_unique<IntegrationsPage>(m_engine.client());
    // Small chunks, so that small files show several steps of progress.
    m_page->setUploadChunkBytes(kChunkBytes);
    m_page->resize(1100, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QSignalSpy refreshed(m_page.get(), &IntegrationsPage::refreshed);
    m_page->refresh();
    QVERIFY(refreshed.wait(UiTestEngine::kRequestTimeoutMs));
    QVERIFY(integrationIndex(IntegrationsPage::Inbound, QStringLiteral("OneRoster Bundle")).isValid());
}

void tst_FileUpload::cleanupTestCase()
{
    m_page.reset();
    m_engine.stop();
    if (m_savedTempDir.isNull())
        qunsetenv("TMPDIR");
    else
        qputenv("TMPDIR", m_savedTempDir);
}

QString tst_FileUpload::writeFolder(const QString &name,
                                    const QList<std::pair<QByteArray, QByteArray>> &files)
{
    const QDir folder(m_files.filePath(name));
    if (!folder.mkpath(QStringLiteral(".")))
        return {};
    for (const auto &[fileName, content] : files) {
        QFile file(folder.filePath(QString::fromUtf8(fileName)));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
    }
    return folder.path();
}

QStringList tst_FileUpload::packedLeftovers() const
{
    return QDir(m_tempDir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

QString tst_FileUpload::writeFile(const QString &name, const QByteArray &bytes)
{
    QFile file(m_files.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

QModelIndex tst_FileUpload::integrationIndex(IntegrationsPage::Group group,
                                             const QString &namePart) const
{
    QListView *view = m_page->view(group);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        if (index.data().toString().contains(namePart))
            return index;
    }
    return {};
}

// Sends the drag and drop events that a file manager's drop at position would cause.
void tst_FileUpload::drop(const QStringList &files, const QPoint &position)
{
    QMimeData mimeData;
    QList<QUrl> urls;
    for (const QString &file : files)
        urls.append(QUrl::fromLocalFile(file));
    mimeData.setUrls(urls);
    QDragEnterEvent enter(position, Qt::CopyAction, &mimeData, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_page.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(QPointF(position), Qt::CopyAction, &mimeData, Qt::LeftButton,
                       Qt::NoModifier);
    QApplication::sendEvent(m_page.get(), &dropped);
}

int tst_FileUpload::runStatus(qint64 runId) const
{
    return m_engine.getObject(QStringLiteral("/api/v1/runs/%1").arg(runId))
        .value(QStringLiteral("status"))
        .toInt(-1);
}

qint64 tst_FileUpload::orgsWithPrefix(const QString &prefix) const
{
    auto count = hub::selectValue(m_engine.engine()->store().connection(),
                                  QStringLiteral("SELECT count(*) FROM orgs WHERE sourced_id "
                                                 "LIKE ?"),
                                  {QString(prefix + QLatin1Char('%'))});
    return count ? count->toLongLong() : -1;
}

qint64 tst_FileUpload::runCount() const
{
    auto count = hub::selectValue(m_engine.engine()->store().connection(),
                                  QStringLiteral("SELECT count(*) FROM runs"));
    return count ? count->toLongLong() : -1;
}

// The engine's unfinished uploads; a completed one keeps its folder, with the run it queued in
// session.json, until it expires.
QStringList tst_FileUpload::openUploads() const
{
    const QDir uploads(QDir(m_engine.dataDir()).filePath(QStringLiteral("uploads")));
    QStringList open;
    for (const QString &id : uploads.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile session(uploads.filePath(id + QStringLiteral("/session.json")));
        const bool read = session.open(QIODevice::ReadOnly);
        const qint64 runId = QJsonDocument::fromJson(session.readAll())
                                 .object()
                                 .value(QStringLiteral("runId"))
                                 .toInteger();
        if (!read || runId <= 0)
            open.append(id);
    }
    return open;
}

void tst_FileUpload::uploadShowsProgressAndQueuesRun()
{
    const QByteArray bundle = deltaOrgsZip(3000, "progress-org-");
    QVERIFY(bundle.size() > 3 * kChunkBytes);
    const QString path = writeFile(QStringLiteral("progress.zip"), bundle);
    QVERIFY(!path.isEmpty());

    const QModelIndex inbound = integrationIndex(IntegrationsPage::Inbound,
                                                 QStringLiteral("OneRoster Bundle"));
    m_page->view(IntegrationsPage::Inbound)->setCurrentIndex(inbound);
    auto progress = m_page->findChild<QProgressBar *>(QStringLiteral("uploadProgress"));
    auto cancel = m_page->findChild<QPushButton *>(QStringLiteral("cancelUploadButton"));
    auto uploadButton = m_page->findChild<QPushButton *>(QStringLiteral("uploadFileButton"));
    QVERIFY(progress && cancel && uploadButton);
    QVERIFY(!progress->isVisible());
    QSignalSpy values(progress, &QProgressBar::valueChanged);
    QSignalSpy queued(m_page.get(), &IntegrationsPage::runQueued);
    // A picture of the page halfway.
    bool pictured = false;
    connect(progress, &QProgressBar::valueChanged, this, [&](int value) {
        if (!pictured && value >= 40 && value < 100) {
            pictured = true;
            hubtest::saveScreenshot(m_page.get(), QStringLiteral("upload-progress"));
        }
    });

    m_page->uploadFile(path);
    QVERIFY(m_page->isUploading());
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QVERIFY(!uploadButton->isEnabled());

    QVERIFY(queued.wait(kRunTimeoutMs));
    const qint64 runId = queued.first().first().toLongLong();
    QVERIFY(runId > 0);
    QCOMPARE(progress->value(), 100);
    QVERIFY2(progress->text().contains(QLatin1String("(100%)")), qPrintable(progress->text()));
    QVERIFY2(progress->text().startsWith(QLatin1String("progress.zip: ")),
             qPrintable(progress->text()));
    // Progress moved in more than one step and never went back.
    QVERIFY(values.size() >= 3);
    QStringList steps;
    for (const QList<QVariant> &value : std::as_const(values))
        steps.append(value.first().toString());
    for (qsizetype i = 1; i < values.size(); ++i)
        QVERIFY2(values.at(i).first().toInt() >= values.at(i - 1).first().toInt(),
                 qPrintable(steps.join(QLatin1Char(' '))));
    // The message follows the run, which may already have started.
    QVERIFY2(m_page->message() == QStringLiteral("Run %1 is queued.").arg(runId)
                 || m_page->message() == QStringLiteral("Run %1 is running.").arg(runId),
             qPrintable(m_page->message()));
    // The message follows the run, so a bar frozen at 100% would show nothing new.
    QVERIFY(!progress->isVisible());
    QVERIFY(!cancel->isVisible());
    QVERIFY(uploadButton->isEnabled());
    QVERIFY(!m_page->isUploading());
    hubtest::saveScreenshot(m_page.get(), QStringLiteral("upload-done"));

    QTRY_VERIFY_WITH_TIMEOUT(runStatus(runId) != 1 && runStatus(runId) != 2, kRunTimeoutMs);
    QCOMPARE(runStatus(runId), 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_page->message(), QStringLiteral("Run %1 ended: 0 Succeeded.").arg(runId), kRunTimeoutMs);
    QCOMPARE(orgsWithPrefix(QStringLiteral("progress-org-")), 3000);
    QVERIFY(openUploads().isEmpty());
}

void tst_FileUpload::dropOnInboundUploads()
{
    const QString path = writeFile(QStringLiteral("dropped.zip"), deltaOrgsZip(3, "dropped-org-"));
    // Another integration is selected; the drop target counts.
    m_page->view(IntegrationsPage::Outbound)
        ->setCurrentIndex(m_page->view(IntegrationsPage::Outbound)->model()->index(0, 0));
    QListView *view = m_page->view(IntegrationsPage::Inbound);
    const QModelIndex inbound = integrationIndex(IntegrationsPage::Inbound,
                                                 QStringLiteral("OneRoster Bundle"));
    const QPoint position = view->viewport()->mapTo(m_page.get(),
                                                    view->visualRect(inbound).center());
    QSignalSpy queued(m_page.get(), &IntegrationsPage::runQueued);
    drop({path}, position);
    QCOMPARE(m_page->selectedIntegration().value(QStringLiteral("id")).toInteger(),
             inbound.data(hubdesk::IntegrationModel::IntegrationJsonRole)
                 .toJsonObject()
                 .value(QStringLiteral("id"))
                 .toInteger());
    QVERIFY(queued.wait(kRunTimeoutMs));
    const qint64 runId = queued.first().first().toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(runStatus(runId) != 1 && runStatus(runId) != 2, kRunTimeoutMs);
    QCOMPARE(runStatus(runId), 0);
    QCOMPARE(orgsWithPrefix(QStringLiteral("dropped-org-")), 3);
}

void tst_FileUpload::dropOnOutboundIsRejected()
{
    const QString path = writeFile(QStringLiteral("refused.zip"), deltaOrgsZip(3, "refused-org-"));
    QListView *view = m_page->view(IntegrationsPage::Outbound);
    const QModelIndex outbound = view->model()->index(0, 0);
    QVERIFY(outbound.isValid());
    const QPoint position = view->viewport()->mapTo(m_page.get(),
                                                    view->visualRect(outbound).center());
    const qint64 runsBefore = runCount();
    QVERIFY(runsBefore > 0);
    QSignalSpy queued(m_page.get(), &IntegrationsPage::runQueued);
    drop({path}, position);
    QVERIFY(!m_page->isUploading());
    QVERIFY2(m_page->message().contains(QLatin1String("is not an inbound integration")),
             qPrintable(m_page->message()));
    QVERIFY2(m_page->message().contains(
                 outbound.data(hubdesk::IntegrationModel::IntegrationJsonRole)
                     .toJsonObject()
                     .value(QStringLiteral("displayName"))
                     .toString()),
             qPrintable(m_page->message()));
    hubtest::saveScreenshot(m_page.get(), QStringLiteral("upload-drop-refused"));
    QTest::qWait(300);
    QCOMPARE(queued.size(), 0);
    QVERIFY(openUploads().isEmpty());
    QCOMPARE(runCount(), runsBefore);
    QCOMPARE(orgsWithPrefix(QStringLiteral("refused-org-")), 0);
}

void tst_FileUpload::dropOfSeveralFilesIsRejected()
{
    const QString first = writeFile(QStringLiteral("one.zip"), deltaOrgsZip(1, "several-a-"));
    const QString second = writeFile(QStringLiteral("two.zip"), deltaOrgsZip(1, "several-b-"));
    QListView *view = m_page->view(IntegrationsPage::Inbound);
    const QModelIndex inbound = integrationIndex(IntegrationsPage::Inbound,
                                                 QStringLiteral("OneRoster Bundle"));
    drop({first, second},
         view->viewport()->mapTo(m_page.get(), view->visualRect(inbound).center()));
    QVERIFY(!m_page->isUploading());
    QCOMPARE(m_page->message(),
             QStringLiteral("Drop one file or folder at a time; each is a run of its own."));
}

void tst_FileUpload::inactiveIntegrationTakesNoFile()
{
    const QModelIndex before = integrationIndex(IntegrationsPage::Inbound,
                                                QStringLiteral("OneRoster Bundle"));
    const qint64 id = before.data(hubdesk::IntegrationModel::IntegrationJsonRole)
                          .toJsonObject()
                          .value(QStringLiteral("id"))
                          .toInteger();
    QVERIFY(id > 0);
    const QSqlDatabase db = m_engine.engine()->store().connection();
    QVERIFY(hub::execute(db, QStringLiteral("UPDATE integrations SET active = ? WHERE id = ?"),
                         {false, id})
                .ok());
    auto showAll = m_page->findChild<QCheckBox *>(QStringLiteral("showAllCheck"));
    QVERIFY(showAll);
    showAll->setChecked(true);
    QSignalSpy refreshed(m_page.get(), &IntegrationsPage::refreshed);
    m_page->refresh();
    QVERIFY(refreshed.wait(UiTestEngine::kRequestTimeoutMs));

    // Selected, the Inactive integration offers no upload, and the tool tip gives the reason.
    QListView *view = m_page->view(IntegrationsPage::Inbound);
    const QModelIndex inbound = integrationIndex(IntegrationsPage::Inbound,
                                                 QStringLiteral("OneRoster Bundle"));
    QVERIFY(inbound.isValid());
    view->setCurrentIndex(inbound);
    auto upload = m_page->findChild<QPushButton *>(QStringLiteral("uploadFileButton"));
    auto runNow = m_page->findChild<QPushButton *>(QStringLiteral("runNowButton"));
    QVERIFY(upload && runNow);
    QVERIFY(!upload->isEnabled());
    QVERIFY(!runNow->isEnabled());
    QVERIFY2(upload->toolTip().contains(QLatin1String("Inactive")), qPrintable(upload->toolTip()));

    // A file dropped on it is rejected in the console, before any upload starts.
    const QString path = writeFile(QStringLiteral("inactive.zip"), deltaOrgsZip(2, "inactive-org-"));
    const qint64 runsBefore = runCount();
    QSignalSpy queued(m_page.get(), &IntegrationsPage::runQueued);
    drop({path}, view->viewport()->mapTo(m_page.get(), view->visualRect(inbound).center()));
    QVERIFY(!m_page->isUploading());
    QVERIFY2(m_page->message().contains(QLatin1String("is Inactive, so it takes no files")),
             qPrintable(m_page->message()));
    QTest::qWait(300);
    QCOMPARE(queued.size(), 0);
    QVERIFY(openUploads().isEmpty());
    QCOMPARE(runCount(), runsBefore);
    QCOMPARE(orgsWithPrefix(QStringLiteral("inactive-org-")), 0);

    QVERIFY(hub::execute(db, QStringLiteral("UPDATE integrations SET active = ? WHERE id = ?"),
                         {true, id})
                .ok());
    m_page->refresh();
    QVERIFY(refreshed.wait(UiTestEngine::kRequestTimeoutMs));
    view->setCurrentIndex(integrationIndex(IntegrationsPage::Inbound,
                                           QStringLiteral("OneRoster Bundle")));
    QVERIFY(upload->isEnabled());
    QCOMPARE(upload->toolTip(), QString());
    showAll->setChecked(false);
}

void tst_FileUpload::cancelDeletesUpload()
{
    QByteArray bytes(4 * 1024 * 1024, '\0');
    for (qsizetype i = 0; i < bytes.size(); i += 4) {
        const quint32 value = QRandomGenerator::global()->generate();
        memcpy(bytes.data() + i, &value, 4);
    }
    const QString path = writeFile(QStringLiteral("cancelled.bin"), bytes);
    m_page->view(IntegrationsPage::Inbound)
        ->setCurrentIndex(integrationIndex(IntegrationsPage::Inbound,
                                           QStringLiteral("OneRoster Bundle")));
    auto progress = m_page->findChild<QProgressBar *>(QStringLiteral("uploadProgress"));
    auto cancel = m_page->findChild<QPushButton *>(QStringLiteral("cancelUploadButton"));
    QSignalSpy queued(m_page.get(), &IntegrationsPage::runQueued);
    // Cancel is pressed as soon as the first bytes arrived.
    int valueAtCancel = -1;
    const QMetaObject::Connection pressCancel
        = connect(progress, &QProgressBar::valueChanged, this, [&](int value) {
              if (valueAtCancel < 0 && value > 0) {
                  valueAtCancel = value;
                  cancel->click();
              }
          });
    m_page->uploadFile(path);
    QTRY_VERIFY_WITH_TIMEOUT(valueAtCancel > 0, UiTestEngine::kRequestTimeoutMs);
    disconnect(pressCancel);
    QVERIFY(valueAtCancel < 100);
    QVERIFY(!m_page->isUploading());
    QVERIFY(!progress->isVisible());
    QCOMPARE(m_page->message(),
             QStringLiteral("The upload of %1 was cancelled.").arg(QDir::toNativeSeparators(path)));
    QTRY_VERIFY_WITH_TIMEOUT(openUploads().isEmpty(), UiTestEngine::kRequestTimeoutMs);
    QTest::qWait(300);
    QCOMPARE(queued.size(), 0);
}

void tst_FileUpload::clientResumesAfterDroppedConnection()
{
    const QByteArray bundle = deltaOrgsZip(3000, "resumed-org-");
    const QString path = writeFile(QStringLiteral("resumed.zip"), bundle);
    const qint64 chunk = kChunkBytes;
    QVERIFY(bundle.size() > 3 * chunk);

    // The connection breaks in the middle of the second chunk.
    DroppingProxy proxy(quint16(m_engine.engine()->baseUrl().port()), chunk);
    QVERIFY(proxy.port() > 0);
    QNetworkAccessManager network;
    hubdesk::EngineClient client(&network);
    QUrl url = m_engine.engine()->baseUrl();
    url.setPort(proxy.port());
    client.setBaseUrl(url);
    client.setToken(QByteArrayLiteral("test-token-0123456789"));

    const qint64 integrationId = integrationIndex(IntegrationsPage::Inbound,
                                                  QStringLiteral("OneRoster Bundle"))
                                     .data(hubdesk::IntegrationModel::IntegrationJsonRole)
                                     .toJsonObject()
                                     .value(QStringLiteral("id"))
                                     .toInteger();
    hubdesk::FileUpload upload(&client, integrationId, path);
    upload.setChunkBytes(chunk);
    upload.setRetryDelayMs(50);
    QSignalSpy retrying(&upload, &hubdesk::FileUpload::retrying);
    QSignalSpy finished(&upload, &hubdesk::FileUpload::finished);
    upload.start();
    QVERIFY(finished.wait(kRunTimeoutMs));
    const auto result = finished.first().first().value<hubdesk::ApiResult>();
    QVERIFY2(result.ok(), qPrintable(result.errorMessage));
    QCOMPARE(result.httpStatus, 202);
    QVERIFY(proxy.drops() >= 1);
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(retrying.first().at(0).toInt(), 1);
    QCOMPARE(upload.retries(), 1);
    QCOMPARE(upload.sentBytes(), bundle.size());

    const qint64 runId = result.body.object().value(QStringLiteral("id")).toInteger();
    QTRY_VERIFY_WITH_TIMEOUT(runStatus(runId) != 1 && runStatus(runId) != 2, kRunTimeoutMs);
    QCOMPARE(runStatus(runId), 0);
    QCOMPARE(orgsWithPrefix(QStringLiteral("resumed-org-")), 3000);
}

void tst_FileUpload::lostCompletionAnswerQueuesOneRun()
{
    const QByteArray bundle = deltaOrgsZip(40, "answered-org-");
    const QString path = writeFile(QStringLiteral("answered.zip"), bundle);
    DroppingProxy proxy(quint16(m_engine.engine()->baseUrl().port()), -1, true);
    QVERIFY(proxy.port() > 0);
    QNetworkAccessManager network;
    hubdesk::EngineClient client(&network);
    QUrl url = m_engine.engine()->baseUrl();
    url.setPort(proxy.port());
    client.setBaseUrl(url);
    client.setToken(QByteArrayLiteral("test-token-0123456789"));

    const qint64 integrationId = integrationIndex(IntegrationsPage::Inbound,
                                                  QStringLiteral("OneRoster Bundle"))
                                     .data(hubdesk::IntegrationModel::IntegrationJsonRole)
                                     .toJsonObject()
                                     .value(QStringLiteral("id"))
                                     .toInteger();
    const qint64 runsBefore = runCount();
    hubdesk::FileUpload upload(&client, integrationId, path);
    upload.setRetryDelayMs(50);
    QSignalSpy finished(&upload, &hubdesk::FileUpload::finished);
    upload.start();
    QVERIFY(finished.wait(kRunTimeoutMs));
    const auto result = finished.first().first().value<hubdesk::ApiResult>();
    QVERIFY2(result.ok(), qPrintable(result.errorMessage));
    QCOMPARE(result.httpStatus, 202);
    QCOMPARE(proxy.lostAnswers(), 1);

    // The response the client got names the run that the lost response named, the only one.
    QCOMPARE(runCount(), runsBefore + 1);
    const qint64 runId = result.body.object().value(QStringLiteral("id")).toInteger();
    auto newest = hub::selectValue(m_engine.engine()->store().connection(),
                                   QStringLiteral("SELECT max(id) FROM runs"));
    QVERIFY(newest.ok());
    QCOMPARE(runId, newest->toLongLong());
    QTRY_VERIFY_WITH_TIMEOUT(runStatus(runId) != 1 && runStatus(runId) != 2, kRunTimeoutMs);
    QCOMPARE(runStatus(runId), 0);
    QCOMPARE(orgsWithPrefix(QStringLiteral("answered-org-")), 40);
    QVERIFY(openUploads().isEmpty());
}

void tst_FileUpload::folderZipContainsTopLevelFiles()
{
    const auto files = deltaOrgsFiles(5, "zipped-org-");
    const QString folder = writeFolder(QStringLiteral("zip-contents"), files);
    QVERIFY(!folder.isEmpty());
    // Left out: a subfolder with its files, a hidden file, a symbolic link and a FIFO.
    QVERIFY(QDir(folder).mkpath(QStringLiteral("older")));
    QVERIFY(!writeFile(QStringLiteral("zip-contents/older/users.csv"), "sourcedId\r\n").isEmpty());
    QVERIFY(!writeFile(QStringLiteral("zip-contents/.orgs.csv.swp"), "swap").isEmpty());
    const QString outside = writeFile(QStringLiteral("outside-users.csv"), "sourcedId\r\n");
    QVERIFY(QFile::link(outside, QDir(folder).filePath(QStringLiteral("users.csv"))));
    QCOMPARE(::mkfifo(QFile::encodeName(QDir(folder).filePath(QStringLiteral("pipe.csv")))
                          .constData(),
                      0600),
             0);

    QStringList listed;
    for (const QFileInfo &file : hubdesk::BundleFolderZip::bundleFiles(folder))
        listed.append(file.fileName());
    QCOMPARE(listed, (QStringList{QStringLiteral("manifest.csv"), QStringLiteral("orgs.csv")}));

    const QString zipPath = m_files.filePath(QStringLiteral("zip-contents.zip"));
    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    const auto result = hubdesk::BundleFolderZip::pack(
        folder, zipPath, [&](qint64 done, qint64 total) {
            QVERIFY(done >= lastDone);
            lastDone = done;
            lastTotal = total;
        });
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.fileCount, 2);
    const qint64 bytes = files.at(0).second.size() + files.at(1).second.size();
    QCOMPARE(result.fileBytes, bytes);
    QCOMPARE(lastDone, bytes);
    QCOMPARE(lastTotal, bytes);

    const QMap<QString, QByteArray> entries = zipEntries(zipPath);
    QCOMPARE(entries.keys(), (QStringList{QStringLiteral("manifest.csv"), QStringLiteral("orgs.csv")}));
    QCOMPARE(entries.value(QStringLiteral("manifest.csv")), files.at(0).second);
    QCOMPARE(entries.value(QStringLiteral("orgs.csv")), files.at(1).second);

    // A stop request leaves no zip behind.
    const QString stoppedPath = m_files.filePath(QStringLiteral("stopped.zip"));
    const auto stopped = hubdesk::BundleFolderZip::pack(folder, stoppedPath, {}, [] { return true; });
    QVERIFY(stopped.stopped);
    QVERIFY(!stopped.ok());
    QVERIFY(!QFileInfo::exists(stoppedPath));

    // A zip that cannot be created is an error that names it.
    const QString unwritable = m_files.filePath(QStringLiteral("no-such-folder/bundle.zip"));
    const auto failed = hubdesk::BundleFolderZip::pack(folder, unwritable);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error.startsWith(QStringLiteral("Cannot create the zip file %1: ")
                                         .arg(QDir::toNativeSeparators(unwritable))),
             qPrintable(failed.error));
}

void tst_FileUpload::folderZipNeedsManifest()
{
    const QString folder = writeFolder(QStringLiteral("no-manifest"),
                                       {{"orgs.csv", "sourcedId\r\n"}});
    QVERIFY(!folder.isEmpty());
    // A manifest in a subfolder does not count, because the zip leaves subfolders out.
    QVERIFY(QDir(folder).mkpath(QStringLiteral("inner")));
    QVERIFY(!writeFile(QStringLiteral("no-manifest/inner/manifest.csv"), "propertyName,value\r\n")
                 .isEmpty());
    const QString expected
        = QStringLiteral("The folder %1 has no manifest.csv, so it is not a OneRoster bundle. "
                         "Choose the folder that contains manifest.csv and the bundle's CSV files.")
              .arg(QDir::toNativeSeparators(folder));
    QCOMPARE(hubdesk::BundleFolderZip::checkFolder(folder), expected);
    const QString zipPath = m_files.filePath(QStringLiteral("no-manifest.zip"));
    const auto result = hubdesk::BundleFolderZip::pack(folder, zipPath);
    QCOMPARE(result.error, expected);
    QVERIFY(!QFileInfo::exists(zipPath));

    // The engine finds the manifest in any letter case, so the console does too.
    const QString upperCase = writeFolder(QStringLiteral("upper-case"),
                                          {{"MANIFEST.CSV", "propertyName,value\r\n"}});
    QCOMPARE(hubdesk::BundleFolderZip::checkFolder(upperCase), QString());

    const QString missing = m_files.filePath(QStringLiteral("never-made"));
    QCOMPARE(hubdesk::BundleFolderZip::checkFolder(missing),
             QStringLiteral("The folder %1 was not found.").arg(QDir::toNativeSeparators(missing)));
}

void tst_FileUpload::uploadFilterFollowsFileKind()
{
    const QJsonObject bundle{{QStringLiteral("integrationType"), QStringLiteral("inbound")},
                             {QStringLiteral("productKey"), QStringLiteral("oneroster-bundle")}};
    const QJsonObject attendance{{QStringLiteral("integrationType"), QStringLiteral("inbound")},
                                 {QStringLiteral("productKey"), QStringLiteral("attendance")}};
    QVERIFY(IntegrationsPage::takesBundles(bundle));
    QVERIFY(!IntegrationsPage::takesBundles(attendance));
    QVERIFY(!IntegrationsPage::takesBundles({}));
    QCOMPARE(IntegrationsPage::uploadFileFilter(bundle),
             QStringLiteral("OneRoster bundles (*.zip);;OneRoster XML files (*.xml);;All files (*)"));
    QCOMPARE(IntegrationsPage::uploadFileFilter(attendance),
             QStringLiteral("CSV or XML files (*.csv *.xml);;All files (*)"));
}

void tst_FileUpload::folderButtonFollowsFileKind()
{
    auto folderButton = m_page->findChild<QPushButton *>(QStringLiteral("uploadFolderButton"));
    auto fileButton = m_page->findChild<QPushButton *>(QStringLiteral("uploadFileButton"));
    QVERIFY(folderButton && fileButton);
    QVERIFY(folderButton->isVisible());

    m_page->view(IntegrationsPage::Inbound)
        ->setCurrentIndex(integrationIndex(IntegrationsPage::Inbound,
                                           QStringLiteral("OneRoster Bundle")));
    QVERIFY(fileButton->isEnabled());
    QVERIFY(folderButton->isEnabled());
    QCOMPARE(folderButton->toolTip(), QString());

    QVERIFY(m_page->selectIntegration(m_attendanceId));
    QVERIFY(fileButton->isEnabled());
    QVERIFY(!folderButton->isEnabled());
    QVERIFY2(folderButton->toolTip().contains(QLatin1String("one CSV or XML file")),
             qPrintable(folderButton->toolTip()));

    QListView *outbound = m_page->view(IntegrationsPage::Outbound);
    outbound->setCurrentIndex(outbound->model()->index(0, 0));
    QVERIFY(!fileButton->isEnabled());
    QVERIFY(!folderButton->isEnabled());
}

void tst_FileUpload::folderUploadLoadsBundle()
{
    const QString folder = writeFolder(QStringLiteral("sis-export"),
                                       deltaOrgsFiles(25, "folder-org-"));
    QVERIFY(!folder.isEmpty());
    QVERIFY(!writeFile(QStringLiteral("sis-export/.hidden.csv"), "not,a,bundle\r\n").isEmpty());
    m_page->view(IntegrationsPage::Inbound)
        ->setCurrentIndex(integrationIndex(IntegrationsPage::Inbound,
                                           QStringLiteral("OneRoster Bundle")));
    auto progress = m_page->findChild<QProgressBar *>(QStringLiteral("uploadProgress"));
    auto cancel = m_page->findChild<QPushButton *>(QStringLiteral("cancelUploadButton"));
    auto folderButton = m_page->findChild<QPushButton *>(QStringLiteral("uploadFolderButton"));
    QVERIFY(progress && cancel && folderButton);
    QSignalSpy queued(m_page.get(), &IntegrationsPage::runQueued);

    m_page->uploadFolder(folder);
    QVERIFY(m_page->isUploading());
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QVERIFY(!folderButton->isEnabled());
    QVERIFY2(progress->text().startsWith(QLatin1String("sis-export: packing")),
             qPrintable(progress->text()));
    QVERIFY2(m_page->message().startsWith(QStringLiteral("Packing the folder %1 into a zip for ")
                                              .arg(QDir::toNativeSeparators(folder))),
             qPrintable(m_page->message()));
    hubtest::saveScreenshot(m_page.get(), QStringLiteral("upload-folder-packing"));

    QVERIFY(queued.wait(kRunTimeoutMs));
    const qint64 runId = queued.first().first().toLongLong();
    QVERIFY(runId > 0);
    QVERIFY(!m_page->isUploading());
    QVERIFY(folderButton->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(runStatus(runId) != 1 && runStatus(runId) != 2, kRunTimeoutMs);
    QCOMPARE(runStatus(runId), 0);
    QCOMPARE(orgsWithPrefix(QStringLiteral("folder-org-")), 25);
    // The engine got the zip under the folder's name.
    QStringList messages;
    const QJsonArray finishedLog = m_engine.getObject(QStringLiteral("/api/v1/runs/%1").arg(runId))
                                       .value(QStringLiteral("log"))
                                       .toArray();
    for (const QJsonValue &entry : finishedLog)
        messages.append(entry[QStringLiteral("message")].toString());
    QVERIFY2(messages.contains(QStringLiteral("Reading sis-export.zip.")),
             qPrintable(messages.join(QLatin1Char('\n'))));
    // The temporary zip is gone.
    QCOMPARE(packedLeftovers(), QStringList());
    QVERIFY(openUploads().isEmpty());
    hubtest::saveScreenshot(m_page.get(), QStringLiteral("upload-folder-done"));
}

void tst_FileUpload::folderWithoutManifestUploadsNothing()
{
    const QString folder = writeFolder(QStringLiteral("export-without-manifest"),
                                       {{"orgs.csv", "sourcedId\r\n"}});
    QVERIFY(!folder.isEmpty());
    m_page->view(IntegrationsPage::Inbound)
        ->setCurrentIndex(integrationIndex(IntegrationsPage::Inbound,
                                           QStringLiteral("OneRoster Bundle")));
    auto progress = m_page->findChild<QProgressBar *>(QStringLiteral("uploadProgress"));
    QVERIFY(progress);
    const qint64 runsBefore = runCount();
    QSignalSpy queued(m_page.get(), &IntegrationsPage::runQueued);

    m_page->uploadFolder(folder);
    QVERIFY(!m_page->isUploading());
    QVERIFY(!progress->isVisible());
    QCOMPARE(m_page->message(),
             QStringLiteral("The folder %1 has no manifest.csv, so it is not a OneRoster bundle. "
                            "Choose the folder that contains manifest.csv and the bundle's CSV "
                            "files.")
                 .arg(QDir::toNativeSeparators(folder)));
    hubtest::saveScreenshot(m_page.get(), QStringLiteral("upload-folder-no-manifest"));
    QTest::qWait(300);
    QCOMPARE(queued.size(), 0);
    QCOMPARE(runCount(), runsBefore);
    QVERIFY(openUploads().isEmpty());
    QCOMPARE(packedLeftovers(), QStringList());
}

void tst_FileUpload::dropFolderOnBundleUploads()
{
    const QString folder = writeFolder(QStringLiteral("dropped-export"),
                                       deltaOrgsFiles(7, "dropped-folder-org-"));
    QVERIFY(!folder.isEmpty());
    // Another integration is selected; the drop target counts.
    QVERIFY(m_page->selectIntegration(m_attendanceId));
    QListView *view = m_page->view(IntegrationsPage::Inbound);
    const QModelIndex bundle = integrationIndex(IntegrationsPage::Inbound,
                                                QStringLiteral("OneRoster Bundle"));
    QVERIFY(bundle.isValid());
    QSignalSpy queued(m_page.get(), &IntegrationsPage::runQueued);
    // A file manager may end a folder's URL with a slash.
    drop({folder + QLatin1Char('/')},
         view->viewport()->mapTo(m_page.get(), view->visualRect(bundle).center()));
    QVERIFY(m_page->isUploading());
    QVERIFY(queued.wait(kRunTimeoutMs));
    const qint64 runId = queued.first().first().toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(runStatus(runId) != 1 && runStatus(runId) != 2, kRunTimeoutMs);
    QCOMPARE(runStatus(runId), 0);
    QCOMPARE(orgsWithPrefix(QStringLiteral("dropped-folder-org-")), 7);
    QCOMPARE(packedLeftovers(), QStringList());
}

void tst_FileUpload::dropFolderOnFlatFileIsRejected()
{
    const QString folder = writeFolder(QStringLiteral("attendance-export"),
                                       deltaOrgsFiles(3, "flat-folder-org-"));
    QVERIFY(!folder.isEmpty());
    QListView *view = m_page->view(IntegrationsPage::Inbound);
    QVERIFY(m_page->selectIntegration(m_attendanceId));
    const QModelIndex attendance = view->currentIndex();
    QVERIFY(attendance.isValid());
    const QString name = attendance.data(hubdesk::IntegrationModel::IntegrationJsonRole)
                             .toJsonObject()
                             .value(QStringLiteral("displayName"))
                             .toString();
    QVERIFY(!name.isEmpty());
    const qint64 runsBefore = runCount();
    QSignalSpy queued(m_page.get(), &IntegrationsPage::runQueued);
    drop({folder}, view->viewport()->mapTo(m_page.get(), view->visualRect(attendance).center()));
    QVERIFY(!m_page->isUploading());
    QCOMPARE(m_page->message(),
             QStringLiteral("%1 takes one CSV or XML file, so it cannot take the folder %2. "
                            "Upload a file from the folder instead.")
                 .arg(name, QDir::toNativeSeparators(folder)));
    QTest::qWait(300);
    QCOMPARE(queued.size(), 0);
    QCOMPARE(runCount(), runsBefore);
    QCOMPARE(orgsWithPrefix(QStringLiteral("flat-folder-org-")), 0);
    QCOMPARE(packedLeftovers(), QStringList());
}

void tst_FileUpload::cancelWhilePackingUploadsNothing()
{
    // Random bytes do not compress, so packing them takes long enough to be cancelled.
    QByteArray bytes(48 * 1024 * 1024, '\0');
    for (qsizetype i = 0; i < bytes.size(); i += 4) {
        const quint32 value = QRandomGenerator::global()->generate();
        memcpy(bytes.data() + i, &value, 4);
    }
    const QString folder = writeFolder(QStringLiteral("large-export"),
                                       {{"manifest.csv", "propertyName,value\r\n"},
                                        {"photos.bin", bytes}});
    QVERIFY(!folder.isEmpty());
    m_page->view(IntegrationsPage::Inbound)
        ->setCurrentIndex(integrationIndex(IntegrationsPage::Inbound,
                                           QStringLiteral("OneRoster Bundle")));
    auto progress = m_page->findChild<QProgressBar *>(QStringLiteral("uploadProgress"));
    auto cancel = m_page->findChild<QPushButton *>(QStringLiteral("cancelUploadButton"));
    QVERIFY(progress && cancel);
    const qint64 runsBefore = runCount();
    QSignalSpy queued(m_page.get(), &IntegrationsPage::runQueued);

    m_page->uploadFolder(folder);
    QVERIFY(m_page->isUploading());
    QVERIFY(cancel->isVisible());
    QVERIFY2(progress->text().startsWith(QLatin1String("large-export: packing")),
             qPrintable(progress->text()));
    cancel->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isUploading(), kRunTimeoutMs);
    QCOMPARE(m_page->message(),
             QStringLiteral("The upload of %1 was cancelled.").arg(QDir::toNativeSeparators(folder)));
    QVERIFY(!progress->isVisible());
    QVERIFY(!cancel->isVisible());
    QTest::qWait(300);
    QCOMPARE(queued.size(), 0);
    QCOMPARE(runCount(), runsBefore);
    QVERIFY(openUploads().isEmpty());
    QCOMPARE(packedLeftovers(), QStringList());
}

void tst_FileUpload::folderOverEngineLimitFailsRun()
{
    // The engine opens a bundle zip of at most 1,000 entries, and the console does not check
    // that limit, so the run fails on the engine with the engine's reason.
    QList<std::pair<QByteArray, QByteArray>> files = deltaOrgsFiles(2, "too-many-org-");
    for (int i = 0; i < 1000; ++i)
        files.append({"extra-" + QByteArray::number(i) + ".txt", "x"});
    const QString folder = writeFolder(QStringLiteral("too-many-files"), files);
    QVERIFY(!folder.isEmpty());
    m_page->view(IntegrationsPage::Inbound)
        ->setCurrentIndex(integrationIndex(IntegrationsPage::Inbound,
                                           QStringLiteral("OneRoster Bundle")));
    QSignalSpy queued(m_page.get(), &IntegrationsPage::runQueued);

    m_page->uploadFolder(folder);
    QVERIFY(queued.wait(kRunTimeoutMs));
    const qint64 runId = queued.first().first().toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(runStatus(runId) != 1 && runStatus(runId) != 2, kRunTimeoutMs);
    QCOMPARE(runStatus(runId), 9);
    const QString reason = m_engine.getObject(QStringLiteral("/api/v1/runs/%1").arg(runId))
                               .value(QStringLiteral("message"))
                               .toString();
    QVERIFY2(reason.contains(QLatin1String("has more than 1000 entries")), qPrintable(reason));
    QTRY_COMPARE_WITH_TIMEOUT(m_page->message(),
                              QStringLiteral("Run %1 ended: 9 Failed.").arg(runId), kRunTimeoutMs);
    QCOMPARE(orgsWithPrefix(QStringLiteral("too-many-org-")), 0);
    QCOMPARE(packedLeftovers(), QStringList());
}

QTEST_MAIN(tst_FileUpload)
#include "tst_fileupload.moc"
