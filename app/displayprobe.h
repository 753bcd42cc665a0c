// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QString>

#include <chrono>

namespace hubdesk {

// Returns whether QGuiApplication can open its platform, such as the X server that DISPLAY
// names. QGuiApplication aborts the process when it cannot, so a forked child creates one and
// reports by its exit status. Call it before any application object or thread exists. A child
// that has not exited within timeout counts as a failure. Where fork() is missing, and when
// fork() fails, it returns true and leaves the decision to QApplication.
bool canOpenDisplay(int argc, char *argv[], std::chrono::milliseconds timeout);

// The display that the platform would open: WAYLAND_DISPLAY for a Wayland platform, else
// DISPLAY, else WAYLAND_DISPLAY, else QT_QPA_PLATFORM.
QString displayName();

} // namespace hubdesk
