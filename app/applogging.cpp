// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "applogging.h"

namespace hubdesk {

Q_LOGGING_CATEGORY(lcApp, "hubdesk.app", QtWarningMsg)

} // namespace hubdesk
