// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QLabel>

namespace hubdesk {

// A one-line label that shows "…" at the end of its text when it is narrower than the text,
// and the whole text as its tooltip. Its minimum width is a few characters, so a layout
// shrinks it before its neighbors. text() keeps the whole text.
class ElidingLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidingLabel)

public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    // The text as drawn at the label's current width.
    QString shownText() const;

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace hubdesk
