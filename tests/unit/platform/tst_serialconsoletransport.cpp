#include "serial/SerialConsoleTransport.h"

#include "SerialPair.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

// The transport on a socat pseudo-terminal pair: the test is the host on the far end.
class tst_SerialConsoleTransport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void carriesBytesBothWays();
    void waitsForAMissingDeviceAndPicksItUp();
    void unplugIsNoticedAndReplugPickedUp();
    void breakAndLineSignals();
    void pausedReadingHoldsOutputBack();

private:
    bool plug() { return m_serial->start(); }
    void unplug() { m_serial->stop(); }
    QByteArray hostReads() { return m_serial->hostReads(); }
    QString bmcPath() const { return m_serial->bmcPath(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SerialPair> m_serial;
};

void tst_SerialConsoleTransport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_serial = std::make_unique<SerialPair>(m_dir->filePath(u"ttyBMC"_s), m_dir->filePath(u"ttyHOST"_s));
}

void tst_SerialConsoleTransport::cleanup()
{
    m_serial.reset();
    m_dir.reset();
}

void tst_SerialConsoleTransport::carriesBytesBothWays()
{
    QVERIFY(plug());
    SerialConsoleTransport transport({bmcPath()});
    transport.start();
    QCOMPARE(transport.state(), ConsoleTransport::State::Connected);
    QCOMPARE(transport.description(), bmcPath() + u" at 115200 8N1"_s);
    QVERIFY(transport.problem().isEmpty());

    QByteArray received;
    connect(&transport, &ConsoleTransport::received, this, [&](const QByteArray &data) { received += data; });
    const QByteArray binary("\x00\x01\xff\r\n~.", 7);
    QCOMPARE(::write(m_serial->hostFd(), binary.constData(), size_t(binary.size())), ssize_t(binary.size()));
    QTRY_COMPARE(received, binary);

    QCOMPARE(transport.write("typed\r"), 6);
    QByteArray atHost;
    QTRY_COMPARE((atHost += hostReads()), QByteArray("typed\r"));

    // A flood of input waits up to the bound; the rest is refused, not buffered without end.
    const QByteArray paste(SerialConsoleTransport::maxUnsentInput * 2, 'p');
    const qint64 taken = transport.write(paste);
    QVERIFY2(taken >= SerialConsoleTransport::maxUnsentInput / 2 && taken <= SerialConsoleTransport::maxUnsentInput,
             qPrintable(QString::number(taken)));
}

void tst_SerialConsoleTransport::waitsForAMissingDeviceAndPicksItUp()
{
    SerialConsoleTransport transport({bmcPath()});
    QSignalSpy states(&transport, &ConsoleTransport::stateChanged);
    transport.start();
    QCOMPARE(transport.state(), ConsoleTransport::State::WaitingForDevice);
    QVERIFY(!transport.problem().isEmpty());
    QCOMPARE(transport.write("lost"), 0);

    QVERIFY(plug());
    QTRY_COMPARE_WITH_TIMEOUT(transport.state(), ConsoleTransport::State::Connected, 20000);
    QCOMPARE(states.count(), 1);
}

void tst_SerialConsoleTransport::unplugIsNoticedAndReplugPickedUp()
{
    QVERIFY(plug());
    SerialConsoleTransport transport({bmcPath()});
    QSignalSpy states(&transport, &ConsoleTransport::stateChanged);
    transport.start();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"serial console .*ttyBMC at 115200 8N1: "_s));
    unplug();
    QTRY_COMPARE_WITH_TIMEOUT(transport.state(), ConsoleTransport::State::WaitingForDevice, 20000);
    QCOMPARE(states.count(), 1);

    QVERIFY(plug());
    QTRY_COMPARE_WITH_TIMEOUT(transport.state(), ConsoleTransport::State::Connected, 20000);
    QCOMPARE(states.count(), 2);
    QByteArray received;
    connect(&transport, &ConsoleTransport::received, this, [&](const QByteArray &data) { received += data; });
    QCOMPARE(::write(m_serial->hostFd(), "back", 4), ssize_t(4));
    QTRY_COMPARE(received, QByteArray("back"));
}

void tst_SerialConsoleTransport::breakAndLineSignals()
{
    QVERIFY(plug());
    SerialConsoleTransport transport({bmcPath()});
    transport.start();
    QSignalSpy breaks(&transport, &ConsoleTransport::breakSent);
    transport.sendBreak(50ms);
    QCOMPARE(breaks.count(), 1);
    QCOMPARE(breaks.at(0).at(0).value<std::chrono::milliseconds>(), 50ms);
    // A pseudo-terminal has no RTS or DTR: the request fails quietly and the port stays up.
    transport.setHostSignals(false, false);
    transport.discardUnsentInput();
    transport.setBitRate(9600);
    QTest::qWait(100);
    QCOMPARE(transport.state(), ConsoleTransport::State::Connected);
    QCOMPARE(transport.description(), bmcPath() + u" at 9600 8N1"_s);
}

void tst_SerialConsoleTransport::pausedReadingHoldsOutputBack()
{
    QVERIFY(plug());
    SerialConsoleTransport transport({bmcPath()});
    transport.start();
    QByteArray received;
    connect(&transport, &ConsoleTransport::received, this, [&](const QByteArray &data) { received += data; });
    transport.setReadingPaused(true);
    QCOMPARE(::write(m_serial->hostFd(), "held", 4), ssize_t(4));
    QTest::qWait(200);
    QVERIFY(received.isEmpty());
    transport.setReadingPaused(false);
    QTRY_COMPARE(received, QByteArray("held"));
}

QTEST_GUILESS_MAIN(tst_SerialConsoleTransport)
#include "tst_serialconsoletransport.moc"
