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

// The log of one run: time in the district's zone, level and message per line, with Copy Log
// and Save Log. A phase id limits the lines to those of one phase.
class RunLogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunLogView)

public:
    explicit RunLogView(QWidget *parent = nullptr);

    // Shows log, the "log" array of GET /api/v1/runs/{id}, under the heading title; with a
    // phaseId above 0, only the lines whose phaseId equals it.
    void setLog(const QString &title, const QJsonArray &log, const QTimeZone &zone,
                qint64 phaseId = 0);
    void clear();
    // The log as tab-separated lines, as Copy Log puts it on the clipboard.
    QString text() const;
    int lineCount() const;
    // The file name that Save Log proposes, such as "run-42-log.txt".
    void setSuggestedFileName(const QString &fileName);
    // Writes the heading and text() to path as UTF-8; returns an error message or an empty
    // string.
    QString saveLog(const QString &path) const;

private:
    void saveWithDialog();

    QJsonArray m_log;
    qint64 m_phaseId = 0;
    QString m_heading;
    QString m_suggestedFileName;
    QLabel *m_title;
    QTreeWidget *m_lines;
    QPushButton *m_copyButton;
    QPushButton *m_saveButton;
};

} // namespace hubdesk
