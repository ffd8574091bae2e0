#include "CommandGroup.h"
#include "CommandTable.h"

#include <QTest>

// A group of two commands with the layouts of Chassis Control (one byte) and Get Channel
// Authentication Capabilities (two bytes, also outside a session), counting its calls.
class CountingCommands : public CommandGroup
{
public:
    struct OneByte
    {
        quint8 value = 0;
        void fields(auto &visit) { visit(value); }
    };
    struct TwoBytes
    {
        quint8 first = 0;
        quint8 second = 0;
        void fields(auto &visit) { visit(first, second); }
    };

    void registerIn(CommandTable &table) override
    {
        table.add({0x00, 0x02, "Chassis Control", Privilege::Operator}, this, &CountingCommands::control);
        table.add({0x06, 0x38, "Get Channel Authentication Capabilities", Privilege::Callback,
                   CommandTable::Scope::AlsoOutsideSession},
                  this, &CountingCommands::capabilities);
    }

    IpmiResponse control(const OneByte &)
    {
        ++calls;
        return IpmiResponse::success("ok");
    }
    IpmiResponse capabilities(const TwoBytes &, const IpmiCaller &)
    {
        ++calls;
        return IpmiResponse::success("ok");
    }

    int calls = 0;
};

// Every field type a layout can have.
struct EveryField
{
    quint8 byte = 0;
    quint16 word = 0;
    quint32 doubleWord = 0;
    RequestFields::Bytes<3> three;
    std::optional<quint8> optional;
    RequestFields::Tail<0, 4> tail;
    void fields(auto &visit) { visit(byte, word, doubleWord, three, optional, tail); }
};

class tst_CommandTable : public QObject
{
    Q_OBJECT

private slots:
    void dispatchChecksScopePrivilegeAndLength();
    void lengthsComeFromTheLayout();
    void fieldsAreDecodedInWireOrder();
};

void tst_CommandTable::dispatchChecksScopePrivilegeAndLength()
{
    CommandTable table;
    CountingCommands commands;
    commands.registerIn(table);

    IpmiRequest request;
    request.caller.sessionId = 7;
    request.caller.privilege = Privilege::Operator;
    request.netFn = 0x00;
    request.command = 0x02;
    request.data = QByteArray(1, '\1');
    QCOMPARE(table.dispatch(request).data, QByteArray("ok"));

    request.caller.privilege = Privilege::User;
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::InsufficientPrivilege);
    request.caller.privilege = Privilege::Administrator;
    request.data = QByteArray(2, '\1');
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::RequestDataLengthInvalid);
    request.data.clear();
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::RequestDataLengthInvalid);
    request.command = 0x7F;
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::InvalidCommand);

    // Outside a session only the commands marked for it run.
    request.caller.sessionId = 0;
    request.caller.privilege = Privilege::Callback;
    request.command = 0x02;
    request.data = QByteArray(1, '\1');
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::InsufficientPrivilege);
    request.netFn = 0x06;
    request.command = 0x38;
    request.data = QByteArray(2, '\1');
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::Success);
    QCOMPARE(commands.calls, 2);
}

void tst_CommandTable::lengthsComeFromTheLayout()
{
    const RequestFields::Lengths none = RequestFields::lengthsOf<RequestFields::None>();
    QCOMPARE(none.minimum, 0);
    QCOMPARE(none.maximum, 0);
    const RequestFields::Lengths every = RequestFields::lengthsOf<EveryField>();
    QCOMPARE(every.minimum, 1 + 2 + 4 + 3);
    QCOMPARE(every.maximum, 1 + 2 + 4 + 3 + 1 + 4);

    CommandTable table;
    CountingCommands commands;
    commands.registerIn(table);
    QCOMPARE(table.find(0x06, 0x38)->lengths.minimum, 2);
    QCOMPARE(table.find(0x06, 0x38)->lengths.maximum, 2);
}

void tst_CommandTable::fieldsAreDecodedInWireOrder()
{
    // Multi-byte fields are little-endian, as IPMI sends them.
    const QByteArray data = QByteArray::fromHex("01 3412 78563412 aabbcc 05 deadbeef");
    const EveryField fields = RequestFields::decode<EveryField>(data);
    QCOMPARE(fields.byte, quint8(0x01));
    QCOMPARE(fields.word, quint16(0x1234));
    QCOMPARE(fields.doubleWord, quint32(0x12345678));
    QCOMPARE(fields.three.value, QByteArray::fromHex("aabbcc"));
    QCOMPARE(fields.optional, std::optional<quint8>(0x05));
    QCOMPARE(fields.tail.value, QByteArray::fromHex("deadbeef"));

    // The shortest request leaves the optional byte out and the tail empty.
    const EveryField shortest = RequestFields::decode<EveryField>(QByteArray::fromHex("01 3412 78563412 aabbcc"));
    QCOMPARE(shortest.optional, std::nullopt);
    QVERIFY(shortest.tail.value.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CommandTable)
#include "tst_commandtable.moc"
