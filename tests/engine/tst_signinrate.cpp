// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The limit per peer address on sign-in and token refresh, beside the waits and lock per
// account, through an in-process engine with a clock that the tests move.

#include "apitestclient.h"

#include "accounts/accounts.h"
#include "engine.h"
#include "store/store.h"

#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using hubtest::ApiReply;
using hubtest::ApiTestClient;

namespace {

const QString kPassword = QStringLiteral("correct horse battery staple");
constexpr int kBurst = 5;
// One token comes back every two seconds.
constexpr double kRefillPerSecond = 0.5;

} // namespace

class tst_SignInRate final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void manyUserNamesAreLimited();
    void refreshSharesTheLimit();
    void accountWaitComesBeforeAddressLimit();
    void signedInRoutesAreNotLimited();
    void otherAddressHasOwnLimit();

private:
    ApiReply signIn(const QString &name, const QString &password);
    ApiReply refresh(const QByteArray &token);
    QByteArray rawSignIn(const QHostAddress &from);

    QTemporaryDir m_dataDir;
    QDateTime m_now = QDateTime(QDate(2026, 12, 4), QTime(15, 0), QTimeZone::utc());
    qint64 m_rateMs = 1'000'000;
    std::unique_ptr<hub::Engine> m_engine;
    std::unique_ptr<ApiTestClient> m_client;
};

void tst_SignInRate::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    hub::EngineOptions options;
    options.dataDir = m_dataDir.path();
    options.adminToken = "sign-in-rate-admin-token-0123456789";
    options.workers = 1;
    options.clock = [this] { return m_now; };
    options.signInRate = {kBurst, kRefillPerSecond};
    options.rateClockMs = [this] { return m_rateMs; };
    m_engine = std::make_unique<hub::Engine>(options);
    auto started = m_engine->start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
    m_client = std::make_unique<ApiTestClient>(m_engine->baseUrl(), QByteArray());

    for (const QString &name : {QStringLiteral("clerk"), QStringLiteral("teacher")}) {
        hub::accounts::NewAccount account;
        account.name = name;
        account.password = kPassword;
        account.districtId = m_engine->districtId();
        account.role = hub::accounts::Role::Viewer;
        auto id = hub::accounts::createAccount(m_engine->store().connection(), account, m_now);
        QVERIFY2(id.ok(), qPrintable(id.error()));
    }
}

// Each test starts with a full bucket: the limiter forgets a peer once its bucket is full.
void tst_SignInRate::init()
{
    m_rateMs += 60'000;
    m_now = m_now.addSecs(3600);
}

void tst_SignInRate::cleanupTestCase()
{
    m_client.reset();
    m_engine.reset();
}

ApiReply tst_SignInRate::signIn(const QString &name, const QString &password)
{
    m_client->setToken({});
    return m_client->post(QStringLiteral("/api/v1/session"),
                          QJsonObject{{QStringLiteral("user"), name},
                                      {QStringLiteral("password"), password}});
}

ApiReply tst_SignInRate::refresh(const QByteArray &token)
{
    m_client->setToken({});
    return m_client->post(QStringLiteral("/api/v1/session/refresh"),
                          QJsonObject{{QStringLiteral("refreshToken"), QString::fromLatin1(token)}});
}

void tst_SignInRate::manyUserNamesAreLimited()
{
    // Each name is tried once, so no account slows down, but the address runs out of tokens.
    for (int i = 0; i < kBurst; ++i)
        QCOMPARE(signIn(QStringLiteral("guess-%1").arg(i), kPassword).status, 401);
    ApiReply reply = signIn(QStringLiteral("guess-next"), kPassword);
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("too_many_requests"));
    QCOMPARE(reply.header("Retry-After"), QByteArray("2"));

    // A right password from that address waits too, and the limited attempt is not audited
    // as a failed sign-in of the account.
    reply = signIn(QStringLiteral("clerk"), kPassword);
    QCOMPARE(reply.status, 429);
    auto failures = hub::selectValue(m_engine->store().connection(),
                                     QStringLiteral("SELECT failed_sign_ins FROM accounts "
                                                    "WHERE name = 'clerk'"));
    QVERIFY(failures.ok());
    QCOMPARE(failures->toInt(), 0);

    m_rateMs += 1000;
    QCOMPARE(signIn(QStringLiteral("clerk"), kPassword).status, 429);
    m_rateMs += 1000;
    QCOMPARE(signIn(QStringLiteral("clerk"), kPassword).status, 200);
    QCOMPARE(signIn(QStringLiteral("clerk"), kPassword).status, 429);
}

