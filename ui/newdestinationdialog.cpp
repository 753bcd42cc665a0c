// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "newdestinationdialog.h"

#include "destinationpages.h"
#include "engineclient.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace hubdesk {

NewDestinationDialog::NewDestinationDialog(EngineClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_name(new QLineEdit)
    , m_kind(new QComboBox)
    , m_settingsGroup(new QGroupBox)
    , m_pages(new QStackedWidget)
    , m_advancedButton(new QToolButton)
    , m_advanced(new AdvancedDestinationSettings(&m_errors))
    , m_testIcon(new QLabel)
    , m_testLabel(new QLabel)
    , m_testButton(new QPushButton(tr("Test Connection")))
    , m_generalError(FieldErrors::createLabel(QStringLiteral("newDestinationError")))
{
    setObjectName(QStringLiteral("newDestinationDialog"));
    setWindowTitle(tr("New Destination"));
    createLayout();

    connect(m_kind, &QComboBox::currentIndexChanged, this, &NewDestinationDialog::showPage);
    connect(m_advancedButton, &QToolButton::clicked, this,
            [this] { setAdvancedVisible(m_advanced->isHidden()); });
    connect(m_testButton, &QPushButton::clicked, this, &NewDestinationDialog::testConnection);
    connect(m_advanced, &SettingsSection::messageRequested, this,
            &NewDestinationDialog::showMessage);
    // The test button's text shows whether it saves first, so it is updated on every change.
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::textChanged, this, &NewDestinationDialog::updateTestButton);
    for (QComboBox *box : findChildren<QComboBox *>())
        connect(box, &QComboBox::currentIndexChanged, this,
                &NewDestinationDialog::updateTestButton);
    for (QSpinBox *spin : findChildren<QSpinBox *>())
        connect(spin, &QSpinBox::valueChanged, this, &NewDestinationDialog::updateTestButton);
    for (QPlainTextEdit *edit : findChildren<QPlainTextEdit *>())
        connect(edit, &QPlainTextEdit::textChanged, this, &NewDestinationDialog::updateTestButton);
    for (QAbstractButton *button : findChildren<QAbstractButton *>()) {
        if (button->isCheckable())
            connect(button, &QAbstractButton::toggled, this,
                    &NewDestinationDialog::updateTestButton);
    }
    showPage(0);
}

NewDestinationDialog::~NewDestinationDialog()
{
    if (m_job)
        m_job->abort();
}

void NewDestinationDialog::createLayout()
{
    m_name->setObjectName(QStringLiteral("destinationNameEdit"));
    m_name->setAccessibleName(tr("Destination name"));
    m_name->setPlaceholderText(tr("A name that says where the files go"));
    m_kind->setObjectName(QStringLiteral("destinationKindCombo"));
    m_kind->setAccessibleName(tr("Destination kind"));

    const QList<DestinationPage *> pages{new FolderPage(&m_errors), new SftpPage(&m_errors),
                                         new AzureBlobPage(&m_errors), new HttpsPage(&m_errors)};
    const QStringList kindNames{tr("Folder"), tr("SFTP"), tr("Azure Blob Storage"), tr("HTTPS")};
    for (qsizetype i = 0; i < pages.size(); ++i) {
        m_kind->addItem(kindNames.at(i), pages.at(i)->kind());
        m_pages->addWidget(pages.at(i));
        connect(pages.at(i), &SettingsSection::messageRequested, this,
                &NewDestinationDialog::showMessage);
    }

    auto form = new QFormLayout;
    form->addRow(tr("Name:"), m_errors.wrap(QStringLiteral("name"), m_name));
    form->addRow(tr("Kind:"), m_errors.wrap(QStringLiteral("kind"), m_kind));
    m_errors.setFallbackLabel(m_generalError);

    m_settingsGroup->setObjectName(QStringLiteral("destinationSettingsGroup"));
    (new QVBoxLayout(m_settingsGroup))->addWidget(m_pages);

    m_advancedButton->setObjectName(QStringLiteral("advancedButton"));
    m_advancedButton->setAccessibleName(tr("Show advanced settings"));
    m_advancedButton->setText(tr("Advanced"));
    m_advancedButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedButton->setAutoRaise(true);
    m_advancedButton->setArrowType(Qt::RightArrow);
    m_advanced->setObjectName(QStringLiteral("advancedSettings"));
    m_advanced->setContentsMargins(20, 0, 0, 0);
    m_advanced->hide();

    m_testIcon->setObjectName(QStringLiteral("testResultIcon"));
    m_testLabel->setObjectName(QStringLiteral("testResultLabel"));
    m_testLabel->setAccessibleName(tr("Test Connection result"));
    m_testLabel->setWordWrap(true);
    m_testLabel->setTextFormat(Qt::PlainText);
    m_testLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto testRow = new QHBoxLayout;
    testRow->addWidget(m_testIcon, 0, Qt::AlignTop);
    testRow->addWidget(m_testLabel, 1);
    showTestResult(TestState::None, {});

    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    auto buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    m_saveButton = buttons->button(QDialogButtonBox::Save);
    m_saveButton->setObjectName(QStringLiteral("saveDestinationButton"));
    m_cancelButton = buttons->button(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelDestinationButton"));

    auto layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_settingsGroup);
    layout->addWidget(m_advancedButton, 0, Qt::AlignLeft);
    layout->addWidget(m_advanced);
    layout->addStretch();
    layout->addLayout(testRow);
    layout->addWidget(m_generalError);
    auto buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_testButton);
    buttonRow->addStretch();
    buttonRow->addWidget(buttons);
    layout->addLayout(buttonRow);
    setMinimumWidth(600);

    connect(buttons, &QDialogButtonBox::accepted, this, &NewDestinationDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewDestinationDialog::reject);
}

