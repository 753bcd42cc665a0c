// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Chunked uploads through the admin API: a bundle sent in chunks across a dropped connection
// loads, and every wrong chunk, checksum, owner and expired upload gets its own error.

#include "../apitestclient.h"
#include "../testdatabase.h"
#include "../testzip.h"

#include "accounts/accounts.h"
#include "core/timeutil.h"
#include "engine.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using hubtest::ApiReply;

namespace {

// The demo's inbound OneRoster bundle integration and an outbound one.
constexpr qint64 kInbound = 3;
constexpr qint64 kOutbound = 1;
const QByteArray kAdminToken = "upload-sessions-test-token-0123456789";
const QString kPassword = QStringLiteral("correct horse battery staple 42");

// The worker deletes a loaded file just after it records the run's end, so a test that saw the
// end waits a bounded time for the file to go.
bool waitUntilDeleted(const QString &path)
{
    for (int attempt = 0; attempt < 50 && QFileInfo::exists(path); ++attempt)
        QTest::qWait(100);
    return !QFileInfo::exists(path);
}

// A OneRoster 1.1 delta bundle that adds count districts named upload-org-N.
QByteArray deltaOrgsZip(int count)
{
    QByteArray orgs = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n";
    for (int i = 0; i < count; ++i)
        orgs += QStringLiteral("upload-org-%1,active,2024-01-02T03:04:05Z,Upload District %1,"
                               "district,U%1,\r\n")
                    .arg(i)
                    .toUtf8();
    const QList<std::pair<QByteArray, QByteArray>> files = {
        {"manifest.csv", "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.1\r\n"
                         "file.orgs,delta\r\n"},
        {"orgs.csv", orgs},
    };
    return hubtest::zipArchive(files);
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class tst_UploadSessions final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void resumesAfterDroppedConnection();
    void checksumAtCompletion();
    void completingAgainAnswersWithTheSameRun();
    void wrongChecksumDeletesUpload();
    void chunkErrors();
    void oversizeChunkIsRejected();
    void incompleteUploadCannotComplete();
    void invalidStartIsRejected_data();
    void invalidStartIsRejected();
    void outboundIntegrationIsRejected();
    void otherUsersAndDistrictsGetNotFound();
    void deleteRemovesParts();
    void listShowsOwnOrAllUploads();
    void administratorDeletesAnyUpload();
    // Moves the clock an hour on, past the lifetime of the users' access tokens.
    void districtUploadLimit();
    void singleRequestUploadStillWorks();
    void blankFileNameIsRejected_data();
    void blankFileNameIsRejected();
    void folderInFileNameIsCutAndLogged();
    // Moves the clock a day on, so it runs last.
    void expiredUploadsAreDeleted();

private:
    hubtest::ApiTestClient &client(const QByteArray &token, const QByteArray &district = {});
    ApiReply start(const QByteArray &bytes, const QString &fileName, const QString &sha256 = {});
    ApiReply putChunk(const QString &uploadId, qint64 offset, const QByteArray &bytes);
    ApiReply complete(const QString &uploadId, const QJsonObject &body = {});
    QString uploadPath(const QString &uploadId) const;
    QByteArray rawExchange(const QByteArray &head, const QByteArray &body, bool dropAfterBody);
    QJsonObject waitForRun(qint64 runId);
    qint64 uploadedOrgs();

    QTemporaryDir m_dataDir;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<hubtest::ApiTestClient> m_client;
    QDateTime m_now = QDateTime(QDate(2026, 12, 4), QTime(9, 0), QTimeZone::utc());
    qint64 m_districtTwo = 0;
    QByteArray m_operatorToken;
    QByteArray m_viewerToken;
};

void tst_UploadSessions::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    HUB_REQUIRE_TEST_DATABASE();
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.database = hubtest::testDatabase(m_dataDir.filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(!options.database.isEmpty());
    options.adminToken = kAdminToken;
    options.demo = true;
    options.workers = 1;
    options.clock = [this] { return m_now; };
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_client = std::make_unique<hubtest::ApiTestClient>(m_engine->baseUrl(), kAdminToken);

    const ApiReply second = client(kAdminToken).post(
        QStringLiteral("/api/v1/districts"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Second District")},
                    {QStringLiteral("timeZone"), QStringLiteral("America/Chicago")}});
    QCOMPARE(second.status, 201);
    m_districtTwo = second.json.value(QStringLiteral("id")).toInteger();

    hub::accounts::NewAccount account;
    account.name = QStringLiteral("one-operator");
    account.password = kPassword;
    account.districtId = m_engine->districtId();
    account.role = hub::accounts::Role::Operator;
    auto created = hub::accounts::createAccount(m_engine->store().connection(), account, m_now);
    QVERIFY2(created.ok(), qPrintable(created.error()));
    const ApiReply signIn = client({}).post(QStringLiteral("/api/v1/session"),
                                            QJsonObject{{QStringLiteral("user"), account.name},
                                                        {QStringLiteral("password"), kPassword}});
    QCOMPARE(signIn.status, 200);
    m_operatorToken = signIn.json.value(QStringLiteral("accessToken")).toString().toLatin1();

    account.name = QStringLiteral("one-viewer");
    account.role = hub::accounts::Role::Viewer;
    created = hub::accounts::createAccount(m_engine->store().connection(), account, m_now);
    QVERIFY2(created.ok(), qPrintable(created.error()));
    const ApiReply viewerSignIn = client({}).post(
        QStringLiteral("/api/v1/session"), QJsonObject{{QStringLiteral("user"), account.name},
                                                       {QStringLiteral("password"), kPassword}});
    QCOMPARE(viewerSignIn.status, 200);
    m_viewerToken = viewerSignIn.json.value(QStringLiteral("accessToken")).toString().toLatin1();
}

void tst_UploadSessions::cleanupTestCase()
{
    m_client.reset();
    m_engine.reset();
}

hubtest::ApiTestClient &tst_UploadSessions::client(const QByteArray &token,
                                                   const QByteArray &district)
{
    m_client->setToken(token);
    m_client->setDistrict(district);
    return *m_client;
}

ApiReply tst_UploadSessions::start(const QByteArray &bytes, const QString &fileName,
                                   const QString &sha256)
{
    QJsonObject body{{QStringLiteral("fileName"), fileName},
                     {QStringLiteral("size"), bytes.size()}};
    if (!sha256.isEmpty())
        body.insert(QStringLiteral("sha256"), sha256);
    return client(kAdminToken)
        .post(QStringLiteral("/api/v1/integrations/%1/uploads").arg(kInbound), body);
}

ApiReply tst_UploadSessions::putChunk(const QString &uploadId, qint64 offset,
                                      const QByteArray &bytes)
{
    return client(kAdminToken)
        .send("PUT",
              QStringLiteral("/api/v1/integrations/%1/uploads/%2?offset=%3")
                  .arg(kInbound)
                  .arg(uploadId)
                  .arg(offset),
              bytes, "application/octet-stream");
}

ApiReply tst_UploadSessions::complete(const QString &uploadId, const QJsonObject &body)
{
    return client(kAdminToken)
        .send("POST",
              QStringLiteral("/api/v1/integrations/%1/uploads/%2/complete")
                  .arg(kInbound)
                  .arg(uploadId),
              body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
}

QString tst_UploadSessions::uploadPath(const QString &uploadId) const
{
    return QDir(m_dataDir.path()).filePath(QStringLiteral("uploads/") + uploadId);
}

// Sends a raw request over a socket of its own and returns what the engine replied. With
// dropAfterBody the connection is cut once the bytes were sent, as a failing network does.
QByteArray tst_UploadSessions::rawExchange(const QByteArray &head, const QByteArray &body,
                                           bool dropAfterBody)
{
    QTcpSocket socket;
    socket.connectToHost(m_engine->baseUrl().host(), quint16(m_engine->baseUrl().port()));
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(head + body);
    // The engine runs on this thread, so every wait lets its event loop turn.
    for (int i = 0; i < 100 && socket.bytesToWrite() > 0; ++i)
        QTest::qWait(50);
    if (dropAfterBody) {
        // The engine reads the bytes that arrived before it detects the closed connection.
        QTest::qWait(200);
        socket.abort();
        QTest::qWait(100);
        return {};
    }
    for (int i = 0; i < 200 && socket.bytesAvailable() == 0
                    && socket.state() == QAbstractSocket::ConnectedState;
         ++i)
        QTest::qWait(50);
    QTest::qWait(50);
    return socket.readAll();
}

QJsonObject tst_UploadSessions::waitForRun(qint64 runId)
{
    QJsonObject run;
    for (int attempt = 0; attempt < 300; ++attempt) {
        run = client(kAdminToken).get(QStringLiteral("/api/v1/runs/%1").arg(runId)).json;
        const int status = run.value(QStringLiteral("status")).toInt(-1);
        if (status != 1 && status != 2)
            return run;
        QTest::qWait(100);
    }
    return run;
}

qint64 tst_UploadSessions::uploadedOrgs()
{
    auto count = hub::selectValue(m_engine->store().connection(),
                                  QStringLiteral("SELECT count(*) FROM orgs WHERE district_id = ? "
                                                 "AND sourced_id LIKE 'upload-org-%'"),
                                  {m_engine->districtId()});
    return count ? count->toLongLong() : -1;
}

void tst_UploadSessions::resumesAfterDroppedConnection()
{
    const QByteArray bundle = deltaOrgsZip(300);
    const ApiReply started = start(bundle, QStringLiteral("C:\\exports\\orgs delta.zip"),
                                   sha256Hex(bundle));
    QCOMPARE(started.status, 201);
    const QString id = started.json.value(QStringLiteral("id")).toString();
    QCOMPARE(id.size(), 32);
    QCOMPARE(started.json.value(QStringLiteral("fileName")).toString(),
             QStringLiteral("orgs delta.zip"));
    QCOMPARE(started.json.value(QStringLiteral("size")).toInteger(), bundle.size());
    QCOMPARE(started.json.value(QStringLiteral("receivedBytes")).toInteger(), 0);
    QCOMPARE(started.json.value(QStringLiteral("maxChunkBytes")).toInteger(), 8 * 1024 * 1024);
    QCOMPARE(started.json.value(QStringLiteral("expiresAt")).toString(),
             QStringLiteral("2026-12-05T09:00:00.000Z"));

    // The part file and its folder are for the engine's user only.
    const QString part = QDir(uploadPath(id)).filePath(QStringLiteral("data.part"));
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                            | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                            | QFileDevice::WriteOther | QFileDevice::ExeOther;
    QCOMPARE(int(QFileInfo(part).permissions() & others), 0);
    QVERIFY(QFileInfo(part).permissions().testFlags(QFileDevice::ReadOwner
                                                    | QFileDevice::WriteOwner));
    QCOMPARE(int(QFileInfo(uploadPath(id)).permissions() & others), 0);
    const QString sessionFile = QDir(uploadPath(id)).filePath(QStringLiteral("session.json"));
    QCOMPARE(int(QFileInfo(sessionFile).permissions() & others), 0);

    const qint64 chunk = 500;
    QVERIFY(bundle.size() > 3 * chunk);
    ApiReply sent = putChunk(id, 0, bundle.left(chunk));
    QCOMPARE(sent.status, 200);
    QCOMPARE(sent.json.value(QStringLiteral("receivedBytes")).toInteger(), chunk);
    QCOMPARE(sent.json.value(QStringLiteral("complete")).toBool(), false);

    // The second chunk's connection drops after half of its body.
    const QByteArray head = QStringLiteral("PUT /api/v1/integrations/%1/uploads/%2?offset=%3 "
                                           "HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                           "Authorization: Bearer %4\r\n"
                                           "Content-Type: application/octet-stream\r\n"
                                           "Content-Length: %5\r\n\r\n")
                                .arg(kInbound)
                                .arg(id)
                                .arg(chunk)
                                .arg(QString::fromLatin1(kAdminToken))
                                .arg(chunk)
                                .toLatin1();
    rawExchange(head, bundle.mid(chunk, chunk / 2), true);

    // The client requests the received size: only the first chunk arrived.
    const ApiReply status = client(kAdminToken)
                                .get(QStringLiteral("/api/v1/integrations/%1/uploads/%2")
                                         .arg(kInbound)
                                         .arg(id));
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json.value(QStringLiteral("receivedBytes")).toInteger(), chunk);
    QCOMPARE(QFileInfo(part).size(), chunk);

    for (qint64 offset = chunk; offset < bundle.size(); offset += chunk) {
        sent = putChunk(id, offset, bundle.mid(offset, chunk));
        QCOMPARE(sent.status, 200);
    }
    QCOMPARE(sent.json.value(QStringLiteral("receivedBytes")).toInteger(), bundle.size());
    QCOMPARE(sent.json.value(QStringLiteral("complete")).toBool(), true);

    const ApiReply queued = complete(id);
    QCOMPARE(queued.status, 202);
    QVERIFY(!QFileInfo::exists(part));
    const QJsonObject run = waitForRun(queued.json.value(QStringLiteral("id")).toInteger());
    QCOMPARE(run.value(QStringLiteral("status")).toInt(), 0);
    QCOMPARE(uploadedOrgs(), 300);

    // The run read the file under the name the user gave, and deleted it after the load.
    auto input = hub::selectValue(m_engine->store().connection(),
                                  QStringLiteral("SELECT input_file FROM runs WHERE id = ?"),
                                  {run.value(QStringLiteral("id")).toInteger()});
    QVERIFY(input.ok());
    QCOMPARE(QFileInfo(input->toString()).fileName(), QStringLiteral("orgs delta.zip"));
    QVERIFY2(waitUntilDeleted(input->toString()), qPrintable(input->toString()));
}

void tst_UploadSessions::checksumAtCompletion()
{
    const QByteArray bundle = deltaOrgsZip(5);
    const ApiReply started = start(bundle, QStringLiteral("small.zip"));
    QCOMPARE(started.status, 201);
    QVERIFY(started.json.value(QStringLiteral("sha256")).isNull());
    const QString id = started.json.value(QStringLiteral("id")).toString();
    QCOMPARE(putChunk(id, 0, bundle).status, 200);
    const ApiReply queued = complete(id, {{QStringLiteral("sha256"), sha256Hex(bundle).toUpper()}});
    QCOMPARE(queued.status, 202);
    QCOMPARE(waitForRun(queued.json.value(QStringLiteral("id")).toInteger())
                 .value(QStringLiteral("status"))
                 .toInt(),
             0);
}

// A client whose response to a completion was lost completes again and gets the run that the
// first completion queued, without a second run.
void tst_UploadSessions::completingAgainAnswersWithTheSameRun()
{
    const QByteArray bundle = deltaOrgsZip(4);
    const ApiReply started = start(bundle, QStringLiteral("twice.zip"));
    const QString id = started.json.value(QStringLiteral("id")).toString();
    QCOMPARE(putChunk(id, 0, bundle).status, 200);
    const auto runCount = [this] {
        auto count = hub::selectValue(m_engine->store().connection(),
                                      QStringLiteral("SELECT count(*) FROM runs"));
        return count ? count->toLongLong() : -1;
    };
    const qint64 runsBefore = runCount();
    const QJsonObject checksum{{QStringLiteral("sha256"), sha256Hex(bundle)}};

    const ApiReply first = complete(id, checksum);
    QCOMPARE(first.status, 202);
    const qint64 runId = first.json.value(QStringLiteral("id")).toInteger();
    QVERIFY(runId > 0);
    const ApiReply again = complete(id, checksum);
    QCOMPARE(again.status, 202);
    QCOMPARE(again.json.value(QStringLiteral("id")).toInteger(), runId);
    QCOMPARE(again.json.value(QStringLiteral("integrationId")).toInteger(), kInbound);
    QCOMPARE(complete(id).json.value(QStringLiteral("id")).toInteger(), runId);
    QCOMPARE(runCount(), runsBefore + 1);
    QCOMPARE(waitForRun(runId).value(QStringLiteral("status")).toInt(), 0);

    // The completed upload reports its run, takes no more chunks and no other file, and is
    // not listed or counted among the unfinished ones.
    const QString item = QStringLiteral("/api/v1/integrations/%1/uploads/%2").arg(kInbound).arg(id);
    const ApiReply state = client(kAdminToken).get(item);
    QCOMPARE(state.status, 200);
    QCOMPARE(state.json.value(QStringLiteral("complete")).toBool(), true);
    QCOMPARE(state.json.value(QStringLiteral("receivedBytes")).toInteger(), bundle.size());
    QCOMPARE(state.json.value(QStringLiteral("runId")).toInteger(), runId);
    const ApiReply chunk = putChunk(id, bundle.size(), "x");
    QCOMPARE(chunk.status, 409);
    QCOMPARE(chunk.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("upload_completed"));
    QCOMPARE(chunk.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("Upload %1 is complete and queued run %2; start a new upload to send "
                            "another file.")
                 .arg(id)
                 .arg(runId));
    const ApiReply otherFile
        = complete(id, {{QStringLiteral("sha256"), sha256Hex(bundle + "changed")}});
    QCOMPARE(otherFile.status, 409);
    QCOMPARE(otherFile.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("upload_completed"));
    QCOMPARE(runCount(), runsBefore + 1);
    const QJsonArray listed = client(kAdminToken)
                                  .get(QStringLiteral("/api/v1/integrations/%1/uploads").arg(kInbound))
                                  .json.value(QStringLiteral("uploads"))
                                  .toArray();
    for (const QJsonValue &upload : listed)
        QVERIFY(upload.toObject().value(QStringLiteral("id")).toString() != id);

    // It goes when it expires, like an unfinished one.
    const QDateTime now = m_now;
    m_now = m_now.addSecs(25 * 3600);
    QCOMPARE(complete(id, checksum).status, 410);
    m_now = now;
    QVERIFY(!QFileInfo::exists(uploadPath(id)));
}

void tst_UploadSessions::wrongChecksumDeletesUpload()
{
    const QByteArray bundle = deltaOrgsZip(5);
    QByteArray damaged = bundle;
    damaged[damaged.size() / 2] = char(damaged.at(damaged.size() / 2) ^ 0x55);
    const ApiReply started = start(bundle, QStringLiteral("damaged.zip"), sha256Hex(bundle));
    QCOMPARE(started.status, 201);
    const QString id = started.json.value(QStringLiteral("id")).toString();
    QCOMPARE(putChunk(id, 0, damaged).status, 200);

    // A different checksum at completion than at the start is a field error.
    ApiReply reply = complete(id, {{QStringLiteral("sha256"), sha256Hex(damaged)}});
    QCOMPARE(reply.status, 422);
    QVERIFY(reply.json.value(QStringLiteral("fields"))[QStringLiteral("sha256")].isString());
    QVERIFY(QFileInfo::exists(uploadPath(id)));

    const qint64 runsBefore = hub::selectValue(m_engine->store().connection(),
                                               QStringLiteral("SELECT count(*) FROM runs"))
                                  ->toLongLong();
    reply = complete(id);
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("checksum_mismatch"));
    const QString message = reply.json.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(sha256Hex(damaged)), qPrintable(message));
    QVERIFY2(message.contains(sha256Hex(bundle)), qPrintable(message));
    QVERIFY(!QFileInfo::exists(uploadPath(id)));
    QCOMPARE(hub::selectValue(m_engine->store().connection(),
                              QStringLiteral("SELECT count(*) FROM runs"))
                 ->toLongLong(),
             runsBefore);
    QCOMPARE(putChunk(id, 0, bundle).status, 404);
}

