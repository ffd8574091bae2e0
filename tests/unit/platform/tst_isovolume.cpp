#include "sim/IsoVolume.h"

#include <QBuffer>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// The volume descriptors of two images made with xorriso (data/README.md): one with an El Torito
// boot image, labelled DEBIAN_12_AMD64, one without, labelled QBMC_TEST.
QByteArray descriptors(const QString &name)
{
    QFile file(QStringLiteral(QBMC_TEST_DATA "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("test data %s is missing", qPrintable(name));
    return file.readAll();
}

// A whole image as the firmware sees it: 32 KiB of system area, then the descriptors.
QByteArray imageWith(const QByteArray &descriptors)
{
    return QByteArray(IsoVolume::firstDescriptorOffset, '\0') + descriptors;
}
} // namespace

class tst_IsoVolume : public QObject
{
    Q_OBJECT

private slots:
    void aBootableImageGivesItsLabel();
    void anImageWithoutBootRecordIsNotBootable();
    void whatIsNotIso9660IsRefusedWithAReason();
    void theLabelIsPrintableWhateverTheBytes();
};

void tst_IsoVolume::aBootableImageGivesItsLabel()
{
    QByteArray image = imageWith(descriptors(u"bootable-iso.descriptors"_s));
    QBuffer buffer(&image);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const Expected<IsoVolume, QString> volume = IsoVolume::read(buffer);
    QVERIFY2(volume, qPrintable(volume ? QString() : volume.failure()));
    QCOMPARE(volume->label, u"DEBIAN_12_AMD64"_s);
    QVERIFY(volume->bootable);
}

void tst_IsoVolume::anImageWithoutBootRecordIsNotBootable()
{
    const Expected<IsoVolume, QString> volume = IsoVolume::fromDescriptors(descriptors(u"plain-iso.descriptors"_s));
    QVERIFY(volume);
    QCOMPARE(volume->label, u"QBMC_TEST"_s);
    QVERIFY(!volume->bootable);
}

void tst_IsoVolume::whatIsNotIso9660IsRefusedWithAReason()
{
    for (const QByteArray &image :
         {QByteArray(), QByteArray(4096, '\0'), QByteArray(40000, 'x'), imageWith(QByteArray(2048, '\0')),
          // Cut short inside the primary descriptor.
          imageWith(descriptors(u"plain-iso.descriptors"_s).left(2000))}) {
        QByteArray copy = image;
        QBuffer buffer(&copy);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const Expected<IsoVolume, QString> volume = IsoVolume::read(buffer);
        QVERIFY(!volume);
        QVERIFY(!volume.failure().isEmpty());
    }
}

void tst_IsoVolume::theLabelIsPrintableWhateverTheBytes()
{
    QByteArray primary = descriptors(u"plain-iso.descriptors"_s);
    primary.replace(40, 32, QByteArray("BAD\x1b[2JLABEL\n") + QByteArray(19, ' '));
    const Expected<IsoVolume, QString> volume = IsoVolume::fromDescriptors(primary);
    QVERIFY(volume);
    QCOMPARE(volume->label, u"BAD?[2JLABEL?"_s);
}

QTEST_GUILESS_MAIN(tst_IsoVolume)
#include "tst_isovolume.moc"
