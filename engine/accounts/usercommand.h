// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QString>
#include <QStringList>

namespace hub::accounts {

// Runs "hubd user add|grant|revoke|passwd|list ..." on the engine's store, hub.sqlite in the data
// folder or the PostgreSQL database of --database, and returns the exit code: 0 on success, 1
// when the change failed, 2 for a usage error. Passwords come from standard input or a file,
// never from the command line. arguments starts with the program name followed by the
// subcommand after "user".
int runUserCommand(const QStringList &arguments, const QString &defaultDataDir);

} // namespace hub::accounts
