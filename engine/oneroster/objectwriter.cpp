// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "objectwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QLocale>
#include <QUrl>

#include <algorithm>
#include <cmath>

namespace hub::oneroster {

namespace {

void appendEscapedByte(QByteArray &out, unsigned char byte)
{
    static constexpr char kHex[] = "0123456789abcdef";
    if (byte == '"' || byte == '\\') {
        out += '\\';
        out += char(byte);
    } else if (byte < 0x20) {
        out += "\\u00";
        out += kHex[byte >> 4];
        out += kHex[byte & 0xf];
    } else {
        out += char(byte);
    }
}

// Appends text as a quoted JSON string. The leading run of printable ASCII, which is most
// text in a roster, is copied in one pass into space reserved for it. The rest is converted
// to UTF-8 and escaped byte by byte.
void appendJsonString(QByteArray &out, QStringView text)
{
    const qsizetype start = out.size();
    out.resize(start + text.size() + 2);
    char *cursor = out.data() + start;
    *cursor++ = '"';
    qsizetype plain = 0;
    for (; plain < text.size(); ++plain) {
        const char16_t unit = text[plain].unicode();
        if (unit >= 0x80 || unit < 0x20 || unit == u'"' || unit == u'\\')
            break;
        *cursor++ = char(unit);
    }
    if (plain == text.size()) {
        *cursor = '"';
        return;
    }
    out.resize(start + 1 + plain);
    const QByteArray rest = text.sliced(plain).toUtf8();
    for (const char c : rest)
        appendEscapedByte(out, static_cast<unsigned char>(c));
    out += '"';
}

// Appends a sourced id percent-encoded for a URL path, as QUrl::toPercentEncoding() does. An id
// of letters, digits and "-._~" alone, the usual case, is copied as it is.
void appendPercentEncoded(QByteArray &out, QStringView id)
{
    const bool unreserved = std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        const char16_t unit = c.unicode();
        return (unit >= u'a' && unit <= u'z') || (unit >= u'A' && unit <= u'Z')
               || (unit >= u'0' && unit <= u'9') || unit == u'-' || unit == u'.' || unit == u'_'
               || unit == u'~';
    });
    if (!unreserved) {
        out += QUrl::toPercentEncoding(id.toString());
        return;
    }
    const qsizetype start = out.size();
    out.resize(start + id.size());
    char *cursor = out.data() + start;
    for (const QChar c : id)
        *cursor++ = char(c.unicode());
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
QJsonArray storedArray(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
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

void ObjectWriter::appendString(QByteArray &out, QStringView text)
{
    appendJsonString(out, text);
}

void ObjectWriter::writeMemberName(QByteArray &out, QStringView name)
{
    if (!m_firstMember)
        out += ',';
    m_firstMember = false;
    appendJsonString(out, name);
    out += ':';
}

void ObjectWriter::writeTextMember(QByteArray &out, QStringView name, const QString &text)
{
    if (text.isEmpty())
        return;
    writeMemberName(out, name);
    appendJsonString(out, text);
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

void ObjectWriter::appendGuidRef(QByteArray &out, const QString &type, QStringView sourcedId)
{
    out += "{\"href\":\"";
    // The percent-encoded id contains only letters, digits, '%' and "-._~", so it needs no
    // JSON escaping.
    out += hrefPrefix(type);
    appendPercentEncoded(out, sourcedId);
    out += "\",\"sourcedId\":";
    appendJsonString(out, sourcedId);
    out += ",\"type\":";
    appendJsonString(out, type);
    out += '}';
}

void ObjectWriter::writeField(QByteArray &out, const EntityField &field, const QVariant &value)
{
    if (value.isNull())
        return;
    switch (field.kind) {
    case ValueKind::Text:
    case ValueKind::DateTime:
    case ValueKind::Date: {
        const QString text = value.toString();
        if (text.isEmpty())
            return;
        writeMemberName(out, field.name);
        appendJsonString(out, text);
        return;
    }
    case ValueKind::Status:
        writeMemberName(out, field.name);
        out += value.toString() == QLatin1String("tobedeleted") ? "\"tobedeleted\"" : "\"active\"";
        return;
    case ValueKind::Boolean:
        writeMemberName(out, field.name);
        out += value.toLongLong() != 0 ? "\"true\"" : "\"false\"";
        return;
    case ValueKind::Number: {
        const double number = value.toDouble();
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
        out += QByteArray::number(value.toLongLong());
        out += '"';
        return;
    case ValueKind::TextList: {
        const QJsonArray items = storedArray(value);
        if (items.isEmpty())
            return;
        writeMemberName(out, field.name);
        out += QJsonDocument(items).toJson(QJsonDocument::Compact);
        return;
    }
    case ValueKind::UserIds: {
        QByteArray ids;
        const QJsonArray items = storedArray(value);
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
        const QString id = value.toString();
        if (id.isEmpty())
            return;
        writeMemberName(out, field.name);
        appendGuidRef(out, field.refType, id);
        return;
    }
    case ValueKind::RefList: {
        const QJsonArray items = storedArray(value);
        if (items.isEmpty())
            return;
        writeMemberName(out, field.name);
        out += '[';
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i > 0)
                out += ',';
            appendGuidRef(out, field.refType, items.at(i).toString());
        }
        out += ']';
        return;
    }
    case ValueKind::Json: {
        const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8());
        if (!document.isArray() && !document.isObject())
            return;
        writeMemberName(out, field.name);
        out += document.toJson(QJsonDocument::Compact);
        return;
    }
    }
}

} // namespace hub::oneroster
