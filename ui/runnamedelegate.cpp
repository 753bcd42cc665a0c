// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runnamedelegate.h"

#include <QApplication>
#include <QFontMetrics>
#include <QtMath>
#include <QStyle>
#include <QWidget>

namespace hubdesk {

namespace {

// The space on each side of an item's text, PM_FocusFrameHMargin + 1 as in the item layout of
// Qt's common style. NOTE: a style that lays out items otherwise can cut the label by a few
// pixels.
int textMargin(const QWidget *widget)
{
    const QStyle *style = widget ? widget->style() : QApplication::style();
    return style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
}

} // namespace

RunNameDelegate::RunNameDelegate(int labelRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_labelRole(labelRole)
{
}

QString RunNameDelegate::fitText(const QString &text, const QString &label,
                                 const QFontMetrics &metrics, int width)
{
    // QFontMetrics::elidedText(), which the view uses, measures in fractions of a pixel, and a
    // whole-pixel measure can round a text that is too wide down to the cell's width.
    const QFontMetricsF exact(metrics);
    if (exact.horizontalAdvance(text) <= width || !text.startsWith(label))
        return text;
    const QString rest = text.mid(label.size());
    int restWidth = width - qCeil(exact.horizontalAdvance(label));
    // Kerning can make the joined text wider than its parts, and a text wider than the cell
    // would elide again in the view, so the rest shrinks until the whole fits.
    for (int attempt = 0; attempt < 8 && restWidth > 0; ++attempt) {
        const QString fitted = label + metrics.elidedText(rest, Qt::ElideMiddle, restWidth);
        if (exact.horizontalAdvance(fitted) <= width)
            return fitted;
        restWidth -= qMax(1, metrics.averageCharWidth() / 2);
    }
    return label;
}

int RunNameDelegate::minimumWidth(const QString &label, const QFontMetrics &metrics,
                                  const QWidget *widget)
{
    const QFontMetricsF exact(metrics);
    return qCeil(exact.horizontalAdvance(label + QChar(0x2026))) + 1 + 2 * textMargin(widget);
}

QString RunNameDelegate::shownText(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem shown(option);
    initStyleOption(&shown, index);
    return shown.text;
}

void RunNameDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QString label = index.data(m_labelRole).toString();
    // sizeHint() passes no rectangle, and the size hint is that of the whole text.
    if (label.isEmpty() || option->rect.width() <= 0)
        return;
    option->text = fitText(option->text, label, option->fontMetrics,
                           option->rect.width() - 2 * textMargin(option->widget));
}

} // namespace hubdesk
