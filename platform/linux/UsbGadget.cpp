#include "UsbGadget.h"

#include "PlatformLogging.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// English strings (USB language id 0x0409), the only ones hosts are sure to ask for.
const QString english = u"0x409"_s;
const QString configuration = u"c.1"_s;

QByteArray line(const QString &text)
{
    return text.toUtf8() + '\n';
}

QByteArray hex16(quint16 value)
{
    return "0x" + QByteArray::number(value, 16).rightJustified(4, '0') + '\n';
}

// 0 when the directory is there afterwards, else errno. On configfs the gadget's and functions'
// own subdirectories (configs, functions, strings, lun.0) appear with their parent.
int makeDirectory(const QString &path)
{
    if (::mkdir(QFile::encodeName(path).constData(), 0755) == 0 || errno == EEXIST)
        return 0;
    return errno;
}

// Attributes exist on configfs and are opened for writing; in a test tree they are created. A
// configfs attribute takes the whole value from one write.
int writeFile(const QString &path, const QByteArray &value)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return errno;
    int error = 0;
    if (::write(fd, value.constData(), size_t(value.size())) != value.size())
        error = errno != 0 ? errno : EIO;
    if (::close(fd) != 0 && error == 0)
        error = errno;
    return error;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(256).trimmed() : QByteArray();
}

Failure unavailable(const QString &message)
{
    return Failure{Failure::Code::Unavailable, message};
}

Failure writeFailure(const QString &path, int error)
{
    if (error == EACCES || error == EPERM || error == EROFS)
        return unavailable(u"permission denied writing the USB gadget at %1 (%2): configfs is root's, so the gadget "
                           u"is written by root or by a service allowed to write there"_s.arg(
                               path, QString::fromLocal8Bit(std::strerror(error))));
    return unavailable(
        u"cannot write the USB gadget at %1: %2"_s.arg(path, QString::fromLocal8Bit(std::strerror(error))));
}

// Removes what a directory holds, deepest first, ignoring what cannot go: on configfs, attributes
// and default groups cannot be removed and vanish with their directory instead; in a test tree
// they are plain files and directories.
void removeContents(const QString &path)
{
    const QFileInfoList entries =
        QDir(path).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System | QDir::Hidden, QDir::Name);
    for (const QFileInfo &entry : entries) {
        const QByteArray name = QFile::encodeName(entry.absoluteFilePath());
        if (entry.isSymLink()) {
            ::unlink(name.constData());
        } else if (entry.isDir()) {
            removeContents(entry.absoluteFilePath());
            ::rmdir(name.constData());
        } else {
            ::unlink(name.constData());
        }
    }
}

void removeLinks(const QString &path)
{
    const QFileInfoList entries = QDir(path).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System);
    for (const QFileInfo &entry : entries) {
        if (entry.isSymLink())
            ::unlink(QFile::encodeName(entry.absoluteFilePath()).constData());
    }
}

// Takes a gadget down in the order configfs requires: unbound first, then the links from its
// configurations (and OS descriptors) to functions, then configurations, functions and strings,
// then the gadget. 0 when it is gone, else errno of the last rmdir.
int removeGadget(const QString &gadget)
{
    if (!QFileInfo(gadget).isDir())
        return 0;
    // An empty name unbinds; a write of no bytes would not reach the kernel's store at all.
    if (!readFile(gadget + u"/UDC"_s).isEmpty())
        writeFile(gadget + u"/UDC"_s, "\n");
    const QFileInfoList configs =
        QDir(gadget + u"/configs"_s).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    for (const QFileInfo &config : configs)
        removeLinks(config.absoluteFilePath());
    removeLinks(gadget + u"/os_desc"_s);
    removeContents(gadget);
    if (::rmdir(QFile::encodeName(gadget).constData()) != 0)
        return errno;
    return 0;
}

} // namespace

UsbGadget::UsbGadget(Settings settings)
    : m_settings(std::move(settings))
{
}

UsbGadget::~UsbGadget()
{
    remove();
}

void UsbGadget::addFunction(const QString &name, const QString &type, const QList<Attribute> &attributes)
{
    Q_ASSERT(!m_created);
    Q_ASSERT(!function(name));
    const auto sameType = std::count_if(m_functions.cbegin(), m_functions.cend(),
                                        [&](const Function &other) { return other.type == type; });
    m_functions.append(Function{name, type, u"usb%1"_s.arg(sameType), attributes});
}

