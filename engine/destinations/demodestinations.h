// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QSqlDatabase>

namespace hub {
class SecretBox;
}

namespace hub::destinations {

// Adds the demo's "MiLearn Azure Storage - Prod" and "- QA" destinations, which point at a local
// Azurite emulator. They are attached to no integration, so the demo's runs succeed without
// Azurite; a user can start Azurite and press Test Connection or attach them.
Result<void> addDemoAzureDestinations(const QSqlDatabase &db, qint64 districtId,
                                      const SecretBox &box);

} // namespace hub::destinations
