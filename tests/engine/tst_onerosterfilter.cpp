// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "oneroster/activity.h"
#include "oneroster/collection.h"
#include "oneroster/failurelimiter.h"
#include "oneroster/filter.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <functional>
#include <memory>
#include <vector>

using hub::oneroster::CompiledFilter;
using hub::oneroster::FilterError;
using hub::oneroster::FilterField;
using hub::oneroster::FilterType;

class tst_OneRosterFilter final : public QObject
{
    Q_OBJECT

private slots:
    void compilesToBoundSql_data();
    void compilesToBoundSql();
    void containsFoldsCaseOnPostgres();
    void rejectsBadSyntax_data();
    void rejectsBadSyntax();
    void doubleQuotesNameSingleQuotes_data();
    void doubleQuotesNameSingleQuotes();
    void rejectsBadValues_data();
    void rejectsBadValues();
    void limiterBlocksAfterMaxFailures();
    void limiterCountsFromManyThreads();
    void activityKeepsCountsWhenFlushFails();
    void pageCacheDropsReadsBeforeClear();
};

namespace {

std::optional<FilterField> lookup(const QString &name)
{
    if (name == QLatin1String("givenName"))
        return FilterField{QStringLiteral("t.given_name"), FilterType::Text};
    if (name == QLatin1String("status"))
        return FilterField{QStringLiteral("t.status"), FilterType::Text};
    if (name == QLatin1String("dateLastModified"))
        return FilterField{QStringLiteral("t.date_last_modified"), FilterType::DateTime};
    if (name == QLatin1String("birthDate"))
        return FilterField{QStringLiteral("t.birth_date"), FilterType::Date};
    if (name == QLatin1String("primary"))
        return FilterField{QStringLiteral("t.is_primary"), FilterType::Boolean};
    if (name == QLatin1String("score"))
        return FilterField{QStringLiteral("t.score"), FilterType::Number};
    if (name == QLatin1String("grades"))
        return FilterField{QStringLiteral("t.grades"), FilterType::List};
    return std::nullopt;
}

std::variant<CompiledFilter, FilterError> compile(const QString &text,
                                                  hub::Dialect dialect = hub::Dialect::Sqlite)
{
    auto tree = hub::oneroster::parseFilter(text);
    if (!tree)
        return FilterError{false, tree.error()};
    return hub::oneroster::compileFilter(**tree, lookup, dialect);
}

} // namespace

