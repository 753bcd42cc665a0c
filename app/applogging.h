// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QLoggingCategory>

namespace hubdesk {

// The console's start-up, local engine and settings: "hubdesk.app", warnings shown by default.
Q_DECLARE_LOGGING_CATEGORY(lcApp)

} // namespace hubdesk
