// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#pragma once

#include "fielderrors.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hubdesk {

class ApiJob;
class EngineClient;

// Asks for the key and name of the district's copy of a file specification and creates it
// (POST /api/v1/file-specs with basedOn). The engine's field errors show under the key and
// name, and the dialog stays open until the copy exists or the user cancels.
class CopyFileSpecDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CopyFileSpecDialog)

public:
    // base is the specification to copy as GET /api/v1/file-specs lists it. takenKeys are the
    // keys in use, which the suggested key avoids.
    CopyFileSpecDialog(EngineClient *client, const QJsonObject &base, const QStringList &takenKeys,
                       QWidget *parent = nullptr);
    ~CopyFileSpecDialog() override;

    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *nameEdit() const { return m_name; }
    // Sends the copy. The dialog closes when the engine has created it.
    void submit();

signals:
    // The engine created the copy, whose JSON is spec.
    void copied(const QJsonObject &spec);

private:
    EngineClient *m_client;
    QJsonObject m_base;
    QLineEdit *m_key;
    QLineEdit *m_name;
    QLabel *m_otherErrors;
    QDialogButtonBox *m_buttons;
    FieldErrors m_errors;
    QPointer<ApiJob> m_job;
};

} // namespace hubdesk
