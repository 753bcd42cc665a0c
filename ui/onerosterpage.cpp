// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "onerosterpage.h"

#include "engineclient.h"
#include "schoolyear.h"
#include "timeformat.h"
#include "wheelguard.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimeZone>
#include <QTimer>
#include <QTreeWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <iterator>

namespace hubdesk {

namespace {

const QString kApplications = QStringLiteral("/api/v1/oneroster/applications");

struct ScopeText
{
    const char *name;
    const char *description;
};

// The scopes in the order the engine lists them, with what each lets a vendor do.
const ScopeText kScopeTexts[] = {
    {"roster-core.readonly", QT_TRANSLATE_NOOP("hubdesk::OneRosterPage",
                                               "Read orgs, schools, sessions, courses, classes, "
                                               "users and enrollments")},
    {"roster.readonly", QT_TRANSLATE_NOOP("hubdesk::OneRosterPage",
                                          "Read all rostering data, with relationships such as "
                                          "a class's students and demographics")},
    {"roster-demographics.readonly",
     QT_TRANSLATE_NOOP("hubdesk::OneRosterPage", "Read demographics only")},
    {"gradebook-core.readonly", QT_TRANSLATE_NOOP("hubdesk::OneRosterPage",
                                                  "Read categories, line items, results and "
                                                  "score scales (OneRoster 1.2)")},
    {"gradebook.readonly", QT_TRANSLATE_NOOP("hubdesk::OneRosterPage", "Read the gradebook")},
    {"gradebook.createput",
     QT_TRANSLATE_NOOP("hubdesk::OneRosterPage", "Create and update gradebook records")},
    {"gradebook.delete", QT_TRANSLATE_NOOP("hubdesk::OneRosterPage", "Delete gradebook records")},
    {"resource.readonly", QT_TRANSLATE_NOOP("hubdesk::OneRosterPage", "Read learning resources")},
};

QLineEdit *readOnlyField(const QString &objectName)
{
    auto field = new QLineEdit;
    field->setObjectName(objectName);
    field->setReadOnly(true);
    return field;
}

} // namespace

OneRosterPage::OneRosterPage(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_list(new QTreeWidget)
    , m_name(new QLineEdit)
    , m_vendor(new QLineEdit)
    , m_schoolYear(new QComboBox)
    , m_active(new QCheckBox(tr("Active")))
    , m_scopeWarning(new QLabel)
    , m_roleNote(new QLabel)
    , m_settings(new QWidget)
    , m_fieldErrors(FieldErrors::createLabel(QStringLiteral("applicationFieldErrors")))
    , m_formScroll(new QScrollArea)
    , m_saveButton(new QPushButton)
    , m_newButton(new QPushButton(tr("New Application")))
    , m_resetButton(new QPushButton(tr("Reset Secret")))
    , m_deleteButton(new QPushButton(tr("Delete")))
    , m_credentials(new QGroupBox(tr("Client Credentials")))
    , m_clientId(readOnlyField(QStringLiteral("clientIdEdit")))
    , m_clientSecret(readOnlyField(QStringLiteral("clientSecretEdit")))
    , m_tokenUrl(readOnlyField(QStringLiteral("tokenUrlEdit")))
    , m_baseUrl11(readOnlyField(QStringLiteral("baseUrl11Edit")))
    , m_rosteringUrl12(readOnlyField(QStringLiteral("rosteringUrl12Edit")))
    , m_gradebookUrl12(readOnlyField(QStringLiteral("gradebookUrl12Edit")))
    , m_resourcesUrl12(readOnlyField(QStringLiteral("resourcesUrl12Edit")))
    , m_message(new QLabel)
    , m_activity(new QTreeWidget)
{
    setObjectName(QStringLiteral("oneRosterPage"));

    m_list->setObjectName(QStringLiteral("applicationList"));
    m_list->setAccessibleName(tr("OneRoster applications"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Vendor"), tr("School Year"), tr("Scopes"),
                             tr("Status")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &OneRosterPage::onSelectionChanged);

    auto title = new QLabel(tr("OneRoster"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto form = new QWidget;
    QHBoxLayout *formButtons = buildForm(form);
    // The form scrolls on a short screen instead of pushing the page past it.
    QScrollArea *formScroll = m_formScroll;
    formScroll->setObjectName(QStringLiteral("oneRosterFormScroll"));
    formScroll->setWidgetResizable(true);
    formScroll->setFrameShape(QFrame::NoFrame);
    formScroll->setWidget(form);
    formScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Tab goes to the form's fields, not to the scroll area around them.
    formScroll->setFocusPolicy(Qt::NoFocus);
    formScroll->setMinimumWidth(form->minimumSizeHint().width()
                                + formScroll->verticalScrollBar()->sizeHint().width());
    WheelGuard::protect(formScroll);

    // The actions stay below the scrolled form, so that Register shows without scrolling.
    auto formColumn = new QVBoxLayout;
    formColumn->addWidget(formScroll, 1);
    formColumn->addLayout(formButtons);

    auto top = new QHBoxLayout;
    top->addWidget(m_list, 3);
    top->addLayout(formColumn, 4);

    m_message->setObjectName(QStringLiteral("oneRosterMessage"));
    m_message->setWordWrap(true);

    m_activity->setObjectName(QStringLiteral("oneRosterActivityList"));
    m_activity->setAccessibleName(tr("OneRoster requests per hour"));
    m_activity->setRootIsDecorated(false);
    m_activity->setHeaderLabels(
        {tr("Hour"), tr("Application"), tr("Requests"), tr("Errors"), tr("Data")});
    m_activity->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_activity->header()->setStretchLastSection(false);
    m_activity->setMaximumHeight(160);
    auto activityBox = new QGroupBox(tr("Requests in the Last 24 Hours"));
    auto activityLayout = new QVBoxLayout(activityBox);
    activityLayout->addWidget(m_activity);

    // The URLs come first, in the page's reading and Tab order, so that they show without
    // scrolling in the default window.
    auto layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(buildVendorUrls());
    layout->addLayout(top, 1);
    layout->addWidget(activityBox);
    layout->addWidget(m_message);

    startNew();
}

OneRosterPage::~OneRosterPage()
{
    if (m_fetchJob)
        m_fetchJob->abort();
    if (m_saveJob)
        m_saveJob->abort();
    if (m_activityJob)
        m_activityJob->abort();
}

QHBoxLayout *OneRosterPage::buildForm(QWidget *form)
{
    m_name->setObjectName(QStringLiteral("applicationNameEdit"));
    m_name->setAccessibleName(tr("Application name"));
    m_vendor->setObjectName(QStringLiteral("applicationVendorEdit"));
    m_vendor->setAccessibleName(tr("Vendor"));
    m_schoolYear->setObjectName(QStringLiteral("applicationSchoolYearCombo"));
    m_schoolYear->addItem(tr("Every school year"), QVariant());
    const int current = schoolYearEnding(QDate::currentDate());
    for (int year = current - 1; year <= current + 1; ++year)
        m_schoolYear->addItem(schoolYearLabel(year), year);
    m_active->setObjectName(QStringLiteral("applicationActiveCheck"));

    auto fields = new QFormLayout;
    fields->addRow(tr("&Name:"), m_errors.wrap(QStringLiteral("name"), m_name));
    fields->addRow(tr("&Vendor:"), m_errors.wrap(QStringLiteral("vendor"), m_vendor));
    fields->addRow(tr("School &year:"), m_errors.wrap(QStringLiteral("schoolYear"), m_schoolYear));
    fields->addRow(QString(), m_errors.wrap(QStringLiteral("active"), m_active));

    auto scopeBox = new QGroupBox(tr("Scopes"));
    scopeBox->setObjectName(QStringLiteral("scopeBox"));
    auto scopeLayout = new QVBoxLayout(scopeBox);
    for (const ScopeText &scope : kScopeTexts) {
        const QString name = QLatin1String(scope.name);
        //: A scope's short name and what it allows.
        auto check = new QCheckBox(tr("%1: %2").arg(name, tr(scope.description)));
        check->setObjectName(QStringLiteral("scope_") + name);
        connect(check, &QCheckBox::toggled, this, &OneRosterPage::updateScopeWarning);
        scopeLayout->addWidget(check);
        m_scopes.insert(name, check);
    }
    m_scopeWarning->setObjectName(QStringLiteral("scopeWarningLabel"));
    m_scopeWarning->setWordWrap(true);
    m_scopeWarning->setText(tr("No scope is chosen, so no data will transfer to this "
                               "application. roster-core.readonly covers what most vendors "
                               "need."));
    m_scopeWarning->setStyleSheet(QStringLiteral("color: #a33;"));
    scopeLayout->addWidget(m_scopeWarning);
    QLabel *scopeError = FieldErrors::createLabel(QStringLiteral("scopeBoxError"));
    scopeLayout->addWidget(scopeError);
    m_errors.add(QStringLiteral("scopes"), scopeBox, scopeError);
    // Messages for keys without a field of their own.
    m_errors.setFallbackLabel(m_fieldErrors);

    m_saveButton->setObjectName(QStringLiteral("saveApplicationButton"));
    m_newButton->setObjectName(QStringLiteral("newApplicationButton"));
    m_resetButton->setObjectName(QStringLiteral("resetSecretButton"));
    m_deleteButton->setObjectName(QStringLiteral("deleteApplicationButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &OneRosterPage::save);
    connect(m_newButton, &QPushButton::clicked, this, &OneRosterPage::startNew);
    connect(m_resetButton, &QPushButton::clicked, this, &OneRosterPage::resetSecret);
    connect(m_deleteButton, &QPushButton::clicked, this, &OneRosterPage::deleteSelected);
    auto buttons = new QHBoxLayout;
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_resetButton);
    buttons->addWidget(m_deleteButton);
    buttons->addStretch(1);
    buttons->addWidget(m_newButton);

    m_credentials->setObjectName(QStringLiteral("credentialsBox"));
    auto credentials = new QFormLayout(m_credentials);
    auto once = new QLabel(tr("Copy the secret now. It will not be shown again, and it "
                              "disappears when you refresh the list or select another "
                              "application. Reset Secret issues a new one."));
    once->setObjectName(QStringLiteral("secretNoticeLabel"));
    once->setWordWrap(true);
    credentials->addRow(once);
    auto clientIdRow = new QHBoxLayout;
    clientIdRow->addWidget(m_clientId, 1);
    clientIdRow->addWidget(newCopyButton(m_clientId, QStringLiteral("copyClientIdButton")));
    auto clientSecretRow = new QHBoxLayout;
    clientSecretRow->addWidget(m_clientSecret, 1);
    clientSecretRow->addWidget(
        newCopyButton(m_clientSecret, QStringLiteral("copyClientSecretButton")));
    credentials->addRow(tr("Client ID:"), clientIdRow);
    credentials->addRow(tr("Client secret:"), clientSecretRow);

    m_roleNote->setObjectName(QStringLiteral("oneRosterRoleNote"));
    m_roleNote->setWordWrap(true);
    m_roleNote->setText(tr("Your role can see the applications and copy what a vendor needs. "
                           "A district administrator registers, changes and deletes them."));
    m_roleNote->hide();

    // The settings of the selected application. A role that cannot register applications gets
    // them only while one is selected.
    m_settings->setObjectName(QStringLiteral("applicationSettings"));
    auto settings = new QVBoxLayout(m_settings);
    settings->setContentsMargins(0, 0, 0, 0);
    settings->addLayout(fields);
    settings->addWidget(scopeBox);
    settings->addWidget(m_fieldErrors);

    auto layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_roleNote);
    layout->addWidget(m_settings);
    layout->addWidget(m_credentials);
    layout->addStretch(1);
    return buttons;
}

QPushButton *OneRosterPage::newCopyButton(QLineEdit *field, const QString &objectName)
{
    auto copy = new QPushButton(tr("Copy"));
    copy->setObjectName(objectName);
    connect(copy, &QPushButton::clicked, this, [this, field] {
        QApplication::clipboard()->setText(field->text());
        showMessage(tr("Copied to the clipboard."));
    });
    return copy;
}

QGroupBox *OneRosterPage::buildVendorUrls()
{
    struct UrlRow
    {
        QLineEdit *field;
        QString label;
        QString copyName;
        QString copyAccessibleName;
    };
    // OneRoster 1.2 has a base URL per service.
    const UrlRow rows[] = {
        {m_tokenUrl, tr("Token URL:"), QStringLiteral("copyTokenUrlButton"),
         tr("Copy the token URL")},
        {m_baseUrl11, tr("OneRoster 1.1:"), QStringLiteral("copyBaseUrl11Button"),
         tr("Copy the OneRoster 1.1 base URL")},
        {m_rosteringUrl12, tr("OneRoster 1.2 rostering:"),
         QStringLiteral("copyRosteringUrl12Button"),
         tr("Copy the OneRoster 1.2 rostering base URL")},
        {m_gradebookUrl12, tr("OneRoster 1.2 gradebook:"),
         QStringLiteral("copyGradebookUrl12Button"),
         tr("Copy the OneRoster 1.2 gradebook base URL")},
        {m_resourcesUrl12, tr("OneRoster 1.2 resources:"),
         QStringLiteral("copyResourcesUrl12Button"),
         tr("Copy the OneRoster 1.2 resources base URL")},
    };

    // Two URLs a line, filled line by line, keep the box short. Each URL takes a label, its
    // field and the field's Copy button in grid columns 0-2 or 4-6, with a gap in column 3.
    auto urls = new QGroupBox(tr("Give the Vendor"));
    urls->setObjectName(QStringLiteral("vendorUrlBox"));
    auto grid = new QGridLayout(urls);
    constexpr int kUrlsPerLine = 2;
    constexpr int kColumnsPerUrl = 4;
    for (int i = 0; i < int(std::size(rows)); ++i) {
        const UrlRow &row = rows[i];
        const int line = i / kUrlsPerLine;
        const int column = (i % kUrlsPerLine) * kColumnsPerUrl;
        auto label = new QLabel(row.label);
        label->setBuddy(row.field);
        row.field->setAccessibleName(QString(row.label).remove(QLatin1Char(':')));
        QPushButton *copy = newCopyButton(row.field, row.copyName);
        copy->setAccessibleName(row.copyAccessibleName);
        grid->addWidget(label, line, column);
        grid->addWidget(row.field, line, column + 1);
        grid->addWidget(copy, line, column + 2);
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(5, 1);
    grid->setColumnMinimumWidth(3, 2 * urls->fontMetrics().averageCharWidth());
    return urls;
}

void OneRosterPage::refresh()
{
    hideCredentials();
    scrollFormToTop();
    reload();
}

void OneRosterPage::reload()
{
    const QString origin = m_client->baseUrl().toString(QUrl::RemovePath | QUrl::StripTrailingSlash);
    m_tokenUrl->setText(origin + QStringLiteral("/oauth/token"));
    m_baseUrl11->setText(origin + QStringLiteral("/ims/oneroster/v1p1"));
    m_rosteringUrl12->setText(origin + QStringLiteral("/ims/oneroster/rostering/v1p2"));
    m_gradebookUrl12->setText(origin + QStringLiteral("/ims/oneroster/gradebook/v1p2"));
    m_resourcesUrl12->setText(origin + QStringLiteral("/ims/oneroster/resources/v1p2"));
    // A narrow field shows the end of its URL, and the tool tip all of it.
    for (QLineEdit *field :
         {m_tokenUrl, m_baseUrl11, m_rosteringUrl12, m_gradebookUrl12, m_resourcesUrl12})
        field->setToolTip(field->text());

    // An aborted job still reports its result, "cancelled", which is no error to show.
    if (m_fetchJob) {
        m_fetchJob->disconnect(this);
        m_fetchJob->abort();
    }
    if (m_activityJob) {
        m_activityJob->disconnect(this);
        m_activityJob->abort();
    }
    m_fetchJob = m_client->get(kApplications);
    connect(m_fetchJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        if (!result.ok()) {
            showMessage(tr("Cannot load the OneRoster applications: %1").arg(result.errorMessage));
            emit refreshed();
            return;
        }
        m_applications = result.body.object().value(QStringLiteral("applications")).toArray();
        const qint64 keep = m_selectedId;
        m_list->clear();
        for (const QJsonValue &value : std::as_const(m_applications)) {
            const QJsonObject application = value.toObject();
            const QJsonValue year = application.value(QStringLiteral("schoolYear"));
            auto item = new QTreeWidgetItem(
                {application.value(QStringLiteral("name")).toString(),
                 application.value(QStringLiteral("vendor")).toString(),
                 year.isNull() ? tr("Every year") : schoolYearLabel(year.toInt()),
                 QString::number(application.value(QStringLiteral("scopes")).toArray().size()),
                 application.value(QStringLiteral("active")).toBool() ? tr("Active")
                                                                      : tr("Inactive")});
            item->setData(0, Qt::UserRole, application.value(QStringLiteral("id")).toInteger());
            m_list->addTopLevelItem(item);
        }
        if (keep != 0)
            selectApplication(keep);
        loadActivity();
    });
}

void OneRosterPage::loadActivity()
{
    // The engine keeps one row per application and UTC hour.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("from"),
                       now.addSecs(-24 * 3600).toString(Qt::ISODateWithMs));
    m_activityJob = m_client->get(QStringLiteral("/api/v1/oneroster/activity"), query);
    connect(m_activityJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        m_activity->clear();
        if (!result.ok()) {
            showMessage(tr("Cannot load the OneRoster activity: %1").arg(result.errorMessage));
            emit refreshed();
            return;
        }
        const QTimeZone zone(m_client->districtTimeZone());
        const QJsonArray lines = result.body.object().value(QStringLiteral("activity")).toArray();
        // The engine lists the oldest hour first; the newest goes on top.
        for (qsizetype i = lines.size() - 1; i >= 0; --i) {
            const QJsonObject line = lines.at(i).toObject();
            const QDateTime hour = parseEngineTime(line.value(QStringLiteral("hourStart")).toString());
            auto item = new QTreeWidgetItem(
                {formatDistrictTime(hour, zone), line.value(QStringLiteral("application")).toString(),
                 QLocale().toString(line.value(QStringLiteral("requests")).toInteger()),
                 QLocale().toString(line.value(QStringLiteral("errors")).toInteger()),
                 QLocale().formattedDataSize(line.value(QStringLiteral("bytes")).toInteger())});
            for (int column = 2; column < 5; ++column)
                item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
            m_activity->addTopLevelItem(item);
        }
        if (lines.isEmpty()) {
            auto item = new QTreeWidgetItem(
                {tr("No application has called the OneRoster API in the last 24 hours.")});
            m_activity->addTopLevelItem(item);
            item->setFirstColumnSpanned(true);
            item->setFlags(Qt::NoItemFlags);
        }
        emit refreshed();
    });
}

void OneRosterPage::clear()
{
    for (ApiJob *job : {m_fetchJob.data(), m_saveJob.data(), m_activityJob.data()}) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
    m_applications = {};
    m_list->clear();
    m_activity->clear();
    startNew();
    showMessage({});
}

void OneRosterPage::startNew()
{
    m_list->clearSelection();
    m_selectedId = 0;
    fillForm({});
    hideCredentials();
    scrollFormToTop();
}

bool OneRosterPage::selectApplication(qint64 id)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toLongLong() == id) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

void OneRosterPage::onSelectionChanged()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    const qint64 id = selected.first()->data(0, Qt::UserRole).toLongLong();
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    for (const QJsonValue &value : std::as_const(m_applications)) {
        if (value[QStringLiteral("id")].toInteger() == id)
            fillForm(value.toObject());
    }
    hideCredentials();
    scrollFormToTop();
}

void OneRosterPage::scrollFormToTop()
{
    // The credentials below the form may have scrolled it down, past the Name field.
    m_formScroll->verticalScrollBar()->setValue(0);
}

void OneRosterPage::fillForm(const QJsonObject &application)
{
    const bool isNew = application.isEmpty();
    m_name->setText(application.value(QStringLiteral("name")).toString());
    m_vendor->setText(application.value(QStringLiteral("vendor")).toString());
    const QJsonValue year = application.value(QStringLiteral("schoolYear"));
    const int index = year.isDouble() ? m_schoolYear->findData(year.toInt()) : 0;
    m_schoolYear->setCurrentIndex(index < 0 ? 0 : index);
    m_active->setChecked(isNew || application.value(QStringLiteral("active")).toBool());
    const QJsonArray scopes = application.value(QStringLiteral("scopes")).toArray();
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it)
        it.value()->setChecked(isNew ? it.key() == QLatin1String("roster-core.readonly")
                                     : scopes.contains(it.key()));
    m_saveButton->setText(isNew ? tr("Register") : tr("Save Changes"));
    m_resetButton->setEnabled(!isNew);
    m_deleteButton->setEnabled(!isNew);
    m_errors.clear();
    updateScopeWarning();
    updateEditing();
}

