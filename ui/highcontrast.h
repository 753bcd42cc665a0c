// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QColor>
#include <QPalette>
#include <QProxyStyle>

namespace hubdesk {

// A palette of white text on black with a yellow selection. Text and its background differ by
// a contrast ratio of at least 7:1 (WCAG 2 level AAA), and disabled text by at least 4.5:1.
QPalette highContrastPalette();

// The WCAG 2 contrast ratio of two colors, from 1 (the same) to 21 (black on white).
double contrastRatio(const QColor &first, const QColor &second);

// Fusion with the high-contrast palette's edges. Fusion draws check boxes, radio buttons,
// scroll bar handles and the frames of text fields, spin boxes and combo boxes in shades of
// the window color, which vanish on black. This style draws them with the text color: a framed
// box or circle whether checked or not, a grey handle with a white edge, and a white frame
// around each field. Hover and keyboard focus turn the edge yellow, and disabled controls use
// the disabled text color. Check boxes and radio buttons are a little larger
// than Fusion's, so that the check mark does not touch the frame.
class HighContrastStyle final : public QProxyStyle
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HighContrastStyle)

public:
    HighContrastStyle();

    int pixelMetric(PixelMetric metric, const QStyleOption *option = nullptr,
                    const QWidget *widget = nullptr) const override;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
    void drawComplexControl(ComplexControl control, const QStyleOptionComplex *option,
                            QPainter *painter, const QWidget *widget = nullptr) const override;

private:
    static void drawCheckBox(const QStyleOption *option, QPainter *painter);
    static void drawRadioButton(const QStyleOption *option, QPainter *painter);
    static void drawFieldFrame(const QStyleOption *option, QPainter *painter);
    void drawScrollBarHandle(const QStyleOptionComplex *option, QPainter *painter,
                             const QWidget *widget) const;
};

} // namespace hubdesk
