// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "store/store.h"

#include <QSqlDatabase>
#include <QString>

namespace hub {

// The name of the SQL function that folds text to lower case for all of Unicode.
// On SQLite the store registers it on every connection, because SQLite's own lower() folds
// ASCII letters only.
inline constexpr char kCaseFoldFunction[] = "hub_casefold";

// Registers hub_casefold(text) on a SQLite connection. It returns QString::toCaseFolded() of
// its argument, and NULL for NULL. Returns false when the connection has no sqlite3 handle.
bool registerCaseFold(const QSqlDatabase &db);

// An SQL expression that case-folds the SQL expression operand in the given dialect.
// SQLite calls hub_casefold(); PostgreSQL calls lower() under the ICU root collation, so the
// result does not depend on the database's locale.
QString caseFoldSql(Dialect dialect, const QString &operand);

} // namespace hub