void tst_UploadSessions::chunkErrors()
{
    const QByteArray bytes(3000, 'x');
    const ApiReply started = start(bytes, QStringLiteral("chunks.csv"));
    QCOMPARE(started.status, 201);
    const QString id = started.json.value(QStringLiteral("id")).toString();
    QCOMPARE(putChunk(id, 0, bytes.left(1000)).status, 200);

    // Out of order: a gap after the received bytes.
    ApiReply reply = putChunk(id, 2000, bytes.mid(2000));
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("offset_mismatch"));
    QCOMPARE(reply.json.value(QStringLiteral("receivedBytes")).toInteger(), 1000);
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(
        QLatin1String("send the next chunk at offset 1000")));

    // Overlapping the received bytes, as a chunk sent twice would.
    reply = putChunk(id, 500, bytes.mid(500, 1000));
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("offset_mismatch"));
    QVERIFY(reply.json.value(QStringLiteral("message")).toString().contains(
        QLatin1String("overlaps the 1000 bytes")));

    // Past the declared size.
    reply = putChunk(id, 1000, QByteArray(2001, 'y'));
    QCOMPARE(reply.status, 413);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("chunk_past_end"));

    reply = putChunk(id, 1000, {});
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("empty_chunk"));

    reply = client(kAdminToken)
                .send("PUT",
                      QStringLiteral("/api/v1/integrations/%1/uploads/%2?offset=-5")
                          .arg(kInbound)
                          .arg(id),
                      "abc", "application/octet-stream");
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("invalid_offset"));
    reply = client(kAdminToken)
                .send("PUT",
                      QStringLiteral("/api/v1/integrations/%1/uploads/%2").arg(kInbound).arg(id),
                      "abc", "application/octet-stream");
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("invalid_offset"));

    // None of the rejected chunks changed the part file.
    QCOMPARE(QFileInfo(QDir(uploadPath(id)).filePath(QStringLiteral("data.part"))).size(), 1000);
    reply = client(kAdminToken)
                .get(QStringLiteral("/api/v1/integrations/%1/uploads/not-an-upload-id")
                         .arg(kInbound));
    QCOMPARE(reply.status, 404);
    QCOMPARE(client(kAdminToken)
                 .remove(QStringLiteral("/api/v1/integrations/%1/uploads/%2").arg(kInbound).arg(id))
                 .status,
             204);
}

