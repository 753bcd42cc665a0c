// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "http/router.h"
#include "oneroster/scopes.h"

#include <QString>

namespace hub::oneroster {

// The imsx_codeMinorFieldValue of an error. 1.1 and 1.2 spell some of them differently, for
// example "unknown object" in 1.1 and "unknownobject" in 1.2.
enum class CodeMinor {
    InvalidFilterField,
    InvalidSelectionField,
    InvalidSortField,
    InvalidData,
    Unauthorized,
    Forbidden,
    UnknownObject,
    ServerBusy,
    InternalServerError,
};

QString codeMinorName(Version version, CodeMinor code);

// An error response with an imsx_StatusInfo body: imsx_codeMajor "failure", imsx_severity
// "error", the description and one imsx_codeMinorField named TargetEndSystem. A 401 also gets
// a Bearer WWW-Authenticate challenge.
http::Response statusInfo(Version version, int status, CodeMinor code, const QString &description);

} // namespace hub::oneroster
