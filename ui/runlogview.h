// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QJsonArray>
#include <QTimeZone>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace hubdesk {

// The log of one run: time in the district's zone, level and message per line, with Copy Log.
class RunLogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunLogView)

public:
    explicit RunLogView(QWidget *parent = nullptr);

    // Shows log, the "log" array of GET /api/v1/runs/{id}, under the heading title.
    void setLog(const QString &title, const QJsonArray &log, const QTimeZone &zone);
    void clear();
    // The log as tab-separated lines, as Copy Log puts it on the clipboard.
    QString text() const;
    int lineCount() const;

private:
    QJsonArray m_log;
    QLabel *m_title;
    QTreeWidget *m_lines;
    QPushButton *m_copyButton;
};

} // namespace hubdesk
