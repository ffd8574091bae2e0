#pragma once

#include "ConsoleLineModel.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class ConsoleHub;

// The host's serial console on the screen: the hub's history as scrollback, live output, the
// adapter's state, and input that reaches the host only while no SoL client owns it; the screen
// may take input over, which ends the client's payload and is logged (docs/decisions.md#52).
class ConsoleViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.console provides it")
    Q_PROPERTY(ConsoleLineModel *lines READ lines CONSTANT)
    Q_PROPERTY(QString connection READ connection NOTIFY connectionChanged)
    Q_PROPERTY(QString device READ device NOTIFY connectionChanged)
    Q_PROPERTY(bool remoteAttached READ isRemoteAttached NOTIFY remoteChanged)
    Q_PROPERTY(QString remoteOrigin READ remoteOrigin NOTIFY remoteChanged)
    Q_PROPERTY(QString remoteUser READ remoteUser NOTIFY remoteChanged)

public:
    // Output is drawn at most this often, so a fast host costs the screen a bounded amount.
    static constexpr std::chrono::milliseconds refreshInterval{50};
    static constexpr int maximumLines = 2000;

    explicit ConsoleViewModel(ConsoleHub *hub, QObject *parent = nullptr);

    ConsoleLineModel *lines() { return &m_lines; }
    // "Connected", "WaitingForDevice" or "NoConsole".
    QString connection() const;
    QString device() const;
    bool isRemoteAttached() const;
    QString remoteOrigin() const;
    QString remoteUser() const;

    // False while a remote client owns input (nothing is sent then).
    Q_INVOKABLE bool send(const QString &text);
    Q_INVOKABLE bool sendLine(const QString &text) { return send(text + u'\r'); }
    // "Enter", "Tab", "Escape", "Backspace", "Up", "Down", "Left", "Right", "CtrlC", "CtrlD".
    Q_INVOKABLE bool sendKey(const QString &key);
    Q_INVOKABLE void sendBreak();
    Q_INVOKABLE void takeOver();

signals:
    void connectionChanged();
    void remoteChanged();

private:
    void flush();

    ConsoleHub *m_hub;
    ConsoleLineModel m_lines{maximumLines};
    QByteArray m_pending;
    QTimer m_refresh;
};
