#include "ConsoleHub.h"
#include "EventLog.h"
#include "TerminalScreen.h"
#include "serial/SerialConsoleTransport.h"
#include "sim/SimulatedHost.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using Key = TerminalScreen::Key;

namespace {

constexpr quint32 blue = 0x0000E0;   // libvterm's palette: colour 4
constexpr quint32 yellow = 0xE0E000; // colour 3 (bold does not brighten it)
constexpr quint32 white = 0xE0E0E0;  // colour 7
constexpr quint32 black = 0x000000;

} // namespace

// The simulated host's firmware as the console hub's terminal model shows it: the same chain the
// daemon builds (host, pseudo-terminal, serial transport, hub), with keys encoded by the model.
class tst_SimulatedFirmware : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void withoutAKeyTheHostBoots();
    void setupIsDrawnWithColoursAndSavesWhatF10Keeps();
    void escapeLeavesWithoutSaving();
    void everyTerminalsF2AndDelOpenSetup_data();
    void everyTerminalsF2AndDelOpenSetup();
    void aDamagedSettingsFileGivesTheDefaults();
    void aBootableCdBootsWithItsLabel();
    void theSavedBootOrderReachesTheCdToo();
    void aCdThatIsNotBootableFallsBackToTheHardDisk();
    void anEmptyDriveFallsBackToTheHardDisk();
    void aUsbImageWithABootSectorBoots();
    void aSetupOverrideEntersSetup();

private:
    void startHost(std::chrono::milliseconds setupWait = 3s);
    void powerOn();
    void press(Key key);
    bool waitForText(int row, const QString &text);
    bool waitForOutput(const QByteArray &text);
    // Writes an ISO image from the test data's descriptors; returns its path.
    QString writeIso(const QString &descriptors);
    // The BMC's side: an override device and the image in the CD/DVD or USB slot.
    void setBootSources(const QByteArray &overrideDevice, const QByteArray &device, const QString &image);
    QString settingsPath() const { return m_dir->filePath(u"simulated-firmware.json"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EventLog> m_eventLog;
    std::unique_ptr<SimulatedHost> m_host;
    std::unique_ptr<SerialConsoleTransport> m_transport;
    std::unique_ptr<ConsoleHub> m_hub;
};

void tst_SimulatedFirmware::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_eventLog = std::make_unique<EventLog>(m_dir->path(), 100);
}

void tst_SimulatedFirmware::cleanup()
{
    m_hub.reset();
    m_transport.reset();
    m_host.reset();
    m_eventLog.reset();
    m_dir.reset();
}

void tst_SimulatedFirmware::startHost(std::chrono::milliseconds setupWait)
{
    m_hub.reset();
    m_transport.reset();
    m_host.reset();
    SimulatedHost::Timings timings;
    timings.powerOnDelay = 10ms;
    timings.setupWait = setupWait;
    m_host = std::make_unique<SimulatedHost>(timings, false, settingsPath());
    QVERIFY(!m_host->start());
    SerialConsoleTransport::Settings serial;
    serial.path = m_host->consolePath();
    m_transport = std::make_unique<SerialConsoleTransport>(serial);
    m_hub = std::make_unique<ConsoleHub>(ConsoleHub::Settings{}, m_eventLog.get());
    m_hub->setTransport(m_transport.get());
}

void tst_SimulatedFirmware::powerOn()
{
    m_host->press(HostBackend::Button::Power, 20ms);
    QVERIFY(QTest::qWaitFor([&] { return m_hub->recentOutput().contains("Press F2 or Del to enter setup"); }, 5000));
}

void tst_SimulatedFirmware::press(Key key)
{
    QVERIFY(m_hub->writeLocal(m_hub->terminal()->encodeKey(key)));
}

bool tst_SimulatedFirmware::waitForText(int row, const QString &text)
{
    return QTest::qWaitFor([&] { return m_hub->terminal()->rowText(row).contains(text); }, 5000);
}

bool tst_SimulatedFirmware::waitForOutput(const QByteArray &text)
{
    return QTest::qWaitFor([&] { return m_hub->recentOutput().contains(text); }, 5000);
}

