// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "highcontrast.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleFactory>
#include <QStyleOption>

#include <algorithm>
#include <cmath>

namespace hubdesk {

namespace {

// The side of a check box or radio button in pixels at a device pixel ratio of 1.
constexpr int kIndicatorSize = 16;

// Relative luminance as WCAG 2 defines it, from linearized sRGB channels.
double luminance(const QColor &color)
{
    const auto linear = [](double channel) {
        return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF())
           + 0.0722 * linear(color.blueF());
}

// The color of an indicator's edge and mark. A selected item view row is yellow, so its check
// box is drawn in the row's text color, black.
QColor indicatorColor(const QStyleOption *option)
{
    if (!(option->state & QStyle::State_Enabled))
        return option->palette.color(QPalette::Disabled, QPalette::Text);
    if (option->state & QStyle::State_Selected)
        return option->palette.color(QPalette::HighlightedText);
    if (option->state & (QStyle::State_MouseOver | QStyle::State_HasFocus))
        return option->palette.color(QPalette::Highlight);
    return option->palette.color(QPalette::Text);
}

// The largest square centered in rect, shrunk by one pixel on each side so that a two-pixel
// pen stays inside it.
QRectF indicatorSquare(const QRect &rect)
{
    const qreal side = std::min(rect.width(), rect.height()) - 2;
    QRectF square(0, 0, side, side);
    square.moveCenter(QRectF(rect).center());
    return square;
}

// A pen width that stays visible on large indicators too.
qreal strokeWidth(const QRectF &square)
{
    return std::max<qreal>(2.0, square.width() / 7.0);
}

} // namespace

double contrastRatio(const QColor &first, const QColor &second)
{
    const double a = luminance(first);
    const double b = luminance(second);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

QPalette highContrastPalette()
{
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    const QColor yellow(0xff, 0xd7, 0x00);
    const QColor grey(0xb0, 0xb0, 0xb0);

    QPalette palette(white, black);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        palette.setColor(group, QPalette::Window, black);
        palette.setColor(group, QPalette::WindowText, white);
        palette.setColor(group, QPalette::Base, black);
        palette.setColor(group, QPalette::AlternateBase, QColor(0x1a, 0x1a, 0x1a));
        palette.setColor(group, QPalette::Text, white);
        palette.setColor(group, QPalette::Button, black);
        palette.setColor(group, QPalette::ButtonText, white);
        palette.setColor(group, QPalette::BrightText, yellow);
        palette.setColor(group, QPalette::Highlight, yellow);
        palette.setColor(group, QPalette::HighlightedText, black);
        palette.setColor(group, QPalette::ToolTipBase, black);
        palette.setColor(group, QPalette::ToolTipText, white);
        palette.setColor(group, QPalette::PlaceholderText, grey);
        palette.setColor(group, QPalette::Link, QColor(0x00, 0xff, 0xff));
        palette.setColor(group, QPalette::LinkVisited, QColor(0xff, 0x80, 0xff));
        // Frames and separators are drawn with these; white keeps every edge visible.
        palette.setColor(group, QPalette::Light, white);
        palette.setColor(group, QPalette::Midlight, grey);
        palette.setColor(group, QPalette::Mid, grey);
        palette.setColor(group, QPalette::Dark, white);
        palette.setColor(group, QPalette::Shadow, white);
    }
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text,
                                           QPalette::ButtonText, QPalette::PlaceholderText})
        palette.setColor(QPalette::Disabled, role, QColor(0x9a, 0x9a, 0x9a));
    for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base, QPalette::Button})
        palette.setColor(QPalette::Disabled, role, black);
    palette.setColor(QPalette::Disabled, QPalette::Highlight, grey);
    palette.setColor(QPalette::Disabled, QPalette::HighlightedText, black);
    return palette;
}

HighContrastStyle::HighContrastStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{}

int HighContrastStyle::pixelMetric(PixelMetric metric, const QStyleOption *option,
                                   const QWidget *widget) const
{
    const int base = QProxyStyle::pixelMetric(metric, option, widget);
    switch (metric) {
    case PM_IndicatorWidth:
    case PM_IndicatorHeight:
    case PM_ExclusiveIndicatorWidth:
    case PM_ExclusiveIndicatorHeight:
        return std::max(base, kIndicatorSize);
    default:
        return base;
    }
}

void HighContrastStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                                      QPainter *painter, const QWidget *widget) const
{
    switch (element) {
    case PE_IndicatorCheckBox:
    case PE_IndicatorItemViewItemCheck:
        drawCheckBox(option, painter);
        return;
    case PE_IndicatorRadioButton:
        drawRadioButton(option, painter);
        return;
    case PE_FrameLineEdit:
    case PE_Frame:
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        drawFieldFrame(option, painter);
        return;
    default:
        QProxyStyle::drawPrimitive(element, option, painter, widget);
    }
}

void HighContrastStyle::drawComplexControl(ComplexControl control,
                                           const QStyleOptionComplex *option, QPainter *painter,
                                           const QWidget *widget) const
{
    QProxyStyle::drawComplexControl(control, option, painter, widget);
    if (control == CC_ScrollBar) {
        drawScrollBarHandle(option, painter, widget);
    } else if (const auto *spinBox = qstyleoption_cast<const QStyleOptionSpinBox *>(option)) {
        if (spinBox->frame)
            drawFieldFrame(option, painter);
    } else if (const auto *comboBox = qstyleoption_cast<const QStyleOptionComboBox *>(option)) {
        if (comboBox->frame)
            drawFieldFrame(option, painter);
    }
}

void HighContrastStyle::drawCheckBox(const QStyleOption *option, QPainter *painter)
{
    const QColor color = indicatorColor(option);
    const QRectF square = indicatorSquare(option->rect);
    const qreal stroke = strokeWidth(square);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, stroke, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter->setBrush(option->state & State_Selected ? Qt::NoBrush : option->palette.base());
    painter->drawRect(square.adjusted(stroke / 2, stroke / 2, -stroke / 2, -stroke / 2));

    const QRectF inside = square.adjusted(stroke * 1.5, stroke * 1.5, -stroke * 1.5, -stroke * 1.5);
    painter->setPen(QPen(color, stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (option->state & State_On) {
        QPainterPath mark;
        mark.moveTo(inside.left(), inside.top() + inside.height() * 0.55);
        mark.lineTo(inside.left() + inside.width() * 0.4, inside.bottom());
        mark.lineTo(inside.right(), inside.top());
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(mark);
    } else if (option->state & State_NoChange) {
        const qreal middle = inside.center().y();
        painter->drawLine(QPointF(inside.left(), middle), QPointF(inside.right(), middle));
    }
    painter->restore();
}

void HighContrastStyle::drawRadioButton(const QStyleOption *option, QPainter *painter)
{
    const QColor color = indicatorColor(option);
    const QRectF square = indicatorSquare(option->rect);
    const qreal stroke = strokeWidth(square);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, stroke));
    painter->setBrush(option->palette.base());
    painter->drawEllipse(square.adjusted(stroke / 2, stroke / 2, -stroke / 2, -stroke / 2));
    if (option->state & State_On) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        const qreal inset = stroke * 2;
        painter->drawEllipse(square.adjusted(inset, inset, -inset, -inset));
    }
    painter->restore();
}

void HighContrastStyle::drawFieldFrame(const QStyleOption *option, QPainter *painter)
{
    // Only keyboard focus turns a frame yellow, because a frame under the mouse is no hint of
    // where typing goes.
    QStyleOption frame = *option;
    frame.state &= ~State_MouseOver;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(indicatorColor(&frame), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
    painter->restore();
}

void HighContrastStyle::drawScrollBarHandle(const QStyleOptionComplex *option, QPainter *painter,
                                            const QWidget *widget) const
{
    const auto *bar = qstyleoption_cast<const QStyleOptionSlider *>(option);
    if (!bar || !(bar->subControls & SC_ScrollBarSlider))
        return;
    const QRect handle = subControlRect(CC_ScrollBar, bar, SC_ScrollBarSlider, widget);
    if (!handle.isValid())
        return;
    const bool active = (bar->activeSubControls & SC_ScrollBarSlider)
                        && (bar->state & (State_MouseOver | State_Sunken));
    const bool enabled = bar->state & State_Enabled;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // The handle is lighter than the groove, with an edge of the text color around it.
    painter->setBrush(active    ? bar->palette.color(QPalette::Highlight)
                      : enabled ? bar->palette.color(QPalette::Mid)
                                : bar->palette.color(QPalette::Disabled, QPalette::Text));
    painter->setPen(QPen(enabled ? bar->palette.color(QPalette::Text)
                                 : bar->palette.color(QPalette::Disabled, QPalette::Text),
                         1.5));
    painter->drawRoundedRect(QRectF(handle).adjusted(1.5, 1.5, -1.5, -1.5), 2, 2);
    painter->restore();
}

} // namespace hubdesk