void UsbGadget::addHidFunction(const QString &name, const HidFunctionSpec &spec)
{
    QList<Attribute> attributes{
        {u"protocol"_s, QByteArray::number(spec.protocol) + '\n'},
        {u"subclass"_s, QByteArray::number(spec.subclass) + '\n'},
        {u"report_length"_s, QByteArray::number(spec.reportLength) + '\n'},
        {u"report_desc"_s, spec.reportDescriptor},
    };
    // Older kernels have no such attribute and refuse to create it, so it is written only when asked.
    if (spec.noOutEndpoint)
        attributes.append({u"no_out_endpoint"_s, "1\n"});
    addFunction(name, u"hid"_s, attributes);
}

QString UsbGadget::gadgetPath() const
{
    return m_settings.configfsRoot + u'/' + m_settings.name;
}

std::optional<Failure> UsbGadget::create()
{
    if (m_created)
        return std::nullopt;
    if (!QFileInfo(m_settings.configfsRoot).isDir())
        return unavailable(u"configfs is not mounted: %1 does not exist (the kernel needs the libcomposite module and "
                           u"configfs mounted on /sys/kernel/config)"_s.arg(m_settings.configfsRoot));
    if (std::optional<Failure> failure = findController())
        return failure;

    const QString gadget = gadgetPath();
    if (QFileInfo::exists(gadget)) {
        qCWarning(lcLinux, "removing the USB gadget %s left behind", qPrintable(gadget));
        if (const int error = removeGadget(gadget))
            return unavailable(u"cannot remove the USB gadget left behind at %1: %2"_s.arg(
                gadget, QString::fromLocal8Bit(std::strerror(error))));
    }
    if (std::optional<Failure> failure = writeTree()) {
        removeGadget(gadget);
        return failure;
    }
    m_created = true;
    QStringList names;
    for (const Function &function : std::as_const(m_functions))
        names.append(function.name);
    qCInfo(lcLinux, "USB gadget %s bound to %s: %s", qPrintable(gadget), qPrintable(m_controller),
           qPrintable(names.join(u", "_s)));
    return std::nullopt;
}

void UsbGadget::remove()
{
    if (!m_created)
        return;
    m_created = false;
    if (const int error = removeGadget(gadgetPath()))
        qCWarning(lcLinux, "cannot remove the USB gadget %s: %s", qPrintable(gadgetPath()), std::strerror(error));
    else
        qCInfo(lcLinux, "USB gadget %s removed", qPrintable(gadgetPath()));
}

std::optional<Failure> UsbGadget::adopt()
{
    const QString controller = QString::fromUtf8(readFile(gadgetPath() + u"/UDC"_s).trimmed());
    if (controller.isEmpty())
        return unavailable(u"no USB gadget bound at %1 (qbmc --usb-gadget create writes it as root; the package's "
                           u"qbmc-usb-gadget.service does that before qbmc starts)"_s.arg(gadgetPath()));
    m_controller = controller;
    qCInfo(lcLinux, "using the USB gadget %s bound to %s", qPrintable(gadgetPath()), qPrintable(m_controller));
    return std::nullopt;
}

std::optional<Failure> UsbGadget::removeExisting()
{
    if (!QFileInfo::exists(gadgetPath()))
        return std::nullopt;
    if (const int error = removeGadget(gadgetPath()))
        return unavailable(u"cannot remove the USB gadget at %1: %2"_s.arg(
            gadgetPath(), QString::fromLocal8Bit(std::strerror(error))));
    m_created = false;
    qCInfo(lcLinux, "USB gadget %s removed", qPrintable(gadgetPath()));
    return std::nullopt;
}

std::optional<Failure> UsbGadget::findController()
{
    const QStringList controllers =
        QDir(m_settings.udcRoot).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System, QDir::Name);
    if (controllers.isEmpty())
        return unavailable(u"no USB device controller in %1; on a Raspberry Pi add dtoverlay=dwc2 to config.txt"_s.arg(
            m_settings.udcRoot));
    if (m_settings.udc.isEmpty()) {
        m_controller = controllers.first();
    } else if (controllers.contains(m_settings.udc)) {
        m_controller = m_settings.udc;
    } else {
        return unavailable(u"no USB device controller %1 in %2 (there are: %3)"_s.arg(
            m_settings.udc, m_settings.udcRoot, controllers.join(u", "_s)));
    }
    return std::nullopt;
}

