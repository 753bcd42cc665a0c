// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

class QSpinBox;

namespace hubdesk {

// The integration's workerLossRetries as the engine takes it: 0 to 10, 1 on a new integration.
inline constexpr int kMaxWorkerLossRetries = 10;
inline constexpr int kDefaultWorkerLossRetries = 1;

// Creates the integration forms' spin box for workerLossRetries, which is how many times in a
// row the engine runs the integration again by itself after the engine that ran it stopped
// mid-run. The box shows "None" for 0 and explains the setting in its tooltip.
QSpinBox *createWorkerLossRetriesSpin();

} // namespace hubdesk
