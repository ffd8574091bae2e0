#pragma once

#include "gpio/GpioChip.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>

#include <memory>

// A GPIO chip in memory: records every level written, lets the test drive the inputs, and fails
// when told to.
class FakeGpioChip : public GpioChip
{
    Q_OBJECT
public:
    struct Write
    {
        unsigned line = 0;
        int value = 0;
        qint64 nanoseconds = 0; // since the chip was made
    };
    // Shared, so that a test can still read it after the backend has destroyed the chip.
    using WriteLog = QList<Write>;

    FakeGpioChip() { m_clock.start(); }

    bool requestOutput(unsigned line, int initialValue) override
    {
        if (!request(line))
            return false;
        setValue(line, initialValue);
        return true;
    }

    bool requestInput(unsigned line) override { return request(line); }

    void setValue(unsigned line, int value) override
    {
        m_levels.insert(line, value);
        m_writes->append({line, value, m_clock.nsecsElapsed()});
    }

    int value(unsigned line) const override
    {
        ++m_readCounts[line];
        if (m_unreadableLines.contains(line)) {
            m_errorString = QStringLiteral("cannot read line %1: Input/output error").arg(line);
            return -1;
        }
        return m_levels.value(line, 0);
    }

    QString name() const override { return QStringLiteral("fakechip0"); }
    QString errorString() const override { return m_errorString; }

    // Sets the level on the wire and reports an edge, as the kernel would.
    void setInput(unsigned line, int level)
    {
        m_levels.insert(line, level);
        emit lineChanged(line);
    }
    void failRequestsFor(unsigned line) { m_busyLines.insert(line); }
    void failReadsFor(unsigned line) { m_unreadableLines.insert(line); }

    int level(unsigned line) const { return m_levels.value(line, -1); }
    int readCount(unsigned line) const { return m_readCounts.value(line); }
    bool isRequested(unsigned line) const { return m_requestedLines.contains(line); }
    std::shared_ptr<const WriteLog> writeLog() const { return m_writes; }

private:
    bool request(unsigned line)
    {
        if (m_busyLines.contains(line)) {
            m_errorString = QStringLiteral("Device or resource busy");
            return false;
        }
        m_requestedLines.insert(line);
        return true;
    }

    QElapsedTimer m_clock;
    QHash<unsigned, int> m_levels;
    QSet<unsigned> m_requestedLines;
    QSet<unsigned> m_busyLines;
    QSet<unsigned> m_unreadableLines;
    mutable QHash<unsigned, int> m_readCounts;
    std::shared_ptr<WriteLog> m_writes = std::make_shared<WriteLog>();
    mutable QString m_errorString;
};
