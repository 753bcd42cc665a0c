// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "fakehttpserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <functional>

namespace hubtest {

// The client secret that FakeProvider accepts from the client id "hub-client".
inline const QString kProviderSecret = QStringLiteral("provider-secret-Qx71");

inline QJsonObject ref(const QString &id, const QString &type)
{
    return QJsonObject{{QStringLiteral("sourcedId"), id}, {QStringLiteral("type"), type}};
}

inline QJsonObject base(const QString &id, const QString &modified = QStringLiteral("2026-09-01T08:00:00.000Z"))
{
    return QJsonObject{{QStringLiteral("sourcedId"), id},
                       {QStringLiteral("status"), QStringLiteral("active")},
                       {QStringLiteral("dateLastModified"), modified}};
}

inline QJsonObject with(QJsonObject object, const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

// A OneRoster 1.1 provider behind a FakeHttpServer that injects faults. It can return 429 and 503
// on chosen requests and cap pages below the requested limit. Its tokens can stop working after
// a number of requests, and a hook can change the data before a page is served.
class FakeProvider
{
public:
    QMap<QString, QList<QJsonObject>> collections;
    int pageCap = 0;
    bool sendLink = true;
    QSet<int> status429At;
    QSet<int> status503At;
    int tokenLifetime = 0;
    std::function<void(const QString &endpoint, qint64 offset)> beforePage;
    int dataRequests = 0;
    int tokensIssued = 0;
    QStringList filters;

    FakeResponse handle(const FakeRequest &request)
    {
        const QString path = request.url.path();
        if (path == QLatin1String("/oauth/token"))
            return token(request);
        const QString prefix = QStringLiteral("/ims/oneroster/v1p1/");
        if (!path.startsWith(prefix))
            return FakeResponse{404, {}, {}};
        if (request.headers.value("authorization") != "Bearer " + m_token
            || (tokenLifetime > 0 && m_tokenUses >= tokenLifetime))
            return FakeResponse::json(QJsonDocument(QJsonObject{
                                          {QStringLiteral("imsx_codeMajor"), QStringLiteral("failure")}}),
                                      401);
        ++m_tokenUses;
        ++dataRequests;
        if (status429At.contains(dataRequests))
            return FakeResponse{429, {}, {{"Retry-After", "1"}}};
        if (status503At.contains(dataRequests))
            return FakeResponse{503, {}, {}};

        const QString endpoint = path.mid(prefix.size());
        const qint64 limit = request.query(QStringLiteral("limit")).toLongLong();
        const qint64 offset = request.query(QStringLiteral("offset")).toLongLong();
        const QString filter = request.query(QStringLiteral("filter"));
        if (!filter.isEmpty())
            filters.append(filter);
        if (beforePage)
            beforePage(endpoint, offset);
        QList<QJsonObject> records = collections.value(endpoint);
        if (filter.startsWith(QLatin1String("dateLastModified>='"))) {
            const QString since = filter.mid(19).chopped(1);
            records.removeIf([&](const QJsonObject &record) {
                return record.value(QStringLiteral("dateLastModified")).toString() < since;
            });
        }
        const qint64 size = pageCap > 0 ? std::min<qint64>(limit, pageCap) : limit;
        QJsonArray page;
        for (qint64 i = offset; i < records.size() && i < offset + size; ++i)
            page.append(records.at(i));
        FakeResponse response
            = FakeResponse::json(QJsonDocument(QJsonObject{{endpoint, page}}));
        response.headers.append({"X-Total-Count", QByteArray::number(records.size())});
        const qint64 next = offset + page.size();
        if (sendLink && next < records.size()) {
            QUrl url = request.url;
            QUrlQuery query(url);
            query.removeAllQueryItems(QStringLiteral("offset"));
            query.addQueryItem(QStringLiteral("offset"), QString::number(next));
            url.setQuery(query);
            response.headers.append(
                {"Link", "<" + url.toString(QUrl::FullyEncoded).toLatin1() + ">; rel=\"next\""});
        }
        return response;
    }

private:
    FakeResponse token(const FakeRequest &request)
    {
        const QByteArray expected
            = "Basic " + QByteArray("hub-client:" + kProviderSecret.toUtf8()).toBase64();
        if (request.headers.value("authorization") != expected)
            return FakeResponse::json(QJsonDocument(QJsonObject{
                                          {QStringLiteral("error"), QStringLiteral("invalid_client")}}),
                                      401);
        ++tokensIssued;
        m_token = "token-" + QByteArray::number(tokensIssued);
        m_tokenUses = 0;
        return FakeResponse::json(QJsonDocument(
            QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(m_token)},
                        {QStringLiteral("token_type"), QStringLiteral("bearer")},
                        {QStringLiteral("expires_in"), 3600}}));
    }

    QByteArray m_token;
    int m_tokenUses = 0;
};

