// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QLoggingCategory>

namespace hubdesk {

// The console's engine client and models: "hubdesk.client", warnings shown by default.
Q_DECLARE_LOGGING_CATEGORY(lcClient)

} // namespace hubdesk
