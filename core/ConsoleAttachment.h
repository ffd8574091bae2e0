#pragma once

#include "Actor.h"
#include "ConsoleHub.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

// One remote client of the host console that carries bytes (an SSH channel, a WebSocket): it
// reads the hub's output at its own pace and holds the console's input while it is the remote
// writer. The first client to type while no remote client holds input becomes the writer; the
// others read, and are told once who writes. A client that falls further behind than the hub's
// history skips what it missed and is told how much; nothing it has not taken is copied for it,
// so a client that never reads costs no memory (docs/decisions.md#109).
class ConsoleAttachment : public QObject
{
    Q_OBJECT
public:
    // Reads from the current end of the hub's output on. A client that draws the hub's terminal
    // model instead of a terminal of its own has the model answer the host's queries for it.
    ConsoleAttachment(ConsoleHub *hub, Actor actor,
                      ConsoleHub::QueryAnswers queryAnswers = ConsoleHub::QueryAnswers::ByClient,
                      QObject *parent = nullptr);
    ~ConsoleAttachment() override;

    // Tries to take the input, once the face listens to the signals: a reader hears who writes.
    void start() { tryToTakeInput(); }

    const Actor &actor() const { return m_actor; }
    bool holdsInput() const { return m_holdsInput; }

    // Output not yet taken, at most `maximum` bytes of it.
    QByteArray takeOutput(qsizetype maximum);
    qint64 pendingBytes() const;

    // To the host while this client holds the input (or can take it now it is free); otherwise
    // nothing is written and the client gets a notice, once per holder. What the transport cannot
    // take (its bound on unsent input) is dropped with a notice, once while the line stays busy.
    // False when nothing went.
    bool write(const QByteArray &bytes);
    void sendBreak();
    // Gives the input back, for another client to take.
    void release();
    // Takes the input from whichever client holds it, as the screen's take-over does: that
    // client is told and loses its hold, and the take-over is logged with this client's actor.
    void takeOver();

    // A notice as a face puts it into the byte stream: on a line of its own.
    static QByteArray noticeLine(const QString &text);

signals:
    // There is output to take (once per arrival, whatever the client has taken so far).
    void outputAvailable();
    // Something the client's user should read, said once: who holds the input, output skipped.
    void notice(const QString &text);
    // The screen took the input over from this client; its face ends the connection.
    void ended(const QString &reason);

private:
    bool tryToTakeInput();

    QPointer<ConsoleHub> m_hub;
    Actor m_actor;
    ConsoleHub::QueryAnswers m_queryAnswers;
    qint64 m_offset = 0;
    bool m_holdsInput = false;
    QString m_toldHolder;    // the holder a notice last named, so it is named once
    bool m_toldBusy = false; // input was dropped and the client told, until a write goes whole
};
