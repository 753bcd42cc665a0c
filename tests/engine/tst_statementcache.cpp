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

QTEST_GUILESS_MAIN(tst_StatementCache)
#include "tst_statementcache.moc"