void tst_UploadSessions::oversizeChunkIsRejected()
{
    const ApiReply started = start(QByteArray(20 * 1024 * 1024, 'z'), QStringLiteral("big.csv"));
    QCOMPARE(started.status, 201);
    const QString id = started.json.value(QStringLiteral("id")).toString();
    // The engine rejects the request from its head, before the body of more than 8 MiB is read.
    const QByteArray head = QStringLiteral("PUT /api/v1/integrations/%1/uploads/%2?offset=0 "
                                           "HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                           "Authorization: Bearer %3\r\n"
                                           "Content-Length: %4\r\n\r\n")
                                .arg(kInbound)
                                .arg(id)
                                .arg(QString::fromLatin1(kAdminToken))
                                .arg(8 * 1024 * 1024 + 1)
                                .toLatin1();
    const QByteArray reply = rawExchange(head, {}, false);
    QVERIFY2(reply.startsWith("HTTP/1.1 413"), reply.constData());
    QCOMPARE(QFileInfo(QDir(uploadPath(id)).filePath(QStringLiteral("data.part"))).size(), 0);

    // A chunk of exactly the limit is accepted.
    const ApiReply accepted = putChunk(id, 0, QByteArray(8 * 1024 * 1024, 'z'));
    QCOMPARE(accepted.status, 200);
    QCOMPARE(accepted.json.value(QStringLiteral("receivedBytes")).toInteger(), 8 * 1024 * 1024);
    QCOMPARE(client(kAdminToken)
                 .remove(QStringLiteral("/api/v1/integrations/%1/uploads/%2").arg(kInbound).arg(id))
                 .status,
             204);
}

