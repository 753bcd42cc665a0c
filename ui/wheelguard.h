// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QObject>

class QScrollArea;

namespace hubdesk {

// Keeps the mouse wheel from changing a combo box, spin box or date field that the user has not
// clicked or tabbed into inside a scrolling form: the wheel scrolls the form instead. Without
// it, scrolling past the destination list of the outbound form could pick another destination.
class WheelGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WheelGuard)

public:
    // Guards every field inside this scroll area, including fields added later.
    static void protect(QScrollArea *area);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit WheelGuard(QScrollArea *area);

    QScrollArea *m_area;
};

} // namespace hubdesk
