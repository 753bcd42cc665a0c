// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "store/checkpointer.h"
#include "store/store.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace hub;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

// Stores rows of 16,000 random bytes in one transaction. The default of 2,500 rows is about
// 40 MiB: more than the 1,000 pages of log after which a checkpoint starts.
Result<void> writeBulk(const QSqlDatabase &db, int rows = 2500)
{
    if (auto created = execute(db, QStringLiteral("CREATE TABLE IF NOT EXISTS bulk "
                                                  "(id INTEGER PRIMARY KEY, body BLOB)"));
        !created)
        return failure(created.error());
    Transaction transaction(db);
    if (!transaction.begun())
        return failure(QStringLiteral("Cannot begin the bulk write."));
    auto inserted = execute(db, QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                                               "SELECT i + 1 FROM n WHERE i < ?) "
                                               "INSERT INTO bulk (body) SELECT randomblob(16000) "
                                               "FROM n"),
                            {rows});
    if (!inserted)
        return failure(inserted.error());
    return transaction.commit();
}

qint64 sizeOf(const QString &path)
{
    return QFileInfo(path).size();
}

} // namespace

class tst_Checkpointer final : public QObject
{
    Q_OBJECT

private slots:
    void commitLeavesTheCopyToTheThread();
    void commitCopiesWithoutTheThread();
    void connectionMayOutliveTheCheckpointer();
    void logFileShrinksAfterABigLoad();
};

void tst_Checkpointer::commitLeavesTheCopyToTheThread()
{
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("hub.sqlite"));
    Store store(path);
    store.setBackgroundCheckpoints(true);
    QVERIFY(store.open());
    QVERIFY(store.checkpointer());
    store.checkpointer()->setPaused(true);
    const qint64 before = sizeOf(path);

    QVERIFY(writeBulk(store.connection()));
    // The commit returned with its pages in the log only: the database file did not grow.
    QCOMPARE(sizeOf(path), before);
    QVERIFY2(sizeOf(path + QStringLiteral("-wal")) > 30 * kMiB,
             qPrintable(QString::number(sizeOf(path + QStringLiteral("-wal")))));
    QCOMPARE(store.checkpointer()->checkpoints(), 0);

    store.checkpointer()->setPaused(false);
    QTRY_VERIFY_WITH_TIMEOUT(store.checkpointer()->checkpoints() >= 1, 20000);
    QVERIFY2(sizeOf(path) > 30 * kMiB, qPrintable(QString::number(sizeOf(path))));
    auto rows = selectValue(store.connection(), QStringLiteral("SELECT COUNT(*) FROM bulk"));
    QVERIFY(rows);
    QCOMPARE(rows->toInt(), 2500);
}

void tst_Checkpointer::commitCopiesWithoutTheThread()
{
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("hub.sqlite"));
    Store store(path);
    QVERIFY(store.open());
    QVERIFY(!store.checkpointer());
    QVERIFY(writeBulk(store.connection()));
    // SQLite's automatic checkpoint ran inside the commit.
    QVERIFY2(sizeOf(path) > 30 * kMiB, qPrintable(QString::number(sizeOf(path))));
}

void tst_Checkpointer::connectionMayOutliveTheCheckpointer()
{
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("hub.sqlite"));
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "PRAGMA journal_mode = WAL; CREATE TABLE t (v BLOB)", nullptr,
                          nullptr, nullptr),
             SQLITE_OK);
    {
        Checkpointer checkpointer(path, 1);
        checkpointer.attach(db);
        QCOMPARE(sqlite3_exec(db, "INSERT INTO t VALUES (randomblob(100000))", nullptr, nullptr,
                              nullptr),
                 SQLITE_OK);
        QTRY_VERIFY(checkpointer.checkpoints() >= 1);
    }
    // The hook finds no checkpointer any more and lets the commit end as usual.
    QCOMPARE(sqlite3_exec(db, "INSERT INTO t VALUES (randomblob(100000))", nullptr, nullptr,
                          nullptr),
             SQLITE_OK);
    sqlite3_stmt *count = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM t", -1, &count, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(count), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(count, 0), 2);
    sqlite3_finalize(count);
    QCOMPARE(sqlite3_close(db), SQLITE_OK);
}

void tst_Checkpointer::logFileShrinksAfterABigLoad()
{
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("hub.sqlite"));
    const QString log = path + QStringLiteral("-wal");
    Store store(path);
    store.setBackgroundCheckpoints(true);
    QVERIFY(store.open());
    // About 80 MiB in one commit: the log grows past its size limit of 64 MiB.
    QVERIFY(writeBulk(store.connection(), 5000));
    QVERIFY2(sizeOf(log) > 70 * kMiB, qPrintable(QString::number(sizeOf(log))));
    QTRY_VERIFY_WITH_TIMEOUT(store.checkpointer()->checkpoints() >= 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(sizeOf(path) > 70 * kMiB, 20000);
    // The next commit starts the log again and cuts its file to the limit.
    QVERIFY(execute(store.connection(), QStringLiteral("INSERT INTO bulk (body) VALUES (x'00')")));
    QVERIFY2(sizeOf(log) <= 64 * kMiB, qPrintable(QString::number(sizeOf(log))));
}

QTEST_GUILESS_MAIN(tst_Checkpointer)
#include "tst_checkpointer.moc"
