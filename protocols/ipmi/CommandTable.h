#pragma once

#include "IpmiRequest.h"
#include "IpmiResponse.h"
#include "RequestFields.h"

#include <QHash>

#include <functional>
#include <tuple>
#include <type_traits>

// The IPMI commands qbmc answers, declared as data: network function, command, name, the lowest
// session privilege allowed, and a member function of a command group. The handler's first
// parameter is the command's request layout (RequestFields.h), from which the table takes the
// lengths it accepts; an IpmiCaller parameter, when the handler has one, says who asked. The table
// checks scope, privilege and length before a handler runs, and answers anything not in it with
// 0xC1 so clients fail fast. Adding a command is one layout, one handler and one add().
class CommandTable
{
public:
    // Commands that also work before a session exists (IPMI v2.0 section 13.14).
    enum class Scope { Session, AlsoOutsideSession };

    struct Spec
    {
        quint8 netFn = 0;
        quint8 command = 0;
        const char *name = "";
        Privilege privilege = Privilege::User;
        Scope scope = Scope::Session;
    };

    // `handler` is one of
    //   IpmiResponse Group::handler(const Layout &fields) [const]
    //   IpmiResponse Group::handler(const Layout &fields, const IpmiCaller &caller) [const]
    template <typename Group, typename Handler>
    void add(const Spec &spec, Group *group, Handler handler);

    // Checks scope, privilege and length, then decodes the data and runs the handler.
    IpmiResponse dispatch(const IpmiRequest &request) const;

    struct Entry
    {
        Spec spec;
        RequestFields::Lengths lengths;
        std::function<IpmiResponse(const IpmiRequest &)> run;
    };
    const Entry *find(quint8 netFn, quint8 command) const;
    QList<const Entry *> entries() const;

private:
    template <typename Handler>
    struct HandlerTraits;
    template <typename Group, typename Layout, typename... Rest>
    struct HandlerTraits<IpmiResponse (Group::*)(const Layout &, Rest...)>
    {
        using Fields = Layout;
    };
    template <typename Group, typename Layout, typename... Rest>
    struct HandlerTraits<IpmiResponse (Group::*)(const Layout &, Rest...) const>
    {
        using Fields = Layout;
    };

    void insert(Entry entry);

    QHash<quint16, Entry> m_entries;
};

template <typename Group, typename Handler>
void CommandTable::add(const Spec &spec, Group *group, Handler handler)
{
    using Fields = typename HandlerTraits<Handler>::Fields;
    insert({spec, RequestFields::lengthsOf<Fields>(), [group, handler](const IpmiRequest &request) {
                const Fields fields = RequestFields::decode<Fields>(request.data);
                if constexpr (std::is_invocable_v<Handler, Group *, const Fields &, const IpmiCaller &>)
                    return (group->*handler)(fields, request.caller);
                else
                    return (group->*handler)(fields);
            }});
}
