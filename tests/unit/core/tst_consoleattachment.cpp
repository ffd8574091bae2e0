#include "ConsoleAttachment.h"
#include "ConsoleHub.h"
#include "EventLog.h"
#include "FakeConsoleTransport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class tst_ConsoleAttachment : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void readsFromTheEndAtItsOwnPace();
    void firstToAttachWritesOthersReadAndAreToldOnce();
    void aReaderTakesTheInputOnceItIsFree();
    void aClientThatFallsBehindSkipsAndIsTold();
    void theScreensTakeOverEndsTheWriterOnly();
    void breakNeedsTheInput();
    void inputTheLineCannotTakeIsDroppedWithANotice();
    void theTerminalAnswersTheHostOnlyWhileNoRemoteClientWrites();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EventLog> m_eventLog;
    std::unique_ptr<FakeConsoleTransport> m_transport;
    std::unique_ptr<ConsoleHub> m_hub;
};

void tst_ConsoleAttachment::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_eventLog = std::make_unique<EventLog>(m_dir->path(), 100);
    m_transport = std::make_unique<FakeConsoleTransport>();
    ConsoleHub::Settings settings;
    settings.historyBytes = 64;
    m_hub = std::make_unique<ConsoleHub>(settings, m_eventLog.get());
    m_hub->setTransport(m_transport.get());
}

void tst_ConsoleAttachment::cleanup()
{
    m_hub.reset();
    m_transport.reset();
    m_eventLog.reset();
    m_dir.reset();
}

void tst_ConsoleAttachment::readsFromTheEndAtItsOwnPace()
{
    m_transport->hostPrints("before ");
    ConsoleAttachment client(m_hub.get(), Actor::ssh(u"alice"_s));
    QSignalSpy available(&client, &ConsoleAttachment::outputAvailable);
    m_transport->hostPrints("hello ");
    m_transport->hostPrints("world");
    QCOMPARE(available.size(), 2);
    QCOMPARE(client.pendingBytes(), 11);
    QCOMPARE(client.takeOutput(6), "hello "_ba);
    QCOMPARE(client.takeOutput(100), "world"_ba);
    QCOMPARE(client.pendingBytes(), 0);
    QCOMPARE(client.takeOutput(100), QByteArray());
}

void tst_ConsoleAttachment::firstToAttachWritesOthersReadAndAreToldOnce()
{
    ConsoleAttachment writer(m_hub.get(), Actor::ssh(u"alice"_s));
    writer.start();
    ConsoleAttachment reader(m_hub.get(), Actor::redfish(u"bob"_s));
    QSignalSpy notices(&reader, &ConsoleAttachment::notice);
    reader.start();
    QVERIFY(writer.holdsInput());
    QVERIFY(!reader.holdsInput());
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.at(0).at(0).toString().contains(u"ssh:alice"_s));

    QVERIFY(writer.write("ls\r"));
    QVERIFY(!reader.write("rm\r"));
    QVERIFY(!reader.write("rm\r"));
    QCOMPARE(m_transport->written, "ls\r"_ba);
    QCOMPARE(notices.size(), 1);      // the same holder is named once
    QVERIFY(!m_hub->writeLocal("x")); // the screen waits too
}

void tst_ConsoleAttachment::aReaderTakesTheInputOnceItIsFree()
{
    auto writer = std::make_unique<ConsoleAttachment>(m_hub.get(), Actor::ssh(u"alice"_s));
    writer->start();
    ConsoleAttachment reader(m_hub.get(), Actor::ssh(u"bob"_s));
    reader.start();
    writer.reset(); // its connection closed
    QVERIFY(!m_hub->isRemoteAttached());
    QVERIFY(reader.write("id\r"));
    QVERIFY(reader.holdsInput());
    QCOMPARE(m_hub->remoteActor(), Actor::ssh(u"bob"_s));
    reader.release();
    QVERIFY(!m_hub->isRemoteAttached());
}

void tst_ConsoleAttachment::aClientThatFallsBehindSkipsAndIsTold()
{
    ConsoleAttachment client(m_hub.get(), Actor::ssh(u"alice"_s));
    QSignalSpy notices(&client, &ConsoleAttachment::notice);
    const QByteArray lots(100, 'x');
    m_transport->hostPrints(lots);
    m_transport->hostPrints("tail");
    QCOMPARE(client.pendingBytes(), 64); // never more than the history holds
    const QByteArray taken = client.takeOutput(1000);
    QCOMPARE(taken.size(), 64);
    QVERIFY(taken.endsWith("tail"));
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.at(0).at(0).toString().startsWith(u"40 bytes"_s));
}

void tst_ConsoleAttachment::theScreensTakeOverEndsTheWriterOnly()
{
    ConsoleAttachment writer(m_hub.get(), Actor::ssh(u"alice"_s));
    writer.start();
    ConsoleAttachment reader(m_hub.get(), Actor::ssh(u"bob"_s));
    reader.start();
    QSignalSpy writerEnded(&writer, &ConsoleAttachment::ended);
    QSignalSpy readerEnded(&reader, &ConsoleAttachment::ended);
    m_hub->takeOver(Actor::screen());
    QCOMPARE(writerEnded.size(), 1);
    QVERIFY(writerEnded.at(0).at(0).toString().contains(u"panel"_s));
    QCOMPARE(readerEnded.size(), 0);
    QVERIFY(!writer.holdsInput());
    QVERIFY(m_hub->writeLocal("x"));
}

void tst_ConsoleAttachment::breakNeedsTheInput()
{
    ConsoleAttachment writer(m_hub.get(), Actor::ssh(u"alice"_s));
    writer.start();
    ConsoleAttachment reader(m_hub.get(), Actor::ssh(u"bob"_s));
    reader.start();
    reader.sendBreak();
    QCOMPARE(m_transport->breaks.size(), 0);
    writer.sendBreak();
    QCOMPARE(m_transport->breaks.size(), 1);
}

void tst_ConsoleAttachment::inputTheLineCannotTakeIsDroppedWithANotice()
{
    m_transport->capacity = 4;
    ConsoleAttachment writer(m_hub.get(), Actor::ssh(u"alice"_s));
    QSignalSpy notices(&writer, &ConsoleAttachment::notice);
    writer.start();
    QVERIFY(writer.write("abcdef"));
    QCOMPARE(m_transport->written, "abcd"_ba);
    QCOMPARE(notices.size(), 1);
    QVERIFY(notices.at(0).at(0).toString().contains(u"2 bytes"_s));
    QVERIFY(!writer.write("g"));
    QCOMPARE(notices.size(), 1); // once while the line stays busy
    m_transport->capacity = 100;
    QVERIFY(writer.write("h"));
    QVERIFY(writer.write(QByteArray(200, 'i')));
    QCOMPARE(notices.size(), 2); // busy again after a write went whole
}

void tst_ConsoleAttachment::theTerminalAnswersTheHostOnlyWhileNoRemoteClientWrites()
{
    m_transport->hostPrints("\x1b[6n"); // where is the cursor?
    QCOMPARE(m_transport->written, "\x1b[1;1R"_ba);
    m_transport->written.clear();
    ConsoleAttachment writer(m_hub.get(), Actor::ssh(u"alice"_s));
    writer.start();
    m_transport->hostPrints("\x1b[6n"); // the client's own terminal answers this one
    QCOMPARE(m_transport->written, QByteArray());
    QCOMPARE(m_hub->terminal()->columns(), 80);
    QCOMPARE(m_hub->terminal()->rows(), 25);
}

QTEST_GUILESS_MAIN(tst_ConsoleAttachment)
#include "tst_consoleattachment.moc"
