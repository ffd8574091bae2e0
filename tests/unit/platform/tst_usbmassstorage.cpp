#include "linux/UsbGadget.h"
#include "linux/UsbMassStorage.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Drive = UsbMassStorage::Drive;

namespace {
QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(missing)");
}
} // namespace

// The virtual media's drives in qbmc's USB gadget, written into a temporary tree shaped like
// configfs and checked file by file.
class tst_UsbMassStorage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void theFunctionHasACdAndAStick();
    void mediaGoInAndOutThroughTheLunFiles();
    void forcedEjectIsUsedWhereTheKernelHasIt();
    void aChangeOfMediaNeverReenumerates();
    void aRefusalNamesTheAttribute();
    void theMediumAttributesCanBeGivenToAGroup();

private:
    QString lun(int number) const { return m_function + u"/lun.%1"_s.arg(number); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UsbGadget> m_gadget;
    QString m_function;
};

void tst_UsbMassStorage::init()
{
    m_gadget.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(QDir().mkpath(m_dir->filePath(u"config/usb_gadget"_s)));
    QVERIFY(QDir().mkpath(m_dir->filePath(u"udc/fe980000.usb"_s)));
    UsbGadget::Settings settings;
    settings.configfsRoot = m_dir->filePath(u"config/usb_gadget"_s);
    settings.udcRoot = m_dir->filePath(u"udc"_s);
    settings.devRoot = m_dir->filePath(u"dev"_s);
    m_gadget = std::make_unique<UsbGadget>(settings);
    UsbMassStorage::addFunction(*m_gadget);
    QVERIFY(!m_gadget->create());
    m_function = m_gadget->functionPath(UsbMassStorage::functionName);
    QCOMPARE(m_function, settings.configfsRoot + u"/qbmc/functions/mass_storage.usb0"_s);
}

void tst_UsbMassStorage::theFunctionHasACdAndAStick()
{
    QCOMPARE(contents(m_function + u"/stall"_s), "0\n");
    QCOMPARE(contents(lun(0) + u"/cdrom"_s), "1\n");
    QCOMPARE(contents(lun(0) + u"/ro"_s), "1\n");
    QCOMPARE(contents(lun(0) + u"/removable"_s), "1\n");
    QCOMPARE(contents(lun(0) + u"/inquiry_string"_s), "qbmc    Virtual CD/DVD  0100\n");
    QCOMPARE(contents(lun(0) + u"/file"_s), "\n");
    QCOMPARE(contents(lun(1) + u"/cdrom"_s), "0\n");
    QCOMPARE(contents(lun(1) + u"/removable"_s), "1\n");
    QCOMPARE(contents(lun(1) + u"/inquiry_string"_s), "qbmc    USB Flash Drive 0100\n");
    // SCSI INQUIRY: 8 characters of vendor, 16 of product, 4 of revision.
    QCOMPARE(contents(lun(0) + u"/inquiry_string"_s).trimmed().size(), 28);
    QCOMPARE(contents(lun(1) + u"/inquiry_string"_s).trimmed().size(), 28);
    QCOMPARE(QFileInfo(m_gadget->gadgetPath() + u"/configs/c.1/mass_storage.usb0"_s).symLinkTarget(), m_function);
}

void tst_UsbMassStorage::mediaGoInAndOutThroughTheLunFiles()
{
    UsbMassStorage storage(m_function);
    QVERIFY(!storage.setMedium(Drive::Cd, u"/var/lib/qbmc/media/debian.iso"_s, true));
    QCOMPARE(contents(lun(0) + u"/file"_s), "/var/lib/qbmc/media/debian.iso\n");
    QCOMPARE(contents(lun(0) + u"/ro"_s), "1\n");

    QVERIFY(!storage.setMedium(Drive::Stick, u"/var/lib/qbmc/media/stick.img"_s, false));
    QCOMPARE(contents(lun(1) + u"/ro"_s), "0\n");
    QCOMPARE(contents(lun(1) + u"/file"_s), "/var/lib/qbmc/media/stick.img\n");
    QVERIFY(!storage.setMedium(Drive::Stick, u"/var/lib/qbmc/media/stick.img"_s, true));
    QCOMPARE(contents(lun(1) + u"/ro"_s), "1\n");

    QVERIFY(!storage.setMedium(Drive::Cd, {}, true));
    QCOMPARE(contents(lun(0) + u"/file"_s), "\n");
    QCOMPARE(contents(lun(1) + u"/file"_s), "/var/lib/qbmc/media/stick.img\n");
}

void tst_UsbMassStorage::forcedEjectIsUsedWhereTheKernelHasIt()
{
    UsbMassStorage storage(m_function);
    QVERIFY(!storage.setMedium(Drive::Cd, u"/images/a.iso"_s, true));
    QFile forced(lun(0) + u"/forced_eject"_s);
    QVERIFY(forced.open(QIODevice::WriteOnly));
    forced.close();
    QVERIFY(!storage.setMedium(Drive::Cd, {}, true));
    QCOMPARE(contents(lun(0) + u"/forced_eject"_s), "1\n");
}

void tst_UsbMassStorage::aChangeOfMediaNeverReenumerates()
{
    const QByteArray controller = contents(m_gadget->gadgetPath() + u"/UDC"_s);
    QCOMPARE(controller, "fe980000.usb\n");
    UsbMassStorage storage(m_function);
    QVERIFY(!storage.setMedium(Drive::Cd, u"/images/a.iso"_s, true));
    QVERIFY(!storage.setMedium(Drive::Cd, {}, true));
    QVERIFY(!storage.setMedium(Drive::Stick, u"/images/b.img"_s, false));
    QVERIFY(!storage.setMedium(Drive::Cd, u"/images/b.img"_s, true));
    // Each drive keeps its type; the gadget stays bound throughout.
    QCOMPARE(contents(lun(0) + u"/cdrom"_s), "1\n");
    QCOMPARE(contents(lun(1) + u"/cdrom"_s), "0\n");
    QCOMPARE(contents(m_gadget->gadgetPath() + u"/UDC"_s), controller);
}

void tst_UsbMassStorage::aRefusalNamesTheAttribute()
{
    UsbMassStorage storage(m_dir->filePath(u"no-such-function"_s));
    const std::optional<Failure> failure = storage.setMedium(Drive::Stick, u"/images/b.img"_s, true);
    QVERIFY(failure);
    QCOMPARE(failure->code, Failure::Code::Unavailable);
    QVERIFY2(failure->message.contains(u"no-such-function/lun.1/file"_s), qPrintable(failure->message));
}

void tst_UsbMassStorage::theMediumAttributesCanBeGivenToAGroup()
{
    const struct group *own = ::getgrgid(::getgid());
    QVERIFY(own);
    QVERIFY(!UsbMassStorage::allowGroup(m_function, QString::fromLocal8Bit(own->gr_name)));
    for (const QString &path : {lun(0) + u"/file"_s, lun(1) + u"/ro"_s}) {
        struct stat status
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &status), 0);
        QCOMPARE(int(status.st_mode & 07777), 0664);
        QCOMPARE(status.st_gid, own->gr_gid);
    }
    // No such group: qbmc runs as root and nothing changes.
    QVERIFY(!UsbMassStorage::allowGroup(m_function, u"no-such-group-qbmc"_s));
}

QTEST_GUILESS_MAIN(tst_UsbMassStorage)
#include "tst_usbmassstorage.moc"
