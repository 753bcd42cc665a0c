// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// The statement cache: statements are prepared once and run again with new bindings, a
// statement still being read is never run twice at once, a finished statement leaves no old
// snapshot behind, and errors name the statement.

#include "store/statementcache.h"
#include "store/store.h"
#include "testdatabase.h"

#include <QTemporaryDir>
#include <QTest>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <memory>

using namespace hub;

class tst_StatementCache final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void reusesPreparedStatement();
    void nestedRunGetsSecondQuery();
    void finishedReadLeavesNoSnapshot();
    void invalidStatementFails();
    void schemaChangeIsPreparedAgain();
    void fullCacheStillRuns();
    void sqliteStatementIsReused();
    void sqliteBindsLikeQtSql();
    void sqliteBusyStatementNotShared();
    void sqliteInvalidStatementFails();
    void sqliteNeedsSqliteConnection();
    void postgresStatementIsReused();
    void postgresBindsLikeQtSql();
    void postgresRejectsDoubles();
    void postgresSchemaChangeIsPreparedAgain();
    void postgresInvalidStatementFails();
    void postgresFullCacheStillRuns();
    void postgresNeedsPostgresConnection();

private:
    void insertRow(Store &store, int id, const QString &value);

    QTemporaryDir m_dir;
    QString m_database;
    std::unique_ptr<Store> m_store;
    int m_round = 0;
};

void tst_StatementCache::initTestCase()
{
    HUB_REQUIRE_TEST_DATABASE();
    QVERIFY(m_dir.isValid());
}

void tst_StatementCache::init()
{
    ++m_round;
    m_database = hubtest::testDatabase(m_dir.filePath(QStringLiteral("hub%1.sqlite").arg(m_round)));
    QVERIFY(!m_database.isEmpty());
    m_store = std::make_unique<Store>(m_database);
    const auto opened = m_store->open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    const auto created = execute(m_store->connection(),
                                 QStringLiteral("CREATE TABLE cache_probe (id INTEGER PRIMARY KEY, "
                                                "value TEXT NOT NULL)"));
    QVERIFY2(created.ok(), qPrintable(created.error()));
    for (int id = 1; id <= 3; ++id)
        insertRow(*m_store, id, QStringLiteral("value %1").arg(id));
}

void tst_StatementCache::cleanup()
{
    m_store.reset();
}

void tst_StatementCache::insertRow(Store &store, int id, const QString &value)
{
    const auto inserted = execute(store.connection(),
                                  QStringLiteral("INSERT INTO cache_probe (id, value) VALUES (?, ?)"),
                                  {id, value});
    QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
}

void tst_StatementCache::reusesPreparedStatement()
{
    StatementCache cache;
    const QString sql = QStringLiteral("SELECT value FROM cache_probe WHERE id = ?");
    const QSqlQuery *first = nullptr;
    {
        auto read = cache.run(m_store->connection(), sql, {1});
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QVERIFY(read->query().next());
        QCOMPARE(read->query().value(0).toString(), QStringLiteral("value 1"));
        first = &read->query();
    }
    auto again = cache.run(m_store->connection(), sql, {2});
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(&again->query(), first);
    QVERIFY(again->query().next());
    QCOMPARE(again->query().value(0).toString(), QStringLiteral("value 2"));
    QVERIFY(!again->query().next());
}

void tst_StatementCache::nestedRunGetsSecondQuery()
{
    StatementCache cache;
    const QString sql = QStringLiteral("SELECT value FROM cache_probe WHERE id >= ? ORDER BY id");
    auto outer = cache.run(m_store->connection(), sql, {1});
    QVERIFY2(outer.ok(), qPrintable(outer.error()));
    QVERIFY(outer->query().next());
    QCOMPARE(outer->query().value(0).toString(), QStringLiteral("value 1"));

    auto inner = cache.run(m_store->connection(), sql, {3});
    QVERIFY2(inner.ok(), qPrintable(inner.error()));
    QVERIFY(&inner->query() != &outer->query());
    QVERIFY(inner->query().next());
    QCOMPARE(inner->query().value(0).toString(), QStringLiteral("value 3"));
    QVERIFY(!inner->query().next());

    // The outer read goes on where it was.
    QVERIFY(outer->query().next());
    QCOMPARE(outer->query().value(0).toString(), QStringLiteral("value 2"));
}

