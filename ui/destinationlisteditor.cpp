// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "destinationlisteditor.h"

#include "destinationmodel.h"
#include "fielderrors.h"
#include "newdestinationdialog.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hubdesk {

DestinationListEditor::DestinationListEditor(DestinationModel *model, FieldErrors *errors,
                                             QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_errors(errors)
    , m_rowsLayout(new QVBoxLayout)
    , m_buttons(new QHBoxLayout)
    , m_addButton(new QPushButton(tr("+ Destination")))
    , m_sectionError(FieldErrors::createLabel(QStringLiteral("destinationsError")))
{
    m_addButton->setObjectName(QStringLiteral("addDestinationButton"));
    m_addButton->setAccessibleName(tr("Add destination row"));
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);

    m_buttons->addWidget(m_addButton);
    m_buttons->addStretch();

    auto layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rowsLayout);
    layout->addWidget(m_sectionError);
    layout->addLayout(m_buttons);
    m_errors->add(QStringLiteral("destinations"), m_addButton, m_sectionError);

    connect(m_addButton, &QPushButton::clicked, this, [this] { addRow(); });
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            &DestinationListEditor::rememberSelections);
}

void DestinationListEditor::setDestinations(const QJsonArray &destinations)
{
    while (!m_rows.isEmpty())
        removeRow(rowCount() - 1);
    for (const QJsonValue &value : destinations) {
        const QJsonObject destination = value.toObject();
        addRow(destination.value(QStringLiteral("destinationId")).toInteger(),
               destination.value(QStringLiteral("active")).toBool(true));
    }
}

QJsonArray DestinationListEditor::destinations() const
{
    QJsonArray destinations;
    for (const Row &row : m_rows) {
        destinations.append(QJsonObject{
            {QStringLiteral("destinationId"), destinationIdOf(row)},
            {QStringLiteral("active"), row.status->currentData().toBool()},
        });
    }
    return destinations;
}

void DestinationListEditor::addRow(qint64 destinationId, bool active)
{
    Row row;
    row.container = new QWidget;
    row.title = new QLabel;
    row.status = new QComboBox;
    row.status->addItem(tr("Active"), true);
    row.status->addItem(tr("Inactive"), false);
    row.status->setCurrentIndex(active ? 0 : 1);
    row.picker = new QComboBox;
    row.picker->setPlaceholderText(tr("Choose a destination"));
    row.picker->setModel(m_model);
    // Connected after setModel(), so that this runs after the combo box's own reset handling,
    // which would otherwise pick the first destination.
    connect(m_model, &QAbstractItemModel::modelReset, row.picker, [this] { restoreSelections(); });
    row.picker->setMinimumContentsLength(24);
    row.picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    row.edit = new QPushButton(tr("Edit…"));
    row.edit->setToolTip(tr("Change the chosen destination's settings or test its connection."));
    row.remove = new QPushButton(tr("Remove"));
    row.error = FieldErrors::createLabel({});
    row.pendingId = destinationId;
    const int modelRow = destinationId > 0 ? m_model->rowOfId(destinationId) : -1;
    row.picker->setCurrentIndex(modelRow);

    auto grid = new QGridLayout(row.container);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(row.title, 0, 0);
    grid->addWidget(new QLabel(tr("Status:")), 0, 1);
    grid->addWidget(row.status, 0, 2);
    grid->addWidget(row.picker, 0, 3);
    grid->addWidget(row.edit, 0, 4);
    grid->addWidget(row.remove, 0, 5);
    grid->addWidget(row.error, 1, 3, 1, 3);
    grid->setColumnStretch(3, 1);
    grid->setColumnMinimumWidth(0,
                                row.title->fontMetrics().horizontalAdvance(tr("Destination 99")));

    QWidget *container = row.container;
    connect(row.edit, &QPushButton::clicked, this, [this, container] {
        for (const Row &row : std::as_const(m_rows)) {
            if (row.container == container) {
                editDestination(row);
                return;
            }
        }
    });
    connect(row.picker, &QComboBox::currentIndexChanged, this,
            &DestinationListEditor::updateEditButtons);
    connect(row.remove, &QPushButton::clicked, this, [this, container] {
        for (int i = 0; i < rowCount(); ++i) {
            if (m_rows.at(i).container == container) {
                removeRow(i);
                return;
            }
        }
    });

    m_rows.append(row);
    m_rowsLayout->addWidget(row.container);
    // A row added after the window was built would come last in the tab order, after the
    // form's buttons; it belongs just before "+ Destination". setTabOrder() ignores a first
    // widget that takes no focus, so the chain is joined at the previous one that does.
    QWidget *previous = m_addButton->previousInFocusChain();
    while (previous != m_addButton && previous->focusPolicy() == Qt::NoFocus)
        previous = previous->previousInFocusChain();
    for (QWidget *control : {static_cast<QWidget *>(row.status), static_cast<QWidget *>(row.picker),
                             static_cast<QWidget *>(row.edit), static_cast<QWidget *>(row.remove)}) {
        QWidget::setTabOrder(previous, control);
        previous = control;
    }
    renumber();
    updateEditButtons();
}

