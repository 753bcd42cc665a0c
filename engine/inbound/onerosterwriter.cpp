// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterwriter.h"

#include "store/postgrescopy.h"
#include "store/store.h"


#include <sqlite3.h>

namespace hub::inbound::detail {

namespace {

// The ON CONFLICT clause of a load into a table with stored records, in SQL that SQLite and
// PostgreSQL both accept. On such a reload every row carries the load time as its
// dateLastModified. Every column is set again, as a replacement of the row would, but only when
// a value other than dateLastModified differs. A record that the file repeats unchanged keeps
// its dateLastModified, so vendors that ask for the records changed since a time do not get it
// again, and a changed or new record takes the load time, so that they do.
QString upsertClause(const QString &table, const QStringList &columns)
{
    QStringList assignments;
    QStringList changes;
    for (const QString &column : columns) {
        if (column == QLatin1String("sourced_id"))
            continue;
        assignments.append(QStringLiteral("%1 = excluded.%1").arg(column));
        if (column != QLatin1String("date_last_modified"))
            changes.append(QStringLiteral("%1.%2 IS DISTINCT FROM excluded.%2").arg(table, column));
    }
    return QStringLiteral(" ON CONFLICT (district_id, sourced_id) DO UPDATE SET ")
           + assignments.join(QLatin1String(", ")) + QStringLiteral(" WHERE ")
           + changes.join(QLatin1String(" OR "));
}

Result<bool> hasStoredRows(const QSqlDatabase &db, const QString &table, qint64 districtId)
{
    auto stored = selectValue(
        db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE district_id = ?)").arg(table),
        {districtId});
    if (!stored)
        return hub::failure(stored.error());
    return stored->toBool();
}

// SQLite: one prepared INSERT per table, stepped once per row with the values bound through
// the C API. A bulk file over stored records also puts each sourcedId into a temporary table,
// so that one UPDATE can retire the stored records that the file does not list.
class SqliteWriter final : public TableWriter
{
public:
    SqliteWriter(const QSqlDatabase &db, Target target)
        : m_db(db)
        , m_target(std::move(target))
    {}

    ~SqliteWriter() override
    {
        sqlite3_finalize(m_insert);
        sqlite3_finalize(m_batchInsert);
        sqlite3_finalize(m_keepId);
    }