void tst_UploadSessions::incompleteUploadCannotComplete()
{
    const QByteArray bytes(100, 'a');
    const ApiReply started = start(bytes, QStringLiteral("half.csv"));
    const QString id = started.json.value(QStringLiteral("id")).toString();
    QCOMPARE(putChunk(id, 0, bytes.left(40)).status, 200);
    const ApiReply reply = complete(id);
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("upload_incomplete"));
    QCOMPARE(reply.json.value(QStringLiteral("receivedBytes")).toInteger(), 40);
    QVERIFY(QFileInfo::exists(uploadPath(id)));
    QCOMPARE(client(kAdminToken)
                 .remove(QStringLiteral("/api/v1/integrations/%1/uploads/%2").arg(kInbound).arg(id))
                 .status,
             204);
}

void tst_UploadSessions::invalidStartIsRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("no file name") << QByteArray(R"({"size": 10})") << QStringLiteral("fileName");
    QTest::newRow("blank file name") << QByteArray(R"({"fileName": " ", "size": 10})")
                                     << QStringLiteral("fileName");
    QTest::newRow("no size") << QByteArray(R"({"fileName": "a.csv"})") << QStringLiteral("size");
    QTest::newRow("zero size") << QByteArray(R"({"fileName": "a.csv", "size": 0})")
                               << QStringLiteral("size");
    QTest::newRow("fractional size") << QByteArray(R"({"fileName": "a.csv", "size": 1.5})")
                                     << QStringLiteral("size");
    QTest::newRow("size as text") << QByteArray(R"({"fileName": "a.csv", "size": "10"})")
                                  << QStringLiteral("size");
    QTest::newRow("size above maximum")
        << QByteArray(R"({"fileName": "a.csv", "size": 68719476737})") << QStringLiteral("size");
    QTest::newRow("short checksum")
        << QByteArray(R"({"fileName": "a.csv", "size": 10, "sha256": "abc"})")
        << QStringLiteral("sha256");
    QTest::newRow("misspelled field")
        << QByteArray(R"({"fileName": "a.csv", "size": 10, "sha265": "abc"})")
        << QStringLiteral("sha265");
    QTest::newRow("checksum not hexadecimal")
        << QByteArray(R"({"fileName": "a.csv", "size": 10, "sha256": ")"
                      + QByteArray(64, 'g') + "\"}")
        << QStringLiteral("sha256");
}

