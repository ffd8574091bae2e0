#include "CommandTesting.h"
#include "NetFn.h"
#include "SdrBuilder.h"
#include "SdrCommands.h"
#include "SensorRegistry.h"
#include "SensorTable.h"

#include <QDateTime>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class tst_SdrCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void repositoryInfo();
    void allocationInfo();
    void getSdrWalksEveryRecord();
    void getSdrFirstAndLast();
    void getSdrPartialReads();
    void getSdrErrors_data();
    void getSdrErrors();
    void changedSensorsCancelTheReservation();
    void deviceSdrInfo();
    void worksWithoutTemperatures();
    void requestLengths_data();
    void requestLengths();
    void readersNeedUser();

private:
    IpmiResponse call(quint8 netFn, quint8 command, const QByteArray &data = {}, Privilege privilege = Privilege::User);
    IpmiResponse getSdr(quint16 reservation, quint16 recordId, quint8 offset = 0, quint8 count = 0xFF);
    quint16 reserve();
    QList<QByteArray> expectedRecords() const;

    std::unique_ptr<SensorRegistry> m_sensors;
    std::unique_ptr<CommandTable> m_table;
    std::unique_ptr<SdrCommands> m_commands;
};

namespace {
quint16 le16(const QByteArray &data, qsizetype at)
{
    return quint16(quint8(data[at]) | quint8(data[at + 1]) << 8);
}

quint32 le32(const QByteArray &data, qsizetype at)
{
    return quint32(le16(data, at)) | quint32(le16(data, at + 2)) << 16;
}

Sensor temperature(const QString &id, const QString &name)
{
    Sensor sensor;
    sensor.id = id;
    sensor.name = name;
    sensor.upperWarning = 70;
    sensor.upperCritical = 85;
    return sensor;
}
} // namespace

void tst_SdrCommands::init()
{
    m_sensors = std::make_unique<SensorRegistry>();
    m_sensors->add(temperature(u"cpu"_s, u"CPU"_s));
    m_sensors->add(temperature(u"board"_s, u"Board"_s));
    m_table = std::make_unique<CommandTable>();
    m_commands = CommandTesting::registered<SdrCommands>(*m_table, m_sensors.get());
}

void tst_SdrCommands::cleanup()
{
    m_commands.reset();
    m_table.reset();
    m_sensors.reset();
}

IpmiResponse tst_SdrCommands::call(quint8 netFn, quint8 command, const QByteArray &data, Privilege privilege)
{
    return m_table->dispatch(CommandTesting::request(netFn, command, data, privilege));
}

IpmiResponse tst_SdrCommands::getSdr(quint16 reservation, quint16 recordId, quint8 offset, quint8 count)
{
    QByteArray data;
    data.append(char(reservation & 0xFF)).append(char(reservation >> 8));
    data.append(char(recordId & 0xFF)).append(char(recordId >> 8));
    data.append(char(offset)).append(char(count));
    return call(NetFn::storage, 0x23, data);
}

quint16 tst_SdrCommands::reserve()
{
    const IpmiResponse response = call(NetFn::storage, 0x22);
    return response.data.size() == 2 ? le16(response.data, 0) : 0;
}

QList<QByteArray> tst_SdrCommands::expectedRecords() const
{
    return SdrBuilder::records(SensorTable(m_sensors.get()).entries());
}

void tst_SdrCommands::repositoryInfo()
{
    const IpmiResponse response = call(NetFn::storage, 0x20);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.size(), 14);
    QCOMPARE(quint8(response.data[0]), quint8(0x51));
    QCOMPARE(le16(response.data, 1), quint16(4)); // host power, two temperatures, the controller
    QCOMPARE(le16(response.data, 3), quint16(0)); // no free space
    QVERIFY(qAbs(qint64(le32(response.data, 5)) - QDateTime::currentSecsSinceEpoch()) <= 2);
    QCOMPARE(le32(response.data, 9), 0xFFFFFFFFu);
    QCOMPARE(quint8(response.data[13]), quint8(0x03)); // Reserve, Get Allocation Info; nothing modal
}

