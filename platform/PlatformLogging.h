#pragma once

#include <QLoggingCategory>

// Logging categories of the platform room.
Q_DECLARE_LOGGING_CATEGORY(lcSim)
Q_DECLARE_LOGGING_CATEGORY(lcGpio)
Q_DECLARE_LOGGING_CATEGORY(lcLinux)
Q_DECLARE_LOGGING_CATEGORY(lcSerial)
