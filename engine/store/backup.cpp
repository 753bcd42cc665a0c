// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "backup.h"

#include "core/logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>

#include <sqlite3.h>
#include <unistd.h>

namespace hub::backup {

namespace {

// A busy source is retried every 100 ms for up to 30 s before the backup gives up.
constexpr int kBusyRetries = 300;
constexpr int kBusyRetryMs = 100;

class Connection
{
public:
    Connection() = default;
    ~Connection() { close(); }
    Q_DISABLE_COPY_MOVE(Connection)

    Result<void> open(const QString &path, int flags)
    {
        const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, flags, nullptr);
        if (rc != SQLITE_OK)
            return failure(QStringLiteral("Cannot open %1: %2").arg(path, error(rc)));
        sqlite3_busy_timeout(m_db, 10000);
        return {};
    }

    void close()
    {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = nullptr;
    }

    sqlite3 *handle() const { return m_db; }

    QString error(int rc) const
    {
        return QString::fromUtf8(m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
    }

    // The first column of the first row of sql, as text; an empty string when there is no row.
    Result<QString> scalar(const char *sql) const
    {
        sqlite3_stmt *statement = nullptr;
        int rc = sqlite3_prepare_v2(m_db, sql, -1, &statement, nullptr);
        if (rc != SQLITE_OK)
            return failure(error(rc));
        rc = sqlite3_step(statement);
        QString value;
        if (rc == SQLITE_ROW) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
            value = QString::fromUtf8(text ? text : "");
        }
        sqlite3_finalize(statement);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return failure(error(rc));
        return value;
    }

private:
    sqlite3 *m_db = nullptr;
};

// Copies every page of from into to within one step, so the copy is the snapshot of a single
// read transaction even while another connection writes.
Result<void> copyPages(const Connection &from, const Connection &to)
{
    sqlite3_backup *backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
    if (!backup)
        return failure(to.error(SQLITE_ERROR));
    int rc = SQLITE_OK;
    for (int attempt = 0; attempt <= kBusyRetries; ++attempt) {
        rc = sqlite3_backup_step(backup, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        qCDebug(lcStore) << "The store is busy; retrying the backup step";
        sqlite3_sleep(kBusyRetryMs);
    }
    const int finished = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return failure(QString::fromUtf8(sqlite3_errstr(rc)));
    if (finished != SQLITE_OK)
        return failure(to.error(finished));
    // A copy of a WAL store would need a -wal file beside it to be read; a plain journal does not.
    if (auto journal = to.scalar("PRAGMA journal_mode=DELETE"); !journal)
        return failure(journal.error());
    return {};
}

Result<BackupInfo> inspect(const Connection &db, const QString &path, int latest)
{
    auto check = db.scalar("PRAGMA quick_check");
    if (!check)
        return failure(QStringLiteral("%1 is not a SQLite database: %2").arg(path, check.error()));
    if (*check != QLatin1String("ok"))
        return failure(QStringLiteral("%1 is damaged: %2").arg(path, *check));
    auto version = db.scalar("SELECT MAX(version) FROM schema_migrations");
    if (!version || version->isEmpty())
        return failure(QStringLiteral("%1 is not a Hubdesk store: it has no schema version.")
                           .arg(path));
    BackupInfo info;
    info.schemaVersion = version->toInt();
    info.bytes = QFileInfo(path).size();
    if (info.schemaVersion > latest)
        return failure(QStringLiteral("%1 has schema version %2, newer than this hubd knows (%3); "
                                      "restore it with the hubd version that wrote it or a later one.")
                           .arg(path)
                           .arg(info.schemaVersion)
                           .arg(latest));
    return info;
}

// Merges the write-ahead log into the store at path and switches it to a plain journal, so that
// the file alone contains every committed change before it is moved.
Result<void> settle(const QString &path)
{
    Connection db;
    if (auto opened = db.open(path, SQLITE_OPEN_READWRITE); !opened)
        return opened;
    if (auto checkpoint = db.scalar("PRAGMA wal_checkpoint(TRUNCATE)"); !checkpoint)
        return failure(QStringLiteral("Cannot checkpoint %1: %2").arg(path, checkpoint.error()));
    if (auto journal = db.scalar("PRAGMA journal_mode=DELETE"); !journal)
        return failure(QStringLiteral("Cannot settle %1: %2").arg(path, journal.error()));
    return {};
}

// Creates an empty file that only its owner may read, so the copy is never readable by others.
Result<void> createPrivateFile(const QString &path)
{
    QFile::remove(path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner))
        return failure(QStringLiteral("Cannot create %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace

int latestSchemaVersion()
{
    static const QRegularExpression number(QStringLiteral("^(\\d+)_"));
    int latest = 0;
    const QStringList files = QDir(QStringLiteral(":/hub/migrations"))
                                  .entryList({QStringLiteral("*.sql")}, QDir::Files);
    for (const QString &file : files)
        latest = std::max(latest, number.match(file).captured(1).toInt());
    return latest;
}

Result<BackupInfo> checkBackup(const QString &backupPath, int latestSchemaVersion)
{
    if (!QFileInfo(backupPath).isFile())
        return failure(QStringLiteral("The backup %1 does not exist.").arg(backupPath));
    Connection db;
    if (auto opened = db.open(backupPath, SQLITE_OPEN_READONLY); !opened)
        return failure(opened.error());
    return inspect(db, backupPath, latestSchemaVersion);
}

Result<BackupInfo> backupStore(const QString &sqlitePath, const QString &outPath)
{
    if (!QFileInfo(sqlitePath).isFile())
        return failure(QStringLiteral("There is no store at %1; check --data-dir.").arg(sqlitePath));
    if (QFileInfo::exists(outPath))
        return failure(QStringLiteral("%1 exists already; choose a new file name.").arg(outPath));

    qCInfo(lcStore) << "Backing up" << sqlitePath << "to" << outPath;
    const QString partial = outPath + QStringLiteral(".partial");
    if (auto created = createPrivateFile(partial); !created)
        return failure(created.error());
    const auto discard = [&partial](const QString &message) {
        QFile::remove(partial);
        qCWarning(lcStore).noquote() << "Backup failed:" << message;
        return failure(message);
    };

    {
        Connection source;
        Connection target;
        if (auto opened = source.open(sqlitePath, SQLITE_OPEN_READONLY); !opened)
            return discard(opened.error());
        if (auto opened = target.open(partial, SQLITE_OPEN_READWRITE); !opened)
            return discard(opened.error());
        if (auto copied = copyPages(source, target); !copied)
            return discard(QStringLiteral("Cannot copy %1: %2").arg(sqlitePath, copied.error()));
    }

    auto info = checkBackup(partial, latestSchemaVersion());
    if (!info)
        return discard(info.error());
    if (!QFile::rename(partial, outPath))
        return discard(QStringLiteral("Cannot rename %1 to %2.").arg(partial, outPath));
    qCInfo(lcStore) << "Backed up" << sqlitePath << "to" << outPath << "at schema version"
                    << info->schemaVersion << "," << info->bytes << "bytes";
    return info;
}

Result<QString> restoreStore(const QString &backupPath, const QString &dataDir,
                             int latestSchemaVersion)
{
    auto checked = checkBackup(backupPath, latestSchemaVersion);
    if (!checked)
        return failure(checked.error());
    if (!QDir().mkpath(dataDir))
        return failure(QStringLiteral("Cannot create the data folder %1.").arg(dataDir));

    const QDir dir(dataDir);
    QLockFile lock(dir.filePath(QStringLiteral("hubd.lock")));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        lock.getLockInfo(&pid, &host, &application);
        return failure(QStringLiteral("The data folder %1 is in use by hubd (process %2 on %3); "
                                      "stop it before restoring.")
                           .arg(dataDir)
                           .arg(pid)
                           .arg(host));
    }

    qCInfo(lcStore) << "Restoring" << backupPath << "into" << dataDir;
    const QString store = dir.filePath(QStringLiteral("hub.sqlite"));
    const QString restoring = store + QStringLiteral(".restoring");
    if (auto created = createPrivateFile(restoring); !created)
        return failure(created.error());
    const auto discard = [&restoring](const QString &message) {
        QFile::remove(restoring);
        qCWarning(lcStore).noquote() << "Restore failed:" << message;
        return failure(message);
    };
    {
        Connection source;
        Connection target;
        if (auto opened = source.open(backupPath, SQLITE_OPEN_READONLY); !opened)
            return discard(opened.error());
        if (auto opened = target.open(restoring, SQLITE_OPEN_READWRITE); !opened)
            return discard(opened.error());
        if (auto copied = copyPages(source, target); !copied)
            return discard(QStringLiteral("Cannot copy %1: %2").arg(backupPath, copied.error()));
    }

    QString replaced;
    if (QFileInfo::exists(store)) {
        if (auto settled = settle(store); !settled)
            return discard(settled.error());
        replaced = store + QStringLiteral(".replaced-")
                   + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmssZ"));
        if (!QFile::rename(store, replaced))
            return discard(QStringLiteral("Cannot move %1 aside to %2.").arg(store, replaced));
    }
    if (!QFile::rename(restoring, store))
        return discard(QStringLiteral("Cannot rename %1 to %2.").arg(restoring, store));

    // When root restores for the service account, the store goes to the owner of the folder.
    const QFileInfo folder(dataDir);
    if (::geteuid() == 0 && folder.ownerId() != 0
        && ::chown(QFile::encodeName(store).constData(), folder.ownerId(), folder.groupId()) != 0)
        qCWarning(lcStore) << "Cannot give" << store << "to the owner of" << dataDir;

    qCInfo(lcStore) << "Restored" << backupPath << "into" << store << "at schema version"
                    << checked->schemaVersion;
    return replaced;
}

} // namespace hub::backup