void tst_SdrCommands::allocationInfo()
{
    const IpmiResponse response = call(NetFn::storage, 0x21);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.toHex(' '), QByteArray("04 00 40 00 00 00 00 00 01"));
}

void tst_SdrCommands::getSdrWalksEveryRecord()
{
    const QList<QByteArray> expected = expectedRecords();
    QList<QByteArray> read;
    quint16 next = 0;
    do {
        const IpmiResponse response = getSdr(0, next);
        QCOMPARE(response.completionCode, CompletionCode::Success);
        next = le16(response.data, 0);
        read.append(response.data.sliced(2));
        QVERIFY(read.size() <= expected.size());
    } while (next != 0xFFFF);
    QCOMPARE(read, expected);
}

void tst_SdrCommands::getSdrFirstAndLast()
{
    const QList<QByteArray> expected = expectedRecords();
    QCOMPARE(getSdr(0, 0x0000).data.sliced(2), expected.first());
    const IpmiResponse last = getSdr(0, 0xFFFF);
    QCOMPARE(last.data.sliced(2), expected.last());
    QCOMPARE(le16(last.data, 0), quint16(0xFFFF));
    QCOMPARE(getSdr(0, 2).data.sliced(2), expected.at(1));
    QCOMPARE(le16(getSdr(0, 2).data, 0), quint16(3));
}

void tst_SdrCommands::getSdrPartialReads()
{
    const QByteArray record = expectedRecords().at(1);
    // The header from offset 0 needs no reservation, as clients read it first to learn the length.
    IpmiResponse response = getSdr(0, 2, 0, 5);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.sliced(2), record.first(5));

    const quint16 reservation = reserve();
    QVERIFY(reservation != 0);
    response = getSdr(reservation, 2, 5, 16);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.sliced(2), record.sliced(5, 16));
    QCOMPARE(le16(response.data, 0), quint16(3));

    // Past the end: what is left.
    response = getSdr(reservation, 2, quint8(record.size() - 3), 16);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.sliced(2), record.last(3));

    // FFh: the rest of the record.
    response = getSdr(reservation, 2, 40, 0xFF);
    QCOMPARE(response.data.sliced(2), record.sliced(40));
}

void tst_SdrCommands::getSdrErrors_data()
{
    QTest::addColumn<bool>("reserved");
    QTest::addColumn<quint16>("reservation"); // used when not reserved
    QTest::addColumn<quint16>("recordId");
    QTest::addColumn<quint8>("offset");
    QTest::addColumn<CompletionCode>("expected");
    QTest::newRow("unknown record") << false << quint16(0) << quint16(5) << quint8(0)
                                    << CompletionCode::RequestedDataNotPresent;
    QTest::newRow("far unknown record") << false << quint16(0) << quint16(0x1234) << quint8(0)
                                        << CompletionCode::RequestedDataNotPresent;
    QTest::newRow("offset without reservation")
        << false << quint16(0) << quint16(1) << quint8(5) << CompletionCode::InvalidReservation;
    QTest::newRow("offset with a made-up reservation")
        << false << quint16(0x4242) << quint16(1) << quint8(5) << CompletionCode::InvalidReservation;
    QTest::newRow("offset beyond the record")
        << true << quint16(0) << quint16(1) << quint8(200) << CompletionCode::ParameterOutOfRange;
}

void tst_SdrCommands::getSdrErrors()
{
    QFETCH(bool, reserved);
    QFETCH(quint16, reservation);
    QFETCH(quint16, recordId);
    QFETCH(quint8, offset);
    QFETCH(CompletionCode, expected);
    if (reserved)
        reservation = reserve();
    QCOMPARE(getSdr(reservation, recordId, offset, 8).completionCode, expected);
}

