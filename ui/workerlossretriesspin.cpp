// SPDX-FileCopyrightText: 2026 Hubdesk contributors
// SPDX-License-Identifier: Apache-2.0

#include "workerlossretriesspin.h"

#include <QCoreApplication>
#include <QSpinBox>

namespace hubdesk {

QSpinBox *createWorkerLossRetriesSpin()
{
    auto spin = new QSpinBox;
    spin->setObjectName(QStringLiteral("workerLossRetriesSpin"));
    spin->setAccessibleName(
        QCoreApplication::translate("hubdesk::WorkerLossRetries", "Retries after an engine stop"));
    spin->setRange(0, kMaxWorkerLossRetries);
    spin->setValue(kDefaultWorkerLossRetries);
    //: Shown in the retries field when it is 0: no automatic runs after an engine stop.
    spin->setSpecialValueText(QCoreApplication::translate("hubdesk::WorkerLossRetries", "None"));
    spin->setToolTip(QCoreApplication::translate(
        "hubdesk::WorkerLossRetries",
        "When the engine that runs this integration stops in the middle of a run, for example in "
        "a restart or a crash, the run fails. The engine then runs the integration again by "
        "itself, up to this many times in a row. None turns this off. A report that runs again "
        "is delivered again, even if it was delivered before the stop."));
    return spin;
}

} // namespace hubdesk
