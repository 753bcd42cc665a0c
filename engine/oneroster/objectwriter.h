// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/jsontext.h"
#include "oneroster/entities.h"
#include "oneroster/rowvalues.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

namespace hub::oneroster {

// Writes OneRoster objects as compact UTF-8 JSON text, with the payload rules of the
// specification: absent values are omitted, booleans are the strings "true" and "false", and
// references are GUIDRefs. Values are written as QJsonDocument writes them, without the cost
// of a QJsonObject per record.
class ObjectWriter
{
public:
    // origin is scheme://host:port of the request, the start of every href.
    ObjectWriter(Version version, QString origin);

    // Starts an object in out. Write its members next, then call endObject().
    void beginObject(JsonBuffer &out);
    void endObject(JsonBuffer &out);

    // Writes the member for the field from a column of the row, or nothing when the value is
    // absent.
    void writeField(JsonBuffer &out, const EntityField &field, RowValues &row, int column);
    // Writes the name of a member and the colon, after which the caller appends the value.
    void writeMemberName(JsonBuffer &out, QStringView name);
    void writeMemberName(JsonBuffer &out, const EntityField &field);
    // Writes a string member, or nothing when the text is empty.
    void writeTextMember(JsonBuffer &out, QStringView name, QByteArrayView text);

    // Appends the GUIDRef {href, sourcedId, type} of an object as a JSON value.
    void appendGuidRef(JsonBuffer &out, const QString &type, QByteArrayView sourcedId);
    // Appends UTF-8 text as a quoted JSON string.
    static void appendString(JsonBuffer &out, QByteArrayView text);

private:
    // The text of a GUIDRef of one type around its sourced id: the start up to the id in the
    // href, such as {"href":"http://127.0.0.1:8470/ims/oneroster/v1p1/orgs/, and the end from
    // the type member on, such as ,"type":"org"}.
    struct GuidRefText
    {
        QString type;
        QByteArray start;
        QByteArray end;
    };
    const GuidRefText &guidRefText(const QString &type);

    Version m_version;
    QString m_origin;
    bool m_firstMember = true;
    // A page has a few GUIDRef types, so a list is searched faster than a hash.
    QList<GuidRefText> m_guidRefTexts;
};

} // namespace hub::oneroster
