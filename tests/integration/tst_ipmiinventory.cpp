#include "DaemonProcess.h"
#include "IpmiClients.h"
#include "StoredEventLog.h"
#include "linux/LinuxNetworkFacts.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include <memory>

using namespace Qt::StringLiterals;

// The built daemon's SEL, SDR, sensors, FRU and LAN/SoL configuration through ipmitool, freeipmi
// and pyghmi. The host is powered on by the restore policy at start, so the event log holds a
// power event of qbmc's own.
class tst_IpmiInventory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void selShowsTheEventLog();
    void selKeepsAddedRecordsAcrossARestartAndClears();
    void sdrAndSensors();
    void fruFromTheConfiguration();
    void lanConfiguration();
    void solConfigurationRoundTripAndPersists();

private:
    static std::unique_ptr<DaemonProcess> startDaemon(const QString &stateDirectory = {});
    static ClientResult ipmitool(const DaemonProcess &daemon, const QStringList &command,
                                 const QStringList &options = {});
    static ClientResult freeipmi(const DaemonProcess &daemon, const QString &tool, const QStringList &arguments = {});
    static ClientResult pyghmi(const DaemonProcess &daemon, const QString &body);
    static QStringList selLines(const DaemonProcess &daemon, const QString &command = u"elist"_s);

    std::unique_ptr<DaemonProcess> m_shared; // for the tests that only read
};

namespace {
const auto password = u"Correct-Horse-9"_s;

const QByteArray config = "host:\n"
                          "  sim:\n"
                          "    power_on_delay: 0.1\n"
                          "power:\n"
                          "  restore_policy: always_on\n"
                          "fru:\n"
                          "  board:\n"
                          "    manufacturer: \"Raspberry Pi Ltd\"\n"
                          "    product: \"Pi 4 Model B\"\n"
                          "    serial: \"10000000c0ffee42\"\n"
                          "    part_number: \"PI4B-4GB\"\n"
                          "  product:\n"
                          "    manufacturer: \"Homelab\"\n"
                          "    name: \"Rack Server 1\"\n"
                          "    part_number: \"RS-1\"\n"
                          "    version: \"rev 2\"\n"
                          "    serial: \"SN-0042\"\n"
                          "    asset_tag: \"ASSET-7\"\n";
} // namespace

void tst_IpmiInventory::initTestCase()
{
    for (const QString &tool : {u"ipmitool"_s, u"ipmi-sel"_s, u"ipmi-sensors"_s, u"ipmi-fru"_s}) {
        if (QStandardPaths::findExecutable(tool).isEmpty())
            QSKIP(qPrintable(tool + u" is not installed"_s));
    }
    m_shared = startDaemon();
    QVERIFY(m_shared);
}

void tst_IpmiInventory::cleanupTestCase()
{
    if (m_shared)
        m_shared->stop();
}

std::unique_ptr<DaemonProcess> tst_IpmiInventory::startDaemon(const QString &stateDirectory)
{
    auto daemon = std::make_unique<DaemonProcess>();
    daemon->writeConfig(config);
    daemon->setEnvironmentValue(u"QBMC_ADMIN_PASSWORD"_s, password);
    const QStringList arguments =
        stateDirectory.isEmpty() ? QStringList() : QStringList{u"--state-dir"_s, stateDirectory};
    if (!daemon->start(arguments)) {
        qWarning("qbmc did not start: %s", daemon->standardError().constData());
        return nullptr;
    }
    if (!daemon->waitForOutput("Host powered on")) {
        qWarning("the restore policy did not power the host on: %s", daemon->standardError().constData());
        return nullptr;
    }
    return daemon;
}

ClientResult tst_IpmiInventory::ipmitool(const DaemonProcess &daemon, const QStringList &command,
                                         const QStringList &options)
{
    return IpmiClients::ipmitool(daemon.ipmiPort(), u"admin"_s, password, command, options);
}

ClientResult tst_IpmiInventory::freeipmi(const DaemonProcess &daemon, const QString &tool, const QStringList &arguments)
{
    // Each daemon gets its own SDR cache, rebuilt whenever the repository changed.
    const QStringList cache{u"--sdr-cache-directory=%1"_s.arg(daemon.dir()), u"--sdr-cache-recreate"_s};
    return IpmiClients::freeipmi(tool, daemon.ipmiPort(), u"admin"_s, password, cache + arguments);
}

ClientResult tst_IpmiInventory::pyghmi(const DaemonProcess &daemon, const QString &body)
{
    return IpmiClients::pyghmi(daemon.ipmiPort(), u"admin"_s, password, body);
}

