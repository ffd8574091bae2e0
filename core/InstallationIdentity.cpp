#include "InstallationIdentity.h"

#include "EventLog.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace {
constexpr int formatVersion = 1;
}

InstallationIdentity::InstallationIdentity(const QString &stateDirectory, EventLog *eventLog)
{
    StateFile file(QDir(stateDirectory).filePath(u"identity.json"_s));
    const StateFile::Result loaded = file.load(formatVersion, [](const QJsonObject &object) -> QString {
        for (const auto key : {"systemUuid"_L1, "deviceUuid"_L1}) {
            if (QUuid::fromString(object.value(key).toString()).isNull())
                return u"%1 is missing or not a UUID"_s.arg(key);
        }
        return {};
    });
    if (loaded.status == StateFile::Status::Loaded) {
        m_systemUuid = QUuid::fromString(loaded.object.value(u"systemUuid"_s).toString());
        m_deviceUuid = QUuid::fromString(loaded.object.value(u"deviceUuid"_s).toString());
        return;
    }
    if (loaded.status == StateFile::Status::Damaged) {
        eventLog->critical(Actor::bmc(),
                           u"The identity file was damaged (%1) and was kept as %2; this installation "
                           "now has new UUIDs"_s.arg(loaded.problem, loaded.asidePath));
    }
    // QUuid::createUuid() draws from the kernel's random source: version 4 UUIDs.
    m_systemUuid = QUuid::createUuid();
    m_deviceUuid = QUuid::createUuid();
    file.save(formatVersion,
              {{u"systemUuid"_s, m_systemUuid.toString(QUuid::WithoutBraces)},
               {u"deviceUuid"_s, m_deviceUuid.toString(QUuid::WithoutBraces)}});
}