void tst_SignInRate::refreshSharesTheLimit()
{
    const ApiReply signedIn = signIn(QStringLiteral("teacher"), kPassword);
    QCOMPARE(signedIn.status, 200);
    const QByteArray refreshToken
        = signedIn.json.value(QStringLiteral("refreshToken")).toString().toLatin1();

    for (int i = 1; i < kBurst; ++i)
        QCOMPARE(refresh("forged-refresh-token-" + QByteArray::number(i)).status, 401);
    ApiReply reply = refresh(refreshToken);
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("too_many_requests"));
    QVERIFY(!reply.header("Retry-After").isEmpty());
    // Sign-in takes from the same bucket.
    QCOMPARE(signIn(QStringLiteral("teacher"), kPassword).status, 429);

    m_rateMs += 2000;
    reply = refresh(refreshToken);
    QCOMPARE(reply.status, 200);
    QVERIFY(!reply.json.value(QStringLiteral("accessToken")).toString().isEmpty());
}

void tst_SignInRate::accountWaitComesBeforeAddressLimit()
{
    // Three failures are free for an account; the next attempts meet the account's wait until
    // the address runs out of tokens. The two limits have their own error codes.
    const QString wrong = QStringLiteral("wrong password 1");
    for (int i = 0; i < 3; ++i)
        QCOMPARE(signIn(QStringLiteral("teacher"), wrong).status, 401);
    for (int i = 3; i < kBurst; ++i) {
        const ApiReply reply = signIn(QStringLiteral("teacher"), wrong);
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("too_many_attempts"));
    }
    const ApiReply reply = signIn(QStringLiteral("teacher"), wrong);
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.json.value(QStringLiteral("error")).toString(), QStringLiteral("too_many_requests"));

    // The account's count clears with a success once both waits are over.
    m_rateMs += 60'000;
    m_now = m_now.addSecs(60);
    QCOMPARE(signIn(QStringLiteral("teacher"), kPassword).status, 200);
}

void tst_SignInRate::signedInRoutesAreNotLimited()
{
    const ApiReply signedIn = signIn(QStringLiteral("clerk"), kPassword);
    QCOMPARE(signedIn.status, 200);
    const QByteArray token = signedIn.json.value(QStringLiteral("accessToken")).toString().toLatin1();
    for (int i = 1; i < kBurst; ++i)
        QCOMPARE(signIn(QStringLiteral("guess-%1").arg(i), kPassword).status, 401);
    QCOMPARE(signIn(QStringLiteral("clerk"), kPassword).status, 429);

    // Who-am-I and sign-out are not part of the limit.
    m_client->setToken(token);
    for (int i = 0; i < kBurst * 2; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/session")).status, 200);
    QCOMPARE(m_client->remove(QStringLiteral("/api/v1/session")).status, 204);
}

// Sends a sign-in over a raw socket bound to the address, and returns the status line. The
// engine runs on this thread, so the client waits with the event loop running.
QByteArray tst_SignInRate::rawSignIn(const QHostAddress &from)
{
    QTcpSocket socket;
    if (!socket.bind(from, 0))
        return {};
    const QByteArray body = R"({"user":"nobody","password":"not the password"})";
    QByteArray reply;
    connect(&socket, &QTcpSocket::connected, &socket, [&] {
        socket.write("POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    });
    connect(&socket, &QTcpSocket::readyRead, &socket, [&] { reply += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, m_engine->baseUrl().port());
    if (!QTest::qWaitFor([&] { return reply.contains("\r\n"); }, 10000))
        return {};
    return reply.left(reply.indexOf("\r\n"));
}

void tst_SignInRate::otherAddressHasOwnLimit()
{
    const QHostAddress other(QStringLiteral("127.0.0.2"));
    {
        QTcpSocket probe;
        if (!probe.bind(other, 0))
            QSKIP("This machine cannot bind 127.0.0.2, so a second peer address is not available.");
    }
    for (int i = 0; i < kBurst; ++i)
        QCOMPARE(signIn(QStringLiteral("guess-%1").arg(i), kPassword).status, 401);
    QCOMPARE(signIn(QStringLiteral("clerk"), kPassword).status, 429);

    const QByteArray statusLine = rawSignIn(other);
    QVERIFY2(statusLine.startsWith("HTTP/1.1 401 "), statusLine.constData());
    QCOMPARE(signIn(QStringLiteral("clerk"), kPassword).status, 429);
}

QTEST_GUILESS_MAIN(tst_SignInRate)
#include "tst_signinrate.moc"
