#include "Actor.h"

QString Actor::originName(Origin origin)
{
    switch (origin) {
    case Origin::Screen: return QStringLiteral("panel");
    case Origin::Ipmi: return QStringLiteral("ipmi");
    case Origin::Redfish: return QStringLiteral("redfish");
    case Origin::Host: return QStringLiteral("host");
    case Origin::Bmc: return QStringLiteral("bmc");
    case Origin::Ssh: return QStringLiteral("ssh");
    }
    return {};
}

std::optional<Actor::Origin> Actor::originFromName(const QString &name)
{
    for (Origin origin : {Origin::Screen, Origin::Ipmi, Origin::Redfish, Origin::Host, Origin::Bmc, Origin::Ssh}) {
        if (originName(origin) == name)
            return origin;
    }
    return std::nullopt;
}

QString Actor::toString() const
{
    return user.isEmpty() ? originName(origin) : originName(origin) + u':' + user;
}
