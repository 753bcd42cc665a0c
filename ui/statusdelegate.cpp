// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "statusdelegate.h"

#include "runbookmodel.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace hubdesk {

namespace {

enum StatusCode { Succeeded = 0, Running = 1, Queued = 2, Cancelled = 3, Warnings = 8, Failed = 9 };

QColor statusColor(int status)
{
    switch (status) {
    case Succeeded:
        return QColor(0x2e, 0x7d, 0x32);
    case Running:
        return QColor(0x15, 0x65, 0xc0);
    case Warnings:
        return QColor(0xa8, 0x5d, 0x00);
    case Failed:
        return QColor(0xc6, 0x28, 0x28);
    default:
        return QColor(0x61, 0x61, 0x61);
    }
}

// Draws the status's glyph in white on a 16 by 16 grid: a check, a play triangle, clock hands,
// a bar, an exclamation mark or a cross.
void drawGlyph(QPainter &painter, int status)
{
    QPen pen(Qt::white, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    switch (status) {
    case Succeeded:
        painter.drawPolyline(QPolygonF({{4.5, 8.5}, {7.0, 11.0}, {11.5, 5.5}}));
        break;
    case Running: {
        QPainterPath triangle;
        triangle.addPolygon(QPolygonF({{6.0, 4.5}, {11.5, 8.0}, {6.0, 11.5}}));
        triangle.closeSubpath();
        painter.fillPath(triangle, Qt::white);
        break;
    }
    case Queued:
        painter.drawPolyline(QPolygonF({{8.0, 4.0}, {8.0, 8.0}, {11.0, 10.0}}));
        break;
    case Cancelled:
        painter.drawLine(QPointF(4.5, 8.0), QPointF(11.5, 8.0));
        break;
    case Warnings:
        painter.drawLine(QPointF(8.0, 4.0), QPointF(8.0, 9.0));
        painter.drawPoint(QPointF(8.0, 12.0));
        break;
    case Failed:
        painter.drawLine(QPointF(5.0, 5.0), QPointF(11.0, 11.0));
        painter.drawLine(QPointF(11.0, 5.0), QPointF(5.0, 11.0));
        break;
    default:
        painter.drawPoint(QPointF(8.0, 8.0));
        break;
    }
}

QPixmap statusPixmap(int status, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 16.0, size / 16.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(statusColor(status));
    painter.drawEllipse(QRectF(0.5, 0.5, 15.0, 15.0));
    drawGlyph(painter, status);
    return pixmap;
}

} // namespace

StatusDelegate::StatusDelegate(int statusRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_statusRole(statusRole)
{}

QString StatusDelegate::statusLabel(const QVariant &status)
{
    if (!status.isValid() || status.isNull())
        return {};
    return hubdesk::statusLabel(status.toInt());
}

QIcon StatusDelegate::statusIcon(int status)
{
    QIcon icon;
    icon.addPixmap(statusPixmap(status, 16));
    icon.addPixmap(statusPixmap(status, 32));
    return icon;
}

void StatusDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant status = index.data(m_statusRole);
    if (!status.isValid() || status.isNull())
        return;
    // The model's text is used when present, because it can be more specific than the code,
    // such as "2 Held for approval".
    if (option->text.isEmpty())
        option->text = statusLabel(status);
    const int code = status.toInt();
    auto icon = m_icons.find(code);
    if (icon == m_icons.end())
        icon = m_icons.insert(code, statusIcon(code));
    option->icon = *icon;
    option->features |= QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
}

} // namespace hubdesk
