#pragma once

#include "RedfishMessage.h"
#include "RedfishReply.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

// Redfish tasks: requests that outlast their HTTP exchange (DSP0266's asynchronous operations).
// The resource that accepts such a request creates a task, pending or running, answers 202 with
// the task's monitor, and ends the task with the answer the request would have had if it had
// waited. The newest maxTasks are kept; the oldest ended one makes room (docs/decisions.md#105).
class TaskRegistry : public QObject
{
    Q_OBJECT
public:
    enum class State { Pending, Running, Completed, Exception, Interrupted, Cancelled };
    Q_ENUM(State)

    struct Task
    {
        int id = 0;
        QString name;
        State state = State::Pending;
        QDateTime startTime;
        QDateTime endTime;
        QString owner; // who asked
        QString method;
        QString targetUri;
        QJsonObject body;
        QList<RedfishMessage> messages;
        RedfishReply result;     // meaningful once ended
        int percentComplete = 0; // for a task that can tell; 100 once ended
        // Set while the task can be cancelled (a pending power request, a download under way):
        // asked on behalf of a user, true when it no longer runs.
        std::function<bool(const QString &user)> cancel;

        bool hasEnded() const { return state != State::Pending && state != State::Running; }
    };

    static constexpr int maxTasks = 64;

    using QObject::QObject;

    int create(const QString &name, const QString &owner, const QString &method, const QString &targetUri,
               const QJsonObject &body, State state);
    void setCanceller(int id, std::function<bool(const QString &user)> cancel);
    // A pending task begins; what cancelled it while pending no longer can.
    void start(int id);
    void setProgress(int id, int percentComplete);
    void finish(int id, State state, const RedfishReply &result, const QList<RedfishMessage> &messages);

    const Task *find(int id) const;
    // Oldest first.
    const QList<Task> &tasks() const { return m_tasks; }

signals:
    void taskChanged(int id);

private:
    Task *findMutable(int id);
    void makeRoom();

    QList<Task> m_tasks;
    int m_lastId = 0;
};