QString tst_SimulatedFirmware::writeIso(const QString &descriptors)
{
    QFile source(QStringLiteral(QBMC_TEST_DATA "/") + descriptors);
    if (!source.open(QIODevice::ReadOnly))
        qFatal("test data %s is missing", qPrintable(descriptors));
    const QString path = m_dir->filePath(descriptors + u".iso"_s);
    QFile image(path);
    if (!image.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    // 32 KiB of system area, then the volume descriptors.
    image.write(QByteArray(32 * 1024, '\0') + source.readAll());
    return path;
}

void tst_SimulatedFirmware::setBootSources(const QByteArray &overrideDevice, const QByteArray &device,
                                           const QString &image)
{
    SimulatedFirmware::BootSources sources;
    sources.overrideDevice = [overrideDevice] { return overrideDevice; };
    sources.insertedImage = [device, image](const QByteArray &asked) { return asked == device ? image : QString(); };
    m_host->setBootSources(std::move(sources));
}

void tst_SimulatedFirmware::withoutAKeyTheHostBoots()
{
    startHost(200ms);
    powerOn();
    QVERIFY(QTest::qWaitFor([&] { return m_hub->recentOutput().contains("Booting from Hard Disk..."); }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return m_hub->recentOutput().contains("simhost login: "); }, 10000));
    QCOMPARE(m_host->firmware().state(), SimulatedFirmware::State::Booted);
}

void tst_SimulatedFirmware::setupIsDrawnWithColoursAndSavesWhatF10Keeps()
{
    startHost();
    powerOn();
    press(Key::F2);
    QVERIFY(waitForText(0, u"qbmc Simulated Setup Utility"_s));
    const TerminalScreen *screen = m_hub->terminal();
    QVERIFY2(screen->rowText(1).contains(u" Main   Advanced   Boot"_s), qPrintable(screen->rowText(1)));
    QVERIFY(screen->rowText(3).startsWith(u"  BIOS Version"_s));
    // The first item with a choice is selected: black on white.
    QVERIFY(screen->rowText(6).contains(u"NumLock at Boot               [On]"_s));
    QCOMPARE(screen->cell(6, 2).text, u"N"_s);
    QCOMPARE(screen->cell(6, 2).foreground, black);
    QCOMPARE(screen->cell(6, 2).background, white);
    QCOMPARE(screen->cell(0, 0).background, blue);

    press(Key::Right);
    press(Key::Right); // the Boot page
    QVERIFY(waitForText(3, u"Boot Mode"_s));
    press(Key::Down);
    QVERIFY(QTest::qWaitFor([&] { return screen->cell(4, 2).background == white; }, 5000));
    QVERIFY(screen->rowText(4).contains(u"First Boot Device             [Hard Disk]"_s));
    QCOMPARE(screen->cell(3, 32).foreground, yellow); // Boot Mode's value, not selected
    QVERIFY(screen->cell(3, 32).bold);
    press(Key::Enter);
    QVERIFY(waitForText(4, u"[Network]"_s));
    press(Key::F10);
    QVERIFY(QTest::qWaitFor([&] { return m_hub->recentOutput().contains("Booting from Network..."); }, 5000));
    QCOMPARE(m_host->firmware().setting("First Boot Device"), "Network"_ba);

    // NVRAM: the next power-on, and the next host, boot from the network too.
    startHost(100ms);
    QCOMPARE(m_host->firmware().setting("First Boot Device"), "Network"_ba);
    powerOn();
    QVERIFY(QTest::qWaitFor([&] { return m_hub->recentOutput().contains("Booting from Network..."); }, 5000));
}

void tst_SimulatedFirmware::escapeLeavesWithoutSaving()
{
    startHost();
    powerOn();
    press(Key::Delete);
    QVERIFY(waitForText(0, u"qbmc Simulated Setup Utility"_s));
    press(Key::Enter); // NumLock: Off, not kept
    QVERIFY(waitForText(6, u"[Off]"_s));
    press(Key::Escape);
    QVERIFY(QTest::qWaitFor([&] { return m_hub->recentOutput().contains("Booting from Hard Disk..."); }, 5000));
    QCOMPARE(m_host->firmware().setting("NumLock at Boot"), "On"_ba);
    QVERIFY(!QFile::exists(settingsPath()));
}

void tst_SimulatedFirmware::everyTerminalsF2AndDelOpenSetup_data()
{
    QTest::addColumn<QByteArray>("keys");
    QTest::newRow("xterm F2") << "\x1bOQ"_ba;
    QTest::newRow("vt220 F2") << "\x1b[12~"_ba;
    QTest::newRow("linux F2") << "\x1b[[B"_ba;
    QTest::newRow("Delete") << "\x1b[3~"_ba;
    QTest::newRow("DEL character") << "\x7f"_ba;
    QTest::newRow("F2 in pieces") << "\x1b"_ba; // completed below
}

