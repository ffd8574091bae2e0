#include "ConsoleHub.h"

#include "ConsoleTransport.h"
#include "CoreLogging.h"
#include "EventLog.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
// A console log flushed this often loses at most this much output to a power cut, and an SD card
// sees a write a second instead of one per character.
constexpr auto logFlushInterval = 1s;
// A paced reader that has not moved for this long is taken to have stalled.
constexpr auto pacedReaderStallTime = 1s;
} // namespace

ConsoleHub::ConsoleHub(Settings settings, EventLog *eventLog, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_eventLog(eventLog)
    , m_history(m_settings.historyBytes)
    , m_log(m_settings.logDirectory, m_settings.logFileBytes,
            m_settings.logDirectory.isEmpty() ? 0 : m_settings.logFiles)
    , m_terminal(m_settings.columns, m_settings.rows, m_settings.scrollbackLines)
{
    connect(&m_terminal, &TerminalScreen::reply, this, [this](const QByteArray &bytes) {
        if (m_remote && m_remoteQueryAnswers == QueryAnswers::ByModel)
            writeRemote(bytes);
        else
            writeLocal(bytes);
    });
    m_logFlush.setSingleShot(true);
    m_logFlush.setInterval(logFlushInterval);
    connect(&m_logFlush, &QTimer::timeout, this, [this] { m_log.flush(); });
    m_pacedReaderStall.setSingleShot(true);
    m_pacedReaderStall.setInterval(pacedReaderStallTime);
    connect(&m_pacedReaderStall, &QTimer::timeout, this, [this] {
        if (!m_sourcePaused)
            return;
        qCInfo(lcConsole, "the SoL client stopped taking output; reading the console on without it");
        setSourcePaused(false);
    });
}

ConsoleHub::~ConsoleHub()
{
    m_log.flush();
}

void ConsoleHub::setTransport(ConsoleTransport *transport)
{
    m_transport = transport;
    connect(transport, &ConsoleTransport::received, this, &ConsoleHub::onReceived);
    connect(transport, &ConsoleTransport::stateChanged, this, &ConsoleHub::onTransportStateChanged);
    transport->start();
    if (transport->state() == ConsoleTransport::State::WaitingForDevice) {
        m_eventLog->warning(Actor::bmc(),
                            u"Serial console %1 is not available (%2); qbmc tries again every second"_s.arg(
                                transport->description(), transport->problem()));
    } else {
        qCInfo(lcConsole, "serial console on %s", qPrintable(transport->description()));
    }
    emit stateChanged(state());
}

ConsoleHub::State ConsoleHub::state() const
{
    if (!m_transport)
        return State::NoConsole;
    return m_transport->state() == ConsoleTransport::State::Connected ? State::Connected : State::WaitingForDevice;
}

QString ConsoleHub::description() const
{
    return m_transport ? m_transport->description() : QString();
}

void ConsoleHub::onTransportStateChanged()
{
    if (state() == State::Connected) {
        m_eventLog->info(Actor::bmc(), u"Serial console %1 connected"_s.arg(m_transport->description()));
        m_hostSignalsKnown = false; // a new device starts with its own line state
    } else {
        m_eventLog->warning(Actor::bmc(),
                            u"Serial console %1 lost (%2); qbmc tries again every second"_s.arg(
                                m_transport->description(), m_transport->problem()));
    }
    emit stateChanged(state());
}

void ConsoleHub::onReceived(const QByteArray &data)
{
    m_history.append(data);
    m_log.append(data);
    m_terminal.feed(data);
    if (!m_logFlush.isActive())
        m_logFlush.start();
    emit outputArrived(data);
    updatePacing();
}

void ConsoleHub::setPacedReader(qint64 offset)
{
    if (m_pacedReader != offset)
        m_pacedReaderStall.start();
    m_pacedReader = offset;
    updatePacing();
}

void ConsoleHub::clearPacedReader()
{
    m_pacedReader.reset();
    m_pacedReaderStall.stop();
    setSourcePaused(false);
}

void ConsoleHub::updatePacing()
{
    if (!m_pacedReader)
        return;
    const qint64 behind = endOffset() - *m_pacedReader;
    const qsizetype capacity = m_history.capacity();
    if (!m_sourcePaused && behind > capacity / 2 && m_pacedReaderStall.isActive())
        setSourcePaused(true);
    else if (m_sourcePaused && behind < capacity / 4)
        setSourcePaused(false);
}

void ConsoleHub::setSourcePaused(bool paused)
{
    if (m_sourcePaused == paused)
        return;
    m_sourcePaused = paused;
    if (m_transport)
        m_transport->setReadingPaused(paused);
}

bool ConsoleHub::attachRemote(const Actor &actor, QueryAnswers queryAnswers)
{
    if (m_remote)
        return false;
    m_remote = actor;
    m_remoteQueryAnswers = queryAnswers;
    emit remoteAttachedChanged(true);
    return true;
}

void ConsoleHub::detachRemote()
{
    if (!m_remote)
        return;
    m_remote.reset();
    clearPacedReader();
    emit remoteAttachedChanged(false);
}

qint64 ConsoleHub::writeRemote(const QByteArray &data)
{
    if (!m_remote || state() != State::Connected)
        return 0;
    return m_transport->write(data);
}

bool ConsoleHub::writeLocal(const QByteArray &data)
{
    if (m_remote || state() != State::Connected)
        return false;
    return m_transport->write(data) == data.size();
}

void ConsoleHub::takeOver(const Actor &actor)
{
    if (!m_remote)
        return;
    m_eventLog->info(actor, u"Console input taken over from %1"_s.arg(m_remote->toString()));
    emit remoteTakenOver(actor);
    detachRemote();
}

void ConsoleHub::sendBreak(const Actor &actor)
{
    if (state() != State::Connected)
        return;
    qCInfo(lcConsole, "serial break from %s", qPrintable(actor.toString()));
    m_transport->sendBreak(m_settings.breakDuration);
}

void ConsoleHub::discardUnsentInput()
{
    if (state() == State::Connected)
        m_transport->discardUnsentInput();
}

void ConsoleHub::setHostSignals(bool clearToSend, bool carrierDetect)
{
    if (state() != State::Connected)
        return;
    if (m_hostSignalsKnown && clearToSend == m_clearToSend && carrierDetect == m_carrierDetect)
        return;
    m_hostSignalsKnown = true;
    m_clearToSend = clearToSend;
    m_carrierDetect = carrierDetect;
    m_transport->setHostSignals(clearToSend, carrierDetect);
}

void ConsoleHub::setBitRate(int bitRate)
{
    if (m_transport)
        m_transport->setBitRate(bitRate);
}