QStringList tst_IpmiInventory::selLines(const DaemonProcess &daemon, const QString &command)
{
    const ClientResult result = ipmitool(daemon, {u"sel"_s, command});
    return result.output.split(u'\n', Qt::SkipEmptyParts);
}

void tst_IpmiInventory::selShowsTheEventLog()
{
    const auto daemon = startDaemon();
    QVERIFY(daemon);
    // A login with an unknown name lands in the event log. (A wrong password does not: the
    // clients see RAKP 2 fail and give up without telling the BMC.)
    const ClientResult refused =
        IpmiClients::ipmitool(daemon->ipmiPort(), u"intruder"_s, u"guess"_s, {u"sel"_s, u"info"_s});
    QVERIFY(refused.exitCode != 0);
    daemon->writeFile(u"events.txt"_s, "0x04 0x09 0x0e 0x6f 0x05 0xff 0xff # soft power control failure\n");
    const ClientResult added = ipmitool(*daemon, {u"sel"_s, u"add"_s, daemon->path(u"events.txt"_s)});
    QVERIFY2(added.exitCode == 0, qPrintable(added.all()));

    const QStringList elist = selLines(*daemon);
    const QString joined = elist.join(u'\n');
    QVERIFY2(joined.contains(u"| System Event #0xe3 | Entry added to auxiliary log | Asserted"_s), qPrintable(joined));
    QVERIFY2(joined.contains(u"| System ACPI Power State Host Power | S0/G0: working | Asserted"_s),
             qPrintable(joined));
    // ipmitool 1.8.19 has no words for Session Audit offsets; freeipmi below names it.
    QVERIFY2(joined.contains(u"| Session Audit #0xe1 |"_s), qPrintable(joined));
    QVERIFY2(elist.last().endsWith(u"| Power Unit #0x0e | Soft-power control failure | Asserted"_s),
             qPrintable(joined));

    const ClientResult info = ipmitool(*daemon, {u"sel"_s, u"info"_s});
    QVERIFY2(info.output.contains(u"Version          : 1.5 (v1.5, v2 compliant)\n"_s), qPrintable(info.all()));
    QVERIFY2(info.output.contains(u"Entries          : %1\n"_s.arg(elist.size())), qPrintable(info.output));
    QVERIFY(info.output.contains(u"Overflow         : false\n"_s));
    QVERIFY(info.output.contains(u"Supported Cmds   : 'Reserve' 'Get Alloc Info' \n"_s));
    QVERIFY(info.output.contains(u"Alloc Unit Size  : 16\n"_s));

    const ClientResult sel = freeipmi(*daemon, u"ipmi-sel"_s);
    QVERIFY2(sel.exitCode == 0, qPrintable(sel.all()));
    QVERIFY2(sel.output.contains(QRegularExpression(u"\\| Host Power +\\| System ACPI Power State +\\| S0/G0"_s)),
             qPrintable(sel.output));
    QVERIFY2(sel.output.contains(QRegularExpression(u"\\| Session Audit +\\| Invalid Username or Password"_s)),
             qPrintable(sel.output));
    QVERIFY2(sel.output.contains(QRegularExpression(u"\\| Power Unit +\\| Soft Power Control Failure"_s,
                                                    QRegularExpression::CaseInsensitiveOption)),
             qPrintable(sel.output));
    QCOMPARE(sel.output.count(u"Entry added to Auxiliary Log"_s), joined.count(u"Entry added to auxiliary log"_s));

    const ClientResult events = pyghmi(*daemon,
                                       u"for event in ipmi.get_event_log():\n"
                                       "    print(event['component_type'], '|', event['event'])\n"_s);
    QVERIFY2(events.exitCode == 0, qPrintable(events.all()));
    QVERIFY2(events.output.contains(u"Session | Invalid username/password\n"_s), qPrintable(events.output));
    QVERIFY2(events.output.contains(u"System ACPI Power State |"_s), qPrintable(events.output));
}

