#include "TaskRegistry.h"

#include <algorithm>
#include <utility>

int TaskRegistry::create(const QString &name, const QString &owner, const QString &method, const QString &targetUri,
                         const QJsonObject &body, State state)
{
    makeRoom();
    Task task;
    task.id = ++m_lastId;
    task.name = name;
    task.state = state;
    task.startTime = QDateTime::currentDateTimeUtc();
    task.owner = owner;
    task.method = method;
    task.targetUri = targetUri;
    task.body = body;
    m_tasks.append(task);
    emit taskChanged(task.id);
    return task.id;
}

void TaskRegistry::setCanceller(int id, std::function<bool(const QString &user)> cancel)
{
    if (Task *task = findMutable(id))
        task->cancel = std::move(cancel);
}

void TaskRegistry::start(int id)
{
    Task *task = findMutable(id);
    if (!task || task->state != State::Pending)
        return;
    task->state = State::Running;
    task->startTime = QDateTime::currentDateTimeUtc();
    task->cancel = nullptr;
    emit taskChanged(id);
}

void TaskRegistry::setProgress(int id, int percentComplete)
{
    Task *task = findMutable(id);
    percentComplete = std::clamp(percentComplete, 0, 99);
    if (!task || task->hasEnded() || task->percentComplete == percentComplete)
        return;
    task->percentComplete = percentComplete;
    emit taskChanged(id);
}

void TaskRegistry::finish(int id, State state, const RedfishReply &result, const QList<RedfishMessage> &messages)
{
    Task *task = findMutable(id);
    if (!task || task->hasEnded())
        return;
    task->state = state;
    task->endTime = QDateTime::currentDateTimeUtc();
    task->result = result;
    task->messages = messages;
    task->percentComplete = 100;
    task->cancel = nullptr;
    emit taskChanged(id);
}

const TaskRegistry::Task *TaskRegistry::find(int id) const
{
    for (const Task &task : m_tasks) {
        if (task.id == id)
            return &task;
    }
    return nullptr;
}

TaskRegistry::Task *TaskRegistry::findMutable(int id)
{
    return const_cast<Task *>(std::as_const(*this).find(id));
}

void TaskRegistry::makeRoom()
{
    // Tasks still pending or running stay: whoever started them is following them. Their number
    // is bounded by what creates them (the power queue holds a few).
    while (m_tasks.size() >= maxTasks) {
        const auto ended =
            std::find_if(m_tasks.begin(), m_tasks.end(), [](const Task &task) { return task.hasEnded(); });
        if (ended == m_tasks.end())
            return;
        m_tasks.erase(ended);
    }
}