void OneRosterPage::setCanConfigure(bool canConfigure)
{
    if (canConfigure == m_canConfigure)
        return;
    m_canConfigure = canConfigure;
    updateEditing();
}

void OneRosterPage::updateEditing()
{
    // The engine rejects changes from other roles, so the page hides the actions.
    m_name->setReadOnly(!m_canConfigure);
    m_vendor->setReadOnly(!m_canConfigure);
    m_schoolYear->setEnabled(m_canConfigure);
    m_active->setEnabled(m_canConfigure);
    for (QCheckBox *check : std::as_const(m_scopes))
        check->setEnabled(m_canConfigure);
    for (QPushButton *button : {m_saveButton, m_resetButton, m_deleteButton, m_newButton})
        button->setVisible(m_canConfigure);
    m_roleNote->setVisible(!m_canConfigure);
    m_settings->setVisible(m_canConfigure || m_selectedId != 0);
}

QJsonObject OneRosterPage::formBody() const
{
    QJsonArray scopes;
    for (auto it = m_scopes.cbegin(); it != m_scopes.cend(); ++it) {
        if (it.value()->isChecked())
            scopes.append(it.key());
    }
    const QVariant year = m_schoolYear->currentData();
    return QJsonObject{{QStringLiteral("name"), m_name->text()},
                       {QStringLiteral("vendor"), m_vendor->text()},
                       {QStringLiteral("schoolYear"),
                        year.isValid() ? QJsonValue(year.toInt()) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("scopes"), scopes},
                       {QStringLiteral("active"), m_active->isChecked()}};
}

