#pragma once

#include "TerminalScreen.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

class ConsoleHub;

// The host's serial console on the screen: the hub's terminal model (drawn by TerminalView), the
// adapter's state, and input that reaches the host only while no remote client owns it; the
// screen may take input over, which ends the client's hold and is logged (docs/decisions.md#52).
// Keys are encoded by the terminal model in the host's current modes (docs/decisions.md#108).
class ConsoleViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.console provides it")
    Q_PROPERTY(TerminalScreen *terminal READ terminal CONSTANT)
    Q_PROPERTY(QString connection READ connection NOTIFY connectionChanged)
    Q_PROPERTY(QString device READ device NOTIFY connectionChanged)
    Q_PROPERTY(bool remoteAttached READ isRemoteAttached NOTIFY remoteChanged)
    Q_PROPERTY(QString remoteOrigin READ remoteOrigin NOTIFY remoteChanged)
    Q_PROPERTY(QString remoteUser READ remoteUser NOTIFY remoteChanged)

public:
    explicit ConsoleViewModel(ConsoleHub *hub, QObject *parent = nullptr);

    TerminalScreen *terminal() const;
    // "Connected", "WaitingForDevice" or "NoConsole".
    QString connection() const;
    QString device() const;
    bool isRemoteAttached() const;
    QString remoteOrigin() const;
    QString remoteUser() const;

    // False while a remote client owns input (nothing is sent then).
    Q_INVOKABLE bool send(const QString &text);
    Q_INVOKABLE bool sendLine(const QString &text) { return send(text + u'\r'); }
    // A TerminalScreen::Key by name ("Escape", "F2", "PageUp", ...), or "CtrlC" and "CtrlD".
    Q_INVOKABLE bool sendKey(const QString &key);
    Q_INVOKABLE void sendBreak();
    Q_INVOKABLE void takeOver();

signals:
    void connectionChanged();
    void remoteChanged();

private:
    ConsoleHub *m_hub;
};
