#include "ConsoleHub.h"
#include "EventLog.h"
#include "FakeConsoleTransport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

class tst_ConsoleHub : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void withoutTransportThereIsNoConsole();
    void outputReachesReadersHistoryAndLog();
    void oneWriterAtATime();
    void takeOverEndsTheRemoteHoldAndIsLogged();
    void lineControlReachesTheTransport();
    void hostSignalsAreSentOnlyWhenTheyChange();
    void unplugAndReplugAreLoggedOnceEach();
    void missingDeviceAtStartIsLogged();
    void pacedReaderHoldsTheSourceWhileItKeepsUp();
    void stalledPacedReaderReleasesTheSource();

private:
    std::unique_ptr<ConsoleHub> makeHub(qsizetype history = 1024);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EventLog> m_eventLog;
    std::unique_ptr<FakeConsoleTransport> m_transport;
};

void tst_ConsoleHub::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_eventLog = std::make_unique<EventLog>(m_dir->path(), 100);
    m_transport = std::make_unique<FakeConsoleTransport>();
}

void tst_ConsoleHub::cleanup()
{
    m_transport.reset();
    m_eventLog.reset();
    m_dir.reset();
}

std::unique_ptr<ConsoleHub> tst_ConsoleHub::makeHub(qsizetype history)
{
    ConsoleHub::Settings settings;
    settings.historyBytes = history;
    settings.logDirectory = m_dir->path();
    settings.breakDuration = 250ms;
    return std::make_unique<ConsoleHub>(settings, m_eventLog.get());
}

void tst_ConsoleHub::withoutTransportThereIsNoConsole()
{
    auto hub = makeHub();
    QCOMPARE(hub->state(), ConsoleHub::State::NoConsole);
    QVERIFY(hub->attachRemote(Actor::ipmi(u"admin"_s)));
    QCOMPARE(hub->writeRemote("x"), 0);
    hub->sendBreak(Actor::ipmi(u"admin"_s)); // nothing to send it on, and no crash
}

