#include "EventLog.h"
#include "MediaStore.h"
#include "MediaUpload.h"
#include "StateFileTesting.h"
#include "VirtualMedia.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using Slot = VirtualMedia::Slot;

class tst_VirtualMedia : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void startsEmpty();
    void insertIsPersistedAndLogged();
    void ejectEmptiesTheSlotAndIsLogged();
    void ejectingAnEmptySlotDoesNothing();
    void anOccupiedSlotRefusesAnotherImage();
    void aCdIsAlwaysWriteProtected();
    void aUsbStickMayBeWritable();
    void onlyImagesOfTheStoreCanBeInserted();
    void anUnavailableDriveRefuses();
    void anInsertedImageCannotBeDeleted();
    void anImageGoneWhileStoppedEmptiesItsSlot();
    void aMissingStoreFolderEmptiesNothing();
    void aDamagedFileMeansNothingInserted();
    void certificatesAreVerifiedUnlessTurnedOff();
    void namesFollowRedfish();

private:
    QString statePath() const { return m_dir->path(); }
    QString storePath() const { return m_dir->filePath(u"media"_s); }
    void addImage(const QString &name, const QByteArray &content = QByteArray(2048, 'x'));
    static VirtualMedia::Medium fromStore(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<EventLog> m_log;
    std::unique_ptr<MediaStore> m_store;
};

void tst_VirtualMedia::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_log = std::make_unique<EventLog>(statePath(), 50);
    m_store = std::make_unique<MediaStore>(storePath(), 1 << 20);
    QVERIFY(!m_store->open());
}

void tst_VirtualMedia::addImage(const QString &name, const QByteArray &content)
{
    auto upload = m_store->beginUpload(name, content.size());
    QVERIFY(upload);
    QVERIFY(!(*upload)->write(content));
    QVERIFY((*upload)->commit());
}

VirtualMedia::Medium tst_VirtualMedia::fromStore(const QString &name)
{
    VirtualMedia::Medium medium;
    medium.storeName = name;
    return medium;
}

void tst_VirtualMedia::startsEmpty()
{
    VirtualMedia media(statePath(), m_store.get(), m_log.get());
    for (Slot slot : VirtualMedia::allSlots) {
        QVERIFY(!media.medium(slot).isInserted());
        QCOMPARE(media.imagePath(slot), QString());
    }
    QCOMPARE(media.unavailableReason(), QString());
}

void tst_VirtualMedia::insertIsPersistedAndLogged()
{
    addImage(u"debian.iso"_s);
    VirtualMedia::Medium medium = fromStore(u"debian.iso"_s);
    medium.image = u"https://images.example/debian.iso"_s;
    medium.imageName = u"debian.iso"_s;
    medium.transferProtocolType = u"HTTPS"_s;
    medium.userName = u"mirror"_s;
    {
        VirtualMedia media(statePath(), m_store.get(), m_log.get());
        QSignalSpy changed(&media, &VirtualMedia::changed);
        QVERIFY(!media.insert(Slot::Cd, medium, Actor::redfish(u"ironic"_s)));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().value<Slot>(), Slot::Cd);
        QCOMPARE(media.medium(Slot::Cd), medium);
        QCOMPARE(media.imagePath(Slot::Cd), m_store->pathOf(u"debian.iso"_s));
        QCOMPARE(m_log->entries().last().message, u"Virtual media CD: debian.iso inserted"_s);
        QCOMPARE(m_log->entries().last().actor, Actor::redfish(u"ironic"_s));
    }
    const QByteArray saved = StateFileTesting::readAll(QDir(statePath()).filePath(u"virtual-media.json"_s));
    QVERIFY(saved.contains("mirror"));
    VirtualMedia reloaded(statePath(), m_store.get(), m_log.get());
    QCOMPARE(reloaded.medium(Slot::Cd), medium);
    QVERIFY(!reloaded.medium(Slot::UsbStick).isInserted());
}

void tst_VirtualMedia::ejectEmptiesTheSlotAndIsLogged()
{
    addImage(u"stick.img"_s);
    {
        VirtualMedia media(statePath(), m_store.get(), m_log.get());
        QVERIFY(!media.insert(Slot::UsbStick, fromStore(u"stick.img"_s), Actor::screen()));
        QSignalSpy changed(&media, &VirtualMedia::changed);
        QVERIFY(!media.eject(Slot::UsbStick, Actor::redfish(u"admin"_s)));
        QCOMPARE(changed.size(), 1);
        QVERIFY(!media.medium(Slot::UsbStick).isInserted());
        QCOMPARE(m_log->entries().last().message, u"Virtual media USBStick: stick.img ejected"_s);
        QCOMPARE(m_log->entries().last().actor, Actor::redfish(u"admin"_s));
    }
    VirtualMedia reloaded(statePath(), m_store.get(), m_log.get());
    QVERIFY(!reloaded.medium(Slot::UsbStick).isInserted());
}

