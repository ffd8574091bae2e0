#pragma once

#include "CommandGroup.h"
#include "Reservation.h"

class EventLog;

// Storage commands of the System Event Log over qbmc's EventLog: Get SEL Info, Get SEL Allocation
// Info, Reserve SEL, Get SEL Entry, Add SEL Entry, Clear SEL, Get SEL Time and Set SEL Time.
class SelCommands : public CommandGroup
{
    Q_OBJECT
public:
    explicit SelCommands(EventLog *eventLog, QObject *parent = nullptr);
    void registerIn(CommandTable &table) override;

private:
    using None = RequestFields::None;
    struct GetEntryRequest;
    struct AddEntryRequest;
    struct ClearRequest;
    struct SetTimeRequest;

    IpmiResponse getInfo(const None &) const;
    IpmiResponse getAllocationInfo(const None &) const;
    IpmiResponse reserve(const None &);
    IpmiResponse getEntry(const GetEntryRequest &request) const;
    IpmiResponse addEntry(const AddEntryRequest &request, const IpmiCaller &caller);
    IpmiResponse clear(const ClearRequest &request, const IpmiCaller &caller);
    IpmiResponse getTime(const None &) const;
    IpmiResponse setTime(const SetTimeRequest &request) const;

    // The position in EventLog::entries() of the entry a request names, if there is one.
    std::optional<qsizetype> indexOf(quint16 recordId) const;

    EventLog *m_eventLog;
    Reservation m_reservation;
};