void tst_ConsoleHub::outputReachesReadersHistoryAndLog()
{
    auto hub = makeHub();
    hub->setTransport(m_transport.get());
    QCOMPARE(m_transport->starts, 1);
    QCOMPARE(hub->state(), ConsoleHub::State::Connected);
    QSignalSpy output(hub.get(), &ConsoleHub::outputArrived);
    m_transport->hostPrints("Booting Linux\r\n");
    m_transport->hostPrints("login: ");
    QCOMPARE(output.count(), 2);
    QCOMPARE(output.at(1).at(0).toByteArray(), QByteArray("login: "));
    QCOMPARE(hub->recentOutput(), QByteArray("Booting Linux\r\nlogin: "));
    QCOMPARE(hub->read(15, 100), QByteArray("login: "));
    hub->log()->flush();
    QFile log(m_dir->filePath(u"console.log"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QCOMPARE(log.readAll(), QByteArray("Booting Linux\r\nlogin: "));
}

void tst_ConsoleHub::oneWriterAtATime()
{
    auto hub = makeHub();
    hub->setTransport(m_transport.get());
    QSignalSpy attached(hub.get(), &ConsoleHub::remoteAttachedChanged);
    QVERIFY(hub->writeLocal("ls\r"));
    QCOMPARE(hub->writeRemote("no"), 0); // nobody remote is attached

    QVERIFY(hub->attachRemote(Actor::ipmi(u"admin"_s)));
    QVERIFY(!hub->attachRemote(Actor::ipmi(u"other"_s)));
    QVERIFY(!hub->writeLocal("typed on the screen"));
    QCOMPARE(hub->writeRemote("uptime\r"), 7);
    hub->detachRemote();
    QVERIFY(hub->writeLocal("x"));
    QCOMPARE(m_transport->written, QByteArray("ls\ruptime\rx"));
    QCOMPARE(attached.count(), 2);
}

void tst_ConsoleHub::takeOverEndsTheRemoteHoldAndIsLogged()
{
    auto hub = makeHub();
    hub->setTransport(m_transport.get());
    QSignalSpy takenOver(hub.get(), &ConsoleHub::remoteTakenOver);
    hub->takeOver(Actor::screen()); // nothing to take over: no signal, no entry
    QCOMPARE(takenOver.count(), 0);
    const int entries = m_eventLog->count();

    QVERIFY(hub->attachRemote(Actor::ipmi(u"admin"_s)));
    hub->takeOver(Actor::screen(u"operator"_s));
    QCOMPARE(takenOver.count(), 1);
    QCOMPARE(takenOver.at(0).at(0).value<Actor>(), Actor::screen(u"operator"_s));
    QVERIFY(!hub->isRemoteAttached());
    QVERIFY(hub->writeLocal("x"));
    QCOMPARE(m_eventLog->count(), entries + 1);
    QCOMPARE(m_eventLog->entries().last().message, u"Console input taken over from ipmi:admin"_s);
    QCOMPARE(m_eventLog->entries().last().actor, Actor::screen(u"operator"_s));
}

void tst_ConsoleHub::lineControlReachesTheTransport()
{
    auto hub = makeHub();
    hub->setTransport(m_transport.get());
    hub->sendBreak(Actor::ipmi(u"admin"_s));
    QCOMPARE(m_transport->breaks, QList<std::chrono::milliseconds>{250ms});
    hub->discardUnsentInput();
    QCOMPARE(m_transport->discards, 1);
    hub->setBitRate(57600);
    QCOMPARE(m_transport->bitRate, 57600);

    m_transport->unplug();
    hub->sendBreak(Actor::ipmi(u"admin"_s)); // no line to break
    QCOMPARE(m_transport->breaks.size(), 1);
}

void tst_ConsoleHub::hostSignalsAreSentOnlyWhenTheyChange()
{
    auto hub = makeHub();
    hub->setTransport(m_transport.get());
    hub->setHostSignals(true, true);
    hub->setHostSignals(true, true);
    hub->setHostSignals(false, true);
    QCOMPARE(m_transport->hostSignals, (QList<std::pair<bool, bool>>{{true, true}, {false, true}}));
    // A replugged adapter starts with its own line state: the next request goes out again.
    m_transport->unplug();
    m_transport->plug();
    hub->setHostSignals(false, true);
    QCOMPARE(m_transport->hostSignals.size(), 3);
}

void tst_ConsoleHub::unplugAndReplugAreLoggedOnceEach()
{
    auto hub = makeHub();
    hub->setTransport(m_transport.get());
    QSignalSpy states(hub.get(), &ConsoleHub::stateChanged);
    const int entries = m_eventLog->count();
    m_transport->unplug();
    QCOMPARE(hub->state(), ConsoleHub::State::WaitingForDevice);
    QCOMPARE(m_eventLog->count(), entries + 1);
    QCOMPARE(m_eventLog->entries().last().severity, EventLogEntry::Severity::Warning);
    QCOMPARE(m_eventLog->entries().last().message,
             u"Serial console fake serial port lost (unplugged); qbmc tries again every second"_s);
    QVERIFY(!hub->writeLocal("x"));

    m_transport->plug();
    QCOMPARE(hub->state(), ConsoleHub::State::Connected);
    QCOMPARE(m_eventLog->count(), entries + 2);
    QCOMPARE(m_eventLog->entries().last().message, u"Serial console fake serial port connected"_s);
    QCOMPARE(states.count(), 2);
}

void tst_ConsoleHub::missingDeviceAtStartIsLogged()
{
    m_transport->unplug();
    auto hub = makeHub();
    hub->setTransport(m_transport.get());
    QCOMPARE(hub->state(), ConsoleHub::State::WaitingForDevice);
    QCOMPARE(m_eventLog->entries().last().message,
             u"Serial console fake serial port is not available (unplugged); qbmc tries again every second"_s);
}

void tst_ConsoleHub::pacedReaderHoldsTheSourceWhileItKeepsUp()
{
    auto hub = makeHub(1024);
    hub->setTransport(m_transport.get());
    hub->setPacedReader(0);
    m_transport->hostPrints(QByteArray(400, 'a'));
    QVERIFY(!m_transport->readingPaused);
    m_transport->hostPrints(QByteArray(200, 'b')); // more than half the ring behind
    QVERIFY(m_transport->readingPaused);
    m_transport->hostPrints(QByteArray(300, 'c')); // held in the device, not lost
    QCOMPARE(hub->endOffset(), 600);

    hub->setPacedReader(300); // still 300 behind: more than a quarter
    QVERIFY(m_transport->readingPaused);
    hub->setPacedReader(500);
    QVERIFY(!m_transport->readingPaused);
    QCOMPARE(hub->endOffset(), 900);
    QCOMPARE(hub->read(500, 1000), QByteArray(100, 'b') + QByteArray(300, 'c'));

    hub->clearPacedReader();
    QVERIFY(!hub->isSourcePaused());
}

void tst_ConsoleHub::stalledPacedReaderReleasesTheSource()
{
    auto hub = makeHub(1024);
    hub->setTransport(m_transport.get());
    hub->setPacedReader(0);
    m_transport->hostPrints(QByteArray(600, 'a'));
    QVERIFY(m_transport->readingPaused);
    // The reader never moves again: within a few seconds the console is read on without it.
    QTRY_VERIFY_WITH_TIMEOUT(!m_transport->readingPaused, 10000);
    m_transport->hostPrints(QByteArray(2000, 'b'));
    QVERIFY(!m_transport->readingPaused);
    QCOMPARE(hub->startOffset(), 1576);
}

QTEST_GUILESS_MAIN(tst_ConsoleHub)
#include "tst_consolehub.moc"