void tst_IpmiInventory::selKeepsAddedRecordsAcrossARestartAndClears()
{
    QTemporaryDir kept;
    const QString stateDirectory = kept.filePath(u"state"_s);
    {
        const auto first = startDaemon(stateDirectory);
        QVERIFY(first);
        first->writeFile(u"events.txt"_s, "0x04 0x09 0x0e 0x6f 0x05 0xff 0xff\n");
        QCOMPARE(ipmitool(*first, {u"sel"_s, u"add"_s, first->path(u"events.txt"_s)}).exitCode, 0);
        QVERIFY(first->stop() >= std::chrono::milliseconds(0));
    }
    const auto daemon = startDaemon(stateDirectory);
    QVERIFY(daemon);
    const QString elist = selLines(*daemon).join(u'\n');
    QVERIFY2(elist.contains(u"| Power Unit #0x0e | Soft-power control failure | Asserted"_s), qPrintable(elist));
    QCOMPARE(elist.count(u"S0/G0: working"_s), 2); // powered on by each start

    const ClientResult refused = ipmitool(*daemon, {u"sel"_s, u"clear"_s}, {u"-L"_s, u"USER"_s});
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.all().contains(u"Insufficient privilege level"_s), qPrintable(refused.all()));

    const ClientResult cleared = ipmitool(*daemon, {u"sel"_s, u"clear"_s});
    QVERIFY2(cleared.exitCode == 0, qPrintable(cleared.all()));
    const QStringList after = selLines(*daemon, u"list"_s);
    QCOMPARE(after.size(), 1);
    QVERIFY2(after.first().endsWith(u"| Event Logging Disabled #0xe2 | Log area reset/cleared | Asserted"_s),
             qPrintable(after.first()));
    const ClientResult info = ipmitool(*daemon, {u"sel"_s, u"info"_s});
    QVERIFY(info.output.contains(u"Entries          : 1\n"_s));
    QVERIFY2(!info.output.contains(u"Last Del Time    : Not Available"_s), qPrintable(info.output));
    daemon->stop();
}

void tst_IpmiInventory::sdrAndSensors()
{
    const DaemonProcess &daemon = *m_shared;
    const ClientResult elist = ipmitool(daemon, {u"sdr"_s, u"elist"_s, u"all"_s});
    QVERIFY2(elist.exitCode == 0, qPrintable(elist.all()));
    QVERIFY2(elist.output.contains(u"Host Power       | 01h | ok  | 23.1 | S0/G0: working\n"_s),
             qPrintable(elist.output));
    QVERIFY(elist.output.contains(u"qbmc             | 00h | ok  |  6.1 | Dynamic MC @ 20h\n"_s));
    // The host's power comes first; a machine with thermal zones lists its temperatures after it.
    const ClientResult list = ipmitool(daemon, {u"sdr"_s, u"list"_s});
    QVERIFY2(list.output.startsWith(u"Host Power       | 0x01              | ok\n"_s), qPrintable(list.all()));
    for (const QString &line : list.output.split(u'\n', Qt::SkipEmptyParts).sliced(1))
        QVERIFY2(line.contains(u"degrees C"_s) || line.contains(u"no reading"_s), qPrintable(line));

    const ClientResult sensors = ipmitool(daemon, {u"sensor"_s, u"list"_s});
    QVERIFY2(sensors.exitCode == 0, qPrintable(sensors.all()));
    QVERIFY2(sensors.output.startsWith(u"Host Power       | 0x1        | discrete   | 0x0180|"_s),
             qPrintable(sensors.output));

    const ClientResult freeipmiSensors = freeipmi(daemon, u"ipmi-sensors"_s);
    QVERIFY2(freeipmiSensors.exitCode == 0, qPrintable(freeipmiSensors.all()));
    QVERIFY2(
        freeipmiSensors.output.contains(u"1  | Host Power | System ACPI Power State | N/A        | N/A   | 'S0/G0'"_s),
        qPrintable(freeipmiSensors.output));

    const ClientResult data = pyghmi(daemon,
                                     u"for r in ipmi.get_sensor_data():\n"
                                     "    print(r.name, '|', r.type, '|', r.states, '|', r.unavailable)\n"_s);
    QVERIFY2(data.exitCode == 0, qPrintable(data.all()));
    QVERIFY2(data.output.startsWith(u"Host Power | System ACPI Power State | ['Online'] | 0\n"_s),
             qPrintable(data.output));
}

