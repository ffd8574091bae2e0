#include "InstallationIdentity.h"

#include "EventLog.h"
#include "StateFormats.h"

#include <QDir>

using namespace Qt::StringLiterals;

InstallationIdentity::InstallationIdentity(const QString &stateDirectory, EventLog *eventLog)
{
    StateFile file(QDir(stateDirectory).filePath(StateFormats::identity.fileName));
    const StateFile::Result loaded =
        file.load(StateFormats::identity.version, [](const QJsonObject &object) -> QString {
            for (const auto key : {"systemUuid"_L1, "deviceUuid"_L1}) {
                if (QUuid::fromString(object.value(key).toString()).isNull())
                    return u"%1 is missing or not a UUID"_s.arg(key);
            }
            return {};
        });
    if (const QString story = loaded.story(u"identity"_s, u"this installation now has new UUIDs"_s); !story.isEmpty())
        eventLog->critical(Actor::bmc(), story);
    if (loaded.usable()) {
        m_systemUuid = QUuid::fromString(loaded.object.value(u"systemUuid"_s).toString());
        m_deviceUuid = QUuid::fromString(loaded.object.value(u"deviceUuid"_s).toString());
        return;
    }
    // QUuid::createUuid() draws from the kernel's random source: version 4 UUIDs.
    m_systemUuid = QUuid::createUuid();
    m_deviceUuid = QUuid::createUuid();
    file.save(StateFormats::identity.version,
              {{u"systemUuid"_s, m_systemUuid.toString(QUuid::WithoutBraces)},
               {u"deviceUuid"_s, m_deviceUuid.toString(QUuid::WithoutBraces)}});
}
