// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "storecopy.h"

#include "core/logging.h"
#include "core/nulcharacter.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlRecord>
#include <QtEndian>

#include <optional>

namespace hub {

namespace {

// Rows per INSERT statement on the target: large enough to cut round trips, small enough to
// keep each statement well under a few megabytes.
constexpr int kRowsPerStatement = 500;

// Tables that the migrations fill themselves; the copy replaces their rows.
const QStringList kSeededTables = {QStringLiteral("run_change_counter")};

// The SQLite store's tables, parents before the tables that reference them.
Result<QStringList> tablesInCopyOrder(const QSqlDatabase &db)
{
    auto listed = execute(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name <> "
                                             "'schema_migrations' ORDER BY name"));
    if (!listed)
        return failure(listed.error());
    QStringList names;
    while (listed->next())
        names.append(listed->value(0).toString());

    QHash<QString, QSet<QString>> parents;
    for (const QString &name : std::as_const(names)) {
        auto keys = execute(db, QStringLiteral("SELECT \"table\" FROM pragma_foreign_key_list(?)"), {name});
        if (!keys)
            return failure(keys.error());
        while (keys->next()) {
            const QString parent = keys->value(0).toString();
            if (parent != name)
                parents[name].insert(parent);
        }
    }
    QStringList ordered;
    QSet<QString> placed;
    while (ordered.size() < names.size()) {
        bool progressed = false;
        for (const QString &name : std::as_const(names)) {
            if (placed.contains(name))
                continue;
            bool ready = true;
            for (const QString &parent : parents.value(name))
                ready = ready && (placed.contains(parent) || !names.contains(parent));
            if (ready) {
                ordered.append(name);
                placed.insert(name);
                progressed = true;
            }
        }
        if (!progressed)
            return failure(QStringLiteral("The tables' foreign keys form a cycle."));
    }
    return ordered;
}

Result<QStringList> columnsOf(const QSqlDatabase &db, const QString &table)
{
    auto info = execute(db, QStringLiteral("SELECT name FROM pragma_table_info(?) ORDER BY cid"), {table});
    if (!info)
        return failure(info.error());
    QStringList columns;
    while (info->next())
        columns.append(info->value(0).toString());
    return columns;
}

QString literal(const QSqlDriver *driver, const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    QSqlField field(QString(), value.metaType());
    field.setValue(value);
    return driver->formatValue(field);
}

// One source row as SQL literals, with the key that error messages name.
struct PendingRow
{
    qint64 key = 0;
    QStringList values;
};

// Runs one INSERT inside a savepoint, so a failure leaves the copy's transaction usable.
// Returns the SQLSTATE of a failure. The statement and the database's message are not
// returned, because both may contain row values, which are student data.
std::optional<QString> insertInSavepoint(const QSqlDatabase &target, const QString &statement)
{
    QSqlQuery query(target);
    query.exec(QStringLiteral("SAVEPOINT copy_rows"));
    if (query.exec(statement)) {
        query.exec(QStringLiteral("RELEASE SAVEPOINT copy_rows"));
        return std::nullopt;
    }
    const QString state = query.lastError().nativeErrorCode();
    query.exec(QStringLiteral("ROLLBACK TO SAVEPOINT copy_rows"));
    return state.isEmpty() ? QStringLiteral("unknown") : state;
}

// Inserts a batch of rows in one statement. When that fails, it inserts them one at a time to
// find the row that fails, and names the table, that row's key and the SQLSTATE only.
Result<void> insertBatch(const QSqlDatabase &target, const QString &table, const QString &head,
                         const QString &keyName, const QList<PendingRow> &batch)
{
    if (batch.isEmpty())
        return {};
    const auto rowText = [](const PendingRow &row) -> QString {
        return QLatin1Char('(') + row.values.join(QLatin1String(", ")) + QLatin1Char(')');
    };
    QStringList values;
    values.reserve(batch.size());
    for (const PendingRow &row : batch)
        values.append(rowText(row));
    const std::optional<QString> batchState = insertInSavepoint(target,
                                                                head + values.join(QLatin1String(", ")));
    if (!batchState)
        return {};
    for (const PendingRow &row : batch) {
        if (const std::optional<QString> state = insertInSavepoint(target, head + rowText(row))) {
            qCWarning(lcStore) << "Cannot copy row" << keyName << row.key << "of table" << table
                               << "SQLSTATE" << *state;
            return failure(QStringLiteral("Cannot copy the row with %1 %2 of table %3: PostgreSQL rejected "
                                          "it with SQLSTATE %4.")
                               .arg(keyName)
                               .arg(row.key)
                               .arg(table, *state));
        }
    }
    // Each row went in alone, so the batch failed only as a whole (its size, for example).
    qCWarning(lcStore) << "The batch insert into" << table << "failed with SQLSTATE" << *batchState
                       << "but its rows went in one at a time";
    return {};
}

// The text a row's value hashes as, the same for a value read from either store.
QByteArray canonicalText(const QVariant &value)
{
    if (value.isNull())
        return QByteArrayLiteral("\x01null");
    return value.toString().toUtf8();
}

Result<QPair<qint64, QString>> tableChecksum(const QSqlDatabase &db, const QString &table,
                                             const QStringList &columns)
{
    auto rows = execute(db, QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QLatin1String(", ")), table));
    if (!rows)
        return failure(rows.error());
    quint64 sum = 0;
    qint64 count = 0;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    while (rows->next()) {
        hash.reset();
        for (int i = 0; i < columns.size(); ++i) {
            const QByteArray text = canonicalText(rows->value(i));
            const quint32 size = quint32(text.size());
            hash.addData(QByteArrayView(reinterpret_cast<const char *>(&size), sizeof size));
            hash.addData(text);
        }
        sum += qFromBigEndian<quint64>(hash.result().constData());
        ++count;
    }
    return QPair<qint64, QString>(count, QString::number(sum, 16).rightJustified(16, QLatin1Char('0')));
}

} // namespace

