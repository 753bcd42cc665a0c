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
#include <cstring>

namespace hub::oneroster {

namespace {

// Appends a sourced id percent-encoded for a URL path, as QUrl::toPercentEncoding() does. An id
// of letters, digits and "-._~" alone, the usual case, is copied as it is.
bool isUnreserved(QByteArrayView id)
{
    return std::all_of(id.cbegin(), id.cend(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
               || c == '-' || c == '.' || c == '_' || c == '~';
    });
}

void appendPercentEncoded(JsonBuffer &out, QByteArrayView id)
{
    if (isUnreserved(id))
        out.append(id);
    else
        out.append(id.toByteArray().toPercentEncoding());
}

// Whole numbers without a fraction and other finite numbers in their shortest form, as
// QJsonDocument writes them.
void appendNumber(JsonBuffer &out, double value)
{
    if (value == std::floor(value) && std::abs(value) < 1e15)
        out.append(QByteArray::number(qint64(value)));
    else
        out.append(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
}

// The items of a stored JSON array of strings, such as grades ["09","10"].
QJsonArray storedArray(QByteArrayView json)
{
    return QJsonDocument::fromJson(json.toByteArray()).array();
}

// Whether a stored array is non-empty compact JSON of strings in printable ASCII without quotes
// or backslashes, such as ["09","10"]. QJsonDocument writes such an array back unchanged, so it
// can be copied as it is instead of parsed and written again.
bool isPlainStringArray(QByteArrayView json)
{
    if (json.size() < 4 || json.front() != '[' || json.back() != ']')
        return false;
    bool inString = false;
    // Each string must follow the opening bracket or a comma, and be followed by one of them.
    char previous = '[';
    for (qsizetype i = 1; i < json.size() - 1; ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '"')
                inString = false;
            else if (c < 0x20 || c > 0x7e || c == '\\')
                return false;
        } else if (c == '"') {
            if (previous != '[' && previous != ',')
                return false;
            inString = true;
        } else if (c != ',' || previous != '"') {
            return false;
        }
        previous = c;
    }
    return !inString && previous == '"';
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

void ObjectWriter::beginObject(JsonBuffer &out)
{
    out.append('{');
    m_firstMember = true;
}

void ObjectWriter::endObject(JsonBuffer &out)
{
    out.append('}');
}

void ObjectWriter::appendString(JsonBuffer &out, QByteArrayView text)
{
    appendJsonUtf8(out, text);
}

void ObjectWriter::writeMemberName(JsonBuffer &out, QStringView name)
{
    if (!m_firstMember)
        out.append(',');
    m_firstMember = false;
    appendJsonString(out, name);
    out.append(':');
}

void ObjectWriter::writeMemberName(JsonBuffer &out, const EntityField &field)
{
    if (field.jsonName.isEmpty()) {
        writeMemberName(out, field.name);
        return;
    }
    if (!m_firstMember)
        out.append(',');
    m_firstMember = false;
    out.append(field.jsonName);
}

void ObjectWriter::writeTextMember(JsonBuffer &out, QStringView name, QByteArrayView text)
{
    if (text.isEmpty())
        return;
    writeMemberName(out, name);
    appendJsonUtf8(out, text);
}

const ObjectWriter::GuidRefText &ObjectWriter::guidRefText(const QString &type)
{
    // The types come from the entities' fields, so the same string usually shares its data.
    for (const GuidRefText &text : std::as_const(m_guidRefTexts)) {
        if (text.type.constData() == type.constData() || text.type == type)
            return text;
    }
    GuidRefText text{type, "{\"href\":", ",\"type\":"};
    const QString prefix = m_origin + servicePath(m_version, type) + QLatin1Char('/')
                           + collectionForType(type) + QLatin1Char('/');
    appendJsonString(text.start, prefix);
    text.start.chop(1);
    appendJsonString(text.end, type);
    text.end += '}';
    m_guidRefTexts.append(text);
    return m_guidRefTexts.constLast();
}

void ObjectWriter::appendGuidRef(JsonBuffer &out, const QString &type, QByteArrayView sourcedId)
{
    const GuidRefText &text = guidRefText(type);
    static constexpr QByteArrayView sourcedIdMember = "\",\"sourcedId\":\"";
    if (isUnreserved(sourcedId)) {
        // Letters, digits and "-._~" need neither percent-encoding nor JSON escaping, so the
        // whole GUIDRef is copied in one step, as most ids are.
        const qsizetype size = sourcedId.size();
        char *cursor = out.extend(text.start.size() + size + sourcedIdMember.size() + size + 1
                                  + text.end.size());
        const auto copy = [&cursor](QByteArrayView bytes) {
            if (!bytes.isEmpty())
                std::memcpy(cursor, bytes.data(), size_t(bytes.size()));
            cursor += bytes.size();
        };
        copy(text.start);
        copy(sourcedId);
        copy(sourcedIdMember);
        copy(sourcedId);
        *cursor++ = '"';
        copy(text.end);
        return;
    }
    out.append(text.start);
    // The percent-encoded id contains only letters, digits, '%' and "-._~", so it needs no
    // JSON escaping.
    appendPercentEncoded(out, sourcedId);
    out.append("\",\"sourcedId\":");
    appendJsonUtf8(out, sourcedId);
    out.append(text.end);
}

void ObjectWriter::writeField(JsonBuffer &out, const EntityField &field, RowValues &row, int column)
{
    // A NULL text reads as empty, so text and references need no separate check for NULL.
    if (field.kind == ValueKind::Text || field.kind == ValueKind::DateTime
        || field.kind == ValueKind::Date) {
        const QByteArrayView text = row.text(column);
        if (text.isEmpty())
            return;
        writeMemberName(out, field);
        appendJsonUtf8(out, text);
        return;
    }
    if (field.kind == ValueKind::Ref) {
        const QByteArrayView id = row.text(column);
        if (id.isEmpty())
            return;
        writeMemberName(out, field);
        appendGuidRef(out, field.refType, id);
        return;
    }
    if (row.isNull(column))
        return;
    switch (field.kind) {
    case ValueKind::Text:
    case ValueKind::DateTime:
    case ValueKind::Date:
    case ValueKind::Ref:
        // Written above.
        return;
    case ValueKind::Status:
        writeMemberName(out, field);
        out.append(row.text(column) == "tobedeleted" ? "\"tobedeleted\"" : "\"active\"");
        return;
    case ValueKind::Boolean:
        writeMemberName(out, field);
        out.append(row.integer(column) != 0 ? "\"true\"" : "\"false\"");
        return;
    case ValueKind::Number: {
        const double number = row.real(column);
        // JSON has no NaN or infinity, and an absent value is omitted rather than null.
        if (!std::isfinite(number))
            return;
        writeMemberName(out, field);
        appendNumber(out, number);
        return;
    }
    case ValueKind::YearText:
        writeMemberName(out, field);
        out.append('"');
        out.append(QByteArray::number(row.integer(column)));
        out.append('"');
        return;
    case ValueKind::TextList: {
        const QByteArrayView stored = row.text(column);
        if (isPlainStringArray(stored)) {
            writeMemberName(out, field);
            out.append(stored);
            return;
        }
        const QJsonArray items = storedArray(stored);
        if (items.isEmpty())
            return;
        writeMemberName(out, field);
        out.append(QJsonDocument(items).toJson(QJsonDocument::Compact));
        return;
    }
    case ValueKind::UserIds: {
        JsonBuffer ids;
        const QJsonArray items = storedArray(row.text(column));
        for (const QJsonValue &item : items) {
            // Stored as {type:identifier}, as OneRoster CSV writes them.
            QString text = item.toString();
            if (text.startsWith(QLatin1Char('{')) && text.endsWith(QLatin1Char('}')))
                text = text.mid(1, text.size() - 2);
            const qsizetype colon = text.indexOf(QLatin1Char(':'));
            if (colon <= 0)
                continue;
            ids.append(ids.isEmpty() ? "[{\"type\":" : ",{\"type\":");
            appendJsonString(ids, QStringView(text).left(colon));
            ids.append(",\"identifier\":");
            appendJsonString(ids, QStringView(text).sliced(colon + 1));
            ids.append('}');
        }
        if (ids.isEmpty())
            return;
        writeMemberName(out, field);
        out.append(ids.view());
        out.append(']');
        return;
    }
    case ValueKind::RefList: {
        const QJsonArray items = storedArray(row.text(column));
        if (items.isEmpty())
            return;
        writeMemberName(out, field);
        out.append('[');
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0)
                out.append(',');
            appendGuidRef(out, field.refType, items.at(i).toString().toUtf8());
        }
        out.append(']');
        return;
    }
    case ValueKind::Json: {
        const QJsonDocument document = QJsonDocument::fromJson(row.text(column).toByteArray());
        if (!document.isArray() && !document.isObject())
            return;
        writeMemberName(out, field);
        out.append(document.toJson(QJsonDocument::Compact));
        return;
    }
    }
}

} // namespace hub::oneroster
