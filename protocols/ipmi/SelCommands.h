#pragma once

#include "CommandTable.h"
#include "Reservation.h"

#include <QObject>

class EventLog;

// Storage commands of the System Event Log over qbmc's EventLog: Get SEL Info, Get SEL Allocation
// Info, Reserve SEL, Get SEL Entry, Add SEL Entry, Clear SEL, Get SEL Time and Set SEL Time.
// Registers them in the table it is given.
class SelCommands : public QObject
{
    Q_OBJECT
public:
    SelCommands(EventLog *eventLog, CommandTable &table, QObject *parent = nullptr);

private:
    IpmiResponse getInfo(const IpmiRequest &request) const;
    IpmiResponse getAllocationInfo(const IpmiRequest &request) const;
    IpmiResponse reserve(const IpmiRequest &request);
    IpmiResponse getEntry(const IpmiRequest &request) const;
    IpmiResponse addEntry(const IpmiRequest &request);
    IpmiResponse clear(const IpmiRequest &request);
    IpmiResponse getTime(const IpmiRequest &request) const;
    IpmiResponse setTime(const IpmiRequest &request) const;

    // The position in EventLog::entries() of the entry a request names, if there is one.
    std::optional<qsizetype> indexOf(quint16 recordId) const;

    EventLog *m_eventLog;
    Reservation m_reservation;
};