    Result<void> begin() override
    {
        m_connection = sqliteHandle(m_db);
        if (!m_connection)
            return hub::failure(QStringLiteral("Cannot store %1: the connection is not an open "
                                               "SQLite connection.")
                                    .arg(m_target.table));
        auto stored = hasStoredRows(m_db, m_target.table, m_target.districtId);
        if (!stored)
            return hub::failure(stored.error());
        m_dateColumn = m_target.columns.indexOf(QStringLiteral("date_last_modified"));

        // The first load of a district's table needs no ON CONFLICT clause.
        const QStringList placeholders(m_target.columns.size() + 1, QStringLiteral("?"));
        QString sql = QStringLiteral("INSERT INTO %1 (district_id, %2) VALUES (%3)")
                          .arg(m_target.table, m_target.columns.join(QLatin1String(", ")),
                               placeholders.join(QLatin1String(", ")));
        if (*stored)
            sql += upsertClause(m_target.table, m_target.columns);
        if (auto prepared = prepare(sql, &m_insert); !prepared)
            return prepared;
        m_columnCount = int(m_target.columns.size()) + 1;
        m_replacedStored = *stored;
        m_stampDate = *stored;
        if (!*stored) {
            // Into a table without the district's records, rows go in batches: one statement
            // of many rows keeps its cursors open, where a statement per row opens and seeks
            // them for every row. OR IGNORE spares SQLite a statement journal (a row that fails
            // a constraint cannot abort the statement), and flushBatch() counts the rows
            // stored, so a row that was skipped still fails the load.
            const int variables = sqlite3_limit(m_connection, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
            m_batchRows = qBound(1, variables / m_columnCount, kBatchRows);
            if (m_batchRows > 1) {
                const QString row = QLatin1Char('(') + placeholders.join(QLatin1String(", "))
                                    + QLatin1Char(')');
                const QStringList rows(m_batchRows, row);
                const QString batch
                    = QStringLiteral("INSERT OR IGNORE INTO %1 (district_id, %2) VALUES %3")
                          .arg(m_target.table, m_target.columns.join(QLatin1String(", ")),
                               rows.join(QLatin1String(", ")));
                if (auto prepared = prepare(batch, &m_batchInsert); !prepared)
                    return prepared;
                // Rows after this rowid are the ones that the load stored.
                auto last = selectValue(
                    m_db, QStringLiteral("SELECT COALESCE(MAX(rowid), 0) FROM %1").arg(m_target.table));
                if (!last)
                    return hub::failure(last.error());
                m_lastRowid = last->toLongLong();
            }
        }

        if (auto deferred = deferIndexes(); !deferred)
            return deferred;

        // A OneRoster 1.1 user row lists all of the user's orgs, so a delta of the roles that
        // users.csv implies retires the other roles of its users.
        m_retire = *stored && (!m_target.delta || m_target.impliedRoles);
        if (m_retire) {
            if (auto created = run("DROP TABLE IF EXISTS temp.load_ids; CREATE TEMP TABLE "
                                   "load_ids (sourced_id TEXT PRIMARY KEY) WITHOUT ROWID");
                !created)
                return created;
            if (auto prepared = prepare(QStringLiteral("INSERT OR IGNORE INTO temp.load_ids "
                                                       "VALUES (?)"),
                                        &m_keepId);
                !prepared)
                return prepared;
        }
        return {};
    }

    Result<void> write(const SpillRow &row) override
    {
        if (m_batchInsert) {
            buffer(row);
            if (m_lines.size() == m_batchRows)
                return flushBatch();
            return {};
        }
        return writeOne(row);
    }

    Result<void> writeOne(const SpillRow &row)
    {
        // The texts stay valid until the next row, so SQLite need not copy them.
        sqlite3_bind_int64(m_insert, 1, m_target.districtId);
        for (qsizetype i = 0; i < row.values.size(); ++i) {
            const SpillValue &value = row.values.at(i);
            const int index = int(i) + 2;
            if (i == m_dateColumn && (m_stampDate || value.type == SpillValue::Null))
                sqlite3_bind_text(m_insert, index, m_loadTime.constData(), int(m_loadTime.size()),
                                  SQLITE_STATIC);
            else if (value.type == SpillValue::Text)
                sqlite3_bind_text(m_insert, index, value.text.data(), int(value.text.size()),
                                  SQLITE_STATIC);
            else if (value.type == SpillValue::Integer)
                sqlite3_bind_int64(m_insert, index, value.integer);
            else
                sqlite3_bind_null(m_insert, index);
        }
        const QByteArrayView sourcedId = row.values.isEmpty() ? QByteArrayView()
                                                              : row.values.at(0).text;
        if (sqlite3_step(m_insert) != SQLITE_DONE) {
            const QString error = QString::fromUtf8(sqlite3_errmsg(m_connection));
            sqlite3_reset(m_insert);
            return hub::failure(QStringLiteral("Cannot store %1 %2 (line %3): %4")
                                    .arg(m_target.table, QString::fromUtf8(sourcedId))
                                    .arg(row.line)
                                    .arg(error));
        }
        sqlite3_reset(m_insert);
        // 1 for an inserted or changed row, 0 when the upsert left a stored record alone.
        m_rowsStored += sqlite3_changes64(m_connection);

        if (m_retire) {
            sqlite3_bind_text(m_keepId, 1, sourcedId.data(), int(sourcedId.size()), SQLITE_STATIC);
            const int stepped = sqlite3_step(m_keepId);
            sqlite3_reset(m_keepId);
            if (stepped != SQLITE_DONE)
                return hub::failure(QStringLiteral("Cannot note %1 %2 (line %3) for the records "
                                                   "to retire: %4")
                                        .arg(m_target.table, QString::fromUtf8(sourcedId))
                                        .arg(row.line)
                                        .arg(QString::fromUtf8(sqlite3_errmsg(m_connection))));
        }
        return {};
    }

    Result<qint64> finish() override
    {
        if (auto flushed = flushRemainder(); !flushed)
            return hub::failure(flushed.error());
        for (const QByteArray &create : std::as_const(m_deferredIndexes)) {
            if (auto created = run(create.constData()); !created)
                return hub::failure(created.error());
        }
        m_deferredIndexes.clear();
        if (!m_retire)
            return qint64(0);
        sqlite3_stmt *retire = nullptr;
        QString sql = QStringLiteral("UPDATE %1 SET status = 'tobedeleted', date_last_modified = "
                                     "?1 WHERE district_id = ?2 AND status <> 'tobedeleted' AND "
                                     "sourced_id NOT IN (SELECT sourced_id FROM temp.load_ids)")
                          .arg(m_target.table);
        if (m_target.delta)
            sql += QStringLiteral(" AND user_sourced_id IN (SELECT r.user_sourced_id FROM %1 r "
                                  "WHERE r.district_id = ?2 AND r.sourced_id IN (SELECT "
                                  "sourced_id FROM temp.load_ids))")
                       .arg(m_target.table);
        if (auto prepared = prepare(sql, &retire); !prepared)
            return hub::failure(prepared.error());
        bindText(retire, 1, m_target.loadTime);
        sqlite3_bind_int64(retire, 2, m_target.districtId);
        const int stepped = sqlite3_step(retire);
        sqlite3_finalize(retire);
        if (stepped != SQLITE_DONE)
            return hub::failure(QStringLiteral("Cannot mark the records missing from %1 "
                                               "tobedeleted: %2")
                                    .arg(m_target.fileName,
                                         QString::fromUtf8(sqlite3_errmsg(m_connection))));
        const qint64 marked = sqlite3_changes64(m_connection);
        sqlite3_finalize(m_keepId);
        m_keepId = nullptr;
        if (auto dropped = run("DROP TABLE temp.load_ids"); !dropped)
            return hub::failure(dropped.error());
        return marked;
    }

private:
    struct BufferedValue
    {
        SpillValue::Type type = SpillValue::Null;
        qint64 integer = 0;
        qsizetype offset = 0;
        qsizetype size = 0;
    };

    // Copies the row's values, which are valid only until the next row is read.
    void buffer(const SpillRow &row)
    {
        m_lines.append(row.line);
        for (const SpillValue &value : row.values) {
            BufferedValue copy{value.type, value.integer, m_batchText.size(), 0};
            if (value.type == SpillValue::Text) {
                m_batchText.append(value.text.data(), value.text.size());
                copy.size = value.text.size();
            }
            m_values.append(copy);
        }
    }

    SpillRow bufferedRow(qsizetype index) const
    {
        SpillRow row;
        row.line = m_lines.at(index);
        const qsizetype width = m_columnCount - 1;
        for (qsizetype i = 0; i < width; ++i) {
            const BufferedValue &value = m_values.at(index * width + i);
            SpillValue restored;
            restored.type = value.type;
            restored.integer = value.integer;
            if (value.type == SpillValue::Text)
                restored.text = QByteArrayView(m_batchText.constData() + value.offset, value.size);
            row.values.append(restored);
        }
        return row;
    }

    void clearBuffer()
    {
        // resize() keeps the capacity for the next batch, where clear() would free it.
        m_lines.resize(0);
        m_values.resize(0);
        m_batchText.resize(0);
    }

    Result<void> flushBatch()
    {
        const qsizetype width = m_columnCount - 1;
        for (qsizetype r = 0; r < m_lines.size(); ++r) {
            const int base = int(r) * m_columnCount;
            sqlite3_bind_int64(m_batchInsert, base + 1, m_target.districtId);
            for (qsizetype i = 0; i < width; ++i) {
                const BufferedValue &value = m_values.at(r * width + i);
                const int index = base + int(i) + 2;
                if (value.type == SpillValue::Text)
                    sqlite3_bind_text(m_batchInsert, index, m_batchText.constData() + value.offset,
                                      int(value.size), SQLITE_STATIC);
                else if (value.type == SpillValue::Integer)
                    sqlite3_bind_int64(m_batchInsert, index, value.integer);
                else if (i == m_dateColumn)
                    sqlite3_bind_text(m_batchInsert, index, m_loadTime.constData(),
                                      int(m_loadTime.size()), SQLITE_STATIC);
                else
                    sqlite3_bind_null(m_batchInsert, index);
            }
        }
        const int stepped = sqlite3_step(m_batchInsert);
        const qint64 stored = sqlite3_changes64(m_connection);
        const QString batchError = stepped == SQLITE_DONE
                                       ? QString()
                                       : QString::fromUtf8(sqlite3_errmsg(m_connection));
        sqlite3_reset(m_batchInsert);
        if (stepped == SQLITE_DONE && stored == m_lines.size()) {
            m_rowsStored += stored;
            m_lastRowid = sqlite3_last_insert_rowid(m_connection);
            clearBuffer();
            return {};
        }
        // The statement failed, or it skipped a row that breaks a constraint, so the load fails.
        // To name the row, the batch's stored rows go and its rows are stored again one at a
        // time: the first that fails gives SQLite's error and its line.
        sqlite3_stmt *undo = nullptr;
        if (auto prepared = prepare(QStringLiteral("DELETE FROM %1 WHERE rowid > ?")
                                        .arg(m_target.table),
                                    &undo);
            !prepared)
            return prepared;
        sqlite3_bind_int64(undo, 1, m_lastRowid);
        const int undone = sqlite3_step(undo);
        sqlite3_finalize(undo);
        if (undone == SQLITE_DONE) {
            for (qsizetype r = 0; r < m_lines.size(); ++r) {
                if (auto one = writeOne(bufferedRow(r)); !one)
                    return one;
            }
        }
        return hub::failure(QStringLiteral("Cannot store %1 (lines %2 to %3): %4")
                                .arg(m_target.table)
                                .arg(m_lines.constFirst())
                                .arg(m_lines.constLast())
                                .arg(stepped == SQLITE_DONE
                                         ? QStringLiteral("%1 of %2 rows were not stored")
                                               .arg(m_lines.size() - stored)
                                               .arg(m_lines.size())
                                         : batchError));
    }

    Result<void> flushRemainder()
    {
        for (qsizetype r = 0; r < m_lines.size(); ++r) {
            if (auto stored = writeOne(bufferedRow(r)); !stored)
                return stored;
        }
        clearBuffer();
        return {};
    }

    // Drops the secondary indexes of a table that contains no rows at all, to build each with one
    // sort in finish() instead of one insert per row. Readers of other connections keep seeing
    // the indexes until the load commits, and a failed load restores them with its rollback.
    Result<void> deferIndexes()
    {
        auto empty = selectValue(
            m_db, QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM %1)").arg(m_target.table));
        if (!empty)
            return hub::failure(empty.error());
        if (!empty->toBool())
            return {};
        auto indexes = execute(m_db,
                               QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = "
                                              "'index' AND tbl_name = ? AND sql IS NOT NULL"),
                               {m_target.table});
        if (!indexes)
            return hub::failure(indexes.error());
        QStringList names;
        while (indexes->next()) {
            names.append(indexes->value(0).toString());
            m_deferredIndexes.append(indexes->value(1).toString().toUtf8());
        }
        indexes->finish();
        for (const QString &name : std::as_const(names)) {
            const QByteArray drop = QStringLiteral("DROP INDEX \"%1\"").arg(name).toUtf8();
            if (auto dropped = run(drop.constData()); !dropped)
                return dropped;
        }
        return {};
    }

