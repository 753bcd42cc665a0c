// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "statementcache.h"

#include "store/store.h"

#include <QSqlDriver>
#include <QSqlError>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <utility>
#include <vector>

namespace hub {

namespace {

// Binds a value as the QSQLITE driver does: integers and booleans as 64-bit integers, doubles
// as REAL, null as NULL and everything else as text.
int bindSqliteValue(sqlite3_stmt *statement, int index, const QVariant &value)
{
    if (value.isNull())
        return sqlite3_bind_null(statement, index);
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    default: {
        const QByteArray text = value.toString().toUtf8();
        return sqlite3_bind_text(statement, index, text.constData(), int(text.size()),
                                 SQLITE_TRANSIENT);
    }
    }
}

PGconn *postgresConnection(const QSqlDatabase &db)
{
    // The QPSQL driver's handle contains the PGconn pointer. Qt 6.4 names its type either way.
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "PGconn*") != 0
            && qstrcmp(handle.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

// Numbers the positional placeholders as PostgreSQL wants them, $1, $2 and on, as the QPSQL
// driver does. A question mark inside quotes is text and stays.
QByteArray numberedPlaceholders(const QString &sql)
{
    const QByteArray text = sql.toUtf8();
    QByteArray numbered;
    numbered.reserve(text.size() + 16);
    char quote = 0;
    int next = 1;
    for (const char c : text) {
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '\'' || c == '"') {
            quote = c;
        } else if (c == '?') {
            numbered += '$';
            numbered += QByteArray::number(next++);
            continue;
        }
        numbered += c;
    }
    return numbered;
}

QString postgresError(PGconn *connection, const PGresult *result, const QString &sql)
{
    const QString message = result ? QString::fromUtf8(PQresultErrorMessage(result))
                                   : QString::fromUtf8(PQerrorMessage(connection));
    return QStringLiteral("%1 (in: %2)").arg(message.trimmed(), sql.simplified());
}

bool postgresSucceeded(const PGresult *result)
{
    const ExecStatusType status = PQresultStatus(result);
    return result && (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK);
}

} // namespace

StatementCache::PostgresResult::PostgresResult(pg_result *result)
    : m_result(result)
{}