void tst_UploadSessions::invalidStartIsRejected()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const qsizetype before = QDir(QDir(m_dataDir.path()).filePath(QStringLiteral("uploads")))
                                 .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                                 .size();
    const ApiReply reply = client(kAdminToken)
                               .send("POST",
                                     QStringLiteral("/api/v1/integrations/%1/uploads").arg(kInbound),
                                     body);
    QCOMPARE(reply.status, 422);
    QVERIFY2(reply.json.value(QStringLiteral("fields"))[field].isString(), reply.body.constData());
    QCOMPARE(QDir(QDir(m_dataDir.path()).filePath(QStringLiteral("uploads")))
                 .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                 .size(),
             before);
}

void tst_UploadSessions::outboundIntegrationIsRejected()
{
    ApiReply reply = client(kAdminToken)
                         .post(QStringLiteral("/api/v1/integrations/%1/uploads").arg(kOutbound),
                               {{QStringLiteral("fileName"), QStringLiteral("a.csv")},
                                {QStringLiteral("size"), 10}});
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("not_inbound"));
    reply = client(kAdminToken)
                .post(QStringLiteral("/api/v1/integrations/987654/uploads"),
                      {{QStringLiteral("fileName"), QStringLiteral("a.csv")},
                       {QStringLiteral("size"), 10}});
    QCOMPARE(reply.status, 404);
}