void tst_OneRosterFilter::compilesToBoundSql_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("bindings");
    QTest::newRow("equals") << QStringLiteral("givenName='Ann'") << QStringLiteral("(t.given_name = ?)")
                            << QVariantList{QStringLiteral("Ann")};
    QTest::newRow("spaces and not equals") << QStringLiteral("  givenName != 'Ann'  ")
                                           << QStringLiteral("(t.given_name <> ?)") << QVariantList{QStringLiteral("Ann")};
    QTest::newRow("doubled quote") << QStringLiteral("givenName='O''Neil'") << QStringLiteral("(t.given_name = ?)")
                                   << QVariantList{QStringLiteral("O'Neil")};
    QTest::newRow("typographic quotes") << QStringLiteral("givenName=\u2018Ann\u2019") << QStringLiteral("(t.given_name = ?)")
                                        << QVariantList{QStringLiteral("Ann")};
    QTest::newRow("bare word") << QStringLiteral("status=active") << QStringLiteral("(t.status = ?)")
                               << QVariantList{QStringLiteral("active")};
    QTest::newRow("and before or")
        << QStringLiteral("status='active' OR givenName='A' AND givenName='B'")
        << QStringLiteral("((t.status = ?) OR ((t.given_name = ?) AND (t.given_name = ?)))")
        << QVariantList{QStringLiteral("active"), QStringLiteral("A"), QStringLiteral("B")};
    QTest::newRow("parentheses") << QStringLiteral("(status='active' OR status='tobedeleted') and givenName='A'")
                                 << QStringLiteral("(((t.status = ?) OR (t.status = ?)) AND (t.given_name = ?))")
                                 << QVariantList{QStringLiteral("active"), QStringLiteral("tobedeleted"), QStringLiteral("A")};
    QTest::newRow("contains escapes wildcards") << QStringLiteral("givenName~'5%_'")
                                                << QStringLiteral("(hub_casefold(t.given_name) LIKE hub_casefold(CAST(? AS TEXT)) ESCAPE '\\')")
                                                << QVariantList{QStringLiteral("%5\\%\\_%")};
    QTest::newRow("date only is midnight utc") << QStringLiteral("dateLastModified>'2026-09-01'")
                                               << QStringLiteral("(t.date_last_modified > ?)")
                                               << QVariantList{QStringLiteral("2026-09-01T00:00:00.000Z")};
    QTest::newRow("offset becomes utc") << QStringLiteral("dateLastModified<='2026-09-01T08:00:00-04:00'")
                                        << QStringLiteral("(t.date_last_modified <= ?)")
                                        << QVariantList{QStringLiteral("2026-09-01T12:00:00.000Z")};
    QTest::newRow("date") << QStringLiteral("birthDate>='2012-01-31'") << QStringLiteral("(t.birth_date >= ?)")
                          << QVariantList{QStringLiteral("2012-01-31")};
    QTest::newRow("boolean") << QStringLiteral("primary='TRUE'") << QStringLiteral("(t.is_primary = ?)") << QVariantList{1};
    QTest::newRow("number") << QStringLiteral("score>='92.5'") << QStringLiteral("(t.score >= ?)") << QVariantList{92.5};
    QTest::newRow("list holds value") << QStringLiteral("grades='09'")
                                      << QStringLiteral("(COALESCE(t.grades, '') LIKE ? ESCAPE '\\')")
                                      << QVariantList{QStringLiteral("%\"09\"%")};
    QTest::newRow("field name ORG is no keyword") << QStringLiteral("givenName='ORG'")
                                                  << QStringLiteral("(t.given_name = ?)") << QVariantList{QStringLiteral("ORG")};
}

void tst_OneRosterFilter::compilesToBoundSql()
{
    QFETCH(QString, filter);
    QFETCH(QString, sql);
    QFETCH(QVariantList, bindings);
    const auto compiled = compile(filter);
    const auto *error = std::get_if<FilterError>(&compiled);
    QVERIFY2(!error, error ? qPrintable(error->message) : "");
    QCOMPARE(std::get<CompiledFilter>(compiled).sql, sql);
    QCOMPARE(std::get<CompiledFilter>(compiled).bindings, bindings);
}

void tst_OneRosterFilter::containsFoldsCaseOnPostgres()
{
    const auto compiled = compile(QStringLiteral("givenName~'Ü'"), hub::Dialect::Postgres);
    QVERIFY(std::holds_alternative<CompiledFilter>(compiled));
    QCOMPARE(std::get<CompiledFilter>(compiled).sql,
             QStringLiteral("(lower((t.given_name) COLLATE \"und-x-icu\") LIKE "
                            "lower((CAST(? AS TEXT)) COLLATE \"und-x-icu\") ESCAPE '\\')"));
    QCOMPARE(std::get<CompiledFilter>(compiled).bindings, QVariantList{QStringLiteral("%Ü%")});
}

void tst_OneRosterFilter::rejectsBadSyntax_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("empty") << QString();
    QTest::newRow("no predicate") << QStringLiteral("givenName");
    QTest::newRow("no value") << QStringLiteral("givenName=");
    QTest::newRow("unclosed quote") << QStringLiteral("givenName='Ann");
    QTest::newRow("dangling and") << QStringLiteral("givenName='Ann' AND");
    QTest::newRow("unknown logical") << QStringLiteral("givenName='Ann' XOR status='active'");
    QTest::newRow("unclosed parenthesis") << QStringLiteral("(givenName='Ann'");
    QTest::newRow("semicolon") << QStringLiteral("givenName='Ann';");
    QTest::newRow("double quotes") << QStringLiteral("familyName=\"Adams\"");
    QTest::newRow("too long") << QStringLiteral("givenName='%1'").arg(QString(2001, QLatin1Char('x')));
    QTest::newRow("too many clauses") << QStringList(21, QStringLiteral("status='a'")).join(QStringLiteral(" AND "));
    QTest::newRow("too deep") << QString(9, QLatin1Char('(')) + QStringLiteral("status='a'") + QString(9, QLatin1Char(')'));
}

