#include "MediaStore.h"
#include "MediaUpload.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class tst_MediaStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void anUploadBecomesAnImageWithItsChecksum();
    void anUnfinishedUploadLeavesNothing();
    void leftoversOfACrashAreClearedOnOpen();
    void namesThatAreNotPlainFileNamesAreRefused();
    void anExistingNameIsRefused();
    void aReplacingUploadKeepsTheOldImageUntilItIsWhole();
    void theLimitHoldsAnnouncedOrNot();
    void removeDeletesTheImageAndItsChecksum();
    void imagesPutThereByHandAreListedWithoutChecksum();

private:
    // Everything in the store's folder, hidden files too.
    QStringList filesOnDisk() const;
    QString storePath() const { return m_dir->filePath(u"media"_s); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_MediaStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QStringList tst_MediaStore::filesOnDisk() const
{
    return QDir(storePath()).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
}

void tst_MediaStore::anUploadBecomesAnImageWithItsChecksum()
{
    MediaStore store(storePath(), 1 << 20);
    QVERIFY(!store.open());
    QSignalSpy changes(&store, &MediaStore::changed);
    auto upload = store.beginUpload(u"debian.iso"_s, 3000);
    QVERIFY(upload);
    const QByteArray content = QByteArray(1000, 'a') + QByteArray(1000, 'b') + QByteArray(1000, 'c');
    for (qsizetype at = 0; at < content.size(); at += 1000)
        QVERIFY(!(*upload)->write(QByteArrayView(content).sliced(at, 1000)));
    // Not an image until it is whole.
    QVERIFY(store.images().isEmpty());
    QCOMPARE((*upload)->writtenBytes(), 3000);

    const Expected<MediaImage> image = (*upload)->commit();
    QVERIFY(image);
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    QCOMPARE(image->name, u"debian.iso"_s);
    QCOMPARE(image->bytes, 3000);
    QCOMPARE(image->sha256, sha256);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(store.images().size(), 1);
    QCOMPARE(store.images().first().sha256, sha256);
    QFile file(store.pathOf(u"debian.iso"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
    QCOMPARE(filesOnDisk(), QStringList({u".debian.iso.sha256"_s, u"debian.iso"_s}));
}

void tst_MediaStore::anUnfinishedUploadLeavesNothing()
{
    MediaStore store(storePath(), 1 << 20);
    QVERIFY(!store.open());
    {
        auto upload = store.beginUpload(u"half.iso"_s, -1);
        QVERIFY(upload);
        QVERIFY(!(*upload)->write(QByteArray(5000, 'x')));
        QCOMPARE(filesOnDisk().size(), 1);
        QCOMPARE(store.usedBytes(), 5000);
    }
    QVERIFY(filesOnDisk().isEmpty());
    auto cancelled = store.beginUpload(u"cancelled.iso"_s, -1);
    QVERIFY(cancelled);
    QVERIFY(!(*cancelled)->write(QByteArray(10, 'x')));
    (*cancelled)->abort();
    QVERIFY(filesOnDisk().isEmpty());
    QCOMPARE((*cancelled)->commit().failure().code, Failure::Code::Internal);
    QVERIFY(store.images().isEmpty());
}

void tst_MediaStore::leftoversOfACrashAreClearedOnOpen()
{
    QVERIFY(QDir().mkpath(storePath()));
    const auto put = [this](const QString &name, const QByteArray &content) {
        QFile file(QDir(storePath()).filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    // What a crash in the middle of an upload leaves, and a checksum whose image was deleted by hand.
    put(u".partial.installer.iso"_s, QByteArray(100, 'x'));
    put(u".gone.iso.sha256"_s, QByteArray(64, 'a') + '\n');
    put(u"kept.iso"_s, QByteArray(10, 'k'));
    MediaStore store(storePath(), 1 << 20);
    QVERIFY(!store.open());
    QCOMPARE(filesOnDisk(), QStringList({u"kept.iso"_s}));
    QCOMPARE(store.images().size(), 1);
}

void tst_MediaStore::namesThatAreNotPlainFileNamesAreRefused()
{
    MediaStore store(storePath(), 1 << 20);
    QVERIFY(!store.open());
    for (const QString &name : {u""_s, u"../escape.iso"_s, u"a/b.iso"_s, u".hidden.iso"_s, u".."_s,
                                u"line\nbreak.iso"_s, QString(201, u'x')}) {
        const auto upload = store.beginUpload(name, 10);
        QVERIFY2(!upload, qPrintable(name));
        QCOMPARE(upload.failure().code, Failure::Code::InvalidName);
        QVERIFY(!store.image(name));
    }
    QVERIFY(MediaStore::isValidName(u"Debian 12 netinst (amd64).iso"_s));
    QVERIFY(filesOnDisk().isEmpty());
}

void tst_MediaStore::anExistingNameIsRefused()
{
    MediaStore store(storePath(), 1 << 20);
    QVERIFY(!store.open());
    auto first = store.beginUpload(u"one.iso"_s, 1);
    QVERIFY(first);
    // Not even while the first is still being written.
    QCOMPARE(store.beginUpload(u"one.iso"_s, 1).failure().code, Failure::Code::ImageExists);
    QVERIFY(!(*first)->write("1"));
    QVERIFY((*first)->commit());
    QCOMPARE(store.beginUpload(u"one.iso"_s, 1).failure().code, Failure::Code::ImageExists);
}

void tst_MediaStore::theLimitHoldsAnnouncedOrNot()
{
    MediaStore store(storePath(), 4096);
    QVERIFY(!store.open());
    // Announced too big: refused before anything is written.
    const auto announced = store.beginUpload(u"big.iso"_s, 4097);
    QCOMPARE(announced.failure().code, Failure::Code::StoreFull);
    QVERIFY(filesOnDisk().isEmpty());
    // Announced small, sent big: refused as the bytes come, and nothing stays.
    auto sneaky = store.beginUpload(u"sneaky.iso"_s, 10);
    QVERIFY(sneaky);
    QVERIFY(!(*sneaky)->write(QByteArray(4000, 'x')));
    const std::optional<Failure> tooMuch = (*sneaky)->write(QByteArray(100, 'x'));
    QVERIFY(tooMuch);
    QCOMPARE(tooMuch->code, Failure::Code::StoreFull);
    QVERIFY(filesOnDisk().isEmpty());
    // What is stored counts against the limit.
    auto fits = store.beginUpload(u"fits.iso"_s, 3000);
    QVERIFY(fits);
    QVERIFY(!(*fits)->write(QByteArray(3000, 'x')));
    QVERIFY((*fits)->commit());
    QCOMPARE(store.beginUpload(u"more.iso"_s, 2000).failure().code, Failure::Code::StoreFull);
}

void tst_MediaStore::removeDeletesTheImageAndItsChecksum()
{
    MediaStore store(storePath(), 1 << 20);
    QVERIFY(!store.open());
    auto upload = store.beginUpload(u"old.iso"_s, 3);
    QVERIFY(upload);
    QVERIFY(!(*upload)->write("old"));
    QVERIFY((*upload)->commit());
    QSignalSpy changes(&store, &MediaStore::changed);
    QVERIFY(!store.remove(u"old.iso"_s));
    QCOMPARE(changes.size(), 1);
    QVERIFY(filesOnDisk().isEmpty());
    QCOMPARE(store.remove(u"old.iso"_s), Failure::Code::NoSuchImage);
    QCOMPARE(store.remove(u"../etc/passwd"_s), Failure::Code::NoSuchImage);
}

void tst_MediaStore::imagesPutThereByHandAreListedWithoutChecksum()
{
    QVERIFY(QDir().mkpath(storePath()));
    QFile file(QDir(storePath()).filePath(u"copied.img"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(512, 'z'));
    file.close();
    MediaStore store(storePath(), 1 << 20);
    QVERIFY(!store.open());
    const std::optional<MediaImage> image = store.image(u"copied.img"_s);
    QVERIFY(image);
    QCOMPARE(image->bytes, 512);
    QVERIFY(image->sha256.isEmpty());
    QVERIFY(image->modified.isValid());
}

void tst_MediaStore::aReplacingUploadKeepsTheOldImageUntilItIsWhole()
{
    MediaStore store(storePath(), 1 << 20);
    QVERIFY(!store.open());
    {
        auto first = store.beginUpload(u"boot.iso"_s, 4);
        QVERIFY(first);
        QVERIFY(!(*first)->write("old!"));
        QVERIFY((*first)->commit());
    }
    const QString oldSha256 = store.image(u"boot.iso"_s)->sha256;
    {
        auto cutOff = store.beginUpload(u"boot.iso"_s, 4, MediaStore::Existing::Replace);
        QVERIFY(cutOff);
        QVERIFY(!(*cutOff)->write("ne"));
    }
    QCOMPARE(store.image(u"boot.iso"_s)->sha256, oldSha256);

    auto replacing = store.beginUpload(u"boot.iso"_s, 4, MediaStore::Existing::Replace);
    QVERIFY(replacing);
    QVERIFY(!(*replacing)->write("new!"));
    QCOMPARE(store.image(u"boot.iso"_s)->sha256, oldSha256);
    QVERIFY((*replacing)->commit());
    QFile file(store.pathOf(u"boot.iso"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), "new!"_ba);
    QCOMPARE(store.image(u"boot.iso"_s)->sha256,
             QString::fromLatin1(QCryptographicHash::hash("new!", QCryptographicHash::Sha256).toHex()));
    QCOMPARE(filesOnDisk(), QStringList({u".boot.iso.sha256"_s, u"boot.iso"_s}));
}

QTEST_GUILESS_MAIN(tst_MediaStore)
#include "tst_mediastore.moc"
