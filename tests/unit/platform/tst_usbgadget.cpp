#include "linux/HidReports.h"
#include "linux/UsbGadget.h"
#include "linux/UsbHidInput.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// A temporary directory shaped like configfs, /sys/class/udc and /dev. Unlike configfs it makes no
// attribute files or default groups of its own: the gadget writes them all and removes them all.
struct FakeSystem
{
    QTemporaryDir dir;

    QString configfs() const { return dir.filePath(u"config/usb_gadget"_s); }
    QString udc() const { return dir.filePath(u"udc"_s); }
    QString dev() const { return dir.filePath(u"dev"_s); }
    QString gadget() const { return configfs() + u"/qbmc"_s; }

    UsbGadget::Settings settings() const
    {
        UsbGadget::Settings settings;
        settings.configfsRoot = configfs();
        settings.udcRoot = udc();
        settings.devRoot = dev();
        settings.serialNumber = u"0123456789"_s;
        return settings;
    }
};

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}

bool write(const QString &path, const QByteArray &value)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(value) == value.size();
}

} // namespace

class tst_UsbGadget : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void theGadgetIsWrittenFileByFile();
    void hidFunctionsHaveTheirDescriptorsAndLinks();
    void hidFunctionsFindTheirDeviceNodes();
    void otherFunctionsAreWrittenTheSameWay();
    void removingLeavesNothing();
    void aGadgetLeftBehindIsRemovedFirst();
    void aNamedControllerIsUsed();
    void withoutAControllerTheErrorSaysHowToGetOne();
    void aMissingNamedControllerIsNamed();
    void withoutConfigfsTheErrorSaysSo();
    void aDeniedWriteSaysPermissionDenied();

private:
    std::unique_ptr<UsbGadget> createGadget(UsbGadget::Settings settings);

    std::unique_ptr<FakeSystem> m_system;
};

void tst_UsbGadget::init()
{
    m_system = std::make_unique<FakeSystem>();
    QVERIFY(m_system->dir.isValid());
    QVERIFY(QDir().mkpath(m_system->configfs()));
    QVERIFY(QDir().mkpath(m_system->udc() + u"/fe980000.usb"_s));
    QVERIFY(QDir().mkpath(m_system->dev()));
}

void tst_UsbGadget::cleanup()
{
    m_system.reset();
}

std::unique_ptr<UsbGadget> tst_UsbGadget::createGadget(UsbGadget::Settings settings)
{
    auto gadget = std::make_unique<UsbGadget>(std::move(settings));
    UsbHidInput::addFunctions(*gadget, UsbHidInput::MouseMode::Absolute);
    return gadget;
}

void tst_UsbGadget::theGadgetIsWrittenFileByFile()
{
    const std::unique_ptr<UsbGadget> gadget = createGadget(m_system->settings());
    const std::optional<Failure> failure = gadget->create();
    QVERIFY2(!failure, qPrintable(failure ? failure->message : QString()));
    QVERIFY(gadget->isCreated());
    QCOMPARE(gadget->controller(), u"fe980000.usb"_s);

    const QString root = m_system->gadget();
    QCOMPARE(gadget->gadgetPath(), root);
    QCOMPARE(contents(root + u"/idVendor"_s), "0x1d6b\n");
    QCOMPARE(contents(root + u"/idProduct"_s), "0x0104\n");
    QCOMPARE(contents(root + u"/bcdDevice"_s), "0x0100\n");
    QCOMPARE(contents(root + u"/bcdUSB"_s), "0x0200\n");
    QCOMPARE(contents(root + u"/strings/0x409/manufacturer"_s), "qbmc\n");
    QCOMPARE(contents(root + u"/strings/0x409/product"_s), "qbmc KVM\n");
    QCOMPARE(contents(root + u"/strings/0x409/serialnumber"_s), "0123456789\n");
    QCOMPARE(contents(root + u"/configs/c.1/MaxPower"_s), "250\n");
    QCOMPARE(contents(root + u"/configs/c.1/strings/0x409/configuration"_s), "qbmc KVM\n");
    // Bound last, once everything it binds is there.
    QCOMPARE(contents(root + u"/UDC"_s), "fe980000.usb\n");
}

