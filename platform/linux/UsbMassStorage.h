#pragma once

#include "Failure.h"

#include <QString>

#include <optional>

class UsbGadget;

// The virtual media's two drives as the mass-storage function of qbmc's USB gadget
// (Documentation/usb/mass-storage.rst of the kernel): LUN 0 a removable CD-ROM, always read-only,
// LUN 1 a removable disk, the USB stick. Each LUN keeps its type for the gadget's life, so a
// change of medium is a medium change the host's driver handles, never a re-enumeration
// (docs/decisions.md#132). Inserting writes the image's path to lun.N/file; ejecting empties it,
// through forced_eject where the kernel has it, so a host that locked the tray cannot keep it.
class UsbMassStorage
{
public:
    enum class Drive { Cd, Stick };

    // qbmc's name of the function in the gadget.
    static const QString functionName;

    // Declares the function with both LUNs, before the gadget is created.
    static void addFunction(UsbGadget &gadget);

    // For the privileged step that writes the gadget: lets the members of `group` load and eject
    // media (lun.N/file, ro, forced_eject), since qbmc runs as its own user. A group that does
    // not exist (qbmc runs as root) leaves them as they are.
    static std::optional<Failure> allowGroup(const QString &functionPath, const QString &group);

    // `functionPath` is the function's directory in configfs (UsbGadget::functionPath).
    explicit UsbMassStorage(QString functionPath);

    // Gives the host `imagePath` in `drive`, read-only or not (a CD always is); an empty path
    // ejects. What was in the drive is ejected first, since the kernel takes a new `ro` only then.
    std::optional<Failure> setMedium(Drive drive, const QString &imagePath, bool readOnly);

private:
    QString lunPath(Drive drive) const;
    std::optional<Failure> write(Drive drive, const QString &attribute, const QByteArray &value) const;

    QString m_functionPath;
};