void tst_UploadSessions::otherUsersAndDistrictsGetNotFound()
{
    const QByteArray bytes(10, 'b');
    const ApiReply started = start(bytes, QStringLiteral("mine.csv"));
    QCOMPARE(started.status, 201);
    const QString id = started.json.value(QStringLiteral("id")).toString();
    const QString item = QStringLiteral("/api/v1/integrations/%1/uploads/%2").arg(kInbound).arg(id);

    // Another user of the same district, with the right to upload.
    hubtest::ApiTestClient &other = client(m_operatorToken);
    QCOMPARE(other.get(item).status, 404);
    QCOMPARE(other.send("PUT", item + QStringLiteral("?offset=0"), bytes,
                        "application/octet-stream")
                 .status,
             404);
    QCOMPARE(other.post(item + QStringLiteral("/complete")).status, 404);
    QCOMPARE(other.remove(item).status, 404);

    // The same caller acting on another district.
    hubtest::ApiTestClient &elsewhere = client(kAdminToken, QByteArray::number(m_districtTwo));
    QCOMPARE(elsewhere.get(item).status, 404);
    QCOMPARE(elsewhere.remove(item).status, 404);

    QVERIFY(QFileInfo::exists(uploadPath(id)));
    QCOMPARE(client(kAdminToken).get(item).status, 200);
    QCOMPARE(client(kAdminToken).remove(item).status, 204);
}

void tst_UploadSessions::deleteRemovesParts()
{
    const QByteArray bytes(50, 'c');
    const ApiReply started = start(bytes, QStringLiteral("gone.csv"));
    const QString id = started.json.value(QStringLiteral("id")).toString();
    QCOMPARE(putChunk(id, 0, bytes.left(20)).status, 200);
    const QString item = QStringLiteral("/api/v1/integrations/%1/uploads/%2").arg(kInbound).arg(id);
    QCOMPARE(client(kAdminToken).remove(item).status, 204);
    QVERIFY(!QFileInfo::exists(uploadPath(id)));
    QCOMPARE(client(kAdminToken).get(item).status, 404);
    QCOMPARE(client(kAdminToken).remove(item).status, 404);
}

void tst_UploadSessions::districtUploadLimit()
{
    // Uploads left by earlier tests would count, so the list starts empty.
    const QString collection = QStringLiteral("/api/v1/integrations/%1/uploads").arg(kInbound);
    for (const QJsonValue &left :
         client(kAdminToken).get(collection).json.value(QStringLiteral("uploads")).toArray())
        QCOMPARE(client(kAdminToken)
                     .remove(collection + QLatin1Char('/') + left[QStringLiteral("id")].toString())
                     .status,
                 204);

    // The first upload starts an hour before the others, so it expires first.
    const QDateTime firstStart = m_now;
    QStringList ids;
    for (int i = 0; i < 10; ++i) {
        const ApiReply started = start(QByteArray(10, 'd'), QStringLiteral("many.csv"));
        QCOMPARE(started.status, 201);
        ids.append(started.json.value(QStringLiteral("id")).toString());
        if (i == 0)
            m_now = m_now.addSecs(60 * 60);
    }
    const ApiReply refused = start(QByteArray(10, 'd'), QStringLiteral("one-more.csv"));
    QCOMPARE(refused.status, 409);
    QCOMPARE(refused.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("too_many_uploads"));
    QCOMPARE(refused.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("The district has 10 unfinished uploads, the maximum; complete or "
                            "delete one first, or wait until %1, when the first of them expires "
                            "unless it receives a chunk. GET /api/v1/integrations/%2/uploads "
                            "lists them, and an administrator can delete any of them.")
                 .arg(hub::toIsoUtc(firstStart.addSecs(24 * 60 * 60)))
                 .arg(kInbound));

    for (const QString &id : std::as_const(ids))
        QCOMPARE(client(kAdminToken)
                     .remove(QStringLiteral("/api/v1/integrations/%1/uploads/%2")
                                 .arg(kInbound)
                                 .arg(id))
                     .status,
                 204);
    QCOMPARE(start(QByteArray(10, 'd'), QStringLiteral("again.csv")).status, 201);
}

void tst_UploadSessions::singleRequestUploadStillWorks()
{
    const QByteArray bundle = deltaOrgsZip(2);
    const ApiReply reply = client(kAdminToken)
                               .send("POST",
                                     QStringLiteral("/api/v1/integrations/%1/files?fileName=one.zip")
                                         .arg(kInbound),
                                     bundle, "application/zip");
    QCOMPARE(reply.status, 202);
    QCOMPARE(waitForRun(reply.json.value(QStringLiteral("id")).toInteger())
                 .value(QStringLiteral("status"))
                 .toInt(),
             0);
}

