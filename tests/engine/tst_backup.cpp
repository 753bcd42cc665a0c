// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Backup and restore of the store: a backup taken while another thread writes is one consistent
// snapshot, a restore brings it back and keeps the replaced store, and bad input is refused.

#include "store/backup.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <atomic>

using namespace hub;

class tst_Backup final : public QObject
{
    Q_OBJECT

private slots:
    void backupWhileWritingIsConsistent();
    void restoreBringsBackTheBackup();
    void backupRefusesExistingFile();
    void backupNeedsAStore();
    void restoreRejectsBadBackups_data();
    void restoreRejectsBadBackups();
    void restoreRefusesWhileEngineRuns();
    void newStoreHasLargePages();
    void existingStoreKeepsItsPageSize();

private:
    // Rows of the test ledger in id order, read through a connection of its own.
    static QStringList ledger(const QString &path);
    static QString marker(const QString &path);
};

namespace {

// One connection per query site, named uniquely so tests never share one by accident.
class Connection
{
public:
    explicit Connection(const QString &path)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Connection() { QSqlDatabase::removeDatabase(m_name); }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name); }

private:
    QString m_name;
};

Result<void> createLedger(Store &store)
{
    auto created = execute(store.connection(),
                           QStringLiteral("CREATE TABLE test_ledger (id INTEGER PRIMARY KEY, "
                                          "pair INTEGER NOT NULL, note TEXT NOT NULL)"));
    if (!created)
        return failure(created.error());
    return {};
}

} // namespace

QStringList tst_Backup::ledger(const QString &path)
{
    QStringList rows;
    Connection connection(path);
    QSqlQuery query(connection.db());
    query.exec(QStringLiteral("SELECT id, pair, note FROM test_ledger ORDER BY id"));
    while (query.next())
        rows.append(query.value(0).toString() + QLatin1Char('/') + query.value(1).toString()
                    + QLatin1Char('/') + query.value(2).toString());
    return rows;
}

QString tst_Backup::marker(const QString &path)
{
    Connection connection(path);
    QSqlQuery query(connection.db());
    query.exec(QStringLiteral("SELECT note FROM test_ledger WHERE id = 1"));
    return query.next() ? query.value(0).toString() : QString();
}