void tst_VirtualMedia::ejectingAnEmptySlotDoesNothing()
{
    VirtualMedia media(statePath(), m_store.get(), m_log.get());
    QSignalSpy changed(&media, &VirtualMedia::changed);
    const int entries = m_log->count();
    QVERIFY(!media.eject(Slot::Cd, Actor::screen()));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_log->count(), entries);
}

void tst_VirtualMedia::anOccupiedSlotRefusesAnotherImage()
{
    addImage(u"one.iso"_s);
    addImage(u"two.iso"_s);
    VirtualMedia media(statePath(), m_store.get(), m_log.get());
    QVERIFY(!media.insert(Slot::Cd, fromStore(u"one.iso"_s), Actor::screen()));
    const auto failure = media.insert(Slot::Cd, fromStore(u"two.iso"_s), Actor::screen());
    QVERIFY(failure);
    QCOMPARE(failure->code, Failure::Code::SlotOccupied);
    QCOMPARE(failure->message, u"the CD slot holds one.iso; eject it first"_s);
    QCOMPARE(media.medium(Slot::Cd).storeName, u"one.iso"_s);
    // The other slot is free for it.
    QVERIFY(!media.insert(Slot::UsbStick, fromStore(u"two.iso"_s), Actor::screen()));
}

void tst_VirtualMedia::aCdIsAlwaysWriteProtected()
{
    addImage(u"one.iso"_s);
    VirtualMedia media(statePath(), m_store.get(), m_log.get());
    VirtualMedia::Medium writable = fromStore(u"one.iso"_s);
    writable.writeProtected = false;
    const auto failure = media.insert(Slot::Cd, writable, Actor::screen());
    QVERIFY(failure);
    QCOMPARE(failure->code, Failure::Code::InvalidValue);
    QVERIFY(!media.medium(Slot::Cd).isInserted());
}

void tst_VirtualMedia::aUsbStickMayBeWritable()
{
    addImage(u"stick.img"_s);
    VirtualMedia media(statePath(), m_store.get(), m_log.get());
    VirtualMedia::Medium writable = fromStore(u"stick.img"_s);
    writable.writeProtected = false;
    QVERIFY(!media.insert(Slot::UsbStick, writable, Actor::screen()));
    QVERIFY(!media.medium(Slot::UsbStick).writeProtected);
    QCOMPARE(m_log->entries().last().message, u"Virtual media USBStick: stick.img inserted with writing allowed"_s);
}

void tst_VirtualMedia::onlyImagesOfTheStoreCanBeInserted()
{
    VirtualMedia media(statePath(), m_store.get(), m_log.get());
    const auto failure = media.insert(Slot::Cd, fromStore(u"absent.iso"_s), Actor::screen());
    QVERIFY(failure);
    QCOMPARE(failure->code, Failure::Code::NoSuchImage);
    QCOMPARE(failure->message, u"the media store has no image called absent.iso"_s);
    QVERIFY(!QFile::exists(QDir(statePath()).filePath(u"virtual-media.json"_s)));
}

void tst_VirtualMedia::anUnavailableDriveRefuses()
{
    addImage(u"one.iso"_s);
    VirtualMedia media(statePath(), m_store.get(), m_log.get());
    media.setUnavailable(u"this board does not offer the host virtual media"_s);
    const auto failure = media.insert(Slot::Cd, fromStore(u"one.iso"_s), Actor::screen());
    QVERIFY(failure);
    QCOMPARE(failure->code, Failure::Code::Unavailable);
    QCOMPARE(failure->message, u"this board does not offer the host virtual media"_s);
}

void tst_VirtualMedia::anInsertedImageCannotBeDeleted()
{
    addImage(u"one.iso"_s);
    VirtualMedia media(statePath(), m_store.get(), m_log.get());
    QVERIFY(!media.insert(Slot::Cd, fromStore(u"one.iso"_s), Actor::screen()));
    const auto failure = media.deleteImage(u"one.iso"_s, Actor::redfish(u"admin"_s));
    QVERIFY(failure);
    QCOMPARE(failure->code, Failure::Code::ImageInUse);
    QVERIFY(m_store->image(u"one.iso"_s));

    QVERIFY(!media.eject(Slot::Cd, Actor::screen()));
    QVERIFY(!media.deleteImage(u"one.iso"_s, Actor::redfish(u"admin"_s)));
    QVERIFY(!m_store->image(u"one.iso"_s));
    QCOMPARE(m_log->entries().last().message, u"Image one.iso deleted from the media store"_s);
}