void OneRosterPage::updateScopeWarning()
{
    const bool none = std::none_of(m_scopes.cbegin(), m_scopes.cend(),
                                   [](const QCheckBox *check) { return check->isChecked(); });
    m_scopeWarning->setVisible(none);
}

void OneRosterPage::save()
{
    if (m_saveJob || !m_canConfigure)
        return;
    const bool isNew = m_selectedId == 0;
    m_saveJob = isNew ? m_client->post(kApplications, formBody())
                      : m_client->put(kApplications + QStringLiteral("/%1").arg(m_selectedId),
                                      formBody());
    connect(m_saveJob, &ApiJob::finished, this, [this, isNew](const ApiResult &result) {
        if (!result.ok()) {
            m_errors.clear();
            m_errors.showAndFocus(result.fieldErrors, m_formScroll);
            showMessage(tr("Cannot save the application: %1").arg(result.errorMessage));
            return;
        }
        const QJsonObject application = result.body.object();
        m_selectedId = application.value(QStringLiteral("id")).toInteger();
        fillForm(application);
        if (isNew) {
            showCredentials(application);
            showMessage(tr("Registered %1. Give the vendor the client ID, the secret and the "
                           "URLs above.")
                            .arg(application.value(QStringLiteral("name")).toString()));
        } else {
            showMessage(tr("Saved %1.").arg(application.value(QStringLiteral("name")).toString()));
        }
        emit saved(m_selectedId);
        // A new application's secret stays on show while the list reloads.
        reload();
    });
}

