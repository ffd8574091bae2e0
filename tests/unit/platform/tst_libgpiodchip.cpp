#include "gpio/LibgpiodChip.h"

#include <QTest>

#include <clocale>

using namespace Qt::StringLiterals;

// This machine has no GPIO chip, so only the way in is tested here; the backend's logic is
// tested through FakeGpioChip.
class tst_LibgpiodChip : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void openReportsWhyItFailed_data();
    void openReportsWhyItFailed();
};

void tst_LibgpiodChip::initTestCase()
{
    // The expected texts are strerror()'s in the C locale; QCoreApplication adopts the user's.
    std::setlocale(LC_MESSAGES, "C");
}

void tst_LibgpiodChip::openReportsWhyItFailed_data()
{
    QTest::addColumn<QString>("chip");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("name") << u"gpiochip99"_s << u"cannot open GPIO chip \"gpiochip99\": No such file or directory"_s;
    QTest::newRow("path") << u"/dev/nonexistent-gpiochip"_s
                          << u"cannot open GPIO chip \"/dev/nonexistent-gpiochip\": No such file or directory"_s;
    QTest::newRow("number") << u"99"_s << u"cannot open GPIO chip \"99\": No such file or directory"_s;
    QTest::newRow("label") << u"no-such-label"_s
                           << u"cannot open GPIO chip \"no-such-label\": No such file or directory"_s;
    QTest::newRow("not a GPIO chip") << u"/dev/null"_s << u"cannot open GPIO chip \"/dev/null\": not a GPIO chip"_s;
}

void tst_LibgpiodChip::openReportsWhyItFailed()
{
    QFETCH(QString, chip);
    QFETCH(QString, expectedError);

    const Expected<std::unique_ptr<LibgpiodChip>> opened = LibgpiodChip::open(chip);
    QVERIFY(!opened);
    QCOMPARE(opened.failure().message, expectedError);
}

QTEST_GUILESS_MAIN(tst_LibgpiodChip)
#include "tst_libgpiodchip.moc"
