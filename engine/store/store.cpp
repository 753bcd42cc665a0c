// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "store.h"

#include "core/logging.h"
#include "core/timeutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace hub {

namespace {

QString connectionName(const QString &prefix)
{
    return prefix + QString::number(reinterpret_cast<quintptr>(QThread::currentThread()), 16);
}

// Splits a migration script into statements at semicolons that end a line. A CREATE TRIGGER
// statement has semicolons inside its body, so it ends only at a line that reads "END;".
QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        const bool inTrigger = current.trimmed().startsWith(QLatin1String("CREATE TRIGGER"),
                                                            Qt::CaseInsensitive);
        const bool ends = inTrigger ? trimmed.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
                                    : trimmed.endsWith(QLatin1Char(';'));
        if (ends) {
            statements.append(current.trimmed());
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements.append(current.trimmed());
    return statements;
}

} // namespace

Store::Store(QString sqlitePath)
    : m_path(std::move(sqlitePath))
    , m_connectionPrefix(QStringLiteral("hub-%1-").arg(QUuid::createUuid().toString(QUuid::Id128)))
{}

Store::~Store()
{
    releaseThreadConnection();
}

Result<void> Store::open()
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return failure(QStringLiteral("Cannot create the folder %1 for the database.")
                           .arg(info.absolutePath()));

    QSqlDatabase db = connection();
    if (!db.isOpen())
        return failure(QStringLiteral("Cannot open the database %1: %2")
                           .arg(m_path, db.lastError().text()));

    auto journal = selectValue(db, QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!journal)
        return failure(journal.error());

    if (auto migrated = applyMigrations(); !migrated)
        return migrated;

    qCInfo(lcStore) << "Opened store" << m_path << "at schema version" << schemaVersion();
    return {};
}

QSqlDatabase Store::connection() const
{
    const QString name = connectionName(m_connectionPrefix);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    const int busyTimeoutMs = QThread::currentThread() == m_shortBusyTimeoutThread ? 3000 : 30000;
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.open()) {
        qCWarning(lcStore) << "Cannot open" << m_path << db.lastError().text();
        return db;
    }
    QSqlQuery pragma(db);
    pragma.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    pragma.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    return db;
}

void Store::releaseThreadConnection() const
{
    const QString name = connectionName(m_connectionPrefix);
    if (!QSqlDatabase::contains(name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

int Store::schemaVersion() const
{
    auto version = selectValue(connection(),
                               QStringLiteral("SELECT MAX(version) FROM schema_migrations"));
    return version ? version->toInt() : 0;
}

Result<void> Store::applyMigrations()
{
    QSqlDatabase db = connection();
    auto created = execute(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                              "version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"));
    if (!created)
        return failure(created.error());

    // Each migration that has not run yet runs now, also one numbered below the highest applied,
    // since migrations written side by side may be merged in any order.
    auto applied = execute(db, QStringLiteral("SELECT version FROM schema_migrations"));
    if (!applied)
        return failure(applied.error());
    QSet<int> appliedVersions;
    while (applied->next())
        appliedVersions.insert(applied->value(0).toInt());
    applied->finish();

    QDir dir(QStringLiteral(":/hub/migrations"));
    const QStringList files = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    static const QRegularExpression number(QStringLiteral("^(\\d+)_"));

    for (const QString &file : files) {
        const int version = number.match(file).captured(1).toInt();
        if (appliedVersions.contains(version))
            continue;

        QFile script(dir.filePath(file));
        if (!script.open(QIODevice::ReadOnly))
            return failure(QStringLiteral("Cannot read migration %1.").arg(file));

        Transaction transaction(db);
        for (const QString &statement : splitStatements(QString::fromUtf8(script.readAll()))) {
            if (auto done = execute(db, statement); !done)
                return failure(QStringLiteral("Migration %1 failed: %2").arg(file, done.error()));
        }
        auto recorded = execute(db,
                                QStringLiteral("INSERT INTO schema_migrations(version, applied_at) "
                                               "VALUES (?, ?)"),
                                {version, nowIsoUtc()});
        if (!recorded)
            return failure(recorded.error());
        if (auto committed = transaction.commit(); !committed)
            return committed;
        qCInfo(lcStore) << "Applied migration" << file;
    }
    return {};
}

bool isBusyError(const QString &error)
{
    return error.contains(QLatin1String("database is locked"))
           || error.contains(QLatin1String("database table is locked"));
}

Result<QSqlQuery> execute(const QSqlDatabase &db, const QString &sql, const QVariantList &bindings)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return failure(QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.simplified()));
    for (const QVariant &value : bindings)
        query.addBindValue(value);
    if (!query.exec())
        return failure(QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.simplified()));
    return query;
}

Result<QVariant> selectValue(const QSqlDatabase &db, const QString &sql,
                             const QVariantList &bindings)
{
    auto query = execute(db, sql, bindings);
    if (!query)
        return failure(query.error());
    if (!query->next())
        return QVariant();
    return query->value(0);
}

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    // BEGIN IMMEDIATE takes the write lock at once. A deferred transaction that later writes can
    // fail with SQLITE_BUSY instead of waiting, when another connection wrote in between.
    QSqlQuery begin(m_db);
    m_begun = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_begun)
        qCWarning(lcStore) << "Cannot begin a transaction:" << begin.lastError().text();
}

Transaction::~Transaction()
{
    if (m_begun && !m_done)
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
}

Result<void> Transaction::commit()
{
    if (!m_begun)
        return failure(QStringLiteral("No transaction is open: %1").arg(m_db.lastError().text()));
    m_done = true;
    QSqlQuery commitQuery(m_db);
    if (!commitQuery.exec(QStringLiteral("COMMIT"))) {
        const QString reason = commitQuery.lastError().text();
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        return failure(QStringLiteral("Commit failed: %1").arg(reason));
    }
    return {};
}

} // namespace hub
