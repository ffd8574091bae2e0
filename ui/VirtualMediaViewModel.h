#pragma once

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class VirtualMedia;

// What the BMC's virtual drives hold, for the screen's Overview, and the same eject the remote
// faces call, with the screen as the actor. `drives` lists the drives that hold an image, each as
// {slot: "CD" | "USBStick", imageName, writeProtected}: the screen shows only what the host sees.
class VirtualMediaViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.media provides it")
    Q_PROPERTY(QVariantList drives READ drives NOTIFY drivesChanged)

public:
    explicit VirtualMediaViewModel(VirtualMedia *media, QObject *parent = nullptr);

    QVariantList drives() const;
    // Empty when done; otherwise why not, in English for the log (the screen says it failed).
    Q_INVOKABLE QString eject(const QString &slot);

signals:
    void drivesChanged();

private:
    VirtualMedia *m_media;
};
