// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QStyledItemDelegate>

class QFontMetrics;

namespace hubdesk {

// Shows the Phase Name column of the runbook. A run's name that is too long for its cell keeps
// its label, "Integration Instance Id N", whole and loses the middle of the rest, so the run id
// never elides while the cell is at least minimumWidth() wide. Other rows elide with the
// view's textElideMode.
class RunNameDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunNameDelegate)

public:
    // labelRole is the role that returns the label that a row's text starts with, or nothing.
    explicit RunNameDelegate(int labelRole, QObject *parent = nullptr);

    // Fits text, which starts with label, into width pixels: the whole text when it fits, else
    // label followed by the rest with its middle elided, else label alone.
    static QString fitText(const QString &text, const QString &label, const QFontMetrics &metrics,
                           int width);
    // The cell width in pixels that shows label and an ellipsis after it, with the style's text
    // margins.
    static int minimumWidth(const QString &label, const QFontMetrics &metrics,
                            const QWidget *widget);
    // The text that the cell of index shows in option's rectangle.
    QString shownText(const QStyleOptionViewItem &option, const QModelIndex &index) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_labelRole;
};

} // namespace hubdesk