void NewDestinationDialog::reset()
{
    if (m_job)
        m_job->abort();
    setWindowTitle(tr("New Destination"));
    setEditing(0);
    m_createdId = 0;
    m_kind->setCurrentIndex(0);
    load({});
    m_name->setFocus();
}

void NewDestinationDialog::editDestination(qint64 id)
{
    if (m_job)
        m_job->abort();
    setWindowTitle(tr("Edit Destination"));
    setEditing(id);
    m_createdId = 0;
    load({});
    m_name->setPlaceholderText(tr("Loading…"));
    showTestResult(TestState::None, {});

    m_job = m_client->fetchDestination(id);
    connect(m_job, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_job.clear();
        m_name->setPlaceholderText(tr("A name that says where the files go"));
        if (result.ok())
            load(result.body.object());
        else
            showMessage(result.errorMessage);
        updateButtons();
    });
    updateButtons();
    open();
}

void NewDestinationDialog::setEditing(qint64 id)
{
    m_id = id;
    m_savedThisSession = false;
    m_deleteFailed = false;
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip({});
    // The engine keeps secrets by name, and names such as "password" mean different things
    // in different kinds, so a saved destination keeps its kind.
    m_kind->setEnabled(id == 0);
    m_kind->setToolTip(id == 0 ? QString()
                               : tr("A saved destination keeps its kind. To deliver another "
                                    "way, create a new destination."));
}

void NewDestinationDialog::load(const QJsonObject &destination)
{
    m_errors.clear();
    const QJsonObject settings = destination.value(QStringLiteral("settings")).toObject();
    m_name->setText(destination.value(QStringLiteral("name")).toString());
    const int kindIndex = m_kind->findData(destination.value(QStringLiteral("kind")).toString());
    if (kindIndex >= 0)
        m_kind->setCurrentIndex(kindIndex);
    m_loadedSettings = settings;
    currentPage()->setSettings(settings);
    m_advanced->setSettings(settings);
    // Opens Advanced when the settings contain a time-out or retry setting.
    setAdvancedVisible(settings.contains(QStringLiteral("timeoutSeconds"))
                       || settings.contains(QStringLiteral("retry")));
    m_savedJson = destinationJson();
    updateButtons();
}

