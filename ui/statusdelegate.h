// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QHash>
#include <QIcon>
#include <QStyledItemDelegate>

namespace hubdesk {

// Shows a run status as its code, its word and an icon whose shape differs per status, such as
// "0 Succeeded" with a green check, so that no status is distinguished by colour alone.
class StatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusDelegate)

public:
    // statusRole is the role that returns the numeric status code of a row.
    explicit StatusDelegate(int statusRole, QObject *parent = nullptr);

    // The code and the word, such as "9 Failed"; empty when the row has no status.
    static QString statusLabel(const QVariant &status);
    static QIcon statusIcon(int status);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_statusRole;
    // Icons by status code, drawn once per delegate.
    mutable QHash<int, QIcon> m_icons;
};

} // namespace hubdesk
