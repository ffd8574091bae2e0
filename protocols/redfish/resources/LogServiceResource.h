#pragma once

#include "RedfishResource.h"

class ConsoleHub;
class EventLog;
struct EventLogEntry;

// The manager's logs: EventLog (the event log IPMI's SEL and the screen show, with ClearLog) and
// HostConsole (the host's serial console log files, each an entry whose attachment is the file).
class LogServiceResource : public RedfishResource
{
    Q_OBJECT
public:
    LogServiceResource(EventLog *eventLog, ConsoleHub *console, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

private:
    RedfishReply services() const;
    RedfishReply eventLog() const;
    RedfishReply eventEntries() const;
    RedfishReply eventEntry(const RedfishRequest &request) const;
    RedfishReply clearEventLog(const RedfishRequest &request);
    RedfishReply consoleLog() const;
    RedfishReply consoleEntries() const;
    RedfishReply consoleEntry(const RedfishRequest &request) const;
    RedfishReply consoleAttachment(const RedfishRequest &request) const;
    QString consoleFile(const QString &id) const;
    static QJsonObject eventEntryJson(const EventLogEntry &entry);
    static QJsonObject consoleEntryJson(const QString &id, const QString &path);

    EventLog *m_eventLog;
    ConsoleHub *m_console;
};