void tst_SimulatedFirmware::everyTerminalsF2AndDelOpenSetup()
{
    QFETCH(QByteArray, keys);
    startHost();
    powerOn();
    QVERIFY(m_hub->writeLocal(keys));
    if (keys == "\x1b") {
        QTest::qWait(20);
        QVERIFY(m_hub->writeLocal("O"));
        QVERIFY(m_hub->writeLocal("Q"));
    }
    QVERIFY(waitForText(0, u"qbmc Simulated Setup Utility"_s));
}

void tst_SimulatedFirmware::aDamagedSettingsFileGivesTheDefaults()
{
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"version\": 1, \"settings\": {\"First Boot");
    file.close();
    startHost(50ms);
    QCOMPARE(m_host->firmware().setting("First Boot Device"), "Hard Disk"_ba);
    powerOn();
    QVERIFY(QTest::qWaitFor([&] { return m_hub->recentOutput().contains("Booting from Hard Disk..."); }, 5000));
    // Kept aside for a look, not silently overwritten.
    QCOMPARE(QDir(m_dir->path()).entryList({u"simulated-firmware.json.corrupt-*"_s}).size(), 1);
}

void tst_SimulatedFirmware::aBootableCdBootsWithItsLabel()
{
    startHost(50ms);
    setBootSources("CD/DVD", "CD/DVD", writeIso(u"bootable-iso.descriptors"_s));
    powerOn();
    QVERIFY(waitForOutput("Booting from CD: DEBIAN_12_AMD64"));
    QCOMPARE(m_host->firmware().state(), SimulatedFirmware::State::Booted);
    QVERIFY(!m_hub->recentOutput().contains("Booting from Hard Disk"));
    QVERIFY(QTest::qWaitFor([&] { return m_hub->recentOutput().contains("simhost login: "); }, 10000));
}

void tst_SimulatedFirmware::theSavedBootOrderReachesTheCdToo()
{
    QFile file(settingsPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "settings": {"First Boot Device": "CD/DVD"}})");
    file.close();
    startHost(50ms);
    setBootSources({}, "CD/DVD", writeIso(u"bootable-iso.descriptors"_s));
    powerOn();
    QVERIFY(waitForOutput("Booting from CD: DEBIAN_12_AMD64"));
}

void tst_SimulatedFirmware::aCdThatIsNotBootableFallsBackToTheHardDisk()
{
    startHost(50ms);
    setBootSources("CD/DVD", "CD/DVD", writeIso(u"plain-iso.descriptors"_s));
    powerOn();
    QVERIFY(waitForOutput("No bootable media in CD/DVD: QBMC_TEST\r\nBooting from Hard Disk..."));
}

void tst_SimulatedFirmware::anEmptyDriveFallsBackToTheHardDisk()
{
    startHost(50ms);
    setBootSources("USB", "CD/DVD", writeIso(u"bootable-iso.descriptors"_s));
    powerOn();
    QVERIFY(waitForOutput("No media in USB\r\nBooting from Hard Disk..."));
}

void tst_SimulatedFirmware::aUsbImageWithABootSectorBoots()
{
    const QString path = m_dir->filePath(u"stick.img"_s);
    QFile image(path);
    QVERIFY(image.open(QIODevice::WriteOnly));
    image.write(QByteArray(510, '\0') + "\x55\xaa" + QByteArray(1024, '\0'));
    image.close();
    startHost(50ms);
    setBootSources("USB", "USB", path);
    powerOn();
    QVERIFY(waitForOutput("Booting from USB: stick.img"));

    // Without the signature it is just data.
    QVERIFY(image.open(QIODevice::WriteOnly | QIODevice::Truncate));
    image.write(QByteArray(2048, '\0'));
    image.close();
    startHost(50ms);
    setBootSources("USB", "USB", path);
    powerOn();
    QVERIFY(waitForOutput("No bootable media in USB\r\nBooting from Hard Disk..."));
}

void tst_SimulatedFirmware::aSetupOverrideEntersSetup()
{
    startHost();
    setBootSources("Setup", {}, {});
    m_host->press(HostBackend::Button::Power, 20ms);
    QVERIFY(waitForOutput("Entering setup, as the BMC asked"));
    QVERIFY(waitForText(0, u"qbmc Simulated Setup Utility"_s));
    QCOMPARE(m_host->firmware().state(), SimulatedFirmware::State::Setup);
    QVERIFY(!m_hub->recentOutput().contains("Press F2 or Del"));
    // Leaving it boots the saved order, not setup again.
    press(Key::Escape);
    QVERIFY(waitForOutput("Booting from Hard Disk..."));
}

QTEST_GUILESS_MAIN(tst_SimulatedFirmware)
#include "tst_simulatedfirmware.moc"