void NewDestinationDialog::showPage(int index)
{
    m_pages->setCurrentIndex(index);
    // The stacked widget takes the size of the page it shows, not of its largest page.
    for (int i = 0; i < m_pages->count(); ++i) {
        m_pages->widget(i)->setSizePolicy(
            QSizePolicy::Preferred, i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    }
    m_settingsGroup->setTitle(tr("%1 Settings").arg(m_kind->itemText(index)));
    m_settingsGroup->setAccessibleName(m_settingsGroup->title());

    m_errors.clear();
    m_errors.removeKeysStartingWith(QStringLiteral("settings."));
    currentPage()->registerErrors();
    m_advanced->registerErrors();
    if (m_id == 0)
        currentPage()->setSettings({});
    showTestResult(TestState::None, {});
    // The layout learns the new page's size only when it handles its layout request, so the
    // dialog fits its height to the page after that.
    if (isVisible())
        QTimer::singleShot(0, this, [this] { resize(width(), sizeHint().height()); });
}

void NewDestinationDialog::setAdvancedVisible(bool visible)
{
    m_advancedButton->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_advancedButton->setAccessibleName(visible ? tr("Hide advanced settings")
                                                : tr("Show advanced settings"));
    m_advanced->setVisible(visible);
    if (isVisible())
        QTimer::singleShot(0, this, [this] { resize(width(), sizeHint().height()); });
}

DestinationPage *NewDestinationDialog::currentPage() const
{
    return static_cast<DestinationPage *>(m_pages->currentWidget());
}

QJsonObject NewDestinationDialog::destinationJson() const
{
    QJsonObject settings = m_loadedSettings;
    currentPage()->writeSettings(settings);
    m_advanced->writeSettings(settings);
    return QJsonObject{
        {QStringLiteral("name"), m_name->text().trimmed()},
        {QStringLiteral("kind"), currentPage()->kind()},
        {QStringLiteral("settings"), settings},
    };
}

bool NewDestinationDialog::hasUnsavedChanges() const
{
    return m_id == 0 || destinationJson() != m_savedJson;
}

QString NewDestinationDialog::testMessage() const
{
    return m_testLabel->text();
}

void NewDestinationDialog::save()
{
    if (m_job)
        return;
    if (hasUnsavedChanges())
        saveThen(AfterSave::Close);
    else
        finish();
}

void NewDestinationDialog::testConnection()
{
    if (m_job)
        return;
    if (hasUnsavedChanges())
        saveThen(AfterSave::Test);
    else
        startTest();
}

void NewDestinationDialog::saveThen(AfterSave next)
{
    m_errors.clear();
    showMessage({});
    showTestResult(TestState::None,
                   next == AfterSave::Test ? tr("Saving the destination…") : QString());
    m_saving = true;
    m_job = m_client->saveDestination(m_id, destinationJson());
    connect(m_job, &ApiJob::finished, this, [this, next](const ApiResult &result) {
        m_job.clear();
        m_saving = false;
        const bool rejectRequested = std::exchange(m_rejectAfterSave, false);
        updateButtons();
        if (!result.ok()) {
            showTestResult(TestState::None, {});
            showFailure(result);
            if (rejectRequested)
                reject();
            return;
        }
        const QJsonObject saved = result.body.object();
        if (m_id == 0)
            m_createdId = saved.value(QStringLiteral("id")).toInteger();
        m_id = saved.value(QStringLiteral("id")).toInteger();
        setEditing(m_id);
        m_savedThisSession = true;
        // Cancel deletes a new destination again, but the changes to an existing one stay saved.
        if (m_createdId > 0)
            m_cancelButton->setToolTip(tr("Deletes the destination that Save and Test saved"));
        else
            m_cancelButton->setText(tr("Close"));
        // Reloading shows the secrets just sent as "Stored" and clears them from the fields.
        load(saved);
        emit destinationSaved(saved);
        if (rejectRequested)
            reject();
        else if (next == AfterSave::Close)
            finish();
        else
            startTest();
    });
    updateButtons();
}

void NewDestinationDialog::startTest()
{
    showTestResult(TestState::Running, tr("Testing the connection…"));
    m_job = m_client->testDestination(m_id);
    connect(m_job, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_job.clear();
        updateButtons();
        if (!result.ok()) {
            showTestResult(TestState::Failed, result.errorMessage);
            return;
        }
        const QJsonObject outcome = result.body.object();
        const bool ok = outcome.value(QStringLiteral("ok")).toBool();
        QString message = outcome.value(QStringLiteral("message")).toString();
        if (message.isEmpty())
            message = ok ? tr("The engine reached the destination.")
                         : tr("The engine could not reach the destination.");
        showTestResult(ok ? TestState::Succeeded : TestState::Failed, message);
    });
    updateButtons();
}