void tst_StatementCache::finishedReadLeavesNoSnapshot()
{
    StatementCache cache;
    {
        // Reads one row of three and stops, as a lookup of one value does.
        auto read = cache.run(m_store->connection(),
                              QStringLiteral("SELECT value FROM cache_probe WHERE id >= ? "
                                             "ORDER BY id"),
                              {1});
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QVERIFY(read->query().next());
    }
    // A second store has connections of its own, like another engine thread or node.
    Store writer(m_database);
    const auto opened = writer.open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    insertRow(writer, 4, QStringLiteral("value 4"));

    auto counted = cache.run(m_store->connection(),
                             QStringLiteral("SELECT count(*) FROM cache_probe WHERE id > ?"), {0});
    QVERIFY2(counted.ok(), qPrintable(counted.error()));
    QVERIFY(counted->query().next());
    QCOMPARE(counted->query().value(0).toInt(), 4);
}

void tst_StatementCache::invalidStatementFails()
{
    StatementCache cache;
    auto read = cache.run(m_store->connection(),
                          QStringLiteral("SELECT value FROM missing_table WHERE id = ?"), {1});
    QVERIFY(!read.ok());
    QVERIFY2(read.error().contains(QLatin1String("missing_table")), qPrintable(read.error()));

    // A bad statement leaves the cache usable.
    auto valid = cache.run(m_store->connection(),
                           QStringLiteral("SELECT value FROM cache_probe WHERE id = ?"), {3});
    QVERIFY2(valid.ok(), qPrintable(valid.error()));
    QVERIFY(valid->query().next());
    QCOMPARE(valid->query().value(0).toString(), QStringLiteral("value 3"));
}

void tst_StatementCache::schemaChangeIsPreparedAgain()
{
    StatementCache cache;
    const QString sql = QStringLiteral("SELECT * FROM cache_probe WHERE id = ?");
    {
        auto read = cache.run(m_store->connection(), sql, {1});
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QVERIFY(read->query().next());
    }
    const auto altered = execute(m_store->connection(),
                                 QStringLiteral("ALTER TABLE cache_probe ADD COLUMN note TEXT"));
    QVERIFY2(altered.ok(), qPrintable(altered.error()));

    auto read = cache.run(m_store->connection(), sql, {2});
    QVERIFY2(read.ok(), qPrintable(read.error()));
    QVERIFY(read->query().next());
    QCOMPARE(read->query().value(1).toString(), QStringLiteral("value 2"));
}

void tst_StatementCache::fullCacheStillRuns()
{
    StatementCache cache(2);
    for (int id = 1; id <= 3; ++id) {
        // Each statement differs in its text, so each takes a place of its own.
        auto read = cache.run(m_store->connection(),
                              QStringLiteral("SELECT value FROM cache_probe WHERE id = ? AND %1 = %1")
                                  .arg(id),
                              {id});
        QVERIFY2(read.ok(), qPrintable(read.error()));
        QVERIFY(read->query().next());
        QCOMPARE(read->query().value(0).toString(), QStringLiteral("value %1").arg(id));
    }
}

void tst_StatementCache::sqliteStatementIsReused()
{
    HUB_SQLITE_ONLY("the statement is a sqlite3_stmt");
    StatementCache cache;
    const QString sql = QStringLiteral("SELECT value FROM cache_probe WHERE id = ?");
    sqlite3_stmt *first = nullptr;
    {
        auto prepared = cache.prepareSqlite(m_store->connection(), sql, {1});
        QVERIFY2(prepared.ok(), qPrintable(prepared.error()));
        first = prepared->statement();
        QCOMPARE(sqlite3_step(first), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(first, 0))),
                 QByteArray("value 1"));
    }
    auto again = cache.prepareSqlite(m_store->connection(), sql, {3});
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(again->statement(), first);
    QCOMPARE(sqlite3_step(first), SQLITE_ROW);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(first, 0))),
             QByteArray("value 3"));
    QCOMPARE(sqlite3_step(first), SQLITE_DONE);
}

