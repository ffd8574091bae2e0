#include "RfbLogging.h"

Q_LOGGING_CATEGORY(lcRfb, "qbmc.rfb")
