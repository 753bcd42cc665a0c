// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "core/result.h"

#include <QSslConfiguration>
#include <QString>

namespace hub::http {

// Reads a PEM certificate (the server's first, then its chain) and a PEM private key, checks
// that the key belongs to the certificate, and returns the server's TLS configuration (TLS 1.2
// or later). Each error names the file and the fix.
Result<QSslConfiguration> loadTlsConfiguration(const QString &certificateFile,
                                               const QString &keyFile);

} // namespace hub::http
