// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "oneroster/entities.h"
#include "oneroster/rowvalues.h"

#include <QByteArray>
#include <QHash>
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
    void beginObject(QByteArray &out);
    void endObject(QByteArray &out);

    // Writes the member for the field from a column of the row, or nothing when the value is
    // absent.
    void writeField(QByteArray &out, const EntityField &field, RowValues &row, int column);
    // Writes the name of a member and the colon, after which the caller appends the value.
    void writeMemberName(QByteArray &out, QStringView name);
    // Writes a string member, or nothing when the text is empty.
    void writeTextMember(QByteArray &out, QStringView name, QByteArrayView text);

    // Appends the GUIDRef {href, sourcedId, type} of an object as a JSON value.
    void appendGuidRef(QByteArray &out, const QString &type, QByteArrayView sourcedId);
    // Appends UTF-8 text as a quoted JSON string.
    static void appendString(QByteArray &out, QByteArrayView text);

private:
    const QByteArray &hrefPrefix(const QString &type);

    Version m_version;
    QString m_origin;
    bool m_firstMember = true;
    // The href of each GUIDRef type up to the sourced id, such as
    // "http://127.0.0.1:8470/ims/oneroster/v1p1/orgs/", escaped for a JSON string.
    QHash<QString, QByteArray> m_hrefPrefixes;
};

} // namespace hub::oneroster