void tst_StatementCache::sqliteBindsLikeQtSql()
{
    HUB_SQLITE_ONLY("the statement is a sqlite3_stmt");
    StatementCache cache;
    auto prepared = cache.prepareSqlite(
        m_store->connection(),
        QStringLiteral("SELECT typeof(?), typeof(?), typeof(?), typeof(?), typeof(?), ?"),
        {qint64(7), 2.5, QStringLiteral("text é"), QVariant(), true, QStringLiteral("é")});
    QVERIFY2(prepared.ok(), qPrintable(prepared.error()));
    sqlite3_stmt *statement = prepared->statement();
    QCOMPARE(sqlite3_step(statement), SQLITE_ROW);
    const auto column = [statement](int index) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, index)));
    };
    QCOMPARE(column(0), QStringLiteral("integer"));
    QCOMPARE(column(1), QStringLiteral("real"));
    QCOMPARE(column(2), QStringLiteral("text"));
    QCOMPARE(column(3), QStringLiteral("null"));
    QCOMPARE(column(4), QStringLiteral("integer"));
    QCOMPARE(column(5), QStringLiteral("é"));
}

void tst_StatementCache::sqliteBusyStatementNotShared()
{
    HUB_SQLITE_ONLY("the statement is a sqlite3_stmt");
    StatementCache cache;
    const QString sql = QStringLiteral("SELECT value FROM cache_probe WHERE id >= ? ORDER BY id");
    auto outer = cache.prepareSqlite(m_store->connection(), sql, {1});
    QVERIFY2(outer.ok(), qPrintable(outer.error()));
    QCOMPARE(sqlite3_step(outer->statement()), SQLITE_ROW);
    {
        auto inner = cache.prepareSqlite(m_store->connection(), sql, {3});
        QVERIFY2(inner.ok(), qPrintable(inner.error()));
        QVERIFY(inner->statement() != outer->statement());
        QCOMPARE(sqlite3_step(inner->statement()), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(
                     sqlite3_column_text(inner->statement(), 0))),
                 QByteArray("value 3"));
    }
    QCOMPARE(sqlite3_step(outer->statement()), SQLITE_ROW);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(outer->statement(), 0))),
             QByteArray("value 2"));
}

void tst_StatementCache::sqliteInvalidStatementFails()
{
    HUB_SQLITE_ONLY("the statement is a sqlite3_stmt");
    StatementCache cache;
    auto prepared = cache.prepareSqlite(m_store->connection(),
                                        QStringLiteral("SELECT value FROM missing_table"), {});
    QVERIFY(!prepared.ok());
    QVERIFY2(prepared.error().contains(QLatin1String("missing_table")), qPrintable(prepared.error()));

    auto extraBinding = cache.prepareSqlite(
        m_store->connection(), QStringLiteral("SELECT value FROM cache_probe WHERE id = ?"), {1, 2});
    QVERIFY(!extraBinding.ok());
    QVERIFY2(extraBinding.error().contains(QLatin1String("cache_probe")),
             qPrintable(extraBinding.error()));
}

void tst_StatementCache::sqliteNeedsSqliteConnection()
{
    if (!hubtest::onPostgres())
        QSKIP("PostgreSQL only: checks the error for a connection that is not SQLite");
    StatementCache cache;
    auto prepared = cache.prepareSqlite(m_store->connection(), QStringLiteral("SELECT 1"), {});
    QVERIFY(!prepared.ok());
    QVERIFY2(prepared.error().contains(QLatin1String("not a SQLite connection")),
             qPrintable(prepared.error()));
}

