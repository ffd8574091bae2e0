#pragma once

#include "ConsoleTransport.h"

#include <QList>

// A console transport the test plays both ends of: `hostPrints` is the host's output, `written`
// what reached the host, and every line control is recorded. `unplug` and `plug` move it between
// the two states as a vanishing adapter would.
class FakeConsoleTransport : public ConsoleTransport
{
    Q_OBJECT
public:
    using ConsoleTransport::ConsoleTransport;

    void start() override { ++starts; }
    State state() const override { return m_state; }
    QString problem() const override { return m_state == State::Connected ? QString() : QStringLiteral("unplugged"); }
    QString description() const override { return QStringLiteral("fake serial port"); }

    qint64 write(const QByteArray &data) override
    {
        if (m_state != State::Connected)
            return 0;
        const qsizetype taken = capacity < 0 ? data.size() : qMin(data.size(), capacity - written.size());
        written += data.first(qMax<qsizetype>(0, taken));
        return qMax<qsizetype>(0, taken);
    }
    void discardUnsentInput() override { ++discards; }
    void sendBreak(std::chrono::milliseconds duration) override
    {
        breaks.append(duration);
        emit breakSent(duration);
    }
    void setHostSignals(bool clearToSend, bool carrierDetect) override
    {
        hostSignals.append({clearToSend, carrierDetect});
    }
    void setReadingPaused(bool paused) override
    {
        readingPaused = paused;
        if (!paused && !held.isEmpty())
            emit received(std::exchange(held, {}));
    }
    void setBitRate(int rate) override { bitRate = rate; }

    // Host output; held back while reading is paused, as a device's own buffer would.
    void hostPrints(const QByteArray &data)
    {
        if (readingPaused)
            held += data;
        else
            emit received(data);
    }
    void unplug() { setState(State::WaitingForDevice); }
    void plug() { setState(State::Connected); }

    qsizetype capacity = -1; // bytes `written` may hold; -1: no bound
    int starts = 0;
    int discards = 0;
    int bitRate = 0;
    bool readingPaused = false;
    QByteArray written;
    QByteArray held;
    QList<std::chrono::milliseconds> breaks;
    QList<std::pair<bool, bool>> hostSignals;

private:
    void setState(State state)
    {
        m_state = state;
        emit stateChanged(state);
    }

    State m_state = State::Connected;
};