void DestinationListEditor::addButton(QPushButton *button)
{
    m_buttons->insertWidget(m_buttons->count() - 1, button);
}

void DestinationListEditor::showEvent(QShowEvent *event)
{
    // The form may give the editor its parent after adding rows, so the dialog is looked up
    // again once the editor is part of a window.
    updateEditButtons();
    QWidget::showEvent(event);
}

void DestinationListEditor::removeRow(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    const Row removed = m_rows.takeAt(row);
    m_errors->removeKeysStartingWith(QStringLiteral("destinations["));
    delete removed.container;
    renumber();
}

void DestinationListEditor::selectDestination(qint64 destinationId)
{
    for (Row &row : m_rows) {
        if (destinationIdOf(row) == 0) {
            row.pendingId = destinationId;
            row.picker->setCurrentIndex(m_model->rowOfId(destinationId));
            return;
        }
    }
    addRow(destinationId);
}

QComboBox *DestinationListEditor::statusCombo(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows.at(row).status : nullptr;
}

QComboBox *DestinationListEditor::destinationCombo(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows.at(row).picker : nullptr;
}

QPushButton *DestinationListEditor::editButton(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows.at(row).edit : nullptr;
}

QPushButton *DestinationListEditor::removeButton(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows.at(row).remove : nullptr;
}

qint64 DestinationListEditor::destinationIdOf(const Row &row) const
{
    const int index = row.picker->currentIndex();
    if (index >= 0)
        return m_model->index(index, 0).data(DestinationModel::IdRole).toLongLong();
    return row.pendingId;
}

NewDestinationDialog *DestinationListEditor::destinationDialog() const
{
    for (QWidget *ancestor = parentWidget(); ancestor; ancestor = ancestor->parentWidget()) {
        if (auto dialog
            = ancestor->findChild<NewDestinationDialog *>(QString(), Qt::FindDirectChildrenOnly))
            return dialog;
    }
    return nullptr;
}

void DestinationListEditor::editDestination(const Row &row)
{
    const qint64 id = destinationIdOf(row);
    NewDestinationDialog *dialog = destinationDialog();
    if (id <= 0 || !dialog)
        return;
    connect(dialog, &NewDestinationDialog::destinationSaved, this,
            &DestinationListEditor::updateDestination, Qt::UniqueConnection);
    dialog->editDestination(id);
}

void DestinationListEditor::updateDestination(const QJsonObject &destination)
{
    const qint64 id = destination.value(QStringLiteral("id")).toInteger();
    const int modelRow = m_model->rowOfId(id);
    // A new destination is not in the model yet; the form adds it when the dialog closes.
    if (modelRow < 0)
        return;
    QJsonArray destinations;
    for (int i = 0; i < m_model->rowCount(); ++i) {
        destinations.append(
            i == modelRow
                ? destination
                : m_model->index(i, 0).data(DestinationModel::DestinationJsonRole).toJsonObject());
    }
    m_model->setDestinations(destinations);
}

void DestinationListEditor::updateEditButtons()
{
    const bool hasDialog = destinationDialog() != nullptr;
    for (const Row &row : std::as_const(m_rows))
        row.edit->setEnabled(hasDialog && row.picker->currentIndex() >= 0);
}

void DestinationListEditor::rememberSelections()
{
    for (Row &row : m_rows)
        row.pendingId = destinationIdOf(row);
}

void DestinationListEditor::restoreSelections()
{
    for (const Row &row : std::as_const(m_rows))
        row.picker->setCurrentIndex(row.pendingId > 0 ? m_model->rowOfId(row.pendingId) : -1);
}

void DestinationListEditor::renumber()
{
    m_errors->removeKeysStartingWith(QStringLiteral("destinations["));
    for (int i = 0; i < rowCount(); ++i) {
        const Row &row = m_rows.at(i);
        const QString title = tr("Destination %1").arg(i + 1);
        row.title->setText(title);
        row.status->setObjectName(QStringLiteral("destinationStatusCombo%1").arg(i));
        row.status->setAccessibleName(tr("%1 status").arg(title));
        row.picker->setObjectName(QStringLiteral("destinationCombo%1").arg(i));
        row.picker->setAccessibleName(title);
        row.edit->setObjectName(QStringLiteral("editDestinationButton%1").arg(i));
        row.edit->setAccessibleName(tr("Edit %1").arg(title));
        row.remove->setObjectName(QStringLiteral("removeDestinationButton%1").arg(i));
        row.remove->setAccessibleName(tr("Remove %1").arg(title));
        row.error->setObjectName(QStringLiteral("destinationCombo%1Error").arg(i));
        m_errors->add(QStringLiteral("destinations[%1].destinationId").arg(i), row.picker,
                      row.error);
    }
}

} // namespace hubdesk