Result<void> copyStore(const Store &from, const Store &to,
                       const std::function<void(const QString &, qint64)> &progress)
{
    if (from.isPostgres() || !to.isPostgres())
        return failure(QStringLiteral("The copy goes from a SQLite store to a PostgreSQL store."));
    if (from.schemaVersion() != to.schemaVersion())
        return failure(QStringLiteral("The stores are at schema versions %1 and %2.")
                           .arg(from.schemaVersion())
                           .arg(to.schemaVersion()));
    const QSqlDatabase source = from.connection();
    const QSqlDatabase target = to.connection();
    auto tables = tablesInCopyOrder(source);
    if (!tables)
        return failure(tables.error());

    for (const QString &table : std::as_const(*tables)) {
        if (kSeededTables.contains(table))
            continue;
        auto rows = selectValue(target, QStringLiteral("SELECT count(*) FROM %1").arg(table));
        if (!rows)
            return failure(rows.error());
        if (rows->toLongLong() > 0)
            return failure(QStringLiteral("The target database is not empty: table %1 has %2 rows. "
                                          "Copy into a new database.")
                               .arg(table)
                               .arg(rows->toLongLong()));
    }

    Transaction transaction(target);
    if (!transaction.begun())
        return failure(QStringLiteral("Cannot begin the copy on the target."));
    // The change-version triggers would renumber the copied runs; the copy keeps their values.
    for (const QString &statement :
         {QStringLiteral("ALTER TABLE runs DISABLE TRIGGER USER"),
          QStringLiteral("ALTER TABLE run_phases DISABLE TRIGGER USER")}) {
        if (auto done = execute(target, statement); !done)
            return failure(done.error());
    }
    const QSqlDriver *driver = target.driver();
    for (const QString &table : std::as_const(*tables)) {
        auto columns = columnsOf(source, table);
        if (!columns)
            return failure(columns.error());
        if (kSeededTables.contains(table)) {
            if (auto cleared = execute(target, QStringLiteral("DELETE FROM %1").arg(table)); !cleared)
                return failure(cleared.error());
        }
        auto rows = execute(source, QStringLiteral("SELECT %1, rowid FROM %2 ORDER BY rowid")
                                        .arg(columns->join(QLatin1String(", ")), table));
        if (!rows)
            return failure(rows.error());
        const QString head = QStringLiteral("INSERT INTO %1 (%2) VALUES ")
                                 .arg(table, columns->join(QLatin1String(", ")));
        const QString keyName = columns->contains(QStringLiteral("id")) ? QStringLiteral("id")
                                                                        : QStringLiteral("rowid");
        QList<PendingRow> batch;
        qint64 copied = 0;
        while (rows->next()) {
            PendingRow row;
            row.key = rows->value(int(columns->size())).toLongLong();
            row.values.reserve(columns->size());
            for (int i = 0; i < columns->size(); ++i) {
                const QVariant value = rows->value(i);
                if (value.typeId() == QMetaType::QString && containsNul(value.toString()))
                    return failure(QStringLiteral("Row with %1 %2 of table %3 has a NUL character "
                                                  "(U+0000) in column %4, which PostgreSQL text "
                                                  "cannot store. Remove it in a copy of the SQLite "
                                                  "store and copy that copy.")
                                       .arg(keyName)
                                       .arg(row.key)
                                       .arg(table, columns->at(i)));
                row.values.append(literal(driver, value));
            }
            batch.append(std::move(row));
            ++copied;
            if (batch.size() >= kRowsPerStatement) {
                if (auto inserted = insertBatch(target, table, head, keyName, batch); !inserted)
                    return inserted;
                batch.clear();
            }
        }
        if (auto inserted = insertBatch(target, table, head, keyName, batch); !inserted)
            return inserted;
        if (columns->contains(QStringLiteral("id"))) {
            auto sequence = selectValue(target, QStringLiteral("SELECT pg_get_serial_sequence(?, 'id')"),
                                        {table});
            if (!sequence)
                return failure(sequence.error());
            if (!sequence->isNull()) {
                auto moved = execute(target,
                                     QStringLiteral("SELECT setval(?, coalesce(max(id), 0) + 1, false) "
                                                    "FROM %1")
                                         .arg(table),
                                     {sequence->toString()});
                if (!moved)
                    return failure(moved.error());
            }
        }
        qCInfo(lcStore) << "Copied" << copied << "rows of" << table;
        if (progress)
            progress(table, copied);
    }
    for (const QString &statement :
         {QStringLiteral("ALTER TABLE runs ENABLE TRIGGER USER"),
          QStringLiteral("ALTER TABLE run_phases ENABLE TRIGGER USER")}) {
        if (auto done = execute(target, statement); !done)
            return failure(done.error());
    }
    return transaction.commit();
}

Result<QList<TableComparison>> compareStores(const Store &from, const Store &to)
{
    const QSqlDatabase source = from.connection();
    const QSqlDatabase target = to.connection();
    auto tables = tablesInCopyOrder(source);
    if (!tables)
        return failure(tables.error());
    QList<TableComparison> comparisons;
    for (const QString &table : std::as_const(*tables)) {
        auto columns = columnsOf(source, table);
        if (!columns)
            return failure(columns.error());
        auto left = tableChecksum(source, table, *columns);
        if (!left)
            return failure(left.error());
        auto right = tableChecksum(target, table, *columns);
        if (!right)
            return failure(right.error());
        comparisons.append({table, left->first, right->first, left->second, right->second});
    }
    return comparisons;
}

} // namespace hub
