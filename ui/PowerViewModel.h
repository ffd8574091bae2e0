#pragma once

#include "PowerController.h"

#include <QDateTime>
#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

// The host's power for the screen: state, the running action and those queued behind it, who
// asked for the last one, and the same request slot IPMI and Redfish call, with the screen as the
// actor. States, actions and results are PowerController's enums (Power.State.On in QML); the
// QML side words them in the user's language.
class PowerViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.power provides it")
    Q_PROPERTY(PowerController::State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(PowerController::Action runningAction READ runningAction NOTIFY runningChanged)
    Q_PROPERTY(QVariantList queuedActions READ queuedActions NOTIFY runningChanged)
    Q_PROPERTY(bool hasLastAction READ hasLastAction NOTIFY lastRequestChanged)
    Q_PROPERTY(PowerController::Action lastAction READ lastAction NOTIFY lastRequestChanged)
    Q_PROPERTY(QString lastOrigin READ lastOrigin NOTIFY lastRequestChanged)
    Q_PROPERTY(QString lastUser READ lastUser NOTIFY lastRequestChanged)
    Q_PROPERTY(QDateTime lastTime READ lastTime NOTIFY lastRequestChanged)
    Q_PROPERTY(bool lastActionFailed READ lastActionFailed NOTIFY lastRequestChanged)

public:
    explicit PowerViewModel(PowerController *power, QObject *parent = nullptr);

    PowerController::State state() const;
    bool isBusy() const;
    // Meaningful while busy.
    PowerController::Action runningAction() const;
    // What waits behind it, in order (PowerController::Action values).
    QVariantList queuedActions() const;
    bool hasLastAction() const;
    // Meaningful when hasLastAction.
    PowerController::Action lastAction() const;
    QString lastOrigin() const;
    QString lastUser() const;
    QDateTime lastTime() const;
    bool lastActionFailed() const;

    Q_INVOKABLE bool isSupported(PowerController::Action action) const;
    // A press on the screen.
    Q_INVOKABLE PowerController::Admission request(PowerController::Action action);

signals:
    void stateChanged();
    void busyChanged();
    void runningChanged();
    void lastRequestChanged();

private:
    PowerController *m_power;
};
