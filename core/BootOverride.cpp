#include "BootOverride.h"

#include "EventLog.h"
#include "StateFormats.h"

#include <QDir>

using namespace Qt::StringLiterals;

BootOverride::BootOverride(const QString &stateDirectory, EventLog *eventLog, QObject *parent)
    : QObject(parent)
    , m_file(QDir(stateDirectory).filePath(StateFormats::bootOverride.fileName))
    , m_eventLog(eventLog)
{
    const StateFile::Result loaded =
        m_file.load(StateFormats::bootOverride.version, [](const QJsonObject &object) -> QString {
            if (!fromName<Target>(object.value(u"target"_s).toString())
                || !fromName<Enabled>(object.value(u"enabled"_s).toString())
                || !fromName<Mode>(object.value(u"mode"_s).toString()))
                return u"target, enabled or mode is missing or unknown"_s;
            return {};
        });
    if (loaded.usable()) {
        m_target = *fromName<Target>(loaded.object.value(u"target"_s).toString());
        m_enabled = *fromName<Enabled>(loaded.object.value(u"enabled"_s).toString());
        m_mode = *fromName<Mode>(loaded.object.value(u"mode"_s).toString());
    }
    if (const QString story = loaded.story(u"boot override"_s, u"no boot override is set"_s); !story.isEmpty())
        m_eventLog->critical(Actor::bmc(), story);
}

void BootOverride::set(Target target, Enabled enabled, Mode mode, const Actor &actor)
{
    if (target == m_target && enabled == m_enabled && mode == m_mode)
        return;
    m_target = target;
    m_enabled = enabled;
    m_mode = mode;
    save();
    m_eventLog->info(actor, u"Boot override set to %1 (%2, %3)"_s.arg(name(target), name(enabled), name(mode)));
    emit changed();
}

void BootOverride::consume(const Actor &actor)
{
    if (m_enabled != Enabled::Once)
        return;
    m_usedTarget = m_target;
    m_enabled = Enabled::Disabled;
    save();
    m_eventLog->info(actor, u"Boot override %1 used for this boot; it is now disabled"_s.arg(name(m_target)));
    emit changed();
}

void BootOverride::save()
{
    m_file.save(StateFormats::bootOverride.version,
                {{u"target"_s, name(m_target)}, {u"enabled"_s, name(m_enabled)}, {u"mode"_s, name(m_mode)}});
}

BootOverride::Target BootOverride::targetForThisBoot() const
{
    return m_enabled == Enabled::Disabled ? m_usedTarget : m_target;
}