void tst_UsbGadget::hidFunctionsHaveTheirDescriptorsAndLinks()
{
    const std::unique_ptr<UsbGadget> gadget = createGadget(m_system->settings());
    QVERIFY(!gadget->create());

    const QString keyboard = m_system->gadget() + u"/functions/hid.usb0"_s;
    const QString mouse = m_system->gadget() + u"/functions/hid.usb1"_s;
    QCOMPARE(gadget->functionPath(u"keyboard"_s), keyboard);
    QCOMPARE(gadget->functionPath(u"mouse"_s), mouse);
    QCOMPARE(gadget->functionPath(u"printer"_s), QString());

    QCOMPARE(contents(keyboard + u"/protocol"_s), "1\n");
    QCOMPARE(contents(keyboard + u"/subclass"_s), "1\n");
    QCOMPARE(contents(keyboard + u"/report_length"_s), "8\n");
    QCOMPARE(contents(keyboard + u"/report_desc"_s), HidReports::keyboardDescriptor());
    QCOMPARE(contents(mouse + u"/protocol"_s), "0\n");
    QCOMPARE(contents(mouse + u"/subclass"_s), "0\n");
    QCOMPARE(contents(mouse + u"/report_length"_s), "6\n");
    QCOMPARE(contents(mouse + u"/report_desc"_s), HidReports::absoluteMouseDescriptor());
    QVERIFY(!QFileInfo::exists(mouse + u"/no_out_endpoint"_s));

    for (const QString &function : {keyboard, mouse}) {
        const QFileInfo link(m_system->gadget() + u"/configs/c.1/"_s + QFileInfo(function).fileName());
        QVERIFY2(link.isSymLink(), qPrintable(link.filePath()));
        QCOMPARE(link.symLinkTarget(), function);
    }
}

void tst_UsbGadget::hidFunctionsFindTheirDeviceNodes()
{
    const std::unique_ptr<UsbGadget> gadget = createGadget(m_system->settings());
    QVERIFY(!gadget->create());
    // Without a dev attribute, the kernel's numbering when the gadget is the only HID one.
    QCOMPARE(gadget->devicePath(u"keyboard"_s), m_system->dev() + u"/hidg0"_s);
    QCOMPARE(gadget->devicePath(u"mouse"_s), m_system->dev() + u"/hidg1"_s);

    // The kernel says which minor each function got.
    QVERIFY(write(gadget->functionPath(u"keyboard"_s) + u"/dev"_s, "236:2\n"));
    QVERIFY(write(gadget->functionPath(u"mouse"_s) + u"/dev"_s, "236:3\n"));
    QCOMPARE(gadget->devicePath(u"keyboard"_s), m_system->dev() + u"/hidg2"_s);
    QCOMPARE(gadget->devicePath(u"mouse"_s), m_system->dev() + u"/hidg3"_s);

    const UsbHidInput::Devices devices = UsbHidInput::devicesOf(*gadget);
    QCOMPARE(devices.keyboard, m_system->dev() + u"/hidg2"_s);
    QCOMPARE(devices.mouse, m_system->dev() + u"/hidg3"_s);
    QCOMPARE(devices.keyboardLeds, QString());
    QCOMPARE(devices.controller, u"fe980000.usb"_s);
}

void tst_UsbGadget::otherFunctionsAreWrittenTheSameWay()
{
    UsbGadget gadget(m_system->settings());
    gadget.addHidFunction(u"mouse"_s,
                          HidFunctionSpec{.protocol = 2,
                                          .subclass = 1,
                                          .reportLength = HidReports::relativeMouseReportLength,
                                          .reportDescriptor = HidReports::relativeMouseDescriptor(),
                                          .noOutEndpoint = true});
    gadget.addFunction(u"media"_s, u"mass_storage"_s,
                       {{u"stall"_s, "0\n"}, {u"lun.0/cdrom"_s, "1\n"}, {u"lun.0/removable"_s, "1\n"}});
    QVERIFY(!gadget.create());

    const QString mouse = m_system->gadget() + u"/functions/hid.usb0"_s;
    const QString media = m_system->gadget() + u"/functions/mass_storage.usb0"_s;
    QCOMPARE(contents(mouse + u"/no_out_endpoint"_s), "1\n");
    QCOMPARE(gadget.functionPath(u"media"_s), media);
    QCOMPARE(gadget.devicePath(u"media"_s), QString());
    QCOMPARE(contents(media + u"/stall"_s), "0\n");
    QCOMPARE(contents(media + u"/lun.0/cdrom"_s), "1\n");
    QCOMPARE(contents(media + u"/lun.0/removable"_s), "1\n");
    QCOMPARE(QFileInfo(m_system->gadget() + u"/configs/c.1/mass_storage.usb0"_s).symLinkTarget(), media);

    gadget.remove();
    QVERIFY(!QFileInfo::exists(m_system->gadget()));
}

void tst_UsbGadget::removingLeavesNothing()
{
    std::unique_ptr<UsbGadget> gadget = createGadget(m_system->settings());
    QVERIFY(!gadget->create());
    gadget->remove();
    QVERIFY(!gadget->isCreated());
    QCOMPARE(QDir(m_system->configfs()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System),
             QStringList());
    // Removing twice is nothing.
    gadget->remove();

    // As is the gadget's end.
    QVERIFY(!gadget->create());
    QVERIFY(QFileInfo::exists(m_system->gadget()));
    gadget.reset();
    QCOMPARE(QDir(m_system->configfs()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System),
             QStringList());
}

