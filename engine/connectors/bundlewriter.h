// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "connectors/connector.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace hub::connectors {

// Writes OneRoster REST records (JSON objects as a 1.1 or 1.2 provider returns them) as a CSV
// bundle, so that they load through the same validation and all-or-nothing path as an uploaded
// bundle. References ({"sourcedId": ...} objects and lists of them) become the CSV's
// ...SourcedId and ...SourcedIds columns, userIds become {type:identifier} lists, and the roles
// of 1.2 users become roles.csv rows.
// NOTE: metadata objects of the records are not carried over into the bundle.
class BundleWriter
{
public:
    enum class Mode { Bulk, Delta };

    BundleWriter(QString folder, int version, Mode mode);

    // Adds the records of one file, such as "users"; a file given no records is written with
    // its header only, so a bulk pull of an empty collection clears it.
    void addRecords(const QString &fileKey, const QList<QJsonObject> &records);
    // Writes manifest.csv and the files. Returns the bytes written.
    Result<qint64> finish();

    // The CSV value of a column for a REST record: the mapping between the REST and CSV names.
    static QString csvValue(const QString &column, const QJsonObject &record);

private:
    QString m_folder;
    int m_version;
    Mode m_mode;
    QMap<QString, QList<QJsonObject>> m_records;
};

// Opens, validates and loads a bundle folder for a connector run: validation ends the running
// Map phase (its findings go to the run log), and the Load phase stores the bundle all or
// nothing. Returns the rows loaded; a failure has already been recorded in the phase.
Result<qint64> loadBundle(const RunEnvironment &environment, const QString &folder);

} // namespace hub::connectors