    void bindText(sqlite3_stmt *statement, int index, const QString &text)
    {
        m_text = text.toUtf8();
        sqlite3_bind_text(statement, index, m_text.constData(), int(m_text.size()),
                          SQLITE_TRANSIENT);
    }

    Result<void> prepare(const QString &sql, sqlite3_stmt **statement)
    {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(m_connection, utf8.constData(), int(utf8.size()), statement,
                               nullptr)
            != SQLITE_OK)
            return hub::failure(QStringLiteral("Cannot prepare the statement for %1: %2")
                                    .arg(m_target.table,
                                         QString::fromUtf8(sqlite3_errmsg(m_connection))));
        return {};
    }

    Result<void> run(const char *sql)
    {
        char *message = nullptr;
        if (sqlite3_exec(m_connection, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            const QString error = QString::fromUtf8(message);
            sqlite3_free(message);
            return hub::failure(
                QStringLiteral("Cannot store %1: %2").arg(m_target.table, error));
        }
        return {};
    }

    QSqlDatabase m_db;
    Target m_target;
    sqlite3 *m_connection = nullptr;
    static constexpr int kBatchRows = 64;
    sqlite3_stmt *m_insert = nullptr;
    sqlite3_stmt *m_batchInsert = nullptr;
    int m_batchRows = 1;
    qint64 m_lastRowid = 0;
    int m_columnCount = 0;
    // Rows that wait for the batch statement: their lines, values and texts.
    QList<qint64> m_lines;
    QList<BufferedValue> m_values;
    QByteArray m_batchText;
    sqlite3_stmt *m_keepId = nullptr;
    qsizetype m_dateColumn = -1;
    // Whether rows take the load time as their date: on a reload, so that a changed or new
    // record is dated when the hub changed it.
    bool m_stampDate = false;
    bool m_retire = false;
    QByteArray m_text;
    QByteArray m_loadTime = m_target.loadTime.toUtf8();
    // CREATE INDEX statements of the indexes that begin() dropped.
    QList<QByteArray> m_deferredIndexes;
};

// PostgreSQL: copies the rows into a staging table with COPY FROM STDIN, then stores them with
// one INSERT ... ON CONFLICT and, for a bulk file, retires the missing records with one UPDATE.
// The staging table lives in the load's transaction.
class PostgresWriter final : public TableWriter
{
public:
    PostgresWriter(const QSqlDatabase &db, Target target)
        : m_db(db)
        , m_target(std::move(target))
        , m_staging(QStringLiteral("load_") + m_target.table)
    {}

