#pragma once

#include "Actor.h"
#include "ConsoleHistory.h"
#include "ConsoleLog.h"
#include "TerminalScreen.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

class ConsoleTransport;
class EventLog;

// The host's serial console, shared: one transport (adapter or simulated host) fanned out to every
// reader (SoL, SSH, the WebSocket, the screen's terminal, the console log) through a ring of recent output, and one
// writer at a time. A remote client (SoL) owns input while it is attached; the screen types only when none is, or takes
// over, which ends the remote client's hold and is logged (docs/decisions.md#52).
class ConsoleHub : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool remoteAttached READ isRemoteAttached NOTIFY remoteAttachedChanged)
public:
    struct Settings
    {
        qsizetype historyBytes = 256 * 1024;
        QString logDirectory; // empty: no console log
        qint64 logFileBytes = 1024 * 1024;
        int logFiles = 4;
        std::chrono::milliseconds breakDuration{300};
        int columns = 80; // as firmware draws
        int rows = 25;
        int scrollbackLines = 1000;
    };

    enum class State { NoConsole, Connected, WaitingForDevice };
    Q_ENUM(State)

    // Who answers the host's terminal queries (cursor position, device attributes) while a remote
    // client holds the input: a client with a terminal of its own (SoL, SSH, the raw WebSocket)
    // answers them itself; a client that draws the hub's terminal model has none, so the model
    // answers for it.
    enum class QueryAnswers { ByClient, ByModel };

    ConsoleHub(Settings settings, EventLog *eventLog, QObject *parent = nullptr);
    ~ConsoleHub() override;

    // The transport is not owned and must outlive the hub's use of it; starts it.
    void setTransport(ConsoleTransport *transport);
    State state() const;
    QString description() const;

    // Output. Offsets count every byte since qbmc started; see ConsoleHistory.
    qint64 endOffset() const { return m_history.endOffset(); }
    qint64 startOffset() const { return m_history.startOffset(); }
    QByteArray read(qint64 offset, qsizetype maximum) const { return m_history.read(offset, maximum); }
    QByteArray recentOutput() const { return m_history.read(m_history.startOffset(), m_history.capacity()); }
    qsizetype historyCapacity() const { return m_history.capacity(); }
    ConsoleLog *log() { return &m_log; }
    // The output as a terminal shows it, for the faces that draw cells (docs/decisions.md#108).
    // Its answers to the host's queries go to the host while no remote client holds the input,
    // or while the one that holds it draws this model (QueryAnswers::ByModel).
    TerminalScreen *terminal() { return &m_terminal; }

    // A reader that must not lose output (SoL) reports how far it has got. While it is more than
    // half the history behind and still moving, the hub stops reading the transport, the way
    // hardware flow control would; a reader that stops moving for a second no longer holds it.
    void setPacedReader(qint64 offset);
    void clearPacedReader();
    bool isSourcePaused() const { return m_sourcePaused; }

    // Input: one writer at a time.
    bool attachRemote(const Actor &actor, QueryAnswers queryAnswers = QueryAnswers::ByClient);
    void detachRemote();
    bool isRemoteAttached() const { return m_remote.has_value(); }
    // Who owns input while a remote client is attached: the screen says so.
    std::optional<Actor> remoteActor() const { return m_remote; }
    // Bytes the transport took; 0 while it waits for the device.
    qint64 writeRemote(const QByteArray &data);
    // False while a remote client owns input.
    bool writeLocal(const QByteArray &data);
    // Ends the remote client's hold on input (it sees its session end) and logs who did it.
    void takeOver(const Actor &actor);

    // Line control, from whoever owns input.
    void sendBreak(const Actor &actor);
    void discardUnsentInput();
    void setHostSignals(bool clearToSend, bool carrierDetect);
    void setBitRate(int bitRate);

signals:
    void outputArrived(const QByteArray &data);
    void stateChanged(ConsoleHub::State state);
    void remoteAttachedChanged(bool attached);
    // The remote client lost input to `actor`; its payload is to end.
    void remoteTakenOver(const Actor &actor);

private:
    void onReceived(const QByteArray &data);
    void onTransportStateChanged();
    void updatePacing();
    void setSourcePaused(bool paused);

    Settings m_settings;
    EventLog *m_eventLog;
    ConsoleTransport *m_transport = nullptr;
    ConsoleHistory m_history;
    ConsoleLog m_log;
    TerminalScreen m_terminal;
    QTimer m_logFlush;
    std::optional<Actor> m_remote;
    QueryAnswers m_remoteQueryAnswers = QueryAnswers::ByClient;
    std::optional<qint64> m_pacedReader;
    QTimer m_pacedReaderStall;
    bool m_sourcePaused = false;
    bool m_hostSignalsKnown = false;
    bool m_clearToSend = true;
    bool m_carrierDetect = true;
};
