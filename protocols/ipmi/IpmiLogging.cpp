#include "IpmiLogging.h"

Q_LOGGING_CATEGORY(lcIpmi, "qbmc.ipmi")
