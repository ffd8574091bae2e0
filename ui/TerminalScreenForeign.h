#pragma once

#include "TerminalScreen.h"

#include <QObject>
#include <QtQml/qqml.h>

// The console's terminal model (core) as a QML type, so that a view can be given it and QML can
// name its keys: TerminalScreen.F2. QML never creates one; Dashboard.console.terminal is the one.
struct TerminalScreenForeign
{
    Q_GADGET
    QML_FOREIGN(TerminalScreen)
    QML_NAMED_ELEMENT(TerminalScreen)
    QML_UNCREATABLE("Dashboard.console.terminal is the console's terminal")
};
