// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "casefold.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace hub {

namespace {

void caseFold(sqlite3_context *context, int argumentCount, sqlite3_value **arguments)
{
    if (argumentCount != 1 || sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(arguments[0]));
    const int size = sqlite3_value_bytes(arguments[0]);
    const QByteArrayView bytes(text, size);

    // Most values are ASCII, and folding them needs no conversion to UTF-16.
    bool ascii = true;
    for (const char byte : bytes) {
        if (static_cast<unsigned char>(byte) >= 0x80) {
            ascii = false;
            break;
        }
    }
    const QByteArray folded = ascii ? bytes.toByteArray().toLower()
                                    : QString::fromUtf8(bytes).toCaseFolded().toUtf8();
    sqlite3_result_text(context, folded.constData(), int(folded.size()), SQLITE_TRANSIENT);
}

} // namespace

bool registerCaseFold(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    auto *connection = *static_cast<sqlite3 *const *>(handle.constData());
    return sqlite3_create_function_v2(connection, kCaseFoldFunction, 1,
                                      SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                      nullptr, &caseFold, nullptr, nullptr, nullptr)
           == SQLITE_OK;
}

QString caseFoldSql(Dialect dialect, const QString &operand)
{
    // NOTE: the collation "und-x-icu" exists only when PostgreSQL was built with ICU, as
    // Debian 12's postgresql-15 is. ICU lower() and QString::toCaseFolded() differ on a few
    // letters, such as the Greek final sigma.
    if (dialect == Dialect::Postgres)
        return QStringLiteral("lower((%1) COLLATE \"und-x-icu\")").arg(operand);
    return QStringLiteral("%1(%2)").arg(QLatin1String(kCaseFoldFunction), operand);
}

} // namespace hub