void tst_VirtualMedia::anImageGoneWhileStoppedEmptiesItsSlot()
{
    addImage(u"one.iso"_s);
    addImage(u"stick.img"_s);
    {
        VirtualMedia media(statePath(), m_store.get(), m_log.get());
        QVERIFY(!media.insert(Slot::Cd, fromStore(u"one.iso"_s), Actor::screen()));
        QVERIFY(!media.insert(Slot::UsbStick, fromStore(u"stick.img"_s), Actor::screen()));
    }
    QVERIFY(QFile::remove(m_store->pathOf(u"one.iso"_s)));
    VirtualMedia media(statePath(), m_store.get(), m_log.get());
    QVERIFY(!media.medium(Slot::Cd).isInserted());
    QCOMPARE(media.medium(Slot::UsbStick).storeName, u"stick.img"_s);
    QCOMPARE(m_log->entries().last().severity, EventLogEntry::Severity::Warning);
    QVERIFY(m_log->entries().last().message.contains(u"one.iso is gone"_s));
    // The emptied slot is what the next start finds, without a second warning.
    const int entries = m_log->count();
    VirtualMedia again(statePath(), m_store.get(), m_log.get());
    QVERIFY(!again.medium(Slot::Cd).isInserted());
    QCOMPARE(m_log->count(), entries);
}

void tst_VirtualMedia::aMissingStoreFolderEmptiesNothing()
{
    addImage(u"one.iso"_s);
    {
        VirtualMedia media(statePath(), m_store.get(), m_log.get());
        QVERIFY(!media.insert(Slot::Cd, fromStore(u"one.iso"_s), Actor::screen()));
    }
    // A store on its own partition that is not mounted: the inserted state waits for it.
    QVERIFY(QDir(storePath()).removeRecursively());
    VirtualMedia media(statePath(), m_store.get(), m_log.get());
    QCOMPARE(media.medium(Slot::Cd).storeName, u"one.iso"_s);
}

void tst_VirtualMedia::aDamagedFileMeansNothingInserted()
{
    const QString path = QDir(statePath()).filePath(u"virtual-media.json"_s);
    QVERIFY(StateFileTesting::writeAll(path, R"({"version":1,"slots":{"Floppy":{"image":"a"}}})"));
    VirtualMedia media(statePath(), m_store.get(), m_log.get());
    for (Slot slot : VirtualMedia::allSlots)
        QVERIFY(!media.medium(slot).isInserted());
    QCOMPARE(m_log->entries().last().severity, EventLogEntry::Severity::Critical);
    QCOMPARE(StateFileTesting::asideFiles(statePath(), u"virtual-media.json"_s).size(), 1);
}

void tst_VirtualMedia::certificatesAreVerifiedUnlessTurnedOff()
{
    {
        VirtualMedia media(statePath(), m_store.get(), m_log.get());
        QVERIFY(media.verifiesCertificate(Slot::Cd));
        QSignalSpy changed(&media, &VirtualMedia::verifyCertificateChanged);
        // Not a change of medium: the host's drive is left alone.
        QSignalSpy mediumChanged(&media, &VirtualMedia::changed);
        media.setVerifyCertificate(Slot::Cd, false, Actor::redfish(u"admin"_s));
        media.setVerifyCertificate(Slot::Cd, false, Actor::redfish(u"admin"_s));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(mediumChanged.size(), 0);
        QCOMPARE(m_log->entries().last().message,
                 u"Virtual media CD: image servers' certificates are no longer verified"_s);
    }
    VirtualMedia reloaded(statePath(), m_store.get(), m_log.get());
    QVERIFY(!reloaded.verifiesCertificate(Slot::Cd));
    QVERIFY(reloaded.verifiesCertificate(Slot::UsbStick));
}

void tst_VirtualMedia::namesFollowRedfish()
{
    QCOMPARE(VirtualMedia::slotName(Slot::Cd), u"CD"_s);
    QCOMPARE(VirtualMedia::slotName(Slot::UsbStick), u"USBStick"_s);
    QCOMPARE(VirtualMedia::slotFromName(u"USBStick"_s), Slot::UsbStick);
    QCOMPARE(VirtualMedia::slotFromName(u"Floppy"_s), std::nullopt);
    QCOMPARE(VirtualMedia::transferMethodName(VirtualMedia::TransferMethod::Stream), u"Stream"_s);
    QCOMPARE(VirtualMedia::transferMethodFromName(u"Upload"_s), VirtualMedia::TransferMethod::Upload);
    QCOMPARE(VirtualMedia::transferMethodFromName(u"Copy"_s), std::nullopt);
}

QTEST_GUILESS_MAIN(tst_VirtualMedia)
#include "tst_virtualmedia.moc"
