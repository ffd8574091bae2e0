#pragma once

#include "PowerController.h"

#include <QObject>
#include <QtQml/qqml.h>

// PowerController's enums as QML sees them, scoped so that a state and an action of the same name
// cannot be mixed up: Power.State.On, Power.Action.ForceOff, Power.Admission.Busy. QML never
// compares the power state, an action or a request's result as a string.
struct PowerForeign
{
    Q_GADGET
    QML_FOREIGN(PowerController)
    QML_NAMED_ELEMENT(Power)
    QML_UNCREATABLE("Power names PowerController's enums; Dashboard.power is the power")
};
