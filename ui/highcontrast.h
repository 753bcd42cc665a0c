// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QColor>
#include <QPalette>

namespace hubdesk {

// A palette of white text on black with a yellow selection. Text and its background differ by
// a contrast ratio of at least 7:1 (WCAG 2 level AAA), and disabled text by at least 4.5:1.
QPalette highContrastPalette();

// The WCAG 2 contrast ratio of two colors, from 1 (the same) to 21 (black on white).
double contrastRatio(const QColor &first, const QColor &second);

} // namespace hubdesk
