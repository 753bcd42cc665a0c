// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "previewdialog.h"

#include "previewmodel.h"
#include "schoolyear.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace hubdesk {

namespace {

// Long values such as teacher name lists are cut at this width; the tooltip shows them whole.
constexpr int kMaxColumnWidth = 320;

} // namespace

PreviewDialog::PreviewDialog(QWidget *parent)
    : QDialog(parent)
    , m_model(new PreviewModel(this))
    , m_summary(new QLabel)
    , m_table(new QTableView)
{
    setObjectName(QStringLiteral("previewDialog"));
    setWindowTitle(tr("Preview Output"));
    m_summary->setObjectName(QStringLiteral("previewSummary"));
    m_summary->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setMaximumSectionSize(kMaxColumnWidth);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Values stay on one line, so rows need only the font's height and a small margin.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing() + 6);

    auto buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closePreviewButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(960, 560);
}

void PreviewDialog::setPreview(const QJsonObject &preview)
{
    m_model->setPreview(preview);
    const QString year = schoolYearLabel(m_model->schoolYear());
    QString text = tr("%n rows in total for %1", nullptr, int(m_model->totalRows())).arg(year);
    if (m_model->totalRows() > m_model->rowCount())
        text += QLatin1Char(' ') + tr("(the first %n are shown).", nullptr, m_model->rowCount());
    else
        text += QLatin1Char('.');
    m_summary->setText(text);
    m_table->resizeColumnsToContents();
    m_table->scrollToTop();
}

QString PreviewDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace hubdesk