void tst_Backup::backupWhileWritingIsConsistent()
{
    QTemporaryDir dir;
    const QString storePath = QDir(dir.path()).filePath(QStringLiteral("hub.sqlite"));
    const QString backupPath = QDir(dir.path()).filePath(QStringLiteral("copy.sqlite"));
    Store store(storePath);
    QVERIFY(store.open());
    QVERIFY(createLedger(store));

    // The writer commits two rows per transaction, so a consistent copy contains whole pairs only.
    std::atomic<bool> stop{false};
    std::atomic<int> committed{0};
    std::unique_ptr<QThread> writer(QThread::create([&] {
        const QSqlDatabase db = store.connection();
        const QString note = QString(200, QLatin1Char('x'));
        for (int pair = 1; pair <= 200000 && !stop; ++pair) {
            Transaction transaction(db);
            for (int half = 0; half < 2; ++half)
                (void)execute(db, QStringLiteral("INSERT INTO test_ledger(pair, note) VALUES (?, ?)"),
                              {pair, note});
            if (transaction.commit())
                ++committed;
        }
        store.releaseThreadConnection();
    }));
    writer->start();
    QTRY_VERIFY_WITH_TIMEOUT(committed >= 500, 30000);

    auto info = backup::backupStore(storePath, backupPath);
    const int committedAfterBackup = committed;
    stop = true;
    QVERIFY(writer->wait(30000));
    QVERIFY2(info, qPrintable(info.error()));
    QCOMPARE(info->schemaVersion, backup::latestSchemaVersion());

    const QStringList copied = ledger(backupPath);
    QVERIFY(copied.size() >= 1000);
    QCOMPARE(copied.size() % 2, 0);
    QVERIFY(copied.size() <= 2 * committedAfterBackup);
    // The copy is a prefix of the live store: the rows it has are the first ones, unchanged.
    const QStringList live = ledger(storePath);
    QCOMPARE(live.mid(0, copied.size()), copied);
    QCOMPARE(QFileInfo(backupPath).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    QVERIFY(!QFileInfo::exists(backupPath + QStringLiteral(".partial")));
}

void tst_Backup::restoreBringsBackTheBackup()
{
    QTemporaryDir dir;
    const QString dataDir = QDir(dir.path()).filePath(QStringLiteral("data"));
    const QString storePath = QDir(dataDir).filePath(QStringLiteral("hub.sqlite"));
    const QString backupPath = QDir(dir.path()).filePath(QStringLiteral("copy.sqlite"));
    {
        Store store(storePath);
        QVERIFY(store.open());
        QVERIFY(createLedger(store));
        QVERIFY(execute(store.connection(),
                        QStringLiteral("INSERT INTO test_ledger(pair, note) VALUES (1, 'backed up')")));
        QVERIFY(backup::backupStore(storePath, backupPath));
        QVERIFY(execute(store.connection(),
                        QStringLiteral("UPDATE test_ledger SET note = 'changed later'")));
    }
    QCOMPARE(marker(storePath), QStringLiteral("changed later"));

    auto replaced = backup::restoreStore(backupPath, dataDir, backup::latestSchemaVersion());
    QVERIFY2(replaced, qPrintable(replaced.error()));
    QCOMPARE(marker(storePath), QStringLiteral("backed up"));
    QCOMPARE(ledger(storePath), ledger(backupPath));
    QVERIFY(replaced->startsWith(storePath + QStringLiteral(".replaced-")));
    QCOMPARE(marker(*replaced), QStringLiteral("changed later"));

    // The restored store opens as an engine opens it, at the same schema version.
    Store reopened(storePath);
    QVERIFY(reopened.open());
    QCOMPARE(reopened.schemaVersion(), backup::latestSchemaVersion());

    // Into an empty folder there is nothing to keep aside.
    const QString freshDir = QDir(dir.path()).filePath(QStringLiteral("fresh"));
    auto fresh = backup::restoreStore(backupPath, freshDir, backup::latestSchemaVersion());
    QVERIFY2(fresh, qPrintable(fresh.error()));
    QVERIFY(fresh->isEmpty());
    QCOMPARE(marker(QDir(freshDir).filePath(QStringLiteral("hub.sqlite"))), QStringLiteral("backed up"));
}

void tst_Backup::backupRefusesExistingFile()
{
    QTemporaryDir dir;
    const QString storePath = QDir(dir.path()).filePath(QStringLiteral("hub.sqlite"));
    const QString backupPath = QDir(dir.path()).filePath(QStringLiteral("copy.sqlite"));
    Store store(storePath);
    QVERIFY(store.open());
    QFile existing(backupPath);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("keep me");
    existing.close();

    auto info = backup::backupStore(storePath, backupPath);
    QVERIFY(!info);
    QVERIFY2(info.error().contains(QStringLiteral("exists already")), qPrintable(info.error()));
    QVERIFY(existing.open(QIODevice::ReadOnly));
    QCOMPARE(existing.readAll(), QByteArray("keep me"));
}

void tst_Backup::backupNeedsAStore()
{
    QTemporaryDir dir;
    auto info = backup::backupStore(QDir(dir.path()).filePath(QStringLiteral("hub.sqlite")),
                                    QDir(dir.path()).filePath(QStringLiteral("copy.sqlite")));
    QVERIFY(!info);
    QVERIFY2(info.error().contains(QStringLiteral("There is no store")), qPrintable(info.error()));
    QVERIFY(!QFileInfo::exists(QDir(dir.path()).filePath(QStringLiteral("copy.sqlite"))));
}

void tst_Backup::restoreRejectsBadBackups_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << "missing" << "does not exist";
    QTest::newRow("text file") << "text" << "is not a SQLite database";
    QTest::newRow("other database") << "foreign" << "is not a Hubdesk store";
    QTest::newRow("newer schema") << "newer" << "newer than this hubd knows";
}

