#include "ConfigEntry.h"
#include "Configuration.h"
#include "FruInventory.h"

#include <QStringList>
#include <QTest>

using namespace Qt::StringLiterals;

// The image is checked by decoding it the way FRU readers do (Platform Management FRU
// Information Storage Definition v1.0): header, offsets, lengths, checksums, type/length fields.
class tst_FruInventory : public QObject
{
    Q_OBJECT

private slots:
    void headerPointsAtBothAreas();
    void everyChecksumIsZero();
    void areasAreMultiplesOfEightBytes();
    void roundTrip();
    void emptyFieldsAreLengthZero();
    void fieldEncoding_data();
    void fieldEncoding();
    void longestFieldsStillFit();
    void fromConfiguration();

private:
    struct Area
    {
        quint8 version = 0;
        int length = 0; // bytes
        quint8 language = 0;
        QByteArray manufacturingDate;
        QStringList fields;
        bool endMarker = false;
    };
    static std::optional<Area> decodeArea(const QByteArray &image, int offset, int fixedBytes);
    static FruInventory sample();
};

FruInventory tst_FruInventory::sample()
{
    return FruInventory({u"Raspberry Pi Ltd"_s, u"Pi 4 Model B"_s, u"10000000abcd"_s, u"PI4B-4GB"_s},
                        {u"ACME"_s, u"Homelab Server"_s, u"HL-1"_s, u"rev B"_s, u"SN-42"_s, u"ASSET-7"_s});
}

std::optional<tst_FruInventory::Area> tst_FruInventory::decodeArea(const QByteArray &image, int offset, int fixedBytes)
{
    if (offset + 8 > image.size())
        return std::nullopt;
    Area area;
    area.version = quint8(image[offset]);
    area.length = quint8(image[offset + 1]) * 8;
    area.language = quint8(image[offset + 2]);
    if (fixedBytes > 3)
        area.manufacturingDate = image.mid(offset + 3, fixedBytes - 3);
    if (offset + area.length > image.size())
        return std::nullopt;
    int position = offset + fixedBytes;
    const int end = offset + area.length;
    while (position < end) {
        const quint8 typeLength = quint8(image[position]);
        if (typeLength == 0xC1) {
            area.endMarker = true;
            break;
        }
        if ((typeLength & 0xC0) != 0xC0) // only 8-bit text is expected
            return std::nullopt;
        const int length = typeLength & 0x3F;
        area.fields.append(QString::fromLatin1(image.mid(position + 1, length)));
        position += 1 + length;
    }
    return area;
}

void tst_FruInventory::headerPointsAtBothAreas()
{
    const QByteArray image = sample().image();
    QCOMPARE(quint8(image[0]), quint8(0x01)); // format version 1
    QCOMPARE(quint8(image[1]), quint8(0));    // no internal use area
    QCOMPARE(quint8(image[2]), quint8(0));    // no chassis area
    QCOMPARE(quint8(image[3]), quint8(1));    // board area right after the header
    QVERIFY(quint8(image[4]) > 1);            // product area after the board area
    QCOMPARE(quint8(image[5]), quint8(0));    // no multi-record area
    QCOMPARE(quint8(image[6]), quint8(0));
    const int boardLength = quint8(image[8 + 1]) * 8;
    QCOMPARE(quint8(image[4]) * 8, 8 + boardLength);
    const int productLength = quint8(image[quint8(image[4]) * 8 + 1]) * 8;
    QCOMPARE(image.size(), 8 + boardLength + productLength);
}

void tst_FruInventory::everyChecksumIsZero()
{
    const QByteArray image = sample().image();
    const auto sum = [&](int offset, int length) {
        quint8 total = 0;
        for (int i = offset; i < offset + length; ++i)
            total = quint8(total + quint8(image[i]));
        return total;
    };
    QCOMPARE(sum(0, 8), quint8(0));
    const int board = quint8(image[3]) * 8;
    QCOMPARE(sum(board, quint8(image[board + 1]) * 8), quint8(0));
    const int product = quint8(image[4]) * 8;
    QCOMPARE(sum(product, quint8(image[product + 1]) * 8), quint8(0));
    QCOMPARE(FruInventory::zeroChecksum(QByteArray::fromHex("01000001050000")), quint8(0xF9));
}

void tst_FruInventory::areasAreMultiplesOfEightBytes()
{
    for (const FruInventory &inventory : {sample(), FruInventory({}, {})}) {
        const QByteArray image = inventory.image();
        QCOMPARE(image.size() % 8, 0);
        QCOMPARE(quint8(image[9]) * 8 % 8, 0);
        // Zero padding between the end marker and the checksum.
        const int product = quint8(image[4]) * 8;
        const int marker = image.lastIndexOf(char(0xC1), product - 1);
        QVERIFY(marker > 8);
        for (int i = marker + 1; i < product - 1; ++i)
            QCOMPARE(quint8(image[i]), quint8(0));
    }
}