void tst_UsbGadget::aGadgetLeftBehindIsRemovedFirst()
{
    // Another run's gadget, still bound, with a function this one does not have.
    const QString stale = m_system->gadget();
    QVERIFY(write(stale + u"/UDC"_s, "fe980000.usb\n"));
    QVERIFY(write(stale + u"/idProduct"_s, "0x9999\n"));
    QVERIFY(write(stale + u"/functions/ecm.usb0/host_addr"_s, "02:00:00:00:00:01\n"));
    QVERIFY(write(stale + u"/configs/c.1/MaxPower"_s, "100\n"));
    QVERIFY(write(stale + u"/strings/0x409/product"_s, "old\n"));
    QCOMPARE(::symlink(QFile::encodeName(stale + u"/functions/ecm.usb0"_s).constData(),
                       QFile::encodeName(stale + u"/configs/c.1/ecm.usb0"_s).constData()),
             0);

    const std::unique_ptr<UsbGadget> gadget = createGadget(m_system->settings());
    const std::optional<Failure> failure = gadget->create();
    QVERIFY2(!failure, qPrintable(failure ? failure->message : QString()));
    QVERIFY(!QFileInfo::exists(stale + u"/functions/ecm.usb0"_s));
    QVERIFY(!QFileInfo(stale + u"/configs/c.1/ecm.usb0"_s).isSymLink());
    QCOMPARE(contents(stale + u"/idProduct"_s), "0x0104\n");
    QCOMPARE(contents(stale + u"/strings/0x409/product"_s), "qbmc KVM\n");
    QCOMPARE(QDir(stale + u"/functions"_s).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             (QStringList{u"hid.usb0"_s, u"hid.usb1"_s}));
}

void tst_UsbGadget::aNamedControllerIsUsed()
{
    QVERIFY(QDir().mkpath(m_system->udc() + u"/3f980000.usb"_s));
    UsbGadget::Settings settings = m_system->settings();
    settings.udc = u"fe980000.usb"_s;
    settings.name = u"kvm"_s;
    const std::unique_ptr<UsbGadget> gadget = createGadget(settings);
    QVERIFY(!gadget->create());
    QCOMPARE(gadget->controller(), u"fe980000.usb"_s);
    QCOMPARE(contents(m_system->configfs() + u"/kvm/UDC"_s), "fe980000.usb\n");
}

void tst_UsbGadget::withoutAControllerTheErrorSaysHowToGetOne()
{
    QVERIFY(QDir(m_system->udc()).removeRecursively());
    const std::unique_ptr<UsbGadget> gadget = createGadget(m_system->settings());
    const std::optional<Failure> failure = gadget->create();
    QVERIFY(failure);
    QVERIFY(*failure == Failure::Code::Unavailable);
    QCOMPARE(
        failure->message,
        u"no USB device controller in %1; on a Raspberry Pi add dtoverlay=dwc2 to config.txt"_s.arg(m_system->udc()));
    QVERIFY(!gadget->isCreated());
    QVERIFY(!QFileInfo::exists(m_system->gadget()));

    // An empty class directory is the same.
    QVERIFY(QDir().mkpath(m_system->udc()));
    QVERIFY(gadget->create());
}

void tst_UsbGadget::aMissingNamedControllerIsNamed()
{
    UsbGadget::Settings settings = m_system->settings();
    settings.udc = u"1000480000.usb"_s;
    const std::unique_ptr<UsbGadget> gadget = createGadget(settings);
    const std::optional<Failure> failure = gadget->create();
    QVERIFY(failure);
    QVERIFY2(failure->message.contains(u"1000480000.usb"_s), qPrintable(failure->message));
    QVERIFY2(failure->message.contains(u"fe980000.usb"_s), qPrintable(failure->message));
}

void tst_UsbGadget::withoutConfigfsTheErrorSaysSo()
{
    UsbGadget::Settings settings = m_system->settings();
    settings.configfsRoot = m_system->dir.filePath(u"not-mounted/usb_gadget"_s);
    const std::unique_ptr<UsbGadget> gadget = createGadget(settings);
    const std::optional<Failure> failure = gadget->create();
    QVERIFY(failure);
    QVERIFY(*failure == Failure::Code::Unavailable);
    QVERIFY2(failure->message.startsWith(u"configfs is not mounted: %1 does not exist"_s.arg(settings.configfsRoot)),
             qPrintable(failure->message));
}

void tst_UsbGadget::aDeniedWriteSaysPermissionDenied()
{
    if (::geteuid() == 0)
        QSKIP("root may write anywhere, so nothing is denied");
    QVERIFY(QFile::setPermissions(m_system->configfs(), QFile::ReadOwner | QFile::ExeOwner));
    const std::unique_ptr<UsbGadget> gadget = createGadget(m_system->settings());
    const std::optional<Failure> failure = gadget->create();
    QFile::setPermissions(m_system->configfs(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(failure);
    QVERIFY(*failure == Failure::Code::Unavailable);
    QVERIFY2(failure->message.startsWith(u"permission denied writing the USB gadget at %1"_s.arg(m_system->gadget())),
             qPrintable(failure->message));
}

QTEST_GUILESS_MAIN(tst_UsbGadget)
#include "tst_usbgadget.moc"
