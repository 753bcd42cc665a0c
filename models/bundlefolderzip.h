// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include <QCoreApplication>
#include <QFileInfoList>
#include <QString>

#include <functional>

namespace hubdesk {

// Packs a OneRoster bundle that is an unzipped folder, as most SIS exports produce it, into a
// zip that the engine's OneRoster bundle integration takes. The zip contains the folder's
// regular files at its top level, so manifest.csv is at the root. Subfolders, symbolic links,
// hidden files and special files (FIFOs, sockets, devices) are left out.
class BundleFolderZip final
{
    Q_DECLARE_TR_FUNCTIONS(hubdesk::BundleFolderZip)

public:
    struct Result
    {
        // Empty on success, else the reason in a sentence that names the folder or file.
        QString error;
        bool stopped = false;
        int fileCount = 0;
        // The bytes of the files that went into the zip, before compression.
        qint64 fileBytes = 0;

        bool ok() const { return error.isEmpty() && !stopped; }
    };

    // Called with the bytes read from the folder's files so far and their total.
    using ProgressCallback = std::function<void(qint64 doneBytes, qint64 totalBytes)>;
    // Returns true when the caller wants the packing to stop.
    using StopCallback = std::function<bool()>;

    // The files that the zip of folder contains, sorted by name.
    static QFileInfoList bundleFiles(const QString &folder);

    // Returns why folder cannot be uploaded as a OneRoster bundle (it is not a readable folder,
    // or it has no manifest.csv in any letter case, as the engine looks it up), or an empty
    // string.
    static QString checkFolder(const QString &folder);

    // Checks folder and writes its bundleFiles() into a new zip file at zipPath, with Deflate
    // compression. Files are read in blocks, so a folder of any size needs little memory. On an
    // error or a stop, zipPath is removed.
    static Result pack(const QString &folder, const QString &zipPath,
                       const ProgressCallback &progress = {}, const StopCallback &stop = {});
};

} // namespace hubdesk