void tst_Backup::restoreRejectsBadBackups()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString dataDir = QDir(dir.path()).filePath(QStringLiteral("data"));
    const QString storePath = QDir(dataDir).filePath(QStringLiteral("hub.sqlite"));
    const QString backupPath = QDir(dir.path()).filePath(QStringLiteral("backup.sqlite"));
    {
        Store store(storePath);
        QVERIFY(store.open());
        QVERIFY(createLedger(store));
        QVERIFY(execute(store.connection(),
                        QStringLiteral("INSERT INTO test_ledger(pair, note) VALUES (1, 'current')")));
    }

    int latest = backup::latestSchemaVersion();
    if (kind == QLatin1String("text")) {
        QFile file(backupPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("sourcedId,status\n1,active\n");
    } else if (kind == QLatin1String("foreign")) {
        Connection connection(backupPath);
        QVERIFY(QSqlQuery(connection.db()).exec(QStringLiteral("CREATE TABLE t (x INTEGER)")));
    } else if (kind == QLatin1String("newer")) {
        QVERIFY(backup::backupStore(storePath, backupPath));
        latest -= 1;
    }

    auto restored = backup::restoreStore(backupPath, dataDir, latest);
    QVERIFY(!restored);
    QVERIFY2(restored.error().contains(message), qPrintable(restored.error()));
    // The current store is untouched and nothing is left behind.
    QCOMPARE(marker(storePath), QStringLiteral("current"));
    QCOMPARE(QDir(dataDir).entryList({QStringLiteral("hub.sqlite.*")}, QDir::Files), QStringList());
}

void tst_Backup::restoreRefusesWhileEngineRuns()
{
    QTemporaryDir dir;
    const QString dataDir = QDir(dir.path()).filePath(QStringLiteral("data"));
    const QString storePath = QDir(dataDir).filePath(QStringLiteral("hub.sqlite"));
    const QString backupPath = QDir(dir.path()).filePath(QStringLiteral("backup.sqlite"));
    Store store(storePath);
    QVERIFY(store.open());
    QVERIFY(backup::backupStore(storePath, backupPath));

    // A running engine holds this lock, as Engine::start() takes it.
    QLockFile engineLock(QDir(dataDir).filePath(QStringLiteral("hubd.lock")));
    QVERIFY(engineLock.tryLock(0));
    auto restored = backup::restoreStore(backupPath, dataDir, backup::latestSchemaVersion());
    QVERIFY(!restored);
    QVERIFY2(restored.error().contains(QStringLiteral("stop it before restoring")),
             qPrintable(restored.error()));
    QVERIFY(!QFileInfo::exists(storePath + QStringLiteral(".restoring")));
}

QTEST_GUILESS_MAIN(tst_Backup)
void tst_Backup::newStoreHasLargePages()
{
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("hub.sqlite"));
    {
        Store store(path);
        QVERIFY(store.open());
        QVERIFY(createLedger(store));
        QCOMPARE(selectValue(store.connection(), QStringLiteral("PRAGMA page_size"))->toInt(),
                 16384);
    }
    // A backup and its restore keep the store's page size.
    const QString backupPath = QDir(dir.path()).filePath(QStringLiteral("backup.sqlite"));
    QVERIFY(backup::backupStore(path, backupPath));
    Connection copy(backupPath);
    QSqlQuery query(copy.db());
    QVERIFY(query.exec(QStringLiteral("PRAGMA page_size")) && query.next());
    QCOMPARE(query.value(0).toInt(), 16384);
}

void tst_Backup::existingStoreKeepsItsPageSize()
{
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(QStringLiteral("hub.sqlite"));
    {
        // A store made before new stores got 16 KiB pages: SQLite's default of 4 KiB.
        Connection old(path);
        QSqlQuery query(old.db());
        QVERIFY(query.exec(QStringLiteral("PRAGMA page_size = 4096")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE test_ledger (id INTEGER PRIMARY KEY, "
                                          "pair INTEGER NOT NULL, note TEXT NOT NULL)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO test_ledger VALUES (1, 1, 'kept')")));
    }
    Store store(path);
    QVERIFY(store.open());
    QCOMPARE(selectValue(store.connection(), QStringLiteral("PRAGMA page_size"))->toInt(), 4096);
    QVERIFY(selectValue(store.connection(), QStringLiteral("SELECT MAX(version) FROM "
                                                           "schema_migrations"))
                ->toInt()
            > 0);
    QCOMPARE(ledger(path), QStringList{QStringLiteral("1/1/kept")});
}

#include "tst_backup.moc"
