// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "api/adminapi.h"
#include "core/result.h"
#include "http/router.h"

#include <QString>

#include <optional>

namespace hub::api {

// Steps that the single-request upload route (POST /api/v1/integrations/{id}/files) and the
// chunked upload routes share.

// The requirement on an inbound integration for a request: that it exists, or also that it is
// Active, because a file queues a run and an Inactive integration does not run.
enum class InboundCheck { Exists, AcceptsFiles };

// Returns nothing when the request's district has an inbound integration with this id that
// meets check. Otherwise returns 404 (no such integration) or 409 (not inbound, or Inactive).
std::optional<http::Response> checkInboundIntegration(const ApiContext &context, qint64 id,
                                                      InboundCheck check = InboundCheck::Exists);

// 409 integration_inactive for an integration whose status is Inactive, or nothing.
std::optional<http::Response> rejectInactive(const QJsonObject &integration, qint64 id);

// The name under which an uploaded file is stored: the last part of a Windows or POSIX path,
// without control characters, at most 200 bytes of UTF-8, and "upload.bin" when nothing is left.
QString storedUploadName(QString fileName);

// Creates an empty folder for one uploaded file under DATA_DIR/inbound/integration-ID and
// returns its path.
Result<QString> createUploadFolder(const ApiContext &context, qint64 integrationId);

// Queues a run of the inbound integration that reads the file at path, and returns the run
// (202). When no run is queued, the file and its folder are removed and the error is returned.
http::Response queueUploadedFileRun(const ApiContext &context, const http::Request &request,
                                    qint64 id, const QString &path);

} // namespace hub::api