void OneRosterPage::resetSecret()
{
    if (m_selectedId == 0 || m_saveJob || !m_canConfigure)
        return;
    m_saveJob = m_client->post(kApplications + QStringLiteral("/%1/secret").arg(m_selectedId));
    connect(m_saveJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        if (!result.ok()) {
            showMessage(tr("Cannot reset the secret: %1").arg(result.errorMessage));
            return;
        }
        showCredentials(result.body.object());
        showMessage(tr("Issued a new secret. The old one and its tokens no longer work."));
    });
}

void OneRosterPage::deleteSelected()
{
    if (m_selectedId == 0 || m_saveJob || !m_canConfigure)
        return;
    const qint64 id = m_selectedId;
    m_saveJob = m_client->deleteResource(kApplications + QStringLiteral("/%1").arg(id));
    connect(m_saveJob, &ApiJob::finished, this, [this](const ApiResult &result) {
        if (!result.ok()) {
            showMessage(tr("Cannot delete the application: %1").arg(result.errorMessage));
            return;
        }
        startNew();
        showMessage(tr("Deleted the application; its tokens no longer work."));
        reload();
    });
}

void OneRosterPage::showCredentials(const QJsonObject &application)
{
    m_clientId->setText(application.value(QStringLiteral("clientId")).toString());
    m_clientSecret->setText(application.value(QStringLiteral("clientSecret")).toString());
    m_credentials->show();

    // The secret is shown only once, so it must not stay below the fold. The form gets its new
    // height when the scroll area handles the layout request that show() posted, so the scroll
    // waits for the event loop.
    m_clientSecret->setFocus(Qt::OtherFocusReason);
    m_clientSecret->selectAll();
    QTimer::singleShot(0, m_credentials, [this] {
        m_formScroll->ensureWidgetVisible(m_credentials, 0, 0);
    });
}

void OneRosterPage::hideCredentials()
{
    // The message after Register or Reset Secret points to the secret, so it goes too.
    if (isSecretShown())
        showMessage({});
    m_credentials->hide();
    m_clientId->clear();
    m_clientSecret->clear();
}

bool OneRosterPage::isSecretShown() const
{
    return !m_credentials->isHidden() && !m_clientSecret->text().isEmpty();
}

QString OneRosterPage::message() const
{
    return m_message->text();
}

void OneRosterPage::showMessage(const QString &text)
{
    m_message->setText(text);
}

} // namespace hubdesk
