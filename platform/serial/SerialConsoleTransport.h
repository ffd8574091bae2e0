#pragma once

#include "ConsoleTransport.h"

#include <QSerialPort>
#include <QTimer>

// The host's console through a serial device: a USB serial adapter, or the simulated host's
// pseudo-terminal. A missing or unplugged device is retried every second and picked up again by
// itself; the break is the device's own (a pseudo-terminal cannot carry one, so breakSent() is
// also emitted for whoever stands behind it, such as the simulated host).
class SerialConsoleTransport : public ConsoleTransport
{
    Q_OBJECT
public:
    struct Settings
    {
        QString path;
        int bitRate = 115200;
        QSerialPort::DataBits dataBits = QSerialPort::Data8;
        QSerialPort::Parity parity = QSerialPort::NoParity;
        QSerialPort::StopBits stopBits = QSerialPort::OneStop;
        QSerialPort::FlowControl flowControl = QSerialPort::NoFlowControl;
    };

    explicit SerialConsoleTransport(Settings settings, QObject *parent = nullptr);
    ~SerialConsoleTransport() override;

    void start() override;
    State state() const override { return m_port.isOpen() ? State::Connected : State::WaitingForDevice; }
    QString problem() const override { return m_problem; }
    QString description() const override;

    // Input waiting for the line is bounded: at 115200 baud this is about 6 s of typing or pasting.
    static constexpr qint64 maxUnsentInput = 64 * 1024;

    qint64 write(const QByteArray &data) override;
    void discardUnsentInput() override;
    void sendBreak(std::chrono::milliseconds duration) override;
    void setHostSignals(bool clearToSend, bool carrierDetect) override;
    void setReadingPaused(bool paused) override;
    void setBitRate(int bitRate) override;

private:
    bool open();
    void retry();
    void readAvailable();
    void onError(QSerialPort::SerialPortError error);

    Settings m_settings;
    QSerialPort m_port;
    QTimer m_retry;
    QTimer m_breakEnd;
    QString m_problem;
    bool m_paused = false;
};