void tst_IpmiInventory::fruFromTheConfiguration()
{
    const DaemonProcess &daemon = *m_shared;
    const ClientResult print = ipmitool(daemon, {u"fru"_s, u"print"_s});
    QVERIFY2(print.exitCode == 0, qPrintable(print.all()));
    QCOMPARE(print.output,
             u"FRU Device Description : Builtin FRU Device (ID 0)\n"
             " Board Mfg Date        : Unspecified\n"
             " Board Mfg             : Raspberry Pi Ltd\n"
             " Board Product         : Pi 4 Model B\n"
             " Board Serial          : 10000000c0ffee42\n"
             " Board Part Number     : PI4B-4GB\n"
             " Product Manufacturer  : Homelab\n"
             " Product Name          : Rack Server 1\n"
             " Product Part Number   : RS-1\n"
             " Product Version       : rev 2\n"
             " Product Serial        : SN-0042\n"
             " Product Asset Tag     : ASSET-7\n\n"_s);

    const ClientResult fru = freeipmi(daemon, u"ipmi-fru"_s);
    QVERIFY2(fru.exitCode == 0, qPrintable(fru.all()));
    for (const QString &line :
         {u"FRU Board Manufacturer: Raspberry Pi Ltd"_s, u"FRU Board Product Name: Pi 4 Model B"_s,
          u"FRU Board Serial Number: 10000000c0ffee42"_s, u"FRU Board Part Number: PI4B-4GB"_s,
          u"FRU Product Manufacturer Name: Homelab"_s, u"FRU Product Name: Rack Server 1"_s,
          u"FRU Product Part/Model Number: RS-1"_s, u"FRU Product Version: rev 2"_s,
          u"FRU Product Serial Number: SN-0042"_s, u"FRU Product Asset Tag: ASSET-7"_s})
        QVERIFY2(fru.output.contains(line), qPrintable(fru.output));
    QVERIFY2(!fru.all().contains(u"checksum"_s, Qt::CaseInsensitive), qPrintable(fru.all()));

    // Home Assistant reads the inventory through pyghmi.
    const ClientResult inventory = pyghmi(daemon,
                                          u"for name, info in ipmi.get_inventory():\n"
                                          "    for key in sorted(k for k in info if isinstance(info[k], str)):\n"
                                          "        print(name, '|', key, '|', info[key])\n"_s);
    QVERIFY2(inventory.exitCode == 0, qPrintable(inventory.all()));
    for (const QString &line :
         {u"System | Board manufacturer | Raspberry Pi Ltd"_s, u"System | Board product name | Pi 4 Model B"_s,
          u"System | Board serial number | 10000000c0ffee42"_s, u"System | Board model | PI4B-4GB"_s,
          u"System | Manufacturer | Homelab"_s, u"System | Product name | Rack Server 1"_s, u"System | Model | RS-1"_s,
          u"System | Hardware Version | rev 2"_s, u"System | Serial Number | SN-0042"_s,
          u"System | Asset Number | ASSET-7"_s})
        QVERIFY2(inventory.output.contains(line + u'\n'), qPrintable(inventory.output));

    // The configuration owns the data: writes are refused as write-protected.
    const ClientResult write = ipmitool(daemon, {u"raw"_s, u"0x0a"_s, u"0x12"_s, u"0"_s, u"0"_s, u"0"_s, u"0x41"_s});
    QVERIFY(write.exitCode != 0);
    QVERIFY2(write.all().contains(u"rsp=0x80"_s), qPrintable(write.all()));
}

void tst_IpmiInventory::lanConfiguration()
{
    const DaemonProcess &daemon = *m_shared;
    const NetworkFacts::Interface expected = LinuxNetworkFacts().primaryInterface();
    const ClientResult print = ipmitool(daemon, {u"lan"_s, u"print"_s, u"1"_s});
    QVERIFY2(print.exitCode == 0, qPrintable(print.all()));
    const QString &out = print.output;
    const QString source = expected.source == NetworkFacts::AddressSource::Static ? u"Static Address"_s
        : expected.source == NetworkFacts::AddressSource::Dhcp                    ? u"DHCP Address"_s
                                                                                  : u"Unspecified"_s;
    const auto orZero = [](const QString &value, const QString &zero) { return value.isEmpty() ? zero : value; };
    QVERIFY2(out.contains(u"IP Address Source       : %1\n"_s.arg(source)), qPrintable(out));
    QVERIFY2(out.contains(u"IP Address              : %1\n"_s.arg(orZero(expected.ipv4Address, u"0.0.0.0"_s))),
             qPrintable(out));
    QVERIFY2(out.contains(u"Subnet Mask             : %1\n"_s.arg(orZero(expected.ipv4Netmask, u"0.0.0.0"_s))),
             qPrintable(out));
    QVERIFY2(out.contains(u"MAC Address             : %1\n"_s.arg(orZero(expected.macAddress, u"00:00:00:00:00:00"_s))),
             qPrintable(out));
    QVERIFY2(out.contains(u"Default Gateway IP      : %1\n"_s.arg(orZero(expected.ipv4Gateway, u"0.0.0.0"_s))),
             qPrintable(out));
    QVERIFY2(out.contains(
                 u"Default Gateway MAC     : %1\n"_s.arg(orZero(expected.gatewayMacAddress, u"00:00:00:00:00:00"_s))),
             qPrintable(out));
    QVERIFY(out.contains(u"802.1q VLAN ID          : Disabled\n"_s));
    QVERIFY(out.contains(u"RMCP+ Cipher Suites     : 17,3\n"_s));
    QVERIFY(out.contains(u"Cipher Suite Priv Max   : aaXXXXXXXXXXXXX\n"_s));
    qInfo("lan print: %s from %s, source %s", qPrintable(expected.ipv4Address), qPrintable(expected.name),
          qPrintable(source));

    // BMC network configuration is out of scope: every address is read-only.
    const ClientResult set =
        ipmitool(daemon, {u"raw"_s, u"0x0c"_s, u"0x01"_s, u"0x01"_s, u"0x03"_s, u"10"_s, u"0"_s, u"0"_s, u"1"_s});
    QVERIFY(set.exitCode != 0);
    QVERIFY2(set.all().contains(u"rsp=0x82"_s), qPrintable(set.all()));

    const ClientResult network = pyghmi(daemon, u"print(ipmi.get_net_configuration()['ipv4_address'])\n"_s);
    QVERIFY2(network.exitCode == 0, qPrintable(network.all()));
    if (!expected.ipv4Address.isEmpty())
        QVERIFY2(network.output.startsWith(expected.ipv4Address + u'/'), qPrintable(network.output));
}

