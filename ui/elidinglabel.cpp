// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "elidinglabel.h"

#include <QPainter>
#include <QStyle>

namespace hubdesk {

namespace {

// The minimum number of characters the label keeps room for, counting the ellipsis.
constexpr int kMinimumCharacters = 8;

} // namespace

ElidingLabel::ElidingLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
}

void ElidingLabel::setText(const QString &text)
{
    QLabel::setText(text);
    setToolTip(text);
}

QString ElidingLabel::shownText() const
{
    return fontMetrics().elidedText(text(), Qt::ElideRight, contentsRect().width());
}

QSize ElidingLabel::minimumSizeHint() const
{
    const QSize hint = QLabel::minimumSizeHint();
    const int width = fontMetrics().averageCharWidth() * kMinimumCharacters;
    const QMargins margins = contentsMargins();
    return {qMin(hint.width(), width + margins.left() + margins.right()), hint.height()};
}

void ElidingLabel::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    drawFrame(&painter);
    const QRect area = contentsRect();
    const Qt::Alignment alignment = QStyle::visualAlignment(layoutDirection(), this->alignment());
    style()->drawItemText(&painter, area, int(alignment), palette(), isEnabled(), shownText(),
                          foregroundRole());
}

} // namespace hubdesk
