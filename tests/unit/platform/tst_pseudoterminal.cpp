#include "linux/PseudoTerminal.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

using namespace std::chrono_literals;

class tst_PseudoTerminal : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void opensASlaveDevice();
    void masterOutputReachesSlave();
    void slaveInputIsReceived();
    void allByteValuesRoundTrip();
    void fullBufferDropsInsteadOfBlocking();

private:
    QByteArray readSlave(qsizetype expected, std::chrono::milliseconds timeout = 5s);
    QByteArray receivedData(const QSignalSpy &spy) const;
    void writeSlave(const QByteArray &data);

    std::unique_ptr<PseudoTerminal> m_terminal;
    int m_slave = -1;
};

void tst_PseudoTerminal::init()
{
    m_terminal = std::make_unique<PseudoTerminal>();
    const std::optional<Failure> failure = m_terminal->open();
    QVERIFY2(!failure, qPrintable(failure ? failure->message : QString()));
    m_slave = ::open(QFile::encodeName(m_terminal->slavePath()).constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
    QVERIFY2(m_slave >= 0, qPrintable(m_terminal->slavePath()));
}

void tst_PseudoTerminal::cleanup()
{
    if (m_slave >= 0)
        ::close(m_slave);
    m_slave = -1;
    m_terminal.reset();
}

// Reads until `expected` bytes arrived or the time-out passed; returns what was read.
QByteArray tst_PseudoTerminal::readSlave(qsizetype expected, std::chrono::milliseconds timeout)
{
    QByteArray data;
    QDeadlineTimer deadline(timeout);
    while (data.size() < expected && !deadline.hasExpired()) {
        pollfd readable{m_slave, POLLIN, 0};
        if (::poll(&readable, 1, int(qMin<qint64>(deadline.remainingTime(), 100))) <= 0)
            continue;
        char buffer[4096];
        const ssize_t count = ::read(m_slave, buffer, sizeof buffer);
        if (count > 0)
            data.append(buffer, count);
    }
    return data;
}

QByteArray tst_PseudoTerminal::receivedData(const QSignalSpy &spy) const
{
    QByteArray data;
    for (const QList<QVariant> &arguments : spy)
        data += arguments.at(0).toByteArray();
    return data;
}

void tst_PseudoTerminal::writeSlave(const QByteArray &data)
{
    QCOMPARE(::write(m_slave, data.constData(), size_t(data.size())), ssize_t(data.size()));
}

void tst_PseudoTerminal::opensASlaveDevice()
{
    QVERIFY(m_terminal->isOpen());
    QVERIFY(m_terminal->slavePath().startsWith(u"/dev/pts/"));
    QVERIFY(QFileInfo::exists(m_terminal->slavePath()));
}

void tst_PseudoTerminal::masterOutputReachesSlave()
{
    const QByteArray text = "login: \r\n";
    m_terminal->write(text);
    QCOMPARE(readSlave(text.size()), text);
}

void tst_PseudoTerminal::slaveInputIsReceived()
{
    QSignalSpy received(m_terminal.get(), &PseudoTerminal::received);
    writeSlave("root\r");
    QTRY_COMPARE_WITH_TIMEOUT(receivedData(received), QByteArray("root\r"), 5000);
}

void tst_PseudoTerminal::allByteValuesRoundTrip()
{
    QByteArray everyByte;
    for (int value = 0; value < 256; ++value)
        everyByte.append(char(value));

    m_terminal->write(everyByte);
    QCOMPARE(readSlave(everyByte.size()), everyByte);

    QSignalSpy received(m_terminal.get(), &PseudoTerminal::received);
    writeSlave(everyByte);
    QTRY_COMPARE_WITH_TIMEOUT(receivedData(received), everyByte, 5000);
}

void tst_PseudoTerminal::fullBufferDropsInsteadOfBlocking()
{
    const QByteArray mebibyte(1024 * 1024, 'x');
    QElapsedTimer clock;
    clock.start();
    m_terminal->write(mebibyte);
    const qint64 elapsed = clock.elapsed();
    qInfo("writing 1 MiB nobody reads took %lld ms, %lld bytes dropped", elapsed, m_terminal->droppedBytes());
    QVERIFY2(elapsed < 5000, "a blocking write would have hung here");
    QVERIFY(m_terminal->droppedBytes() > 0);
    QVERIFY(m_terminal->droppedBytes() <= mebibyte.size());

    // What the pty buffered is still there; after it the line works as before.
    const qsizetype accepted = mebibyte.size() - m_terminal->droppedBytes();
    QCOMPARE(readSlave(accepted), QByteArray(accepted, 'x'));
    const QByteArray marker = "still alive\r\n";
    m_terminal->write(marker);
    QCOMPARE(readSlave(marker.size()), marker);

    QSignalSpy received(m_terminal.get(), &PseudoTerminal::received);
    writeSlave("ok");
    QTRY_COMPARE_WITH_TIMEOUT(receivedData(received), QByteArray("ok"), 5000);
}

QTEST_GUILESS_MAIN(tst_PseudoTerminal)
#include "tst_pseudoterminal.moc"
