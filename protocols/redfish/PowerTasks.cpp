#include "PowerTasks.h"

#include "BaseMessages.h"
#include "TaskRegistry.h"
#include "TaskServiceResource.h"

using namespace Qt::StringLiterals;

PowerTasks::PowerTasks(PowerController *power, TaskRegistry *tasks, QObject *parent)
    : QObject(parent)
    , m_power(power)
    , m_tasks(tasks)
{
    connect(power, &PowerController::requestStarted, this, &PowerTasks::onStarted);
    connect(power, &PowerController::requestFinished, this, &PowerTasks::onFinished);
}

RedfishReply PowerTasks::track(const PowerController::Submission &submission, PowerController::Action action,
                               const RedfishRequest &request, const QJsonObject &body)
{
    const int id = m_tasks->create(PowerController::actionName(action), request.user, u"POST"_s, request.path, body,
                                   submission.queued ? TaskRegistry::State::Pending : TaskRegistry::State::Running);
    m_taskByTicket.insert(submission.ticket, id);
    if (submission.queued) {
        PowerController *power = m_power;
        const quint64 ticket = submission.ticket;
        m_tasks->setCanceller(
            id, [power, ticket](const QString &user) { return power->cancel(ticket, Actor::redfish(user)); });
    }
    return TaskServiceResource::accepted(*m_tasks->find(id));
}

void PowerTasks::onStarted(quint64 ticket)
{
    if (const auto it = m_taskByTicket.constFind(ticket); it != m_taskByTicket.cend())
        m_tasks->start(*it);
}

void PowerTasks::onFinished(quint64 ticket, PowerController::Outcome outcome, const QString &detail)
{
    const auto it = m_taskByTicket.constFind(ticket);
    if (it == m_taskByTicket.cend())
        return;
    const int id = *it;
    m_taskByTicket.erase(it);
    if (outcome == PowerController::Outcome::Completed) {
        m_tasks->finish(id, TaskRegistry::State::Completed, RedfishReply::success(), {BaseMessages::success()});
        return;
    }
    // What the reset would have answered had it waited, with the reason as the resolution.
    struct Ending
    {
        TaskRegistry::State state;
        const char *message;
        int status;
    };
    const Ending ending = outcome == PowerController::Outcome::TimedOut
        ? Ending{TaskRegistry::State::Exception, "OperationTimeout", 500}
        : outcome == PowerController::Outcome::Interrupted
        ? Ending{TaskRegistry::State::Interrupted, "OperationFailed", 409}
        : Ending{TaskRegistry::State::Cancelled, "OperationFailed", 409};
    RedfishMessage message = BaseMessages::make(ending.message);
    message.resolution = detail;
    m_tasks->finish(id, ending.state, RedfishReply::error(ending.status, message), {message});
}
