#include "CommandTesting.h"
#include "FruCommands.h"
#include "NetFn.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class tst_FruCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void areaInfo();
    void readInChunks();
    void readClampsAtTheEnd();
    void readErrors_data();
    void readErrors();
    void writeIsRefused();
    void requestLengths_data();
    void requestLengths();
    void privileges();

private:
    IpmiResponse call(quint8 command, const QByteArray &data, Privilege privilege = Privilege::Administrator);
    static QByteArray readRequest(quint8 device, quint16 offset, quint8 count);

    FruInventory m_inventory{{u"Maker"_s, u"Board"_s, u"B-1"_s, u"P-1"_s},
                             {u"ACME"_s, u"Server"_s, u"S-1"_s, u"1.0"_s, u"SN"_s, u"Tag"_s}};
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<FruCommands> m_commands;
};

void tst_FruCommands::init()
{
    m_commands.reset();
    m_table = std::make_unique<CommandTable>();
    m_commands = CommandTesting::registered<FruCommands>(*m_table, m_inventory);
}

IpmiResponse tst_FruCommands::call(quint8 command, const QByteArray &data, Privilege privilege)
{
    return m_table->dispatch(CommandTesting::request(NetFn::storage, command, data, privilege));
}

QByteArray tst_FruCommands::readRequest(quint8 device, quint16 offset, quint8 count)
{
    QByteArray data;
    data.append(char(device)).append(char(offset & 0xFF)).append(char(offset >> 8)).append(char(count));
    return data;
}

void tst_FruCommands::areaInfo()
{
    const IpmiResponse response = call(0x10, QByteArray(1, '\0'), Privilege::User);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.size(), 3);
    const int size = quint8(response.data[0]) | quint8(response.data[1]) << 8;
    QCOMPARE(size, m_inventory.image().size());
    QCOMPARE(quint8(response.data[2]), quint8(0x00)); // byte access
}

void tst_FruCommands::readInChunks()
{
    QByteArray read;
    while (read.size() < m_inventory.image().size()) {
        const IpmiResponse response = call(0x11, readRequest(0, quint16(read.size()), 16), Privilege::User);
        QCOMPARE(response.completionCode, CompletionCode::Success);
        QCOMPARE(int(quint8(response.data[0])), response.data.size() - 1);
        QVERIFY(response.data.size() > 1);
        read += response.data.sliced(1);
    }
    QCOMPARE(read, m_inventory.image());
}

void tst_FruCommands::readClampsAtTheEnd()
{
    const QByteArray &image = m_inventory.image();
    const IpmiResponse response = call(0x11, readRequest(0, quint16(image.size() - 5), 200));
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(quint8(response.data[0]), quint8(5));
    QCOMPARE(response.data.sliced(1), image.last(5));

    const IpmiResponse none = call(0x11, readRequest(0, 0, 0));
    QCOMPARE(none.completionCode, CompletionCode::Success);
    QCOMPARE(none.data, QByteArray(1, '\0'));
}

void tst_FruCommands::readErrors_data()
{
    QTest::addColumn<quint8>("device");
    QTest::addColumn<int>("offset"); // -1: the image's size
    QTest::addColumn<CompletionCode>("expected");
    QTest::newRow("device 1") << quint8(1) << 0 << CompletionCode::RequestedDataNotPresent;
    QTest::newRow("device FFh") << quint8(0xFF) << 0 << CompletionCode::RequestedDataNotPresent;
    QTest::newRow("offset at the end") << quint8(0) << -1 << CompletionCode::ParameterOutOfRange;
    QTest::newRow("offset far away") << quint8(0) << 0xFFFF << CompletionCode::ParameterOutOfRange;
}

void tst_FruCommands::readErrors()
{
    QFETCH(quint8, device);
    QFETCH(int, offset);
    QFETCH(CompletionCode, expected);
    if (offset < 0)
        offset = int(m_inventory.image().size());
    QCOMPARE(call(0x11, readRequest(device, quint16(offset), 8)).completionCode, expected);
    if (device != 0)
        QCOMPARE(call(0x10, QByteArray(1, char(device))).completionCode, expected);
}

void tst_FruCommands::writeIsRefused()
{
    // The data comes from the configuration: every offset is write-protected.
    QCOMPARE(call(0x12, QByteArray::fromHex("00 0800 41 42")).completionCode, CompletionCode::WriteProtectedOffset);
    QCOMPARE(call(0x12, QByteArray::fromHex("01 0000 41")).completionCode, CompletionCode::RequestedDataNotPresent);
    QCOMPARE(call(0x11, readRequest(0, 0, 8)).data.sliced(1), m_inventory.image().first(8));
}

void tst_FruCommands::requestLengths_data()
{
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("area info without a device") << quint8(0x10) << QByteArray();
    QTest::newRow("area info, too long") << quint8(0x10) << QByteArray(2, '\0');
    QTest::newRow("read, truncated") << quint8(0x11) << QByteArray(3, '\0');
    QTest::newRow("read, too long") << quint8(0x11) << QByteArray(5, '\0');
    QTest::newRow("write without data") << quint8(0x12) << QByteArray(3, '\0');
}

void tst_FruCommands::requestLengths()
{
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QCOMPARE(call(command, data).completionCode, CompletionCode::RequestDataLengthInvalid);
}

void tst_FruCommands::privileges()
{
    QCOMPARE(call(0x10, QByteArray(1, '\0'), Privilege::Callback).completionCode,
             CompletionCode::InsufficientPrivilege);
    QCOMPARE(call(0x11, readRequest(0, 0, 1), Privilege::Callback).completionCode,
             CompletionCode::InsufficientPrivilege);
    QCOMPARE(call(0x12, QByteArray::fromHex("00000041"), Privilege::User).completionCode,
             CompletionCode::InsufficientPrivilege);
    QCOMPARE(call(0x12, QByteArray::fromHex("00000041"), Privilege::Operator).completionCode,
             CompletionCode::WriteProtectedOffset);
}

QTEST_GUILESS_MAIN(tst_FruCommands)
#include "tst_frucommands.moc"