StatementCache::PostgresResult::PostgresResult(PostgresResult &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
{}

StatementCache::PostgresResult &
StatementCache::PostgresResult::operator=(PostgresResult &&other) noexcept
{
    if (this != &other) {
        PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
    }
    return *this;
}

StatementCache::PostgresResult::~PostgresResult()
{
    PQclear(m_result);
}

bool StatementCache::postgresCanBind(const QVariantList &bindings)
{
    for (const QVariant &value : bindings) {
        switch (value.typeId()) {
        case QMetaType::UnknownType:
        case QMetaType::Nullptr:
        case QMetaType::QString:
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            break;
        default:
            return false;
        }
    }
    return true;
}

Result<StatementCache::PostgresResult>
StatementCache::runPostgres(const QSqlDatabase &db, const QString &sql,
                            const QVariantList &bindings)
{
    PGconn *connection = postgresConnection(db);
    if (!connection)
        return failure(QStringLiteral("The connection %1 is not a PostgreSQL connection.")
                           .arg(db.connectionName()));
    if (!postgresCanBind(bindings))
        return failure(QStringLiteral("A value cannot be bound as text (in: %1)")
                           .arg(sql.simplified()));
    const QString key = db.connectionName() + QChar(0x1f) + sql;
    const auto cached = m_postgresSlots.constFind(key);
    if (cached != m_postgresSlots.cend() && cached->connection == connection) {
        auto ran = executePostgres(connection, *cached, bindings, sql);
        if (ran)
            return ran;
        // As in run(): the statement may be stale after a schema change, or gone with a
        // session that was opened again, so it is prepared once more before the error counts.
    }
    m_postgresSlots.remove(key);
    if (m_postgresSlots.size() >= m_capacity) {
        // Statements of this connection are deallocated on the server. Those of other
        // connections are only forgotten: their connection may be closed already.
        for (const PostgresSlot &slot : std::as_const(m_postgresSlots)) {
            if (slot.connection == connection)
                PQclear(PQexec(connection, QByteArray("DEALLOCATE " + slot.name).constData()));
        }
        m_postgresSlots.clear();
    }
    PostgresSlot slot{connection, "hub_statement_" + QByteArray::number(++m_postgresNames)};
    PGresult *prepared = PQprepare(connection, slot.name.constData(),
                                   numberedPlaceholders(sql).constData(), 0, nullptr);
    if (!postgresSucceeded(prepared)) {
        const QString error = postgresError(connection, prepared, sql);
        PQclear(prepared);
        return failure(error);
    }
    PQclear(prepared);
    m_postgresSlots.insert(key, slot);
    return executePostgres(connection, slot, bindings, sql);
}

Result<StatementCache::PostgresResult>
StatementCache::executePostgres(pg_conn *connection, const PostgresSlot &slot,
                                const QVariantList &bindings, const QString &sql)
{
    // Values go as text, with types that PostgreSQL infers from the statement, as the QPSQL
    // driver's literals do. A null QString is NULL there too.
    std::vector<QByteArray> texts(size_t(bindings.size()));
    std::vector<const char *> values(size_t(bindings.size()), nullptr);
    for (qsizetype i = 0; i < bindings.size(); ++i) {
        const QVariant value = storableValue(bindings.at(i));
        if (value.isNull())
            continue;
        if (value.typeId() == QMetaType::QString) {
            const QString string = value.toString();
            if (string.isNull())
                continue;
            texts[size_t(i)] = string.toUtf8();
        } else {
            texts[size_t(i)] = QByteArray::number(value.toLongLong());
        }
        if (value.typeId() == QMetaType::ULongLong)
            texts[size_t(i)] = QByteArray::number(value.toULongLong());
        values[size_t(i)] = texts[size_t(i)].constData();
    }
    PGresult *result = PQexecPrepared(connection, slot.name.constData(), int(bindings.size()),
                                      values.data(), nullptr, nullptr, 0);
    if (!postgresSucceeded(result)) {
        const QString error = postgresError(connection, result, sql);
        PQclear(result);
        return failure(error);
    }
    return PostgresResult(result);
}

struct StatementCache::SqliteHandle::Slot
{
    sqlite3 *connection = nullptr;
    sqlite3_stmt *statement = nullptr;
    bool busy = false;

    Slot() = default;
    Q_DISABLE_COPY_MOVE(Slot)
    ~Slot() { sqlite3_finalize(statement); }
};

StatementCache::SqliteHandle::SqliteHandle(std::shared_ptr<Slot> slot)
    : m_slot(std::move(slot))
{}

StatementCache::SqliteHandle::~SqliteHandle()
{
    if (!m_slot)
        return;
    sqlite3_reset(m_slot->statement);
    sqlite3_clear_bindings(m_slot->statement);
    m_slot->busy = false;
}

sqlite3_stmt *StatementCache::SqliteHandle::statement() const
{
    return m_slot->statement;
}

QString StatementCache::SqliteHandle::errorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_slot->connection));
}

