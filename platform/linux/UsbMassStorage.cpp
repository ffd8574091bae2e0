#include "UsbMassStorage.h"

#include "PlatformLogging.h"
#include "linux/UsbGadget.h"

#include <QFile>
#include <QFileInfo>

#include <cstring>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

const QString UsbMassStorage::functionName = u"media"_s;

namespace {
// SCSI INQUIRY's vendor (8 characters), product (16) and revision (4), as hosts list the drive.
constexpr const char *cdInquiry = "qbmc    Virtual CD/DVD  0100\n";
constexpr const char *stickInquiry = "qbmc    USB Flash Drive 0100\n";
} // namespace

void UsbMassStorage::addFunction(UsbGadget &gadget)
{
    gadget.addFunction(functionName, u"mass_storage"_s,
                       {
                           // Some firmware's USB stacks never clear a halted bulk endpoint.
                           {u"stall"_s, "0\n"},
                           {u"lun.0/cdrom"_s, "1\n"},
                           {u"lun.0/ro"_s, "1\n"},
                           {u"lun.0/removable"_s, "1\n"},
                           {u"lun.0/inquiry_string"_s, cdInquiry},
                           {u"lun.0/file"_s, "\n"},
                           {u"lun.1/cdrom"_s, "0\n"},
                           {u"lun.1/ro"_s, "1\n"},
                           {u"lun.1/removable"_s, "1\n"},
                           {u"lun.1/inquiry_string"_s, stickInquiry},
                           {u"lun.1/file"_s, "\n"},
                       });
}

std::optional<Failure> UsbMassStorage::allowGroup(const QString &functionPath, const QString &group)
{
    const struct group *entry = ::getgrnam(group.toLocal8Bit().constData());
    if (!entry)
        return std::nullopt;
    for (const QString &lun : {u"lun.0"_s, u"lun.1"_s}) {
        for (const QString &attribute : {u"file"_s, u"ro"_s, u"forced_eject"_s}) {
            const QString path = functionPath + u'/' + lun + u'/' + attribute;
            if (!QFileInfo::exists(path))
                continue;
            const QByteArray name = QFile::encodeName(path);
            if (::chown(name.constData(), uid_t(-1), entry->gr_gid) != 0 || ::chmod(name.constData(), 0664) != 0)
                return Failure{Failure::Code::Unavailable,
                               u"cannot give %1 to the group %2: %3"_s.arg(
                                   path, group, QString::fromLocal8Bit(std::strerror(errno)))};
        }
    }
    return std::nullopt;
}

UsbMassStorage::UsbMassStorage(QString functionPath)
    : m_functionPath(std::move(functionPath))
{
}

QString UsbMassStorage::lunPath(Drive drive) const
{
    return m_functionPath + (drive == Drive::Cd ? u"/lun.0"_s : u"/lun.1"_s);
}

std::optional<Failure> UsbMassStorage::write(Drive drive, const QString &attribute, const QByteArray &value) const
{
    const QString path = lunPath(drive) + u'/' + attribute;
    if (const int error = UsbGadget::writeAttribute(path, value))
        return Failure{Failure::Code::Unavailable,
                       u"the USB gadget refused %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(error)))};
    return std::nullopt;
}

std::optional<Failure> UsbMassStorage::setMedium(Drive drive, const QString &imagePath, bool readOnly)
{
    // forced_eject (kernel 5.x) ejects even when the host has locked the medium in.
    const bool forced = QFileInfo::exists(lunPath(drive) + u"/forced_eject"_s);
    if (auto failure = forced ? write(drive, u"forced_eject"_s, "1\n") : write(drive, u"file"_s, "\n"))
        return failure;
    if (imagePath.isEmpty()) {
        qCInfo(lcLinux, "USB mass storage: %s ejected", drive == Drive::Cd ? "CD" : "USB stick");
        return std::nullopt;
    }
    if (drive == Drive::Stick) {
        if (auto failure = write(drive, u"ro"_s, readOnly ? "1\n" : "0\n"))
            return failure;
    }
    if (auto failure = write(drive, u"file"_s, QFile::encodeName(imagePath) + '\n'))
        return failure;
    qCInfo(lcLinux, "USB mass storage: %s holds %s%s", drive == Drive::Cd ? "CD" : "USB stick", qPrintable(imagePath),
           drive == Drive::Stick && !readOnly ? " (writable)" : "");
    return std::nullopt;
}
