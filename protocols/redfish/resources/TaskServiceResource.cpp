#include "TaskServiceResource.h"

#include "BaseMessages.h"
#include "RedfishJson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {
const RedfishSchema serviceSchema{"TaskService", "v1_2_1"};
const RedfishSchema taskSchema{"Task", "v1_7_4"};
const RedfishSchema collectionSchema{"TaskCollection"};
const QString servicePath = u"/redfish/v1/TaskService"_s;
const QString tasksPath = u"/redfish/v1/TaskService/Tasks"_s;
const QString monitorsPath = u"/redfish/v1/TaskService/TaskMonitors"_s;

QString stateName(TaskRegistry::State state)
{
    switch (state) {
    case TaskRegistry::State::Pending: return u"Pending"_s;
    case TaskRegistry::State::Running: return u"Running"_s;
    case TaskRegistry::State::Completed: return u"Completed"_s;
    case TaskRegistry::State::Exception: return u"Exception"_s;
    case TaskRegistry::State::Interrupted: return u"Interrupted"_s;
    case TaskRegistry::State::Cancelled: return u"Cancelled"_s;
    }
    return u"Exception"_s;
}

QString statusName(TaskRegistry::State state)
{
    switch (state) {
    case TaskRegistry::State::Exception: return u"Critical"_s;
    case TaskRegistry::State::Interrupted:
    case TaskRegistry::State::Cancelled: return u"Warning"_s;
    default: return u"OK"_s;
    }
}
} // namespace

TaskServiceResource::TaskServiceResource(TaskRegistry *tasks, QObject *parent)
    : RedfishResource(parent)
    , m_tasks(tasks)
{
}

void TaskServiceResource::registerIn(ServiceDirectory &directory)
{
    directory.addRootLink(u"Tasks"_s, servicePath);
    directory.addSchemas({serviceSchema, taskSchema, collectionSchema});
    RouteTable &routes = directory.routes();
    using enum HttpMethod;
    using enum RedfishPrivilege;
    routes.add(Get, servicePath, Login, this, &TaskServiceResource::service);
    routes.add(Get, tasksPath, Login, this, &TaskServiceResource::collection);
    routes.add(Get, tasksPath + u"/{id}"_s, Login, this, &TaskServiceResource::task);
    routes.add(Get, monitorsPath + u"/{id}"_s, Login, this, &TaskServiceResource::monitor);
    routes.add(Delete, monitorsPath + u"/{id}"_s, ConfigureComponents, this, &TaskServiceResource::cancel);
}

QString TaskServiceResource::monitorPath(int id)
{
    return monitorsPath + u'/' + QString::number(id);
}

QJsonObject TaskServiceResource::taskJson(const TaskRegistry::Task &task)
{
    QJsonArray messages;
    for (const RedfishMessage &message : task.messages)
        messages.append(message.toJson());
    QJsonObject json{
        {u"@odata.id"_s, tasksPath + u'/' + QString::number(task.id)},
        {u"@odata.type"_s, taskSchema.odataType()},
        {u"Id"_s, QString::number(task.id)},
        {u"Name"_s, task.name},
        {u"TaskState"_s, stateName(task.state)},
        {u"TaskStatus"_s, statusName(task.state)},
        {u"StartTime"_s, task.startTime.toString(Qt::ISODate)},
        {u"PercentComplete"_s, task.percentComplete},
        {u"TaskMonitor"_s, monitorPath(task.id)},
        {u"Messages"_s, messages},
        {u"HidePayload"_s, false},
        // Never the request's headers: they carry its credentials.
        {u"Payload"_s,
         QJsonObject{
             {u"HttpOperation"_s, task.method},
             {u"TargetUri"_s, task.targetUri},
             {u"JsonBody"_s, QString::fromUtf8(QJsonDocument(task.body).toJson(QJsonDocument::Compact))},
             {u"HttpHeaders"_s, QJsonArray{}},
         }},
    };
    if (task.hasEnded())
        json.insert(u"EndTime"_s, task.endTime.toString(Qt::ISODate));
    return json;
}

RedfishReply TaskServiceResource::accepted(const TaskRegistry::Task &task)
{
    RedfishReply reply = RedfishReply::ok(taskJson(task), 202);
    reply.headers.emplaceBack("Location", monitorPath(task.id).toUtf8());
    reply.headers.emplaceBack("Retry-After", "1");
    return reply;
}

RedfishReply TaskServiceResource::service() const
{
    return RedfishReply::ok(QJsonObject{
        {u"@odata.id"_s, servicePath},
        {u"@odata.type"_s, serviceSchema.odataType()},
        {u"Id"_s, u"TaskService"_s},
        {u"Name"_s, u"Task Service"_s},
        {u"ServiceEnabled"_s, true},
        {u"CompletedTaskOverWritePolicy"_s, u"Oldest"_s},
        {u"LifeCycleEventOnTaskStateChange"_s, false},
        {u"DateTime"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {u"Tasks"_s, RedfishJson::link(tasksPath)},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
    });
}

RedfishReply TaskServiceResource::collection() const
{
    QStringList members;
    for (const TaskRegistry::Task &task : m_tasks->tasks())
        members.append(tasksPath + u'/' + QString::number(task.id));
    return RedfishReply::ok(RedfishJson::collection(tasksPath, collectionSchema, u"Tasks"_s, members));
}

const TaskRegistry::Task *TaskServiceResource::find(const RedfishRequest &request) const
{
    bool ok = false;
    const int id = request.params.value(0).toInt(&ok);
    return ok ? m_tasks->find(id) : nullptr;
}

RedfishReply TaskServiceResource::task(const RedfishRequest &request) const
{
    const TaskRegistry::Task *task = find(request);
    if (!task)
        return RedfishReply::notFound(u"Task"_s, request.params.value(0));
    return RedfishReply::ok(taskJson(*task));
}

RedfishReply TaskServiceResource::monitor(const RedfishRequest &request) const
{
    const TaskRegistry::Task *task = find(request);
    if (!task)
        return RedfishReply::notFound(u"TaskMonitor"_s, request.params.value(0));
    if (task->hasEnded())
        return task->result;
    RedfishReply reply = accepted(*task);
    // Clients ask the monitor whether DELETE would cancel.
    reply.headers.emplaceBack("Allow", task->cancel ? "GET, DELETE" : "GET");
    return reply;
}

RedfishReply TaskServiceResource::cancel(const RedfishRequest &request)
{
    const TaskRegistry::Task *task = find(request);
    if (!task)
        return RedfishReply::notFound(u"TaskMonitor"_s, request.params.value(0));
    if (!task->cancel || !task->cancel(request.user)) {
        RedfishReply reply = RedfishReply::error(405, BaseMessages::operationNotAllowed());
        reply.headers.emplaceBack("Allow", "GET");
        return reply;
    }
    return RedfishReply::noContent();
}