Result<StatementCache::SqliteHandle>
StatementCache::prepareSqlite(const QSqlDatabase &db, const QString &sql,
                              const QVariantList &bindings)
{
    sqlite3 *connection = sqliteHandle(db);
    if (!connection)
        return failure(QStringLiteral("The connection %1 is not a SQLite connection.")
                           .arg(db.connectionName()));
    const QString key = db.connectionName() + QChar(0x1f) + sql;
    std::shared_ptr<SqliteHandle::Slot> slot = m_sqliteSlots.value(key);
    if (!slot || slot->busy || slot->connection != connection) {
        auto fresh = std::make_shared<SqliteHandle::Slot>();
        fresh->connection = connection;
        const QByteArray text = sql.toUtf8();
        // SQLITE_PREPARE_PERSISTENT hints to SQLite that the statement is kept and reused.
        const unsigned flags = slot && slot->busy ? 0 : SQLITE_PREPARE_PERSISTENT;
        if (sqlite3_prepare_v3(connection, text.constData(), int(text.size()), flags,
                               &fresh->statement, nullptr)
            != SQLITE_OK)
            return failure(QStringLiteral("%1 (in: %2)")
                               .arg(QString::fromUtf8(sqlite3_errmsg(connection)),
                                    sql.simplified()));
        // A statement that is being read stays with its reader, and the fresh one is not kept.
        if (!slot || !slot->busy) {
            if (m_sqliteSlots.size() >= m_capacity)
                m_sqliteSlots.clear();
            m_sqliteSlots.insert(key, fresh);
        }
        slot = std::move(fresh);
    }
    for (qsizetype i = 0; i < bindings.size(); ++i) {
        if (bindSqliteValue(slot->statement, int(i) + 1, storableValue(bindings.at(i)))
            != SQLITE_OK) {
            const QString error = QString::fromUtf8(sqlite3_errmsg(connection));
            sqlite3_clear_bindings(slot->statement);
            return failure(QStringLiteral("%1 (in: %2)").arg(error, sql.simplified()));
        }
    }
    slot->busy = true;
    return SqliteHandle(std::move(slot));
}

StatementCache::Handle::Handle(std::shared_ptr<Slot> slot)
    : m_slot(std::move(slot))
{}

StatementCache::Handle::~Handle()
{
    if (!m_slot)
        return;
    m_slot->query.finish();
    m_slot->busy = false;
}

StatementCache::StatementCache(qsizetype capacity)
    : m_capacity(capacity)
{}

Result<StatementCache::Handle> StatementCache::run(const QSqlDatabase &db, const QString &sql,
                                                   const QVariantList &bindings)
{
    const QString key = db.connectionName() + QChar(0x1f) + sql;
    std::shared_ptr<Slot> &cached = m_slots[key];
    if (cached && !cached->busy && cached->query.driver() == db.driver()) {
        auto ran = runOn(cached, db, sql, bindings, false);
        if (ran)
            return ran;
        // The statement may have gone stale, for example when the schema changed under a
        // PostgreSQL prepared statement, so it is prepared once more before the error counts.
        cached.reset();
    }
    if (cached && cached->busy) {
        auto slot = std::make_shared<Slot>(Slot{QSqlQuery(db), db.connectionName(), false});
        return runOn(std::move(slot), db, sql, bindings, true);
    }
    if (m_slots.size() > m_capacity) {
        m_slots.clear();
        return run(db, sql, bindings);
    }
    cached = std::make_shared<Slot>(Slot{QSqlQuery(db), db.connectionName(), false});
    auto ran = runOn(cached, db, sql, bindings, true);
    if (!ran)
        m_slots.remove(key);
    return ran;
}

Result<StatementCache::Handle> StatementCache::runOn(std::shared_ptr<Slot> slot,
                                                     const QSqlDatabase &db, const QString &sql,
                                                     const QVariantList &bindings, bool prepare)
{
    QSqlQuery &query = slot->query;
    if (prepare) {
        // As in execute(), SQLite streams rows and PostgreSQL fetches them at once, so that
        // other statements may run on the connection while they are read.
        query.setForwardOnly(dialectOf(db) == Dialect::Sqlite);
        if (!query.prepare(sql))
            return failure(QStringLiteral("%1 (in: %2)")
                               .arg(query.lastError().text(), sql.simplified()));
    }
    for (qsizetype i = 0; i < bindings.size(); ++i)
        query.bindValue(int(i), storableValue(bindings.at(i)));
    slot->busy = true;
    Handle handle(slot);
    if (!query.exec())
        return failure(QStringLiteral("%1 (in: %2)")
                           .arg(query.lastError().text(), sql.simplified()));
    return handle;
}

} // namespace hub
