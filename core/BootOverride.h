#pragma once

#include "Actor.h"
#include "StateFile.h"

#include <QMetaEnum>
#include <QObject>

#include <optional>

class EventLog;

// The boot device the host should start from next, shared by IPMI's boot options and Redfish's
// Boot object. An ATX header cannot carry it to the firmware: qbmc stores and reports it, and a
// Once override is used up by the next power-on or reset that qbmc performs (docs/decisions.md#32).
class BootOverride : public QObject
{
    Q_OBJECT
    Q_PROPERTY(Target target READ target NOTIFY changed)
    Q_PROPERTY(Enabled enabled READ enabled NOTIFY changed)
    Q_PROPERTY(Mode mode READ mode NOTIFY changed)
public:
    // Names as Redfish spells them (BootSourceOverrideTarget / Enabled / Mode).
    enum class Target { None, Pxe, Hdd, Cd, Usb, BiosSetup };
    Q_ENUM(Target)
    enum class Enabled { Disabled, Once, Continuous };
    Q_ENUM(Enabled)
    enum class Mode { Legacy, UEFI };
    Q_ENUM(Mode)

    BootOverride(const QString &stateDirectory, EventLog *eventLog, QObject *parent = nullptr);

    Target target() const { return m_target; }
    Enabled enabled() const { return m_enabled; }
    Mode mode() const { return m_mode; }

    void set(Target target, Enabled enabled, Mode mode, const Actor &actor);

    // A boot that qbmc started is beginning: a Once override has now been used.
    void consume(const Actor &actor);
    // The device the boot now under way was told to use: the override's while it is enabled, else
    // the Once target consume() used up for this boot, until the host is off again (None: the
    // host's own boot order). What a firmware that reads the BMC asks as it boots.
    Target targetForThisBoot() const;
    // The host is off: a Once target used for the last boot no longer applies.
    void bootEnded() { m_usedTarget = Target::None; }

    template <typename Enum>
    static QString name(Enum value);
    template <typename Enum>
    static std::optional<Enum> fromName(const QString &name);

signals:
    void changed();

private:
    void save();

    StateFile m_file;
    EventLog *m_eventLog;
    Target m_target = Target::None;
    Enabled m_enabled = Enabled::Disabled;
    Mode m_mode = Mode::UEFI;
    Target m_usedTarget = Target::None;
};

template <typename Enum>
QString BootOverride::name(Enum value)
{
    return QString::fromLatin1(QMetaEnum::fromType<Enum>().valueToKey(int(value)));
}

template <typename Enum>
std::optional<Enum> BootOverride::fromName(const QString &name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<Enum>().keyToValue(name.toLatin1().constData(), &ok);
    return ok ? std::optional<Enum>(Enum(value)) : std::nullopt;
}
