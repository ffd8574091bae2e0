#include "serial/SerialConsoleTransport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
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
    bool plug();
    void unplug();
    QByteArray hostReads();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_socat;
    int m_host = -1;
};

void tst_SerialConsoleTransport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void tst_SerialConsoleTransport::cleanup()
{
    unplug();
    m_dir.reset();
}

bool tst_SerialConsoleTransport::plug()
{
    m_socat = std::make_unique<QProcess>();
    m_socat->start(u"socat"_s, {u"-d"_s, u"-d"_s, u"pty,raw,echo=0,link=%1"_s.arg(m_dir->filePath(u"ttyBMC"_s)),
                                u"pty,raw,echo=0,link=%1"_s.arg(m_dir->filePath(u"ttyHOST"_s))});
    QByteArray said;
    for (int i = 0; i < 100 && !said.contains("starting data transfer loop"); ++i) {
        m_socat->waitForReadyRead(100);
        said += m_socat->readAllStandardError();
    }
    m_host = ::open(QFile::encodeName(m_dir->filePath(u"ttyHOST"_s)).constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
    return m_host >= 0;
}

void tst_SerialConsoleTransport::unplug()
{
    if (m_host >= 0)
        ::close(m_host);
    m_host = -1;
    if (m_socat) {
        m_socat->kill();
        m_socat->waitForFinished();
        m_socat.reset();
    }
}

QByteArray tst_SerialConsoleTransport::hostReads()
{
    QByteArray data;
    char buffer[4096];
    ssize_t count;
    while ((count = ::read(m_host, buffer, sizeof buffer)) > 0)
        data.append(buffer, count);
    return data;
}

void tst_SerialConsoleTransport::carriesBytesBothWays()
{
    QVERIFY(plug());
    SerialConsoleTransport transport({m_dir->filePath(u"ttyBMC"_s)});
    transport.start();
    QCOMPARE(transport.state(), ConsoleTransport::State::Connected);
    QCOMPARE(transport.description(), m_dir->filePath(u"ttyBMC"_s) + u" at 115200 8N1"_s);
    QVERIFY(transport.problem().isEmpty());

    QByteArray received;
    connect(&transport, &ConsoleTransport::received, this, [&](const QByteArray &data) { received += data; });
    const QByteArray binary("\x00\x01\xff\r\n~.", 7);
    QCOMPARE(::write(m_host, binary.constData(), size_t(binary.size())), ssize_t(binary.size()));
    QTRY_COMPARE(received, binary);

    QCOMPARE(transport.write("typed\r"), 6);
    QByteArray atHost;
    QTRY_COMPARE((atHost += hostReads()), QByteArray("typed\r"));
}

void tst_SerialConsoleTransport::waitsForAMissingDeviceAndPicksItUp()
{
    SerialConsoleTransport transport({m_dir->filePath(u"ttyBMC"_s)});
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
    SerialConsoleTransport transport({m_dir->filePath(u"ttyBMC"_s)});
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
    QCOMPARE(::write(m_host, "back", 4), ssize_t(4));
    QTRY_COMPARE(received, QByteArray("back"));
}

void tst_SerialConsoleTransport::breakAndLineSignals()
{
    QVERIFY(plug());
    SerialConsoleTransport transport({m_dir->filePath(u"ttyBMC"_s)});
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
    QCOMPARE(transport.description(), m_dir->filePath(u"ttyBMC"_s) + u" at 9600 8N1"_s);
}

void tst_SerialConsoleTransport::pausedReadingHoldsOutputBack()
{
    QVERIFY(plug());
    SerialConsoleTransport transport({m_dir->filePath(u"ttyBMC"_s)});
    transport.start();
    QByteArray received;
    connect(&transport, &ConsoleTransport::received, this, [&](const QByteArray &data) { received += data; });
    transport.setReadingPaused(true);
    QCOMPARE(::write(m_host, "held", 4), ssize_t(4));
    QTest::qWait(200);
    QVERIFY(received.isEmpty());
    transport.setReadingPaused(false);
    QTRY_COMPARE(received, QByteArray("held"));
}

QTEST_GUILESS_MAIN(tst_SerialConsoleTransport)
#include "tst_serialconsoletransport.moc"
