#include "RedfishLogging.h"

Q_LOGGING_CATEGORY(lcRedfish, "qbmc.redfish")
