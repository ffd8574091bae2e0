#include "SerialConsoleTransport.h"

#include "PlatformLogging.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
constexpr auto retryInterval = 1s;
// What QSerialPort holds while reading is paused before it stops reading the device; the rest
// waits in the kernel (and, with flow control or a pseudo-terminal, in the host).
constexpr qint64 readBufferBytes = 64 * 1024;

QString frameText(const SerialConsoleTransport::Settings &settings)
{
    const char parity = settings.parity == QSerialPort::EvenParity ? 'E'
        : settings.parity == QSerialPort::OddParity                ? 'O'
        : settings.parity == QSerialPort::MarkParity               ? 'M'
        : settings.parity == QSerialPort::SpaceParity              ? 'S'
                                                                   : 'N';
    return u"%1%2%3"_s.arg(int(settings.dataBits))
        .arg(QChar::fromLatin1(parity))
        .arg(settings.stopBits == QSerialPort::TwoStop ? 2 : 1);
}
} // namespace

SerialConsoleTransport::SerialConsoleTransport(Settings settings, QObject *parent)
    : ConsoleTransport(parent)
    , m_settings(std::move(settings))
{
    m_retry.setInterval(retryInterval);
    connect(&m_retry, &QTimer::timeout, this, &SerialConsoleTransport::retry);
    m_breakEnd.setSingleShot(true);
    connect(&m_breakEnd, &QTimer::timeout, this, [this] { m_port.setBreakEnabled(false); });
    connect(&m_port, &QSerialPort::readyRead, this, &SerialConsoleTransport::readAvailable);
    connect(&m_port, &QSerialPort::errorOccurred, this, &SerialConsoleTransport::onError);
}

SerialConsoleTransport::~SerialConsoleTransport()
{
    m_port.close();
}

QString SerialConsoleTransport::description() const
{
    return u"%1 at %2 %3"_s.arg(m_settings.path).arg(m_settings.bitRate).arg(frameText(m_settings));
}

void SerialConsoleTransport::start()
{
    if (!open())
        m_retry.start();
}

bool SerialConsoleTransport::open()
{
    m_port.setPortName(m_settings.path);
    m_port.setReadBufferSize(readBufferBytes);
    if (!m_port.open(QIODevice::ReadWrite)) {
        m_problem = m_port.errorString();
        return false;
    }
    // A device that takes none of these settings is not the serial port it was said to be.
    if (!m_port.setBaudRate(m_settings.bitRate) || !m_port.setDataBits(m_settings.dataBits)
        || !m_port.setParity(m_settings.parity) || !m_port.setStopBits(m_settings.stopBits)
        || !m_port.setFlowControl(m_settings.flowControl)) {
        m_problem = m_port.errorString();
        m_port.close();
        return false;
    }
    m_problem.clear();
    readAvailable(); // whatever arrived between open and now
    return true;
}

void SerialConsoleTransport::retry()
{
    if (!open())
        return;
    m_retry.stop();
    qCInfo(lcSerial, "serial console %s is back", qPrintable(description()));
    emit stateChanged(State::Connected);
}

void SerialConsoleTransport::onError(QSerialPort::SerialPortError error)
{
    // Only a device that stopped working counts: open failures are the retry loop's business, and
    // a line control a pseudo-terminal does not have (RTS, DTR) is no reason to let go of it.
    const bool deviceGone =
        error == QSerialPort::ResourceError || error == QSerialPort::ReadError || error == QSerialPort::WriteError;
    if (!deviceGone || !m_port.isOpen()) {
        if (error != QSerialPort::NoError)
            m_port.clearError();
        return;
    }
    m_problem = m_port.errorString();
    qCWarning(lcSerial, "serial console %s: %s", qPrintable(description()), qPrintable(m_problem));
    m_breakEnd.stop();
    m_port.close();
    m_port.clearError();
    m_retry.start();
    emit stateChanged(State::WaitingForDevice);
}

void SerialConsoleTransport::readAvailable()
{
    if (m_paused || !m_port.isOpen())
        return;
    const QByteArray data = m_port.readAll();
    if (!data.isEmpty())
        emit received(data);
}

qint64 SerialConsoleTransport::write(const QByteArray &data)
{
    if (!m_port.isOpen())
        return 0;
    const qint64 room = qMax<qint64>(0, maxUnsentInput - m_port.bytesToWrite());
    if (room == 0)
        return 0;
    const qint64 written = m_port.write(data.constData(), qMin<qint64>(room, data.size()));
    return written < 0 ? 0 : written;
}

void SerialConsoleTransport::discardUnsentInput()
{
    if (m_port.isOpen())
        m_port.clear(QSerialPort::Output);
}

void SerialConsoleTransport::sendBreak(std::chrono::milliseconds duration)
{
    if (!m_port.isOpen())
        return;
    m_port.setBreakEnabled(true);
    m_breakEnd.start(duration);
    qCInfo(lcSerial, "serial break for %lld ms on %s", qlonglong(duration.count()), qPrintable(m_settings.path));
    emit breakSent(duration);
}

void SerialConsoleTransport::setHostSignals(bool clearToSend, bool carrierDetect)
{
    if (!m_port.isOpen())
        return;
    // Hardware flow control drives RTS itself.
    if (m_settings.flowControl != QSerialPort::HardwareControl)
        m_port.setRequestToSend(clearToSend);
    m_port.setDataTerminalReady(carrierDetect);
}

void SerialConsoleTransport::setReadingPaused(bool paused)
{
    m_paused = paused;
    if (!paused)
        readAvailable();
}

void SerialConsoleTransport::setBitRate(int bitRate)
{
    m_settings.bitRate = bitRate;
    if (m_port.isOpen())
        m_port.setBaudRate(bitRate);
}
