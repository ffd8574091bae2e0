#include "CommandTesting.h"
#include "NetFn.h"
#include "PayloadCommands.h"
#include "SolFixture.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using CommandTesting::bytes;

class tst_PayloadCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void activateAnswersSizesAndPort();
    void secondActivationIsAlreadyActive();
    void activationNeedsTheSolPrivilegeAndEncryption();
    void onlySolInstanceOne();
    void statusAndInstanceInfo();
    void deactivate();
    void requestLengths();

private:
    IpmiResponse send(quint8 command, const QByteArray &data, quint32 session = 0x1234,
                      Privilege privilege = Privilege::Administrator);

    std::unique_ptr<SolFixture> m_fixture;
    SolPayload *m_sol = nullptr;
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<PayloadCommands> m_commands;
};

void tst_PayloadCommands::init()
{
    m_fixture = std::make_unique<SolFixture>();
    m_sol = m_fixture->sol.get();
    m_table = std::make_unique<CommandTable>();
    m_commands = CommandTesting::registered<PayloadCommands>(*m_table, m_sol, [] { return quint16(6230); });
}

void tst_PayloadCommands::cleanup()
{
    m_commands.reset();
    m_table.reset();
    m_fixture.reset();
}

IpmiResponse tst_PayloadCommands::send(quint8 command, const QByteArray &data, quint32 session, Privilege privilege)
{
    IpmiRequest request = CommandTesting::request(NetFn::app, command, data, privilege);
    request.caller.sessionId = session;
    return m_table->dispatch(request);
}

void tst_PayloadCommands::activateAnswersSizesAndPort()
{
    // SoL, instance 1, encrypted and authenticated (ipmitool's request).
    const IpmiResponse response = send(0x48, bytes("01 01 c0 00 00 00"));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    // Auxiliary data, inbound and outbound payload sizes (255, little-endian), port 6230, no VLAN.
    QCOMPARE(response.data, bytes("00 00 00 00 ff 00 ff 00 56 18 ff ff"));
    QCOMPARE(m_sol->ownerSession(), 0x1234u);
}

void tst_PayloadCommands::secondActivationIsAlreadyActive()
{
    QCOMPARE(send(0x48, bytes("01 01 c0 00 00 00")).completionCode, CompletionCode::Success);
    QCOMPARE(send(0x48, bytes("01 01 c0 00 00 00"), 0x5678).completionCode, CompletionCode(0x80));
}

void tst_PayloadCommands::activationNeedsTheSolPrivilegeAndEncryption()
{
    QCOMPARE(send(0x48, bytes("01 01 c0 00 00 00"), 0x1234, Privilege::User).completionCode,
             CompletionCode::InsufficientPrivilege);
    QCOMPARE(send(0x48, bytes("01 01 40 00 00 00")).completionCode, CompletionCode(0x85));
    QVERIFY(!m_sol->isActive());
}

void tst_PayloadCommands::onlySolInstanceOne()
{
    QCOMPARE(send(0x48, bytes("00 01 c0 00 00 00")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(send(0x48, bytes("01 02 c0 00 00 00")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(send(0x4B, bytes("01 02")).completionCode, CompletionCode::InvalidDataField);
    QCOMPARE(send(0x4A, bytes("02")).completionCode, CompletionCode::InvalidDataField);
}

void tst_PayloadCommands::statusAndInstanceInfo()
{
    QCOMPARE(send(0x4A, bytes("01")).data, bytes("01 00 00"));
    QCOMPARE(send(0x4B, bytes("01 01")).data, bytes("00 00 00 00 00 00 00 00 00 00 00 00"));
    send(0x48, bytes("01 01 c0 00 00 00"));
    QCOMPARE(send(0x4A, bytes("01")).data, bytes("01 01 00"));
    QCOMPARE(send(0x4B, bytes("01 01")).data, bytes("34 12 00 00 01 00 00 00 00 00 00 00"));
}

void tst_PayloadCommands::deactivate()
{
    QCOMPARE(send(0x49, bytes("01 01 00 00 00 00")).completionCode, CompletionCode(0x80));
    send(0x48, bytes("01 01 c0 00 00 00"));
    QCOMPARE(send(0x49, bytes("01 01 00 00 00 00"), 0x9999, Privilege::Operator).completionCode,
             CompletionCode::InsufficientPrivilege);
    QCOMPARE(send(0x49, bytes("01 01 00 00 00 00"), 0x9999).completionCode, CompletionCode::Success);
    QVERIFY(!m_sol->isActive());
}

void tst_PayloadCommands::requestLengths()
{
    QCOMPARE(send(0x48, bytes("01 01 c0")).completionCode, CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(send(0x49, bytes("01 01 00 00 00 00 00")).completionCode, CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(send(0x4A, QByteArray()).completionCode, CompletionCode::RequestDataLengthInvalid);
    QCOMPARE(send(0x4B, bytes("01")).completionCode, CompletionCode::RequestDataLengthInvalid);
}

QTEST_GUILESS_MAIN(tst_PayloadCommands)
#include "tst_payloadcommands.moc"
