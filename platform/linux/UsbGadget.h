#pragma once

#include "Failure.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// The HID function's attributes (Documentation/usb/gadget_hid.rst of the kernel).
struct HidFunctionSpec
{
    quint8 protocol = 0; // 1 boot keyboard, 2 boot mouse, 0 neither
    quint8 subclass = 0; // 1 when the function speaks a boot protocol
    quint16 reportLength = 0;
    QByteArray reportDescriptor;
    // Only for a function without output reports on kernels that offer the attribute (6.1 and later).
    bool noOutEndpoint = false;
};

// qbmc's USB composite gadget on the Pi's OTG port, written into configfs
// (Documentation/usb/gadget_configfs.rst of the kernel): the one owner of
// <configfs>/usb_gadget/qbmc, so that the KVM's keyboard and mice and later the virtual media's
// mass storage are functions of one device bound once, not gadgets that fight over the one
// controller. Functions are declared first, then create() writes the whole tree and binds it;
// remove() (and the destructor) undo it in reverse.
//
// The tree is written with plain file calls, so a test points the roots at a temporary directory.
// There, attribute files do not exist until written and leave with remove() like the directories.
class UsbGadget
{
public:
    struct Settings
    {
        QString configfsRoot = QStringLiteral("/sys/kernel/config/usb_gadget");
        QString name = QStringLiteral("qbmc");
        QString udcRoot = QStringLiteral("/sys/class/udc");
        QString udc; // the controller to bind to; empty takes the first in udcRoot
        // The Linux Foundation's "Multifunction Composite Gadget", which hosts know needs no
        // driver of its own; the functions' interfaces say what the device is.
        quint16 vendorId = 0x1d6b;
        quint16 productId = 0x0104;
        quint16 deviceRelease = 0x0100;
        QString manufacturer = QStringLiteral("qbmc");
        QString product = QStringLiteral("qbmc KVM");
        QString serialNumber; // none when empty
        int maxPowerMilliamps = 250;
        QString devRoot = QStringLiteral("/dev"); // where the functions' device nodes appear
    };

    // An attribute of a function: a path inside the function's directory ("protocol",
    // "lun.0/file") and the bytes it gets, written in the order given.
    struct Attribute
    {
        QString path;
        QByteArray value;
    };

    explicit UsbGadget(Settings settings);
    ~UsbGadget();
    UsbGadget(const UsbGadget &) = delete;
    UsbGadget &operator=(const UsbGadget &) = delete;

    // Declares a function before create(): `name` is qbmc's own ("keyboard"), `type` the kernel's
    // function driver ("hid", "mass_storage"). Instances are numbered per type: hid.usb0, hid.usb1.
    void addFunction(const QString &name, const QString &type, const QList<Attribute> &attributes);
    void addHidFunction(const QString &name, const HidFunctionSpec &spec);

    // Removes a gadget of the same name left behind (qbmc stopped without removing it), writes the
    // gadget with its functions and binds it to the controller. On a failure nothing is left.
    std::optional<Failure> create();
    // Unbinds the gadget and removes its tree; nothing when it was not created.
    void remove();
    // For a daemon that may not write configfs: uses the gadget of this name that a privileged
    // step wrote and bound (qbmc --usb-gadget create), with the functions declared here, and
    // leaves it in place at the end. Fails when there is none bound.
    std::optional<Failure> adopt();
    // Leaves the gadget created here in place when this object goes (that privileged step).
    void keep() { m_created = false; }
    // Removes a gadget of this name whoever wrote it (the privileged step at stop).
    std::optional<Failure> removeExisting();
    bool isCreated() const { return m_created; }

    // The controller it is bound to ("fe980000.usb"), once created.
    QString controller() const { return m_controller; }
    QString gadgetPath() const;
    // The function's directory in configfs, for attributes that change while bound (a mass
    // storage's lun.0/file); empty for a name not declared.
    QString functionPath(const QString &name) const;
    // The device node of a HID function: /dev/hidg<minor>, the minor from the function's "dev"
    // attribute ("MAJOR:MINOR"); without one, the functions' order among the gadget's HID
    // functions, which is what the kernel assigns when qbmc's is the only HID gadget. Empty for
    // a name not declared or not HID.
    QString devicePath(const QString &name) const;

    // Writes one attribute as configfs wants it, in a single write; 0 or errno. For functions
    // whose attributes change while the gadget is bound (a mass storage's medium).
    static int writeAttribute(const QString &path, const QByteArray &value);

private:
    struct Function
    {
        QString name;
        QString type;
        QString instance; // "usb0"
        QList<Attribute> attributes;
    };

    std::optional<Failure> findController();
    std::optional<Failure> writeTree();
    const Function *function(const QString &name) const;

    Settings m_settings;
    QList<Function> m_functions;
    QString m_controller;
    bool m_created = false;
};
