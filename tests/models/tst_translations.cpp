// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

// Fails when a user-visible string of the console has no Spanish or Arabic translation. lupdate
// scans the sources into a copy of each committed .ts file. Every message must then have a
// finished translation with the source's placeholders and the language's plural forms, and no
// shortcut letter that breaks the joining of Arabic letters.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class tst_Translations final : public QObject
{
    Q_OBJECT

private slots:
    void everyStringIsTranslated_data();
    void everyStringIsTranslated();

private:
    struct Message
    {
        QString context;
        QString source;
        QString type;
        QStringList forms;
        bool numerus = false;
    };
    static QList<Message> readMessages(const QString &path, QString *error);
    static QStringList placeholders(const QString &text);
    static bool hasMnemonicOnArabicLetter(const QString &text);
};

QList<tst_Translations::Message> tst_Translations::readMessages(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message message;
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            messages.append(message);
        } else if (xml.name() == QLatin1String("source") && !messages.isEmpty()) {
            messages.last().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && !messages.isEmpty()) {
            messages.last().type = xml.attributes().value(QLatin1String("type")).toString();
            if (!messages.last().numerus)
                messages.last().forms.append(xml.readElementText());
        } else if (xml.name() == QLatin1String("numerusform") && !messages.isEmpty()) {
            messages.last().forms.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QStringList tst_Translations::placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%[1-9]"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

// Qt underlines the letter after "&" as a separate format range, which splits the word there.
// With Qt 6.4 the letters around it lose their joined forms, and the Runbook Activities filter
// labels lost their last letters. Arabic translations therefore put the shortcut in
// parentheses, as in "التاريخ (&D):".
bool tst_Translations::hasMnemonicOnArabicLetter(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        const QChar next = text.at(i + 1);
        if (next == u'&') {
            ++i;
            continue;
        }
        if (next.script() == QChar::Script_Arabic && next.isLetter())
            return true;
    }
    return false;
}

void tst_Translations::everyStringIsTranslated_data()
{
    QTest::addColumn<QString>("tsFile");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("Spanish") << QStringLiteral("hubdesk_es.ts") << 2;
    QTest::newRow("Arabic") << QStringLiteral("hubdesk_ar.ts") << 6;
}

void tst_Translations::everyStringIsTranslated()
{
    QFETCH(QString, tsFile);
    QFETCH(int, pluralForms);

    const QDir source(QStringLiteral(HUBDESK_SOURCE_DIR));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(tsFile);
    QVERIFY(QFile::copy(source.filePath(QStringLiteral("translations/") + tsFile), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    // The same lupdate run as the update_translations target, into the copy.
    QProcess lupdate;
    lupdate.setWorkingDirectory(source.path());
    lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE),
                  {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"),
                   QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("app"),
                   QStringLiteral("models"), QStringLiteral("ui"), QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

    QString error;
    const QList<Message> messages = readMessages(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);

    QStringList problems;
    for (const Message &message : messages) {
        const QString where = message.context + QStringLiteral(": \"") + message.source + u'"';
        if (!message.type.isEmpty()) {
            problems.append(where + QStringLiteral(" is ") + message.type);
            continue;
        }
        const qsizetype expectedForms = message.numerus ? pluralForms : 1;
        if (message.forms.size() != expectedForms
            || std::any_of(message.forms.cbegin(), message.forms.cend(),
                           [](const QString &form) { return form.isEmpty(); })) {
            problems.append(where + QStringLiteral(" lacks a translation or a plural form"));
            continue;
        }
        for (const QString &form : message.forms) {
            if (placeholders(form) != placeholders(message.source))
                problems.append(where + QStringLiteral(" has other placeholders: ") + form);
            if (hasMnemonicOnArabicLetter(form))
                problems.append(where + QStringLiteral(" underlines an Arabic letter: ") + form);
        }
        // The last plural form covers large numbers, so it must show the number, as %n or as
        // %Ln with the locale's digit grouping.
        const QString &lastForm = message.forms.last();
        if (message.numerus && !lastForm.contains(QLatin1String("%n"))
            && !lastForm.contains(QLatin1String("%Ln")))
            problems.append(where + QStringLiteral(" drops %n in its last plural form"));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
