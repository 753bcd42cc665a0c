// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "core/timeutil.h"
#include "demo/demodistrict.h"
#include "store/store.h"
#include "store/storecopy.h"
#include "testdatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// hubd migrate-store's copy of a SQLite store into PostgreSQL, and its verification.
class tst_StoreCopy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void copiesEveryTable();
    void rejectsTargetWithData();
    void compareFindsChangedRow();
    void copiesFromReadOnlySource();
    void readOnlyRejectsOlderSchema();
    void readOnlyRejectsNewerSchema();
    void copyNamesRowWithNul();
    void copyErrorHidesRowValues();

private:
    void fillSource();
    QByteArray sourceDigest() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<hub::Store> m_source;
    std::unique_ptr<hub::Store> m_target;
};

void tst_StoreCopy::initTestCase()
{
    if (hubtest::postgresFixtureUrl().isEmpty())
        QSKIP("HUBDESK_PG_URL is not set: start tests/fixtures/postgres.sh and source the "
              "postgres.env it writes (packaging/run-tests.sh does both).");
}

void tst_StoreCopy::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_source = std::make_unique<hub::Store>(m_dir->filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(m_source->open().ok());
    QString error;
    const QString url = hubtest::createPostgresDatabase(&error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    m_target = std::make_unique<hub::Store>(url);
    auto opened = m_target->open();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
}

void tst_StoreCopy::cleanup()
{
    m_target.reset();
    m_source.reset();
    m_dir.reset();
}

void tst_StoreCopy::fillSource()
{
    const QSqlDatabase db = m_source->connection();
    auto district = hub::execute(db,
                                 QStringLiteral("INSERT INTO districts(name, created_at) VALUES (?, ?)"),
                                 {QStringLiteral("Copy Schools"), hub::nowIsoUtc()});
    QVERIFY(district.ok());
    const qint64 districtId = district->lastInsertId().toLongLong();
    auto loaded = hub::demo::loadDemoDistrict(db, districtId, m_dir->filePath(QStringLiteral("demo")));
    QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
    QVERIFY(hub::execute(db, QStringLiteral("INSERT INTO products(product_key, integration_type, "
                                            "system_type, vendor, system, name) VALUES "
                                            "('p', 'outbound', 'SIS', 'V', 'S', 'P')")).ok());
    QVERIFY(hub::execute(db, QStringLiteral("INSERT INTO integrations(district_id, product_id, "
                                            "integration_type, created_at, updated_at) VALUES "
                                            "(?, 1, 'outbound', 'x', 'x')"),
                         {districtId}).ok());
    for (int i = 0; i < 3; ++i) {
        QVERIFY(hub::execute(db, QStringLiteral("INSERT INTO runs(district_id, integration_id, "
                                                "trigger, status, queued_at) VALUES (?, 1, "
                                                "'manual', 0, ?)"),
                             {districtId, hub::nowIsoUtc()}).ok());
    }
    QVERIFY(hub::execute(db, QStringLiteral("INSERT INTO run_phases(run_id, position, name, status) "
                                            "VALUES (2, 1, 'query', 0)")).ok());
    QVERIFY(hub::execute(db, QStringLiteral("INSERT INTO assessment_results(district_id, "
                                            "student_sourced_id, school_year, assessment, subject, "
                                            "test_date, scale_score) VALUES (?, 's1', 2027, 'a', "
                                            "'math', '2026-10-01', 512.25)"),
                         {districtId}).ok());
}

void tst_StoreCopy::copiesEveryTable()
{
    fillSource();
    QStringList progress;
    auto copied = hub::copyStore(*m_source, *m_target, [&](const QString &table, qint64) {
        progress.append(table);
    });
    QVERIFY2(copied.ok(), qPrintable(copied.error()));
    QVERIFY(progress.contains(QStringLiteral("users")));
    // Parents come before the tables that reference them.
    QVERIFY(progress.indexOf(QStringLiteral("districts")) < progress.indexOf(QStringLiteral("runs")));
    QVERIFY(progress.indexOf(QStringLiteral("runs")) < progress.indexOf(QStringLiteral("run_phases")));

    auto compared = hub::compareStores(*m_source, *m_target);
    QVERIFY2(compared.ok(), qPrintable(compared.error()));
    qint64 users = 0;
    for (const hub::TableComparison &table : std::as_const(*compared)) {
        QVERIFY2(table.matches(), qPrintable(table.table));
        if (table.table == QLatin1String("users"))
            users = table.targetRows;
    }
    QVERIFY(users > 500);

    // The copy keeps change versions, and new rows continue after the copied ids and versions.
    const QSqlDatabase target = m_target->connection();
    auto versions = hub::selectValue(target, QStringLiteral("SELECT max(change_version) FROM runs"));
    auto sourceVersions = hub::selectValue(m_source->connection(),
                                           QStringLiteral("SELECT max(change_version) FROM runs"));
    QCOMPARE(versions->toLongLong(), sourceVersions->toLongLong());
    auto inserted = hub::execute(target,
                                 QStringLiteral("INSERT INTO runs(district_id, integration_id, "
                                                "trigger, status, queued_at) VALUES (1, 1, "
                                                "'manual', 2, 'x')"));
    QVERIFY2(inserted.ok(), qPrintable(inserted.error()));
    QCOMPARE(inserted->lastInsertId().toLongLong(), 4);
    auto version = hub::selectValue(target, QStringLiteral("SELECT change_version FROM runs WHERE id = 4"));
    QVERIFY(version->toLongLong() > sourceVersions->toLongLong());
}

void tst_StoreCopy::rejectsTargetWithData()
{
    fillSource();
    QVERIFY(hub::execute(m_target->connection(),
                         QStringLiteral("INSERT INTO districts(name, created_at) VALUES ('x', 'x')")).ok());
    auto copied = hub::copyStore(*m_source, *m_target);
    QVERIFY(!copied.ok());
    QVERIFY2(copied.error().contains(QStringLiteral("not empty")), qPrintable(copied.error()));
    QVERIFY2(copied.error().contains(QStringLiteral("districts")), qPrintable(copied.error()));
}

void tst_StoreCopy::compareFindsChangedRow()
{
    fillSource();
    QVERIFY(hub::copyStore(*m_source, *m_target).ok());
    QVERIFY(hub::execute(m_target->connection(),
                         QStringLiteral("UPDATE assessment_results SET scale_score = 512.5")).ok());
    auto compared = hub::compareStores(*m_source, *m_target);
    QVERIFY(compared.ok());
    QStringList differing;
    for (const hub::TableComparison &table : std::as_const(*compared)) {
        if (!table.matches())
            differing.append(table.table);
    }
    QCOMPARE(differing, QStringList{QStringLiteral("assessment_results")});
}

// The SHA-256 of the source's file, after its writes reached the file.
QByteArray tst_StoreCopy::sourceDigest() const
{
    QSqlQuery(m_source->connection()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    QFile file(m_source->path());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

void tst_StoreCopy::copiesFromReadOnlySource()
{
    fillSource();
    const QByteArray before = sourceDigest();
    QVERIFY(!before.isEmpty());
    m_source.reset();

    hub::Store source(m_dir->filePath(QStringLiteral("hub.sqlite")));
    auto opened = source.openReadOnly();
    QVERIFY2(opened.ok(), qPrintable(opened.error()));
    auto written = hub::execute(source.connection(),
                                QStringLiteral("UPDATE districts SET name = 'changed'"));
    QVERIFY(!written.ok());
    auto copied = hub::copyStore(source, *m_target);
    QVERIFY2(copied.ok(), qPrintable(copied.error()));
    auto compared = hub::compareStores(source, *m_target);
    QVERIFY2(compared.ok(), qPrintable(compared.error()));
    for (const hub::TableComparison &table : std::as_const(*compared))
        QVERIFY2(table.matches(), qPrintable(table.table));
    source.releaseThreadConnection();

    QFile file(m_dir->filePath(QStringLiteral("hub.sqlite")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), before);
}

void tst_StoreCopy::readOnlyRejectsOlderSchema()
{
    // A store that an older engine wrote: only the first three migrations applied.
    const QString path = m_dir->filePath(QStringLiteral("old.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        auto scripts = hub::Store::migrations(hub::Dialect::Sqlite);
        QVERIFY(scripts.ok());
        QVERIFY(hub::execute(db, QStringLiteral("CREATE TABLE schema_migrations (version INTEGER "
                                                "PRIMARY KEY, applied_at TEXT NOT NULL)")).ok());
        for (qsizetype i = 0; i < 3; ++i) {
            for (const QString &statement : scripts->at(i).second)
                QVERIFY2(hub::execute(db, statement).ok(), qPrintable(statement));
            QVERIFY(hub::execute(db, QStringLiteral("INSERT INTO schema_migrations VALUES (?, 'x')"),
                                 {scripts->at(i).first}).ok());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    file.close();

    hub::Store source(path);
    auto opened = source.openReadOnly();
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().contains(QStringLiteral("older than this hubd")), qPrintable(opened.error()));
    QVERIFY2(opened.error().contains(QStringLiteral("Upgrade a copy first")), qPrintable(opened.error()));
    QVERIFY2(opened.error().contains(QStringLiteral("lacks migrations 4, ")), qPrintable(opened.error()));
    source.releaseThreadConnection();

    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void tst_StoreCopy::readOnlyRejectsNewerSchema()
{
    QVERIFY(hub::execute(m_source->connection(),
                         QStringLiteral("INSERT INTO schema_migrations VALUES (9999, 'x')")).ok());
    m_source.reset();
    hub::Store source(m_dir->filePath(QStringLiteral("hub.sqlite")));
    auto opened = source.openReadOnly();
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().contains(QStringLiteral("migrations 9999")), qPrintable(opened.error()));
    QVERIFY2(opened.error().contains(QStringLiteral("newer hubd")), qPrintable(opened.error()));
}

void tst_StoreCopy::copyNamesRowWithNul()
{
    fillSource();
    const QString withNul = QStringLiteral("Rivera") + QChar(0) + QStringLiteral("Secret");
    auto updated = hub::execute(m_source->connection(),
                                QStringLiteral("UPDATE users SET family_name = ? WHERE rowid = 7"),
                                {withNul});
    QVERIFY2(updated.ok(), qPrintable(updated.error()));
    QCOMPARE(updated->numRowsAffected(), 1);
    auto copied = hub::copyStore(*m_source, *m_target);
    QVERIFY(!copied.ok());
    QVERIFY2(copied.error().contains(QStringLiteral("Row with rowid 7 of table users")), qPrintable(copied.error()));
    QVERIFY2(copied.error().contains(QStringLiteral("column family_name")), qPrintable(copied.error()));
    QVERIFY2(!copied.error().contains(QStringLiteral("Rivera")), qPrintable(copied.error()));
    QVERIFY2(!copied.error().contains(QStringLiteral("Secret")), qPrintable(copied.error()));
    // The copy is one transaction, so the target stays empty.
    auto districts = hub::selectValue(m_target->connection(), QStringLiteral("SELECT count(*) FROM districts"));
    QCOMPARE(districts->toLongLong(), 0);
}

void tst_StoreCopy::copyErrorHidesRowValues()
{
    fillSource();
    // SQLite keeps text in an INTEGER column that PostgreSQL rejects, and PostgreSQL's message
    // would quote the value.
    QVERIFY(hub::execute(m_source->connection(),
                         QStringLiteral("UPDATE users SET enabled_user = 'Jordan Example' "
                                        "WHERE rowid = 9")).ok());
    auto copied = hub::copyStore(*m_source, *m_target);
    QVERIFY(!copied.ok());
    QVERIFY2(copied.error().contains(QStringLiteral("row with rowid 9 of table users")), qPrintable(copied.error()));
    QVERIFY2(copied.error().contains(QStringLiteral("SQLSTATE 22P02")), qPrintable(copied.error()));
    QVERIFY2(!copied.error().contains(QStringLiteral("Jordan")), qPrintable(copied.error()));
    QVERIFY2(!copied.error().contains(QStringLiteral("INSERT")), qPrintable(copied.error()));
}

QTEST_GUILESS_MAIN(tst_StoreCopy)
#include "tst_storecopy.moc"
