#include "PlatformLogging.h"

Q_LOGGING_CATEGORY(lcSim, "qbmc.sim")
Q_LOGGING_CATEGORY(lcGpio, "qbmc.gpio")
Q_LOGGING_CATEGORY(lcLinux, "qbmc.linux")
Q_LOGGING_CATEGORY(lcSerial, "qbmc.serial")