void NewDestinationDialog::finish()
{
    if (m_createdId > 0)
        accept();
    else
        done(Edited);
}

void NewDestinationDialog::reject()
{
    // The running save may create the destination, so Cancel waits for its id.
    if (m_saving) {
        m_rejectAfterSave = true;
        return;
    }
    if (m_deleting)
        return;
    if (m_job)
        m_job->abort();
    if (m_createdId > 0 && !m_deleteFailed)
        deleteCreated();
    else if (m_savedThisSession && m_createdId == 0)
        finish();
    else
        QDialog::reject();
}

void NewDestinationDialog::deleteCreated()
{
    const QString name = m_name->text().trimmed();
    showTestResult(TestState::None, tr("Deleting the destination that Save and Test saved…"));
    m_deleting = true;
    m_job = m_client->deleteResource(QStringLiteral("/api/v1/destinations/%1").arg(m_createdId));
    connect(m_job, &ApiJob::finished, this, [this, name](const ApiResult &result) {
        m_job.clear();
        m_deleting = false;
        updateButtons();
        showTestResult(TestState::None, {});
        // 404 means that someone else deleted it already, which is what Cancel requests.
        if (result.ok() || result.httpStatus == 404) {
            m_createdId = 0;
            m_id = 0;
            m_savedThisSession = false;
            QDialog::reject();
            return;
        }
        m_deleteFailed = true;
        m_cancelButton->setText(tr("Close"));
        m_cancelButton->setToolTip({});
        //: %1 is the destination's name, %2 the engine's or the network's error sentence.
        showMessage(tr("Cannot delete \"%1\", which Save and Test saved: %2 Close keeps it "
                       "among the destinations, and Save adds it to this integration.")
                        .arg(name, result.errorMessage));
    });
    updateButtons();
}

void NewDestinationDialog::showFailure(const ApiResult &result)
{
    if (result.fieldErrors.isEmpty()) {
        showMessage(result.errorMessage);
        return;
    }
    if (AdvancedDestinationSettings::hasErrorsFor(result.fieldErrors))
        setAdvancedVisible(true);
    if (QWidget *first = m_errors.show(result.fieldErrors, this))
        first->setFocus();
}

void NewDestinationDialog::showTestResult(TestState state, const QString &message)
{
    m_testState = state;
    QIcon icon;
    if (state == TestState::Succeeded)
        icon = style()->standardIcon(QStyle::SP_DialogApplyButton);
    else if (state == TestState::Failed)
        icon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_testIcon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(size, size));
    m_testIcon->setVisible(!icon.isNull());
    m_testIcon->setAccessibleName(state == TestState::Succeeded ? tr("Connection succeeded")
                                  : state == TestState::Failed  ? tr("Connection failed")
                                                                : QString());
    m_testLabel->setText(message);
    m_testLabel->setVisible(!message.isEmpty());
}

void NewDestinationDialog::showMessage(const QString &message)
{
    m_generalError->setText(message);
    m_generalError->setVisible(!message.isEmpty());
    // The dialog grows to fit the message instead of squeezing the fields. The size is read
    // after the layout has handled the message's new height.
    if (isVisible() && !message.isEmpty())
        QTimer::singleShot(0, this,
                           [this] { resize(width(), std::max(height(), sizeHint().height())); });
}

void NewDestinationDialog::updateButtons()
{
    const bool idle = m_job.isNull();
    m_saveButton->setEnabled(idle);
    m_testButton->setEnabled(idle);
    updateTestButton();
}

void NewDestinationDialog::updateTestButton()
{
    if (hasUnsavedChanges()) {
        m_testButton->setText(tr("Save and Test"));
        m_testButton->setAccessibleName(tr("Save the destination and test the connection"));
        m_testButton->setToolTip(
            m_createdId > 0 || m_id == 0
                ? tr("Saves the destination, then asks the engine to connect to it without "
                     "writing a file. Cancel deletes the new destination again.")
                : tr("Saves the changes, then asks the engine to connect to the destination "
                     "without writing a file."));
    } else {
        m_testButton->setText(tr("Test Connection"));
        m_testButton->setAccessibleName(tr("Test the connection"));
        m_testButton->setToolTip(
            tr("Asks the engine to connect to the saved destination without writing a file."));
    }
}

} // namespace hubdesk