std::optional<Failure> UsbGadget::writeTree()
{
    const QString gadget = gadgetPath();
    const QString strings = gadget + u"/strings/"_s + english;
    const QString config = gadget + u"/configs/"_s + configuration;
    const QString configStrings = config + u"/strings/"_s + english;

    for (const QString &directory : {gadget, gadget + u"/configs"_s, gadget + u"/functions"_s, gadget + u"/strings"_s,
                                     strings, config, config + u"/strings"_s, configStrings}) {
        if (const int error = makeDirectory(directory))
            return writeFailure(directory, error);
    }

    QList<std::pair<QString, QByteArray>> attributes{
        {gadget + u"/idVendor"_s, hex16(m_settings.vendorId)},
        {gadget + u"/idProduct"_s, hex16(m_settings.productId)},
        {gadget + u"/bcdDevice"_s, hex16(m_settings.deviceRelease)},
        {gadget + u"/bcdUSB"_s, hex16(0x0200)},
        {strings + u"/manufacturer"_s, line(m_settings.manufacturer)},
        {strings + u"/product"_s, line(m_settings.product)},
    };
    if (!m_settings.serialNumber.isEmpty())
        attributes.append({strings + u"/serialnumber"_s, line(m_settings.serialNumber)});
    attributes.append({config + u"/MaxPower"_s, QByteArray::number(m_settings.maxPowerMilliamps) + '\n'});
    attributes.append({configStrings + u"/configuration"_s, line(m_settings.product)});
    for (const auto &[path, value] : std::as_const(attributes)) {
        if (const int error = writeFile(path, value))
            return writeFailure(path, error);
    }

    for (const Function &function : std::as_const(m_functions)) {
        const QString directory = functionPath(function.name);
        if (const int error = makeDirectory(directory))
            return writeFailure(directory, error);
        for (const Attribute &attribute : function.attributes) {
            const QString path = directory + u'/' + attribute.path;
            // An attribute in a subdirectory (a mass storage's lun.0/file): configfs has made
            // the first lun with the function; further ones are made here.
            const QString parent = QFileInfo(path).path();
            if (parent != directory) {
                if (const int error = makeDirectory(parent))
                    return writeFailure(parent, error);
            }
            if (const int error = writeFile(path, attribute.value))
                return writeFailure(path, error);
        }
        const QString link = config + u'/' + QFileInfo(directory).fileName();
        if (::symlink(QFile::encodeName(directory).constData(), QFile::encodeName(link).constData()) != 0)
            return writeFailure(link, errno);
    }

    const QString udc = gadget + u"/UDC"_s;
    if (const int error = writeFile(udc, line(m_controller))) {
        if (error == EBUSY)
            return unavailable(
                u"the USB device controller %1 is taken by another gadget (a g_ether or g_serial module, "
                u"or another gadget in %2)"_s.arg(m_controller, m_settings.configfsRoot));
        return writeFailure(udc, error);
    }
    return std::nullopt;
}

int UsbGadget::writeAttribute(const QString &path, const QByteArray &value)
{
    return writeFile(path, value);
}

const UsbGadget::Function *UsbGadget::function(const QString &name) const
{
    for (const Function &function : m_functions) {
        if (function.name == name)
            return &function;
    }
    return nullptr;
}

QString UsbGadget::functionPath(const QString &name) const
{
    const Function *found = function(name);
    return found ? gadgetPath() + u"/functions/"_s + found->type + u'.' + found->instance : QString();
}

QString UsbGadget::devicePath(const QString &name) const
{
    const Function *found = function(name);
    if (!found || found->type != u"hid"_s)
        return {};
    const QByteArray dev = readFile(functionPath(name) + u"/dev"_s);
    bool ok = false;
    const int minor = dev.mid(dev.indexOf(':') + 1).toInt(&ok);
    if (dev.contains(':') && ok)
        return m_settings.devRoot + u"/hidg"_s + QString::number(minor);
    return m_settings.devRoot + u"/hidg"_s + found->instance.mid(3);
}
