// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTest>
#include <QUrl>
#include <QUuid>

namespace hubtest {

// Whether this run of the suite is on PostgreSQL: CTest registers each store suite a second
// time as NAME_pg with HUBDESK_TEST_DATABASE=postgresql.
inline bool onPostgres()
{
    return qgetenv("HUBDESK_TEST_DATABASE") == "postgresql";
}

// The URL of the fixture's database (tests/fixtures/postgres.sh), or empty when it is not
// running.
inline QString postgresFixtureUrl()
{
    return QString::fromLocal8Bit(qgetenv("HUBDESK_PG_URL"));
}

// Creates an empty PostgreSQL database beside the fixture's and returns its URL, or an empty
// string with the reason in error.
inline QString createPostgresDatabase(QString *error = nullptr)
{
    const QUrl fixture(postgresFixtureUrl());
    const QString connectionName = QStringLiteral("hubtest-admin-%1")
                                       .arg(QUuid::createUuid().toString(QUuid::Id128));
    const QString name = QStringLiteral("hubtest_%1")
                             .arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
    bool created = false;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        admin.setHostName(fixture.host());
        admin.setPort(fixture.port(5432));
        admin.setUserName(fixture.userName());
        admin.setDatabaseName(fixture.path().mid(1));
        if (admin.open()) {
            QSqlQuery query(admin);
            created = query.exec(QStringLiteral("CREATE DATABASE %1 STRATEGY FILE_COPY").arg(name));
            if (!created && error)
                *error = query.lastError().text();
        } else if (error) {
            *error = admin.lastError().text();
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    if (!created)
        return {};
    QUrl url = fixture;
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

// The store a test should use: sqlitePath on SQLite, or a new empty PostgreSQL database when
// the suite runs on PostgreSQL. Empty when that database cannot be made.
inline QString testDatabase(const QString &sqlitePath)
{
    if (!onPostgres())
        return sqlitePath;
    QString error;
    const QString url = createPostgresDatabase(&error);
    if (url.isEmpty())
        qWarning("Cannot create a PostgreSQL test database: %s", qPrintable(error));
    return url;
}

} // namespace hubtest

// Skips the whole suite on PostgreSQL when the fixture is not running. Call it in
// initTestCase().
#define HUB_REQUIRE_TEST_DATABASE()                                                                \
    if (hubtest::onPostgres() && hubtest::postgresFixtureUrl().isEmpty())                          \
        QSKIP("HUBDESK_PG_URL is not set: start tests/fixtures/postgres.sh and source the "        \
              "postgres.env it writes (packaging/run-tests.sh does both).")

// Skips one test that exercises SQLite itself (its file, its locks) on PostgreSQL.
#define HUB_SQLITE_ONLY(reason)                                                                    \
    if (hubtest::onPostgres())                                                                     \
        QSKIP("SQLite only: " reason)
