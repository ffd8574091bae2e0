#pragma once

#include "RedfishResource.h"
#include "TaskRegistry.h"

// TaskService, its Tasks and their task monitors (DSP0266's asynchronous operations). A monitor
// answers 202 with the task while it is pending or running, then the answer the request would
// have had if it had waited; DELETE on it cancels a task that can still be cancelled: a power
// request that has not started, a download into the media store (docs/decisions.md#105, #130).
class TaskServiceResource : public RedfishResource
{
    Q_OBJECT
public:
    explicit TaskServiceResource(TaskRegistry *tasks, QObject *parent = nullptr);
    void registerIn(ServiceDirectory &directory) override;

    // What a resource answers when it accepted a request as this task: 202, the task, and its
    // monitor in Location.
    static RedfishReply accepted(const TaskRegistry::Task &task);
    static QJsonObject taskJson(const TaskRegistry::Task &task);
    static QString monitorPath(int id);

private:
    RedfishReply service() const;
    RedfishReply collection() const;
    RedfishReply task(const RedfishRequest &request) const;
    RedfishReply monitor(const RedfishRequest &request) const;
    RedfishReply cancel(const RedfishRequest &request);
    const TaskRegistry::Task *find(const RedfishRequest &request) const;

    TaskRegistry *m_tasks;
};