void tst_FruInventory::roundTrip()
{
    const QByteArray image = sample().image();
    const std::optional<Area> board = decodeArea(image, quint8(image[3]) * 8, 6);
    QVERIFY(board);
    QCOMPARE(board->version, quint8(1));
    QCOMPARE(board->language, quint8(0));                    // English
    QCOMPARE(board->manufacturingDate, QByteArray(3, '\0')); // unspecified
    QVERIFY(board->endMarker);
    QCOMPARE(board->fields,
             (QStringList{u"Raspberry Pi Ltd"_s, u"Pi 4 Model B"_s, u"10000000abcd"_s, u"PI4B-4GB"_s, QString()}));

    const std::optional<Area> product = decodeArea(image, quint8(image[4]) * 8, 3);
    QVERIFY(product);
    QCOMPARE(product->version, quint8(1));
    QCOMPARE(product->language, quint8(0));
    QVERIFY(product->endMarker);
    QCOMPARE(product->fields,
             (QStringList{u"ACME"_s, u"Homelab Server"_s, u"HL-1"_s, u"rev B"_s, u"SN-42"_s, u"ASSET-7"_s, QString()}));
}

void tst_FruInventory::emptyFieldsAreLengthZero()
{
    const QByteArray image = FruInventory({}, {}).image();
    QCOMPARE(image.toHex(' '),
             QByteArray("01 00 00 01 03 00 00 fb "                           // header
                        "01 02 00 00 00 00 c0 c0 c0 c0 c0 c1 00 00 00 7c "   // board
                        "01 02 00 c0 c0 c0 c0 c0 c0 c0 c1 00 00 00 00 fc")); // product
}

void tst_FruInventory::fieldEncoding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("empty") << QString() << QByteArray("\xC0");
    QTest::newRow("text") << u"ACME"_s
                          << QByteArray("\xC4"
                                        "ACME");
    QTest::newRow("Latin-1 stays") << u"M\u00fcller"_s
                                   << QByteArray("\xC6"
                                                 "M\xFCller");
    QTest::newRow("beyond Latin-1") << u"\u6e29\u5ea6 OK"_s
                                    << QByteArray("\xC5"
                                                  "?? OK");
    QTest::newRow("control characters") << u"a\tb\u0085"_s
                                        << QByteArray("\xC4"
                                                      "a?b?");
    // C1h alone would end the area's fields.
    QTest::newRow("one character") << u"X"_s
                                   << QByteArray("\xC2"
                                                 "X ");
}

void tst_FruInventory::fieldEncoding()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoded);
    QCOMPARE(FruInventory::field(text), encoded);
}

void tst_FruInventory::longestFieldsStillFit()
{
    const QString longest(63, u'x');
    QCOMPARE(FruInventory::field(longest), char(0xFF) + QByteArray(63, 'x'));
    QCOMPARE(FruInventory::field(longest + u"yz"_s), char(0xFF) + QByteArray(63, 'x'));
    const FruInventory inventory({longest, longest, longest, longest},
                                 {longest, longest, longest, longest, longest, longest});
    const QByteArray image = inventory.image();
    // Area lengths are one byte of 8-byte units, so at most 2040 bytes each.
    QVERIFY(quint8(image[9]) * 8 >= 6 + 4 * 64 + 2 + 1);
    const std::optional<Area> product = decodeArea(image, quint8(image[4]) * 8, 3);
    QVERIFY(product);
    QCOMPARE(product->fields.size(), 7);
    QCOMPARE(product->fields.first(), longest);
}

void tst_FruInventory::fromConfiguration()
{
    Configuration configuration;
    QList<ConfigEntry> entries;
    const auto set = [&](const QString &path, const QString &value) {
        entries.append(ConfigEntry{path, 1, ConfigEntry::Kind::Scalar, value, {}, {}});
    };
    set(u"fru.board.manufacturer"_s, u"Board Maker"_s);
    set(u"fru.board.part_number"_s, u"BP-1"_s);
    set(u"fru.product.name"_s, u"Server"_s);
    set(u"fru.product.asset_tag"_s, u"A-1"_s);
    QVERIFY(!configuration.applyFile(u"test.yaml"_s, entries));
    const QByteArray image = FruInventory::fromConfiguration(configuration).image();
    const std::optional<Area> board = decodeArea(image, 8, 6);
    QCOMPARE(board->fields, (QStringList{u"Board Maker"_s, QString(), QString(), u"BP-1"_s, QString()}));
    const std::optional<Area> product = decodeArea(image, quint8(image[4]) * 8, 3);
    QCOMPARE(product->fields,
             (QStringList{QString(), u"Server"_s, QString(), QString(), QString(), u"A-1"_s, QString()}));
}

QTEST_GUILESS_MAIN(tst_FruInventory)
#include "tst_fruinventory.moc"
