#pragma once

#include "PowerController.h"
#include "RedfishReply.h"
#include "RedfishRequest.h"

#include <QHash>
#include <QObject>

class TaskRegistry;

// Power requests that Redfish accepted, followed as tasks: a request that started or queued in
// the power model becomes a Redfish task that runs when it starts and ends as it ends, with the
// answer the reset would have had if it had waited (docs/decisions.md#105).
class PowerTasks : public QObject
{
    Q_OBJECT
public:
    PowerTasks(PowerController *power, TaskRegistry *tasks, QObject *parent = nullptr);

    // The 202 answer to `request`, whose action the power model accepted as `submission`.
    RedfishReply track(const PowerController::Submission &submission, PowerController::Action action,
                       const RedfishRequest &request, const QJsonObject &body);

private:
    void onStarted(quint64 ticket);
    void onFinished(quint64 ticket, PowerController::Outcome outcome, const QString &detail);

    PowerController *m_power;
    TaskRegistry *m_tasks;
    QHash<quint64, int> m_taskByTicket;
};