    Result<void> begin() override
    {
        const QString columns = m_target.columns.join(QLatin1String(", "));
        // The query ends here: its destructor reads results, which would block once the
        // connection is copying.
        if (auto created = execute(m_db,
                                   QStringLiteral("CREATE TEMP TABLE %1 ON COMMIT DROP AS SELECT "
                                                  "district_id, %2 FROM %3 WITH NO DATA")
                                       .arg(m_staging, columns, m_target.table));
            !created)
            return hub::failure(created.error());
        m_copy = std::make_unique<PostgresCopy>(m_db, m_staging,
                                                QStringList{QStringLiteral("district_id")}
                                                    + m_target.columns);
        m_dateColumn = m_target.columns.indexOf(QStringLiteral("date_last_modified"));
        return m_copy->start();
    }

    Result<void> write(const SpillRow &row) override
    {
        m_values.clear();
        m_values.reserve(row.values.size() + 1);
        m_values.append(m_target.districtId);
        for (qsizetype i = 0; i < row.values.size(); ++i) {
            const SpillValue &value = row.values.at(i);
            if (value.type == SpillValue::Text)
                m_values.append(QString::fromUtf8(value.text));
            else if (value.type == SpillValue::Integer)
                m_values.append(value.integer);
            else if (i == m_dateColumn)
                m_values.append(m_target.loadTime);
            else
                m_values.append(QVariant());
        }
        return m_copy->addRow(m_values);
    }