void tst_OneRosterFilter::rejectsBadSyntax()
{
    QFETCH(QString, filter);
    const auto tree = hub::oneroster::parseFilter(filter);
    QVERIFY(!tree);
    QVERIFY(!tree.error().isEmpty());
}

void tst_OneRosterFilter::doubleQuotesNameSingleQuotes_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("message");
    QTest::newRow("straight") << QStringLiteral("familyName=\"Adams\"")
                              << QStringLiteral("Invalid filter at character 12: values are quoted "
                                                "with single quotes, such as familyName='Adams', "
                                                "not double quotes.");
    QTest::newRow("typographic")
        << QStringLiteral("status='active' AND familyName=\u201CAdams\u201D")
        << QStringLiteral("Invalid filter at character 32: values are quoted with single quotes, "
                          "such as familyName='Adams', not double quotes.");
    QTest::newRow("unclosed") << QStringLiteral("givenName!=\"Ann")
                              << QStringLiteral("Invalid filter at character 12: values are quoted "
                                                "with single quotes, such as givenName='Ann', not "
                                                "double quotes.");
}

void tst_OneRosterFilter::doubleQuotesNameSingleQuotes()
{
    QFETCH(QString, filter);
    QFETCH(QString, message);
    const auto tree = hub::oneroster::parseFilter(filter);
    QVERIFY(!tree);
    QCOMPARE(tree.error(), message);
}

void tst_OneRosterFilter::rejectsBadValues_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("unknownField");
    QTest::newRow("unknown field") << QStringLiteral("shoeSize='9'") << true;
    QTest::newRow("bad date time") << QStringLiteral("dateLastModified>'last week'") << false;
    QTest::newRow("bad date") << QStringLiteral("birthDate='2012-02-30'") << false;
    QTest::newRow("bad boolean") << QStringLiteral("primary='yes'") << false;
    QTest::newRow("boolean ordering") << QStringLiteral("primary>'true'") << false;
    QTest::newRow("bad number") << QStringLiteral("score='high'") << false;
    QTest::newRow("contains on number") << QStringLiteral("score~'9'") << false;
    QTest::newRow("list ordering") << QStringLiteral("grades>'09'") << false;
}

void tst_OneRosterFilter::rejectsBadValues()
{
    QFETCH(QString, filter);
    QFETCH(bool, unknownField);
    const auto compiled = compile(filter);
    QVERIFY(std::holds_alternative<FilterError>(compiled));
    QCOMPARE(std::get<FilterError>(compiled).unknownField, unknownField);
}

void tst_OneRosterFilter::limiterBlocksAfterMaxFailures()
{
    hub::oneroster::FailureLimiter limiter(3, 60);
    const QDateTime start(QDate(2026, 12, 4), QTime(10, 0), QTimeZone::utc());
    QCOMPARE(limiter.blockedSeconds(QStringLiteral("a"), start), 0);
    for (int i = 0; i < 3; ++i)
        limiter.recordFailure(QStringLiteral("a"), start.addSecs(i));
    QCOMPARE(limiter.blockedSeconds(QStringLiteral("a"), start.addSecs(10)), 50);
    QCOMPARE(limiter.blockedSeconds(QStringLiteral("b"), start.addSecs(10)), 0);
    QCOMPARE(limiter.blockedSeconds(QStringLiteral("a"), start.addSecs(60)), 0);
    // A new window starts counting from zero.
    limiter.recordFailure(QStringLiteral("a"), start.addSecs(61));
    QCOMPARE(limiter.blockedSeconds(QStringLiteral("a"), start.addSecs(62)), 0);
    limiter.clear(QStringLiteral("a"));
    QCOMPARE(limiter.blockedSeconds(QStringLiteral("a"), start.addSecs(62)), 0);
}

