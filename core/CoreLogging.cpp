#include "CoreLogging.h"

Q_LOGGING_CATEGORY(lcPower, "qbmc.power")
Q_LOGGING_CATEGORY(lcEvents, "qbmc.events")
Q_LOGGING_CATEGORY(lcAccounts, "qbmc.accounts")
Q_LOGGING_CATEGORY(lcConfig, "qbmc.config")
Q_LOGGING_CATEGORY(lcState, "qbmc.state")
Q_LOGGING_CATEGORY(lcSessions, "qbmc.sessions")
Q_LOGGING_CATEGORY(lcConsole, "qbmc.console")
Q_LOGGING_CATEGORY(lcMedia, "qbmc.media")