    Result<qint64> finish() override
    {
        auto copied = m_copy->finish();
        if (!copied)
            return hub::failure(copied.error());
        // Without statistics the planner guesses the staging table's size.
        if (auto analyzed = execute(m_db, QStringLiteral("ANALYZE %1").arg(m_staging)); !analyzed)
            return hub::failure(analyzed.error());

        // The first load of a district's table needs no ON CONFLICT, which costs about a third
        // of the insert (124,000 enrollments: 3.3 s with it, 2.3 s without, on a loaded 2-core
        // VM).
        // NOTE: two first loads of one district's table at the same time then fail the second
        // one with a duplicate key error instead of merging, and nothing of it is stored.
        auto stored = hasStoredRows(m_db, m_target.table, m_target.districtId);
        if (!stored)
            return hub::failure(stored.error());
        m_replacedStored = *stored;
        const QString columns = m_target.columns.join(QLatin1String(", "));
        // On a reload every row takes the load time, which comes from the clock in ISO 8601 and
        // is safe as a literal.
        QStringList selected = m_target.columns;
        if (*stored && m_dateColumn >= 0)
            selected[m_dateColumn] = QLatin1Char('\'') + m_target.loadTime + QLatin1Char('\'');
        const QString onConflict
            = *stored ? upsertClause(m_target.table, m_target.columns) : QString();
        // Rows in primary key order fill the primary key's index page by page. The same insert
        // of rows in random order took 5.8 s instead of 3.6 s.
        auto inserted = execute(
            m_db, QStringLiteral("INSERT INTO %1 (district_id, %2) SELECT district_id, %3 FROM %4 "
                                 "ORDER BY sourced_id%5")
                      .arg(m_target.table, columns, selected.join(QLatin1String(", ")), m_staging,
                           onConflict));
        if (!inserted)
            return hub::failure(QStringLiteral("Cannot store the rows of %1 in %2: %3")
                                    .arg(m_target.fileName, m_target.table, inserted.error()));
        m_rowsStored = inserted->numRowsAffected();

        qint64 marked = 0;
        // A delta of the roles that users.csv implies retires the other roles of its users.
        if (!m_target.delta || (*stored && m_target.impliedRoles)) {
            const QString ofListedUsers = m_target.delta
                                              ? QStringLiteral(" AND t.user_sourced_id IN (SELECT "
                                                               "user_sourced_id FROM %1)")
                                                    .arg(m_staging)
                                              : QString();
            auto retired = execute(
                m_db,
                QStringLiteral("UPDATE %1 t SET status = 'tobedeleted', date_last_modified = ? "
                               "WHERE t.district_id = ? AND t.status <> 'tobedeleted' AND NOT "
                               "EXISTS (SELECT 1 FROM %2 s WHERE s.sourced_id = t.sourced_id)%3")
                    .arg(m_target.table, m_staging, ofListedUsers),
                {m_target.loadTime, m_target.districtId});
            if (!retired)
                return hub::failure(retired.error());
            marked = retired->numRowsAffected();
        }
        if (auto dropped = execute(m_db, QStringLiteral("DROP TABLE %1").arg(m_staging));
            !dropped)
            return hub::failure(dropped.error());
        return marked;
    }

    qint64 failedRow() const override { return m_copy ? m_copy->failedRow() : 0; }

private:
    QSqlDatabase m_db;
    Target m_target;
    QString m_staging;
    std::unique_ptr<PostgresCopy> m_copy;
    qsizetype m_dateColumn = -1;
    QVariantList m_values;
};

} // namespace

std::unique_ptr<TableWriter> TableWriter::create(const QSqlDatabase &db, Target target)
{
    if (dialectOf(db) == Dialect::Postgres)
        return std::make_unique<PostgresWriter>(db, std::move(target));
    return std::make_unique<SqliteWriter>(db, std::move(target));
}

} // namespace hub::inbound::detail