inline QMap<QString, QList<QJsonObject>> makeRoster(int students)
{
    QMap<QString, QList<QJsonObject>> roster;
    roster[QStringLiteral("orgs")] = {
        with(base(QStringLiteral("org-district")),
             {{QStringLiteral("name"), QStringLiteral("Fake District")},
              {QStringLiteral("type"), QStringLiteral("district")},
              {QStringLiteral("identifier"), QStringLiteral("D1")}}),
        with(base(QStringLiteral("org-s1")),
             {{QStringLiteral("name"), QStringLiteral("North Middle")},
              {QStringLiteral("type"), QStringLiteral("school")},
              {QStringLiteral("parent"), ref(QStringLiteral("org-district"), QStringLiteral("org"))}}),
    };
    roster[QStringLiteral("academicSessions")] = {
        with(base(QStringLiteral("as-2027")),
             {{QStringLiteral("title"), QStringLiteral("2026-2027")},
              {QStringLiteral("type"), QStringLiteral("schoolYear")},
              {QStringLiteral("startDate"), QStringLiteral("2026-07-01")},
              {QStringLiteral("endDate"), QStringLiteral("2027-06-30")},
              {QStringLiteral("schoolYear"), QStringLiteral("2027")}}),
        with(base(QStringLiteral("as-t1")),
             {{QStringLiteral("title"), QStringLiteral("Fall")},
              {QStringLiteral("type"), QStringLiteral("term")},
              {QStringLiteral("startDate"), QStringLiteral("2026-09-01")},
              {QStringLiteral("endDate"), QStringLiteral("2027-01-20")},
              {QStringLiteral("parent"), ref(QStringLiteral("as-2027"), QStringLiteral("academicSession"))},
              {QStringLiteral("schoolYear"), QStringLiteral("2027")}}),
    };
    roster[QStringLiteral("courses")] = {with(
        base(QStringLiteral("course-m7")),
        {{QStringLiteral("title"), QStringLiteral("Math 7")},
         {QStringLiteral("courseCode"), QStringLiteral("M7")},
         {QStringLiteral("grades"), QJsonArray{QStringLiteral("07")}},
         {QStringLiteral("org"), ref(QStringLiteral("org-s1"), QStringLiteral("org"))},
         {QStringLiteral("schoolYear"), ref(QStringLiteral("as-2027"), QStringLiteral("academicSession"))}})};
    roster[QStringLiteral("classes")] = {with(
        base(QStringLiteral("class-m7-1")),
        {{QStringLiteral("title"), QStringLiteral("Math 7, period 1")},
         {QStringLiteral("classCode"), QStringLiteral("M7-1")},
         {QStringLiteral("classType"), QStringLiteral("scheduled")},
         {QStringLiteral("location"), QStringLiteral("Room 101, east wing")},
         {QStringLiteral("course"), ref(QStringLiteral("course-m7"), QStringLiteral("course"))},
         {QStringLiteral("school"), ref(QStringLiteral("org-s1"), QStringLiteral("org"))},
         {QStringLiteral("terms"), QJsonArray{ref(QStringLiteral("as-t1"), QStringLiteral("academicSession"))}},
         {QStringLiteral("periods"), QJsonArray{QStringLiteral("1")}}})};
    QList<QJsonObject> users{with(
        base(QStringLiteral("t-001")),
        {{QStringLiteral("enabledUser"), QStringLiteral("true")},
         {QStringLiteral("orgs"), QJsonArray{ref(QStringLiteral("org-s1"), QStringLiteral("org"))}},
         {QStringLiteral("role"), QStringLiteral("teacher")},
         {QStringLiteral("username"), QStringLiteral("teacher1")},
         {QStringLiteral("givenName"), QStringLiteral("Tess")},
         {QStringLiteral("familyName"), QStringLiteral("Ng")}})};
    QList<QJsonObject> enrollments{with(
        base(QStringLiteral("e-t-001")),
        {{QStringLiteral("class"), ref(QStringLiteral("class-m7-1"), QStringLiteral("class"))},
         {QStringLiteral("school"), ref(QStringLiteral("org-s1"), QStringLiteral("org"))},
         {QStringLiteral("user"), ref(QStringLiteral("t-001"), QStringLiteral("user"))},
         {QStringLiteral("role"), QStringLiteral("teacher")},
         {QStringLiteral("primary"), QStringLiteral("true")}})};
    for (int i = 1; i <= students; ++i) {
        const QString id = QStringLiteral("u-%1").arg(i, 3, 10, QLatin1Char('0'));
        users.append(with(
            base(id),
            {{QStringLiteral("enabledUser"), QStringLiteral("true")},
             {QStringLiteral("orgs"), QJsonArray{ref(QStringLiteral("org-s1"), QStringLiteral("org"))}},
             {QStringLiteral("role"), QStringLiteral("student")},
             {QStringLiteral("username"), QStringLiteral("s%1").arg(i)},
             {QStringLiteral("userIds"),
              QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("state")},
                                     {QStringLiteral("identifier"), QStringLiteral("S%1").arg(i)}}}},
             {QStringLiteral("givenName"), QStringLiteral("Student")},
             {QStringLiteral("familyName"), QStringLiteral("Number %1").arg(i)},
             {QStringLiteral("grades"), QJsonArray{QStringLiteral("07")}}}));
        enrollments.append(with(
            base(QStringLiteral("e-") + id),
            {{QStringLiteral("class"), ref(QStringLiteral("class-m7-1"), QStringLiteral("class"))},
             {QStringLiteral("school"), ref(QStringLiteral("org-s1"), QStringLiteral("org"))},
             {QStringLiteral("user"), ref(id, QStringLiteral("user"))},
             {QStringLiteral("role"), QStringLiteral("student")},
             {QStringLiteral("primary"), QStringLiteral("false")}}));
    }
    std::sort(users.begin(), users.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("sourcedId")).toString()
               < b.value(QStringLiteral("sourcedId")).toString();
    });
    std::sort(enrollments.begin(), enrollments.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("sourcedId")).toString()
               < b.value(QStringLiteral("sourcedId")).toString();
    });
    roster[QStringLiteral("users")] = users;
    roster[QStringLiteral("enrollments")] = enrollments;
    return roster;
}

} // namespace hubtest
