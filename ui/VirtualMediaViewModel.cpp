#include "VirtualMediaViewModel.h"

#include "VirtualMedia.h"

#include <QVariantMap>

using namespace Qt::StringLiterals;

VirtualMediaViewModel::VirtualMediaViewModel(VirtualMedia *media, QObject *parent)
    : QObject(parent)
    , m_media(media)
{
    connect(media, &VirtualMedia::changed, this, &VirtualMediaViewModel::drivesChanged);
}

QVariantList VirtualMediaViewModel::drives() const
{
    QVariantList drives;
    for (VirtualMedia::Slot slot : VirtualMedia::allSlots) {
        const VirtualMedia::Medium medium = m_media->medium(slot);
        if (!medium.isInserted())
            continue;
        drives.append(QVariantMap{
            {u"slot"_s, VirtualMedia::slotName(slot)},
            {u"imageName"_s, medium.imageName},
            {u"writeProtected"_s, medium.writeProtected},
        });
    }
    return drives;
}

QString VirtualMediaViewModel::eject(const QString &slot)
{
    const std::optional<VirtualMedia::Slot> which = VirtualMedia::slotFromName(slot);
    if (!which)
        return u"no drive called %1"_s.arg(slot);
    const std::optional<Failure> failure = m_media->eject(*which, Actor::screen());
    return failure ? failure->message : QString();
}
