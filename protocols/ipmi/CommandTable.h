#pragma once

#include "IpmiRequest.h"
#include "IpmiResponse.h"

#include <QHash>

#include <functional>

// The IPMI commands qbmc answers, declared as data: network function, command, the lowest
// session privilege allowed, the request lengths allowed, and the handler. Adding a command is
// one entry. Anything not in the table is answered with 0xC1 so clients fail fast.
class CommandTable
{
public:
    using Handler = std::function<IpmiResponse(const IpmiRequest &)>;

    // Commands that also work before a session exists (IPMI v2.0 section 13.14).
    enum class Scope { Session, AlsoOutsideSession };

    struct Command
    {
        quint8 netFn = 0;
        quint8 command = 0;
        const char *name = "";
        Privilege privilege = Privilege::User;
        int minimumLength = 0;
        int maximumLength = 0;
        Handler handler;
        Scope scope = Scope::Session;
    };

    void add(Command command);
    const Command *find(quint8 netFn, quint8 command) const;

    // Checks scope, privilege and length, then runs the handler.
    IpmiResponse dispatch(const IpmiRequest &request) const;

private:
    QHash<quint16, Command> m_commands;
};