void tst_SdrCommands::changedSensorsCancelTheReservation()
{
    const quint16 reservation = reserve();
    QCOMPARE(getSdr(reservation, 1, 5, 4).completionCode, CompletionCode::Success);
    const quint16 older = reserve();
    QCOMPARE(getSdr(reservation, 1, 5, 4).completionCode, CompletionCode::InvalidReservation);

    m_sensors->add(temperature(u"psu"_s, u"PSU"_s));
    QCOMPARE(getSdr(older, 1, 5, 4).completionCode, CompletionCode::InvalidReservation);
    QCOMPARE(le16(call(NetFn::storage, 0x20).data, 1), quint16(5));
    // A reading changing is not a change of the repository.
    const quint16 current = reserve();
    m_sensors->setReading(u"cpu"_s, 50.0);
    QCOMPARE(getSdr(current, 1, 5, 4).completionCode, CompletionCode::Success);
}

void tst_SdrCommands::deviceSdrInfo()
{
    IpmiResponse response = call(NetFn::sensorEvent, 0x20);
    QCOMPARE(response.completionCode, CompletionCode::Success);
    QCOMPARE(response.data.size(), 6);
    QCOMPARE(quint8(response.data[0]), quint8(3)); // sensors
    QCOMPARE(quint8(response.data[1]), quint8(0x81));
    response = call(NetFn::sensorEvent, 0x20, QByteArray(1, char(0x01)));
    QCOMPARE(quint8(response.data[0]), quint8(4)); // records
    response = call(NetFn::sensorEvent, 0x20, QByteArray(1, char(0x00)));
    QCOMPARE(quint8(response.data[0]), quint8(3));
}

void tst_SdrCommands::worksWithoutTemperatures()
{
    m_sensors->remove(u"cpu"_s);
    m_sensors->remove(u"board"_s);
    QCOMPARE(le16(call(NetFn::storage, 0x20).data, 1), quint16(2));
    const IpmiResponse first = getSdr(0, 0);
    QCOMPARE(le16(first.data, 0), quint16(2));
    QCOMPARE(quint8(first.data[2 + 3]), quint8(0x02));
    const IpmiResponse second = getSdr(0, 2);
    QCOMPARE(le16(second.data, 0), quint16(0xFFFF));
    QCOMPARE(quint8(second.data[2 + 3]), quint8(0x12));
}

void tst_SdrCommands::requestLengths_data()
{
    QTest::addColumn<quint8>("netFn");
    QTest::addColumn<quint8>("command");
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("Get SDR truncated") << NetFn::storage << quint8(0x23) << QByteArray(5, '\0');
    QTest::newRow("Get SDR too long") << NetFn::storage << quint8(0x23) << QByteArray(7, '\0');
    QTest::newRow("Get SDR Repository Info with data") << NetFn::storage << quint8(0x20) << QByteArray(1, '\0');
    QTest::newRow("Reserve with data") << NetFn::storage << quint8(0x22) << QByteArray(1, '\0');
    QTest::newRow("Get Device SDR Info too long") << NetFn::sensorEvent << quint8(0x20) << QByteArray(2, '\0');
}

void tst_SdrCommands::requestLengths()
{
    QFETCH(quint8, netFn);
    QFETCH(quint8, command);
    QFETCH(QByteArray, data);
    QCOMPARE(call(netFn, command, data).completionCode, CompletionCode::RequestDataLengthInvalid);
}

void tst_SdrCommands::readersNeedUser()
{
    QCOMPARE(call(NetFn::storage, 0x20, {}, Privilege::Callback).completionCode, CompletionCode::InsufficientPrivilege);
    QCOMPARE(call(NetFn::storage, 0x22, {}, Privilege::Callback).completionCode, CompletionCode::InsufficientPrivilege);
    QCOMPARE(call(NetFn::storage, 0x23, QByteArray(6, '\0'), Privilege::Callback).completionCode,
             CompletionCode::InsufficientPrivilege);
    QCOMPARE(call(NetFn::storage, 0x23, QByteArray(6, '\0'), Privilege::User).completionCode, CompletionCode::Success);
}

QTEST_GUILESS_MAIN(tst_SdrCommands)
#include "tst_sdrcommands.moc"
