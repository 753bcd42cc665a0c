// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "objectwriter.h"

#include "core/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLocale>
#include <QUtf8StringView>

#include <algorithm>
#include <cmath>

namespace hub::oneroster {

namespace {

// Appends a sourced id percent-encoded for a URL path, as QUrl::toPercentEncoding() does. An id
// of letters, digits and "-._~" alone, the usual case, is copied as it is.
void appendPercentEncoded(QByteArray &out, QByteArrayView id)
{
    const bool unreserved = std::all_of(id.cbegin(), id.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
               || c == '-' || c == '.' || c == '_' || c == '~';
    });
    if (unreserved)
        out.append(id);
    else
        out += id.toByteArray().toPercentEncoding();
}

// Whole numbers without a fraction and other finite numbers in their shortest form, as
// QJsonDocument writes them.
void appendNumber(QByteArray &out, double value)
{
    if (value == std::floor(value) && std::abs(value) < 1e15)
        out += QByteArray::number(qint64(value));
    else
        out += QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

// The items of a stored JSON array of strings, such as grades ["09","10"].
QJsonArray storedArray(QByteArrayView json)
{
    return QJsonDocument::fromJson(json.toByteArray()).array();
}

QString servicePath(Version version, const QString &type)
{
    if (version == Version::V1p1)
        return QStringLiteral("/ims/oneroster/v1p1");
    return QStringLiteral("/ims/oneroster/%1/v1p2").arg(serviceForType(type));
}

} // namespace

ObjectWriter::ObjectWriter(Version version, QString origin)
    : m_version(version)
    , m_origin(std::move(origin))
{}

void ObjectWriter::beginObject(QByteArray &out)
{
    out += '{';
    m_firstMember = true;
}

void ObjectWriter::endObject(QByteArray &out)
{
    out += '}';
}

void ObjectWriter::appendString(QByteArray &out, QByteArrayView text)
{
    appendJsonUtf8(out, text);
}

void ObjectWriter::writeMemberName(QByteArray &out, QStringView name)
{
    if (!m_firstMember)
        out += ',';
    m_firstMember = false;
    appendJsonString(out, name);
    out += ':';
}

void ObjectWriter::writeTextMember(QByteArray &out, QStringView name, QByteArrayView text)
{
    if (text.isEmpty())
        return;
    writeMemberName(out, name);
    appendJsonUtf8(out, text);
}

const QByteArray &ObjectWriter::hrefPrefix(const QString &type)
{
    auto found = m_hrefPrefixes.find(type);
    if (found == m_hrefPrefixes.end()) {
        const QString prefix = m_origin + servicePath(m_version, type) + QLatin1Char('/')
                               + collectionForType(type) + QLatin1Char('/');
        QByteArray quoted;
        appendJsonString(quoted, prefix);
        found = m_hrefPrefixes.insert(type, quoted.sliced(1, quoted.size() - 2));
    }
    return *found;
}

void ObjectWriter::appendGuidRef(QByteArray &out, const QString &type, QByteArrayView sourcedId)
{
    out += "{\"href\":\"";
    // The percent-encoded id contains only letters, digits, '%' and "-._~", so it needs no
    // JSON escaping.
    out += hrefPrefix(type);
    appendPercentEncoded(out, sourcedId);
    out += "\",\"sourcedId\":";
    appendJsonUtf8(out, sourcedId);
    out += ",\"type\":";
    appendJsonString(out, type);
    out += '}';
}

void ObjectWriter::writeField(QByteArray &out, const EntityField &field, RowValues &row,
                              int column)
{
    if (row.isNull(column))
        return;
    switch (field.kind) {
    case ValueKind::Text:
    case ValueKind::DateTime:
    case ValueKind::Date: {
        const QByteArrayView text = row.text(column);
        if (text.isEmpty())
            return;
        writeMemberName(out, field.name);
        appendJsonUtf8(out, text);
        return;
    }
    case ValueKind::Status:
        writeMemberName(out, field.name);
        out += row.text(column) == "tobedeleted" ? "\"tobedeleted\"" : "\"active\"";
        return;
    case ValueKind::Boolean:
        writeMemberName(out, field.name);
        out += row.integer(column) != 0 ? "\"true\"" : "\"false\"";
        return;
    case ValueKind::Number: {
        const double number = row.real(column);
        // JSON has no NaN or infinity, and an absent value is omitted rather than null.
        if (!std::isfinite(number))
            return;
        writeMemberName(out, field.name);
        appendNumber(out, number);
        return;
    }
    case ValueKind::YearText:
        writeMemberName(out, field.name);
        out += '"';
        out += QByteArray::number(row.integer(column));
        out += '"';
        return;
    case ValueKind::TextList: {
        const QJsonArray items = storedArray(row.text(column));
        if (items.isEmpty())
            return;
        writeMemberName(out, field.name);
        out += QJsonDocument(items).toJson(QJsonDocument::Compact);
        return;
    }
    case ValueKind::UserIds: {
        QByteArray ids;
        const QJsonArray items = storedArray(row.text(column));
        for (const QJsonValue &item : items) {
            // Stored as {type:identifier}, as OneRoster CSV writes them.
            QString text = item.toString();
            if (text.startsWith(QLatin1Char('{')) && text.endsWith(QLatin1Char('}')))
                text = text.mid(1, text.size() - 2);
            const qsizetype colon = text.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                continue;
            ids += ids.isEmpty() ? "[{\"type\":" : ",{\"type\":";
            appendJsonString(ids, QStringView(text).left(colon));
            ids += ",\"identifier\":";
            appendJsonString(ids, QStringView(text).sliced(colon + 1));
            ids += '}';
        }
        if (ids.isEmpty())
            return;
        writeMemberName(out, field.name);
        out += ids;
        out += ']';
        return;
    }
    case ValueKind::Ref: {
        const QByteArrayView id = row.text(column);
        if (id.isEmpty())
            return;
        writeMemberName(out, field.name);
        appendGuidRef(out, field.refType, id);
        return;
    }
    case ValueKind::RefList: {
        const QJsonArray items = storedArray(row.text(column));
        if (items.isEmpty())
            return;
        writeMemberName(out, field.name);
        out += '[';
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0)
                out += ',';
            appendGuidRef(out, field.refType, items.at(i).toString().toUtf8());
        }
        out += ']';
        return;
    }
    case ValueKind::Json: {
        const QJsonDocument document = QJsonDocument::fromJson(row.text(column).toByteArray());
        if (!document.isArray() && !document.isObject())
            return;
        writeMemberName(out, field.name);
        out += document.toJson(QJsonDocument::Compact);
        return;
    }
    }
}

} // namespace hub::oneroster