void tst_IpmiInventory::solConfigurationRoundTripAndPersists()
{
    QTemporaryDir kept;
    const QString stateDirectory = kept.filePath(u"state"_s);
    {
        const auto daemon = startDaemon(stateDirectory);
        QVERIFY(daemon);
        const ClientResult info = ipmitool(*daemon, {u"sol"_s, u"info"_s, u"1"_s});
        QVERIFY2(info.exitCode == 0, qPrintable(info.all()));
        for (const QString &line :
             {u"Enabled                         : true"_s, u"Force Encryption                : true"_s,
              u"Privilege Level                 : OPERATOR"_s, u"Character Accumulate Level (ms) : 100"_s,
              u"Retry Count                     : 7"_s, u"Retry Interval (ms)             : 100"_s,
              u"Non-Volatile Bit Rate (kbps)    : 115.2"_s, u"Payload Channel                 : 1 (0x01)"_s,
              u"Payload Port                    : %1"_s.arg(daemon->ipmiPort())})
            QVERIFY2(info.output.contains(line + u'\n'), qPrintable(info.output));

        const ClientResult set = ipmitool(*daemon, {u"sol"_s, u"set"_s, u"retry-count"_s, u"3"_s, u"1"_s});
        QVERIFY2(set.exitCode == 0, qPrintable(set.all()));
        const ClientResult rate =
            ipmitool(*daemon, {u"sol"_s, u"set"_s, u"non-volatile-bit-rate"_s, u"57.6"_s, u"1"_s});
        QVERIFY2(rate.exitCode == 0, qPrintable(rate.all()));
        // SoL parameters are the administrator's.
        const ClientResult refused =
            ipmitool(*daemon, {u"sol"_s, u"set"_s, u"retry-count"_s, u"5"_s, u"1"_s}, {u"-L"_s, u"OPERATOR"_s});
        QVERIFY(refused.exitCode != 0);
        const ClientResult after = ipmitool(*daemon, {u"sol"_s, u"info"_s, u"1"_s});
        QVERIFY2(after.output.contains(u"Retry Count                     : 3\n"_s), qPrintable(after.output));
        QVERIFY(after.output.contains(u"Volatile Bit Rate (kbps)        : 57.6\n"_s));
        daemon->stop();
    }
    const auto again = startDaemon(stateDirectory);
    QVERIFY(again);
    const ClientResult info = ipmitool(*again, {u"sol"_s, u"info"_s, u"1"_s});
    QVERIFY2(info.output.contains(u"Retry Count                     : 3\n"_s), qPrintable(info.output));
    QVERIFY(info.output.contains(u"Non-Volatile Bit Rate (kbps)    : 57.6\n"_s));
    again->stop();

    QStringList messages;
    for (const QJsonValue &entry : storedEventLog(stateDirectory))
        messages.append(entry.toObject().value(u"user"_s).toString() + u": "_s
                        + entry.toObject().value(u"message"_s).toString());
    QVERIFY2(messages.contains(u"admin: Setting ipmi.sol.retry_count changed from 7 to 3"_s),
             qPrintable(messages.join(u'\n')));
}

QTEST_GUILESS_MAIN(tst_IpmiInventory)
#include "tst_ipmiinventory.moc"
