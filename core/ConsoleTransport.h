#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <chrono>

// The wire to the host's serial console: a USB serial adapter or the simulated host's
// pseudo-terminal. The adapter can vanish and come back; the transport keeps trying on its own
// and says which of the two it is in. ConsoleHub is its only user.
class ConsoleTransport : public QObject
{
    Q_OBJECT
public:
    enum class State { Connected, WaitingForDevice };
    Q_ENUM(State)

    using QObject::QObject;

    // Opens the device, or keeps retrying every second until it appears.
    virtual void start() = 0;
    virtual State state() const = 0;
    // Why the device is not connected ("No such file or directory"); empty when it is.
    virtual QString problem() const = 0;
    // One line for logs and readers: "/dev/ttyUSB0 at 115200 8N1".
    virtual QString description() const = 0;

    // Bytes the transport took; nothing is taken while it waits for the device, and no more than
    // fits below its bound on input not yet sent (a serial line drains slowly, clients may not).
    virtual qint64 write(const QByteArray &data) = 0;
    // Drops input that was written but has not reached the wire yet.
    virtual void discardUnsentInput() = 0;
    // Holds the line in the break condition for `duration`.
    virtual void sendBreak(std::chrono::milliseconds duration) = 0;
    // The host's CTS and DCD/DSR inputs, which the BMC drives through RTS and DTR.
    virtual void setHostSignals(bool clearToSend, bool carrierDetect) = 0;
    // While paused nothing is read: the device's own buffers fill and, with flow control or a
    // pseudo-terminal, hold the host back. ConsoleHub pauses only for a reader that keeps up.
    virtual void setReadingPaused(bool paused) = 0;
    virtual void setBitRate(int bitRate) = 0;

signals:
    void received(const QByteArray &data);
    void stateChanged(ConsoleTransport::State state);
    void breakSent(std::chrono::milliseconds duration);
};