void tst_UploadSessions::listShowsOwnOrAllUploads()
{
    const QString collection = QStringLiteral("/api/v1/integrations/%1/uploads").arg(kInbound);
    const ApiReply own = start(QByteArray(20, 'l'), QStringLiteral("admin-list.csv"));
    QCOMPARE(own.status, 201);
    const QString adminUpload = own.json.value(QStringLiteral("id")).toString();
    const ApiReply theirs
        = client(m_operatorToken)
              .post(collection, {{QStringLiteral("fileName"), QStringLiteral("op-list.csv")},
                                 {QStringLiteral("size"), 12}});
    QCOMPARE(theirs.status, 201);
    const QString operatorUpload = theirs.json.value(QStringLiteral("id")).toString();
    QCOMPARE(client(m_operatorToken)
                 .send("PUT",
                       collection + QLatin1Char('/') + operatorUpload + QStringLiteral("?offset=0"),
                       QByteArray(5, 'o'), "application/octet-stream")
                 .status,
             200);

    // An operator sees only their own upload, with what it has received so far.
    const ApiReply operatorList = client(m_operatorToken).get(collection);
    QCOMPARE(operatorList.status, 200);
    const QJsonArray mine = operatorList.json.value(QStringLiteral("uploads")).toArray();
    QCOMPARE(mine.size(), 1);
    const QJsonObject entry = mine.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("id")).toString(), operatorUpload);
    QCOMPARE(entry.value(QStringLiteral("fileName")).toString(), QStringLiteral("op-list.csv"));
    QCOMPARE(entry.value(QStringLiteral("user")).toString(), QStringLiteral("one-operator"));
    QCOMPARE(entry.value(QStringLiteral("size")).toInteger(), 12);
    QCOMPARE(entry.value(QStringLiteral("receivedBytes")).toInteger(), 5);
    QCOMPARE(entry.value(QStringLiteral("createdAt")).toString(), hub::toIsoUtc(m_now));
    QCOMPARE(entry.value(QStringLiteral("expiresAt")).toString(),
             hub::toIsoUtc(m_now.addSecs(24 * 60 * 60)));

    // An administrator lists every user's uploads of the district.
    const ApiReply adminList = client(kAdminToken).get(collection);
    QCOMPARE(adminList.status, 200);
    QStringList ids;
    QStringList users;
    for (const QJsonValue &upload : adminList.json.value(QStringLiteral("uploads")).toArray()) {
        ids.append(upload[QStringLiteral("id")].toString());
        users.append(upload[QStringLiteral("user")].toString());
    }
    QVERIFY2(ids.contains(adminUpload), qPrintable(ids.join(QLatin1Char(','))));
    QVERIFY2(ids.contains(operatorUpload), qPrintable(ids.join(QLatin1Char(','))));
    QVERIFY(users.contains(QStringLiteral("one-operator")));

    // Viewers cannot upload, so their list is empty. Other districts list none of these.
    const ApiReply viewerList = client(m_viewerToken).get(collection);
    QCOMPARE(viewerList.status, 200);
    QCOMPARE(viewerList.json.value(QStringLiteral("uploads")).toArray(), QJsonArray());
    const ApiReply elsewhere
        = client(kAdminToken, QByteArray::number(m_districtTwo)).get(collection);
    QCOMPARE(elsewhere.status, 404);
    QCOMPARE(client(kAdminToken).get(collection + QStringLiteral("?user=x")).status, 400);
    QCOMPARE(client(kAdminToken).get(QStringLiteral("/api/v1/integrations/1/uploads")).status, 409);

    QCOMPARE(client(kAdminToken).remove(collection + QLatin1Char('/') + adminUpload).status, 204);
    QCOMPARE(client(m_operatorToken).remove(collection + QLatin1Char('/') + operatorUpload).status,
             204);
}

void tst_UploadSessions::administratorDeletesAnyUpload()
{
    const QString collection = QStringLiteral("/api/v1/integrations/%1/uploads").arg(kInbound);
    const ApiReply theirs
        = client(m_operatorToken)
              .post(collection, {{QStringLiteral("fileName"), QStringLiteral("stuck.csv")},
                                 {QStringLiteral("size"), 40}});
    QCOMPARE(theirs.status, 201);
    const QString operatorUpload = theirs.json.value(QStringLiteral("id")).toString();
    const ApiReply own = start(QByteArray(20, 'a'), QStringLiteral("admin-own.csv"));
    const QString adminUpload = own.json.value(QStringLiteral("id")).toString();

    // An operator cannot delete another user's upload.
    QCOMPARE(client(m_operatorToken).remove(collection + QLatin1Char('/') + adminUpload).status,
             404);
    QVERIFY(QFileInfo::exists(uploadPath(adminUpload)));

    // An administrator deletes the operator's upload, and the audit log names both users.
    QCOMPARE(client(kAdminToken).remove(collection + QLatin1Char('/') + operatorUpload).status,
             204);
    QVERIFY(!QFileInfo::exists(uploadPath(operatorUpload)));
    const ApiReply audit = client(kAdminToken).get(QStringLiteral("/api/v1/audit?limit=1"));
    QCOMPARE(audit.status, 200);
    const QJsonObject entry
        = audit.json.value(QStringLiteral("entries")).toArray().first().toObject();
    QCOMPARE(entry.value(QStringLiteral("action")).toString(), QStringLiteral("upload_delete"));
    QCOMPARE(entry.value(QStringLiteral("entityId")).toInteger(), kInbound);
    QCOMPARE(entry.value(QStringLiteral("actor")).toString(),
             QStringLiteral("local administrator"));
    const QJsonObject before = entry.value(QStringLiteral("before")).toObject();
    QCOMPARE(before.value(QStringLiteral("uploadId")).toString(), operatorUpload);
    QCOMPARE(before.value(QStringLiteral("user")).toString(), QStringLiteral("one-operator"));
    QCOMPARE(before.value(QStringLiteral("fileName")).toString(), QStringLiteral("stuck.csv"));
    QCOMPARE(client(m_operatorToken).get(collection + QLatin1Char('/') + operatorUpload).status,
             404);

    // Another district's administrator cannot delete it.
    QCOMPARE(client(kAdminToken, QByteArray::number(m_districtTwo))
                 .remove(collection + QLatin1Char('/') + adminUpload)
                 .status,
             404);
    QCOMPARE(client(kAdminToken).remove(collection + QLatin1Char('/') + adminUpload).status, 204);
}