void tst_StatementCache::postgresStatementIsReused()
{
    if (!hubtest::onPostgres())
        QSKIP("PostgreSQL only: the statement is prepared with libpq");
    StatementCache cache;
    const QString sql = QStringLiteral("SELECT value FROM cache_probe WHERE id >= ? ORDER BY id");
    auto first = cache.runPostgres(m_store->connection(), sql, {2});
    QVERIFY2(first.ok(), qPrintable(first.error()));
    QCOMPARE(PQntuples(first->result()), 2);
    QCOMPARE(QByteArray(PQgetvalue(first->result(), 0, 0)), QByteArray("value 2"));

    // The second run executes the statement that the first one prepared, while the first
    // result is still held.
    auto second = cache.runPostgres(m_store->connection(), sql, {3});
    QVERIFY2(second.ok(), qPrintable(second.error()));
    QCOMPARE(PQntuples(second->result()), 1);
    QCOMPARE(QByteArray(PQgetvalue(second->result(), 0, 0)), QByteArray("value 3"));
    QCOMPARE(QByteArray(PQgetvalue(first->result(), 1, 0)), QByteArray("value 3"));

    auto prepared = execute(m_store->connection(),
                            QStringLiteral("SELECT count(*) FROM pg_prepared_statements "
                                           "WHERE name LIKE 'hub_statement_%'"));
    QVERIFY2(prepared.ok(), qPrintable(prepared.error()));
    QVERIFY(prepared->next());
    QCOMPARE(prepared->value(0).toInt(), 1);
}

void tst_StatementCache::postgresBindsLikeQtSql()
{
    if (!hubtest::onPostgres())
        QSKIP("PostgreSQL only: the statement is prepared with libpq");
    StatementCache cache;
    const QVariantList bindings{qint64(7), QStringLiteral("text é ?"), QVariant(), true,
                                QString(), 42};
    QVERIFY(StatementCache::postgresCanBind(bindings));
    auto ran = cache.runPostgres(
        m_store->connection(),
        QStringLiteral("SELECT ? + 1, ? || '?', ?::text IS NULL, ? + 0, ?::text IS NULL, value FROM "
                       "cache_probe WHERE id = ? - 40"),
        bindings);
    QVERIFY2(ran.ok(), qPrintable(ran.error()));
    PGresult *result = ran->result();
    QCOMPARE(PQntuples(result), 1);
    QCOMPARE(QByteArray(PQgetvalue(result, 0, 0)), QByteArray("8"));
    QCOMPARE(QString::fromUtf8(PQgetvalue(result, 0, 1)), QStringLiteral("text é ??"));
    QCOMPARE(QByteArray(PQgetvalue(result, 0, 2)), QByteArray("t"));
    // A bool is bound as 1, as storableValue() stores it.
    QCOMPARE(QByteArray(PQgetvalue(result, 0, 3)), QByteArray("1"));
    // A null QString is NULL, as in the QPSQL driver.
    QCOMPARE(QByteArray(PQgetvalue(result, 0, 4)), QByteArray("t"));
    QCOMPARE(QByteArray(PQgetvalue(result, 0, 5)), QByteArray("value 2"));
}

void tst_StatementCache::postgresRejectsDoubles()
{
    if (!hubtest::onPostgres())
        QSKIP("PostgreSQL only: the statement is prepared with libpq");
    QVERIFY(!StatementCache::postgresCanBind({1, 2.5}));
    QVERIFY(!StatementCache::postgresCanBind({QDateTime::currentDateTimeUtc()}));
    StatementCache cache;
    auto ran = cache.runPostgres(m_store->connection(),
                                 QStringLiteral("SELECT value FROM cache_probe WHERE id = ?"),
                                 {2.5});
    QVERIFY(!ran.ok());
    QVERIFY2(ran.error().contains(QLatin1String("cache_probe")), qPrintable(ran.error()));
}

