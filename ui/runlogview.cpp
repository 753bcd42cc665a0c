// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "runlogview.h"

#include "timeformat.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hubdesk {

namespace {

enum Column { TimeColumn, LevelColumn, MessageColumn };

// Lays out each message in its own direction. The engine writes its log in English, and a
// right-to-left page would otherwise show "Reading dates.zip." as ".Reading dates.zip" and
// elide a long line at its beginning.
class MessageDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->direction = option->text.isRightToLeft() ? Qt::RightToLeft : Qt::LeftToRight;
        option->displayAlignment = Qt::AlignLeading | Qt::AlignVCenter;
    }
};

} // namespace

RunLogView::RunLogView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("Select a run to see its log.")))
    , m_lines(new QTreeWidget)
    , m_copyButton(new QPushButton(tr("Copy Log")))
    , m_saveButton(new QPushButton(tr("Save Log...")))
{
    setObjectName(QStringLiteral("runLogView"));
    m_title->setObjectName(QStringLiteral("runLogTitle"));
    m_lines->setObjectName(QStringLiteral("runLogLines"));
    m_lines->setAccessibleName(tr("Run log"));
    m_lines->setHeaderLabels({tr("Time"), tr("Level"), tr("Message")});
    m_lines->setRootIsDecorated(false);
    m_lines->setUniformRowHeights(true);
    m_lines->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_lines->header()->setStretchLastSection(true);
    m_lines->setItemDelegateForColumn(MessageColumn, new MessageDelegate(m_lines));
    m_copyButton->setObjectName(QStringLiteral("copyLogButton"));
    m_copyButton->setAccessibleName(tr("Copy the log to the clipboard"));
    m_copyButton->setEnabled(false);
    m_saveButton->setObjectName(QStringLiteral("saveLogButton"));
    m_saveButton->setAccessibleName(tr("Save the log to a text file"));
    m_saveButton->setEnabled(false);

    auto top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_copyButton);
    top->addWidget(m_saveButton);

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_lines, 1);

    connect(m_copyButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(text()); });
    connect(m_saveButton, &QPushButton::clicked, this, &RunLogView::saveWithDialog);
}

void RunLogView::setLog(const QString &title, const QJsonArray &log, const QTimeZone &zone,
                        qint64 phaseId)
{
    // The newest line is the one to read, such as the final error of a failed run. Another
    // run or phase opens at it, and a growing log follows it unless the user scrolled up.
    const QScrollBar *bar = m_lines->verticalScrollBar();
    const bool sameSource = title == m_heading && phaseId == m_phaseId;
    const bool followNewest = !sameSource || bar->value() == bar->maximum();
    const int firstVisibleRow = m_lines->indexAt(QPoint(0, 0)).row();
    m_title->setText(title);
    m_heading = title;
    // The runbook refreshes active runs every few seconds; an unchanged log keeps its scroll
    // position and selection.
    if (log == m_log && phaseId == m_phaseId && !log.isEmpty())
        return;
    m_log = log;
    m_phaseId = phaseId;
    m_lines->clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(log.size());
    for (const QJsonValue &value : log) {
        const QJsonObject line = value.toObject();
        if (phaseId > 0 && line.value(QStringLiteral("phaseId")).toInteger() != phaseId)
            continue;
        const QDateTime at = parseEngineTime(line.value(QStringLiteral("at")).toString());
        items.append(new QTreeWidgetItem(QStringList{
            formatDistrictTime(at, zone),
            line.value(QStringLiteral("level")).toString(),
            line.value(QStringLiteral("message")).toString(),
        }));
    }
    m_lines->addTopLevelItems(items);
    m_lines->resizeColumnToContents(TimeColumn);
    m_lines->resizeColumnToContents(LevelColumn);
    if (followNewest)
        m_lines->scrollToBottom();
    else if (firstVisibleRow >= 0 && firstVisibleRow < m_lines->topLevelItemCount())
        m_lines->scrollToItem(m_lines->topLevelItem(firstVisibleRow),
                              QAbstractItemView::PositionAtTop);
    m_copyButton->setEnabled(!items.isEmpty());
    m_saveButton->setEnabled(!items.isEmpty());
}

void RunLogView::clear()
{
    m_title->setText(tr("Select a run to see its log."));
    m_log = {};
    m_phaseId = 0;
    m_heading.clear();
    m_lines->clear();
    m_copyButton->setEnabled(false);
    m_saveButton->setEnabled(false);
}

QString RunLogView::text() const
{
    QStringList lines;
    for (int i = 0; i < m_lines->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_lines->topLevelItem(i);
        lines.append(
            QStringList{item->text(TimeColumn), item->text(LevelColumn), item->text(MessageColumn)}
                .join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n'));
}

int RunLogView::lineCount() const
{
    return m_lines->topLevelItemCount();
}

void RunLogView::setSuggestedFileName(const QString &fileName)
{
    m_suggestedFileName = fileName;
}

QString RunLogView::saveLog(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    file.write((m_heading + QLatin1String("\n\n") + text() + QLatin1Char('\n')).toUtf8());
    if (!file.commit())
        return tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

void RunLogView::saveWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Log"), m_suggestedFileName,
                                                      tr("Text files (*.txt)"));
    if (path.isEmpty())
        return;
    const QString error = saveLog(path);
    m_title->setText(
        error.isEmpty() ? tr("Saved the log to %1.").arg(QDir::toNativeSeparators(path)) : error);
}

} // namespace hubdesk