void tst_UploadSessions::blankFileNameIsRejected_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("empty") << QStringLiteral("?fileName=");
    QTest::newRow("blank") << QStringLiteral("?fileName=%20%20");
    QTest::newRow("no value") << QStringLiteral("?fileName");
}

void tst_UploadSessions::blankFileNameIsRejected()
{
    QFETCH(QString, query);
    const QDir uploads(m_dataDir.filePath(QStringLiteral("inbound/integration-%1").arg(kInbound)));
    const QStringList before = uploads.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    const ApiReply reply
        = client(kAdminToken)
              .send("POST", QStringLiteral("/api/v1/integrations/%1/files").arg(kInbound) + query,
                    deltaOrgsZip(1), "application/zip");
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("invalid_parameter"));
    QVERIFY(
        reply.json.value(QStringLiteral("fields")).toObject().contains(QStringLiteral("fileName")));
    QCOMPARE(reply.json.value(QStringLiteral("message")).toString(),
             QStringLiteral("The query parameter fileName is empty; give the file's name, such "
                            "as ?fileName=bundle.zip, or leave the parameter out."));
    QCOMPARE(uploads.entryList(QDir::Dirs | QDir::NoDotAndDotDot), before);
}

void tst_UploadSessions::folderInFileNameIsCutAndLogged()
{
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^The upload name \\.\\./\\.\\./etc/cut\\.zip contains folders; it "
                             "is stored as cut\\.zip$")));
    const ApiReply reply = client(kAdminToken)
                               .send("POST",
                                     QStringLiteral("/api/v1/integrations/%1/files?fileName="
                                                    "..%2F..%2Fetc%2Fcut.zip")
                                         .arg(kInbound),
                                     deltaOrgsZip(1), "application/zip");
    QCOMPARE(reply.status, 202);
    const qint64 runId = reply.json.value(QStringLiteral("id")).toInteger();
    auto input
        = hub::selectValue(m_engine->store().connection(),
                           QStringLiteral("SELECT input_file FROM runs WHERE id = ?"), {runId});
    QVERIFY(input.ok());
    QCOMPARE(QFileInfo(input->toString()).fileName(), QStringLiteral("cut.zip"));
    QVERIFY(input->toString().startsWith(
        m_dataDir.filePath(QStringLiteral("inbound/integration-%1/").arg(kInbound))));
    waitForRun(runId);
}

void tst_UploadSessions::expiredUploadsAreDeleted()
{
    const QByteArray bytes(30, 'e');
    const ApiReply first = start(bytes, QStringLiteral("first.csv"));
    const ApiReply second = start(bytes, QStringLiteral("second.csv"));
    QCOMPARE(first.status, 201);
    QCOMPARE(second.status, 201);
    const QString firstId = first.json.value(QStringLiteral("id")).toString();
    const QString secondId = second.json.value(QStringLiteral("id")).toString();

    // A chunk an hour later keeps the second upload alive an hour longer.
    m_now = m_now.addSecs(60 * 60);
    const ApiReply chunk = putChunk(secondId, 0, bytes.left(10));
    QCOMPARE(chunk.status, 200);
    QCOMPARE(chunk.json.value(QStringLiteral("expiresAt")).toString(),
             hub::toIsoUtc(m_now.addSecs(24 * 60 * 60)));

    m_now = m_now.addSecs(23 * 60 * 60 + 1);
    const QString firstItem
        = QStringLiteral("/api/v1/integrations/%1/uploads/%2").arg(kInbound).arg(firstId);
    const ApiReply expired = client(kAdminToken).get(firstItem);
    QCOMPARE(expired.status, 410);
    QCOMPARE(expired.json.value(QStringLiteral("error")).toString(),
             QStringLiteral("upload_expired"));
    QVERIFY(!QFileInfo::exists(uploadPath(firstId)));
    QCOMPARE(client(kAdminToken).get(firstItem).status, 404);
    QVERIFY(QFileInfo::exists(uploadPath(secondId)));

    // Starting another upload deletes the ones that expired, without a request for them.
    m_now = m_now.addSecs(60 * 60);
    QCOMPARE(start(bytes, QStringLiteral("third.csv")).status, 201);
    QVERIFY(!QFileInfo::exists(uploadPath(secondId)));
}

QTEST_GUILESS_MAIN(tst_UploadSessions)
#include "tst_uploadsessions.moc"
