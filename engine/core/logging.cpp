// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "logging.h"

Q_LOGGING_CATEGORY(lcHttp, "hub.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "hub.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "hub.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCatalog, "hub.catalog", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRuns, "hub.runs", QtInfoMsg)
Q_LOGGING_CATEGORY(lcScheduler, "hub.scheduler", QtInfoMsg)
Q_LOGGING_CATEGORY(lcInbound, "hub.inbound", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOutbound, "hub.outbound", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDestinations, "hub.destinations", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConnectors, "hub.connectors", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "hub.demo", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOneRoster, "hub.oneroster", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccounts, "hub.accounts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNotify, "hub.notify", QtInfoMsg)