namespace {

// Runs work on four threads at once and waits for them.
void onFourThreads(const std::function<void()> &work)
{
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back(QThread::create(work));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(30000));
}

} // namespace

void tst_OneRosterFilter::limiterCountsFromManyThreads()
{
    // A key is blocked at exactly 1,000 failures, so one lost update leaves it unblocked.
    hub::oneroster::FailureLimiter limiter(1000, 60);
    const QDateTime start(QDate(2026, 12, 4), QTime(10, 0), QTimeZone::utc());
    onFourThreads([&] {
        for (int i = 0; i < 250; ++i)
            limiter.recordFailure(QStringLiteral("a"), start);
    });
    QCOMPARE(limiter.blockedSeconds(QStringLiteral("a"), start.addSecs(10)), 50);
}

void tst_OneRosterFilter::activityKeepsCountsWhenFlushFails()
{
    const QString name = QStringLiteral("activity-flush");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(db.open());

        hub::oneroster::ActivityCounter counter;
        const QDateTime at(QDate(2026, 12, 4), QTime(10, 30), QTimeZone::utc());
        onFourThreads([&] {
            for (int i = 0; i < 250; ++i)
                counter.record(7, 1, at, i % 10 == 0, 100);
        });

        // Without its table the flush fails, and the counts wait for the next one.
        QVERIFY(!counter.flush(db).ok());
        QVERIFY(!counter.isEmpty());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral(
            "CREATE TABLE oneroster_activity (application_id INTEGER NOT NULL, district_id "
            "INTEGER NOT NULL, hour_start TEXT NOT NULL, requests INTEGER NOT NULL DEFAULT 0, "
            "errors INTEGER NOT NULL DEFAULT 0, bytes INTEGER NOT NULL DEFAULT 0, "
            "PRIMARY KEY (application_id, hour_start))")));
        counter.record(7, 1, at, false, 50);
        QVERIFY(counter.flush(db).ok());
        QVERIFY(counter.isEmpty());

        QVERIFY(query.exec(QStringLiteral("SELECT application_id, district_id, hour_start, "
                                          "requests, errors, bytes FROM oneroster_activity")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toLongLong(), 7);
        QCOMPARE(query.value(1).toLongLong(), 1);
        QCOMPARE(query.value(2).toString(), QStringLiteral("2026-12-04T10:00:00.000Z"));
        QCOMPARE(query.value(3).toLongLong(), 1001);
        QCOMPARE(query.value(4).toLongLong(), 100);
        QCOMPARE(query.value(5).toLongLong(), 100050);
        QVERIFY(!query.next());
    }
    QSqlDatabase::removeDatabase(name);
}

void tst_OneRosterFilter::pageCacheDropsReadsBeforeClear()
{
    // A read that began before a write cleared the cache must not put its old total back.
    hub::oneroster::PageCache cache;
    const QDateTime now(QDate(2026, 12, 4), QTime(10, 0), QTimeZone::utc());
    const quint64 before = cache.generation();
    cache.clear();
    cache.storeCount(QStringLiteral("users"), 41, now, before);
    cache.storePageEnd(QStringLiteral("users"), 100, {QVariant(), QStringLiteral("u-100")}, now,
                       before);
    QVERIFY(!cache.count(QStringLiteral("users"), now));
    QVERIFY(!cache.pageEnd(QStringLiteral("users"), 100, now));

    // A read that began after it stores as before.
    const quint64 after = cache.generation();
    QCOMPARE(after, before + 1);
    cache.storeCount(QStringLiteral("users"), 42, now, after);
    cache.storePageEnd(QStringLiteral("users"), 100, {QVariant(), QStringLiteral("u-100")}, now,
                       after);
    QCOMPARE(cache.count(QStringLiteral("users"), now), std::optional<qint64>(42));
    QCOMPARE(cache.pageEnd(QStringLiteral("users"), 100, now)->sourcedId, QStringLiteral("u-100"));
}

QTEST_APPLESS_MAIN(tst_OneRosterFilter)
#include "tst_onerosterfilter.moc"