void tst_StatementCache::postgresSchemaChangeIsPreparedAgain()
{
    if (!hubtest::onPostgres())
        QSKIP("PostgreSQL only: the statement is prepared with libpq");
    StatementCache cache;
    const QString sql = QStringLiteral("SELECT * FROM cache_probe WHERE id = ?");
    {
        auto ran = cache.runPostgres(m_store->connection(), sql, {1});
        QVERIFY2(ran.ok(), qPrintable(ran.error()));
        QCOMPARE(PQnfields(ran->result()), 2);
    }
    const auto altered = execute(m_store->connection(),
                                 QStringLiteral("ALTER TABLE cache_probe ADD COLUMN note TEXT"));
    QVERIFY2(altered.ok(), qPrintable(altered.error()));

    auto ran = cache.runPostgres(m_store->connection(), sql, {2});
    QVERIFY2(ran.ok(), qPrintable(ran.error()));
    QCOMPARE(PQnfields(ran->result()), 3);
    QCOMPARE(QByteArray(PQgetvalue(ran->result(), 0, 1)), QByteArray("value 2"));
}

void tst_StatementCache::postgresInvalidStatementFails()
{
    if (!hubtest::onPostgres())
        QSKIP("PostgreSQL only: the statement is prepared with libpq");
    StatementCache cache;
    auto missing = cache.runPostgres(m_store->connection(),
                                     QStringLiteral("SELECT value FROM missing_table"), {});
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().contains(QLatin1String("missing_table")), qPrintable(missing.error()));

    auto badValue = cache.runPostgres(
        m_store->connection(), QStringLiteral("SELECT value FROM cache_probe WHERE id = ?"),
        {QStringLiteral("not a number")});
    QVERIFY(!badValue.ok());
    QVERIFY2(badValue.error().contains(QLatin1String("not a number")), qPrintable(badValue.error()));
    QVERIFY2(badValue.error().contains(QLatin1String("cache_probe")), qPrintable(badValue.error()));

    // A failed statement leaves the cache and the connection usable.
    auto valid = cache.runPostgres(m_store->connection(),
                                   QStringLiteral("SELECT value FROM cache_probe WHERE id = ?"),
                                   {3});
    QVERIFY2(valid.ok(), qPrintable(valid.error()));
    QCOMPARE(QByteArray(PQgetvalue(valid->result(), 0, 0)), QByteArray("value 3"));
}

void tst_StatementCache::postgresFullCacheStillRuns()
{
    if (!hubtest::onPostgres())
        QSKIP("PostgreSQL only: the statement is prepared with libpq");
    StatementCache cache(2);
    for (int id = 1; id <= 3; ++id) {
        auto ran = cache.runPostgres(
            m_store->connection(),
            QStringLiteral("SELECT value FROM cache_probe WHERE id = ? AND %1 = %1").arg(id), {id});
        QVERIFY2(ran.ok(), qPrintable(ran.error()));
        QCOMPARE(QByteArray(PQgetvalue(ran->result(), 0, 0)),
                 QStringLiteral("value %1").arg(id).toUtf8());
    }
    // The full cache deallocated its statements on the server before it took the third.
    auto prepared = execute(m_store->connection(),
                            QStringLiteral("SELECT count(*) FROM pg_prepared_statements "
                                           "WHERE name LIKE 'hub_statement_%'"));
    QVERIFY2(prepared.ok(), qPrintable(prepared.error()));
    QVERIFY(prepared->next());
    QCOMPARE(prepared->value(0).toInt(), 1);
}

void tst_StatementCache::postgresNeedsPostgresConnection()
{
    HUB_SQLITE_ONLY("checks the error for a connection that is not PostgreSQL");
    StatementCache cache;
    auto ran = cache.runPostgres(m_store->connection(), QStringLiteral("SELECT 1"), {});
    QVERIFY(!ran.ok());
    QVERIFY2(ran.error().contains(QLatin1String("not a PostgreSQL connection")),
             qPrintable(ran.error()));
}

QTEST_GUILESS_MAIN(tst_StatementCache)
#include "tst_statementcache.moc"
