// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QString>

namespace hub {

// Status codes of runs and run phases, as the runbook shows them.
enum class RunStatus : int {
    Succeeded = 0,
    Running = 1,
    Queued = 2,
    Cancelled = 3,
    SucceededWithWarnings = 8,
    Failed = 9,
};

inline QString runStatusText(int status)
{
    switch (static_cast<RunStatus>(status)) {
    case RunStatus::Succeeded:
        return QStringLiteral("Succeeded");
    case RunStatus::Running:
        return QStringLiteral("Running");
    case RunStatus::Queued:
        return QStringLiteral("Queued");
    case RunStatus::Cancelled:
        return QStringLiteral("Cancelled");
    case RunStatus::SucceededWithWarnings:
        return QStringLiteral("Succeeded with warnings");
    case RunStatus::Failed:
        return QStringLiteral("Failed");
    }
    return QStringLiteral("Unknown");
}

} // namespace hub
