#pragma once

#include <QDateTime>
#include <QObject>
#include <QtQml/qqmlregistration.h>

class PowerController;

// The host's power for the screen: state, the running action, who asked for the last one, and
// the same request slot IPMI and Redfish call, with the screen as the actor. Values are the
// names Redfish uses ("On", "ForceOff", "ipmi"); the QML side words them in the user's language.
class PowerViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.power provides it")
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(QString runningAction READ runningAction NOTIFY busyChanged)
    Q_PROPERTY(QString lastAction READ lastAction NOTIFY lastRequestChanged)
    Q_PROPERTY(QString lastOrigin READ lastOrigin NOTIFY lastRequestChanged)
    Q_PROPERTY(QString lastUser READ lastUser NOTIFY lastRequestChanged)
    Q_PROPERTY(QDateTime lastTime READ lastTime NOTIFY lastRequestChanged)
    Q_PROPERTY(bool lastActionFailed READ lastActionFailed NOTIFY lastRequestChanged)

public:
    explicit PowerViewModel(PowerController *power, QObject *parent = nullptr);

    QString state() const;
    bool isBusy() const;
    QString runningAction() const;
    QString lastAction() const;
    QString lastOrigin() const;
    QString lastUser() const;
    QDateTime lastTime() const;
    bool lastActionFailed() const;

    Q_INVOKABLE bool isSupported(const QString &action) const;
    // A press on the screen: "Accepted", "AlreadyDone", "Busy", "InvalidInState", "Unsupported",
    // or "Unknown" for a name PowerController does not know.
    Q_INVOKABLE QString request(const QString &action);

signals:
    void stateChanged();
    void busyChanged();
    void lastRequestChanged();

private:
    PowerController *m_power;
};
