#pragma once

#include "RouteTable.h"

#include <QObject>

class Bmc;

// The manager's logs: EventLog (the event log IPMI's SEL and the screen show, with ClearLog) and
// HostConsole (the host's serial console log files, each an entry whose attachment is the file).
class LogServiceResource : public QObject
{
    Q_OBJECT
public:
    LogServiceResource(Bmc *bmc, RouteTable &routes, QObject *parent = nullptr);

private:
    RedfishReply services() const;
    RedfishReply eventLog() const;
    RedfishReply eventEntries() const;
    RedfishReply eventEntry(const QString &id) const;
    RedfishReply clearEventLog(const RedfishRequest &request);
    RedfishReply consoleLog() const;
    RedfishReply consoleEntries() const;
    RedfishReply consoleEntry(const QString &id) const;
    RedfishReply consoleAttachment(const QString &id) const;
    QString consoleFile(const QString &id) const;

    Bmc *m_bmc;
};
