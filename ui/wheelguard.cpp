// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "wheelguard.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QScrollArea>
#include <QScrollBar>
#include <QWheelEvent>

namespace hubdesk {

WheelGuard::WheelGuard(QScrollArea *area)
    : QObject(area)
    , m_area(area)
{
}

void WheelGuard::protect(QScrollArea *area)
{
    // The guard filters the application's events, so fields added to the form later (a new
    // destination row) are covered too. It is deleted with the scroll area.
    qApp->installEventFilter(new WheelGuard(area));
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Wheel || !watched->isWidgetType())
        return false;
    auto field = static_cast<QWidget *>(watched);
    if (field->hasFocus()
        || !(qobject_cast<QComboBox *>(field) || qobject_cast<QAbstractSpinBox *>(field)))
        return false;
    if (!m_area->widget() || !m_area->widget()->isAncestorOf(field))
        return false;
    QCoreApplication::sendEvent(m_area->verticalScrollBar(), event);
    return true;
}

} // namespace hubdesk
