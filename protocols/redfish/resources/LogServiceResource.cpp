#include "LogServiceResource.h"

#include "BaseMessages.h"
#include "ConsoleHub.h"
#include "EventLog.h"
#include "RedfishJson.h"

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using RedfishJson::link;

namespace {
const RedfishSchema serviceSchema{"LogService", "v1_9_0"};
const RedfishSchema serviceCollectionSchema{"LogServiceCollection"};
const RedfishSchema entrySchema{"LogEntry", "v1_21_0"};
const RedfishSchema entryCollectionSchema{"LogEntryCollection"};
const QString servicesPath = u"/redfish/v1/Managers/bmc/LogServices"_s;
const QString eventLogPath = servicesPath + u"/EventLog"_s;
const QString consoleLogPath = servicesPath + u"/HostConsole"_s;

QString severityName(EventLogEntry::Severity severity)
{
    switch (severity) {
    case EventLogEntry::Severity::Info: return u"OK"_s;
    case EventLogEntry::Severity::Warning: return u"Warning"_s;
    case EventLogEntry::Severity::Critical: return u"Critical"_s;
    }
    return u"OK"_s;
}

QJsonObject logService(const QString &path, const QString &id, const QString &name, const QString &entryType)
{
    return QJsonObject{
        {u"@odata.id"_s, path},
        {u"@odata.type"_s, serviceSchema.odataType()},
        {u"Id"_s, id},
        {u"Name"_s, name},
        {u"ServiceEnabled"_s, true},
        {u"OverWritePolicy"_s, u"WrapsWhenFull"_s},
        {u"LogEntryType"_s, entryType},
        {u"DateTime"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {u"DateTimeLocalOffset"_s, u"+00:00"_s},
        {u"Entries"_s, link(path + u"/Entries"_s)},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
    };
}
} // namespace

LogServiceResource::LogServiceResource(EventLog *eventLog, ConsoleHub *console, QObject *parent)
    : RedfishResource(parent)
    , m_eventLog(eventLog)
    , m_console(console)
{
}

void LogServiceResource::registerIn(ServiceDirectory &directory)
{
    directory.addSchemas({serviceSchema, serviceCollectionSchema, entrySchema, entryCollectionSchema});
    RouteTable &routes = directory.routes();
    using enum HttpMethod;
    using enum RedfishPrivilege;
    routes.add(Get, servicesPath, Login, this, &LogServiceResource::services);
    routes.add(Get, eventLogPath, Login, this, &LogServiceResource::eventLog);
    routes.add(Get, eventLogPath + u"/Entries"_s, Login, this, &LogServiceResource::eventEntries);
    routes.add(Get, eventLogPath + u"/Entries/{id}"_s, Login, this, &LogServiceResource::eventEntry);
    routes.add(Post, eventLogPath + u"/Actions/LogService.ClearLog"_s, ConfigureManager, this,
               &LogServiceResource::clearEventLog);
    routes.add(Get, consoleLogPath, Login, this, &LogServiceResource::consoleLog);
    routes.add(Get, consoleLogPath + u"/Entries"_s, Login, this, &LogServiceResource::consoleEntries);
    routes.add(Get, consoleLogPath + u"/Entries/{id}"_s, Login, this, &LogServiceResource::consoleEntry);
    // What the host printed is as sensitive as its console: operators and up (docs/decisions.md#67).
    routes.add(Get, consoleLogPath + u"/Entries/{id}/attachment"_s, ConfigureComponents, this,
               &LogServiceResource::consoleAttachment);
}

RedfishReply LogServiceResource::services() const
{
    return RedfishReply::ok(RedfishJson::collection(servicesPath, serviceCollectionSchema, u"Log Service Collection"_s,
                                                    {eventLogPath, consoleLogPath}));
}

RedfishReply LogServiceResource::eventLog() const
{
    QJsonObject json = logService(eventLogPath, u"EventLog"_s, u"Event Log"_s, u"Event"_s);
    json.insert(u"MaxNumberOfRecords"_s, m_eventLog->capacity());
    json.insert(u"Actions"_s,
                QJsonObject{{u"#LogService.ClearLog"_s,
                             QJsonObject{{u"target"_s, eventLogPath + u"/Actions/LogService.ClearLog"_s}}}});
    return RedfishReply::ok(json);
}

// LogEntryCollection's schema expands its members automatically (OData.AutoExpand): clients such
// as Ansible's redfish_info read the entries from Members without fetching each one.
RedfishReply LogServiceResource::eventEntries() const
{
    QJsonObject json =
        RedfishJson::collection(eventLogPath + u"/Entries"_s, entryCollectionSchema, u"Event Log Entries"_s, {});
    QJsonArray members;
    for (const EventLogEntry &entry : m_eventLog->entries())
        members.append(eventEntryJson(entry));
    json.insert(u"Members@odata.count"_s, members.size());
    json.insert(u"Members"_s, members);
    return RedfishReply::ok(json);
}

RedfishReply LogServiceResource::eventEntry(const RedfishRequest &request) const
{
    const QString id = request.params.at(0);
    bool ok = false;
    const std::optional<EventLogEntry> entry = m_eventLog->entry(id.toUInt(&ok));
    if (!ok || !entry)
        return RedfishReply::notFound(u"LogEntry"_s, id);
    return RedfishReply::ok(eventEntryJson(*entry));
}

QJsonObject LogServiceResource::eventEntryJson(const EventLogEntry &entry)
{
    const QString id = QString::number(entry.id);
    return QJsonObject{
        {u"@odata.id"_s, eventLogPath + u"/Entries/"_s + id},
        {u"@odata.type"_s, entrySchema.odataType()},
        {u"Id"_s, id},
        {u"Name"_s, u"Event Log Entry"_s},
        {u"EntryType"_s, u"Event"_s},
        {u"Severity"_s, severityName(entry.severity)},
        {u"Created"_s, entry.timestamp.toString(Qt::ISODate)},
        {u"Message"_s, u"%1 (%2)"_s.arg(entry.message, entry.actor.toString())},
    };
}

RedfishReply LogServiceResource::clearEventLog(const RedfishRequest &request)
{
    m_eventLog->clear(Actor::redfish(request.user));
    return RedfishReply::noContent();
}

RedfishReply LogServiceResource::consoleLog() const
{
    return RedfishReply::ok(logService(consoleLogPath, u"HostConsole"_s, u"Host Console Log"_s, u"OEM"_s));
}

QString LogServiceResource::consoleFile(const QString &id) const
{
    // Entry 0 is console.log, 1 is console.log.1, ...; files() lists them oldest first.
    m_console->log()->flush();
    const QStringList files = m_console->log()->files();
    bool ok = false;
    const int generation = id.toInt(&ok);
    if (!ok || generation < 0 || generation >= files.size())
        return {};
    return files.at(files.size() - 1 - generation);
}

RedfishReply LogServiceResource::consoleEntries() const
{
    QJsonObject json =
        RedfishJson::collection(consoleLogPath + u"/Entries"_s, entryCollectionSchema, u"Host Console Log Files"_s, {});
    QJsonArray members;
    const qsizetype count = m_console->log()->files().size();
    for (qsizetype generation = 0; generation < count; ++generation) {
        const QString id = QString::number(generation);
        members.append(consoleEntryJson(id, consoleFile(id)));
    }
    json.insert(u"Members@odata.count"_s, members.size());
    json.insert(u"Members"_s, members);
    return RedfishReply::ok(json);
}

RedfishReply LogServiceResource::consoleEntry(const RedfishRequest &request) const
{
    const QString id = request.params.at(0);
    const QString path = consoleFile(id);
    if (path.isEmpty())
        return RedfishReply::notFound(u"LogEntry"_s, id);
    return RedfishReply::ok(consoleEntryJson(id, path));
}

QJsonObject LogServiceResource::consoleEntryJson(const QString &id, const QString &path)
{
    const QFileInfo file(path);
    const QString entryPath = consoleLogPath + u"/Entries/"_s + id;
    return QJsonObject{
        {u"@odata.id"_s, entryPath},
        {u"@odata.type"_s, entrySchema.odataType()},
        {u"Id"_s, id},
        {u"Name"_s, file.fileName()},
        {u"EntryType"_s, u"Oem"_s},
        {u"OemRecordFormat"_s, u"qbmc host console"_s},
        {u"Severity"_s, u"OK"_s},
        {u"Created"_s, file.lastModified().toUTC().toString(Qt::ISODate)},
        {u"Message"_s, u"Host serial console output, %1 bytes"_s.arg(file.size())},
        {u"AdditionalDataURI"_s, entryPath + u"/attachment"_s},
        {u"AdditionalDataSizeBytes"_s, file.size()},
    };
}

RedfishReply LogServiceResource::consoleAttachment(const RedfishRequest &request) const
{
    const QString id = request.params.at(0);
    QFile file(consoleFile(id));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return RedfishReply::notFound(u"LogEntry"_s, id);
    RedfishReply reply;
    reply.raw = file.readAll();
    reply.contentType = "application/octet-stream";
    if (reply.raw.isEmpty())
        return RedfishReply::noContent();
    return reply;
}
