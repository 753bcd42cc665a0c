// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QLoggingCategory>

// One category per engine area. The engine logs starts, stops, retries and handled errors at
// info level and above; QT_LOGGING_RULES or hubd --verbose turns on debug output.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcCatalog)
Q_DECLARE_LOGGING_CATEGORY(lcRuns)
Q_DECLARE_LOGGING_CATEGORY(lcScheduler)
Q_DECLARE_LOGGING_CATEGORY(lcInbound)
Q_DECLARE_LOGGING_CATEGORY(lcOutbound)
Q_DECLARE_LOGGING_CATEGORY(lcDestinations)
Q_DECLARE_LOGGING_CATEGORY(lcConnectors)
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
Q_DECLARE_LOGGING_CATEGORY(lcOneRoster)
Q_DECLARE_LOGGING_CATEGORY(lcAccounts)
Q_DECLARE_LOGGING_CATEGORY(lcNotify)
