#include "HidUsage.h"
#include "linux/HidReports.h"
#include "linux/UsbHidInput.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using MouseMode = UsbHidInput::MouseMode;

namespace {

// QTRY_* evaluates its condition once more after it held, so a condition that reads reports
// collects them (`list += ...`) rather than replacing them.

// FIFOs stand in for /dev/hidg0 and /dev/hidg1: the test reads what the host would, and a FIFO
// refuses writes as a hidg node does, busy while full and broken while nobody reads.
constexpr std::chrono::milliseconds reopenInterval{20};
constexpr int patience = 5000;

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray result;
    for (int value : values)
        result.append(char(value));
    return result;
}

// What the reader at `fd` has been sent so far, cut into reports of `length`.
QList<QByteArray> readReports(int fd, int length)
{
    QByteArray all;
    char buffer[4096];
    ssize_t got = 0;
    while ((got = ::read(fd, buffer, sizeof buffer)) > 0)
        all.append(buffer, got);
    QList<QByteArray> reports;
    for (qsizetype at = 0; at + length <= all.size(); at += length)
        reports.append(all.mid(at, length));
    return reports;
}

struct Relative
{
    int buttons;
    int dx;
    int dy;
    int wheel;
};

Relative decodeRelative(const QByteArray &report)
{
    return {quint8(report[0]), qint8(report[1]), qint8(report[2]), qint8(report[3])};
}

} // namespace

class tst_UsbHidInput : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void theDescriptorsDeclareTheReportsSent();
    void theStateIsSentWhenTheNodeOpens();
    void shiftAndAMakeAnUppercaseA();
    void moreThanSixKeysReportRollover();
    void usagesOutsideTheKeyboardAreNotSent();
    void theAbsoluteMouseReachesBothCorners();
    void theWheelIsSentOnce();
    void theRelativeMouseSplitsLargeMoves();
    void theRelativeMouseMovesInPixelsOfTheScreen();
    void releaseAllLetsGoOfKeysAndButtons();
    void aHostThatDoesNotReadNeverBlocksAndGetsTheStateLater();
    void aReaderThatLeavesIsReopenedWhenItReturns();
    void theHostsLedsAreRead();
    void theDescriptionNamesControllerAndMouse();

private:
    void createInput(MouseMode mode);
    QList<QByteArray> keyboardReports() { return readReports(m_keyboardReader, HidReports::keyboardReportLength); }
    QList<QByteArray> mouseReports()
    {
        return readReports(m_mouseReader,
                           m_mode == MouseMode::Absolute ? HidReports::absoluteMouseReportLength
                                                         : HidReports::relativeMouseReportLength);
    }
    // The one keyboard report sent since the last look.
    QByteArray nextKeyboardReport();
    QString path(const QString &name) const { return m_dir->filePath(name); }
    int openReader(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<UsbHidInput> m_input;
    MouseMode m_mode = MouseMode::Absolute;
    int m_keyboardReader = -1;
    int m_mouseReader = -1;
};

void tst_UsbHidInput::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    for (const char *name : {"hidg0", "hidg1", "leds"})
        QCOMPARE(::mkfifo(QFile::encodeName(path(QString::fromLatin1(name))).constData(), 0600), 0);
    // The readers are there first, as the host is when the gadget is bound.
    m_keyboardReader = openReader(u"hidg0"_s);
    m_mouseReader = openReader(u"hidg1"_s);
    QVERIFY(m_keyboardReader >= 0 && m_mouseReader >= 0);
}

void tst_UsbHidInput::cleanup()
{
    m_input.reset();
    for (int fd : {m_keyboardReader, m_mouseReader}) {
        if (fd >= 0)
            ::close(fd);
    }
    m_keyboardReader = m_mouseReader = -1;
    m_dir.reset();
}

int tst_UsbHidInput::openReader(const QString &name) const
{
    return ::open(QFile::encodeName(path(name)).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
}

void tst_UsbHidInput::createInput(MouseMode mode)
{
    m_mode = mode;
    UsbHidInput::Devices devices{.keyboard = path(u"hidg0"_s),
                                 .mouse = path(u"hidg1"_s),
                                 .keyboardLeds = path(u"leds"_s),
                                 .controller = u"fe980000.usb"_s};
    m_input = std::make_unique<UsbHidInput>(devices, mode, reopenInterval);
    // The keyboard's state on opening: nothing held.
    QCOMPARE(keyboardReports(), QList<QByteArray>{QByteArray(8, '\0')});
}

QByteArray tst_UsbHidInput::nextKeyboardReport()
{
    const QList<QByteArray> reports = keyboardReports();
    return reports.size() == 1 ? reports.first() : QByteArray();
}

void tst_UsbHidInput::theDescriptorsDeclareTheReportsSent()
{
    const auto keyboard = HidReports::reportSizes(HidReports::keyboardDescriptor());
    QVERIFY(keyboard);
    QCOMPARE(keyboard->inputBits, 8 * HidReports::keyboardReportLength);
    QCOMPARE(keyboard->outputBits, 8 * HidReports::keyboardLedReportLength);
    QCOMPARE(keyboard->featureBits, 0);

    const auto absolute = HidReports::reportSizes(HidReports::absoluteMouseDescriptor());
    QVERIFY(absolute);
    QCOMPARE(absolute->inputBits, 8 * HidReports::absoluteMouseReportLength);
    QCOMPARE(absolute->outputBits, 0);

    const auto relative = HidReports::reportSizes(HidReports::relativeMouseDescriptor());
    QVERIFY(relative);
    QCOMPARE(relative->inputBits, 8 * HidReports::relativeMouseReportLength);
    QCOMPARE(relative->outputBits, 0);

    // The walker refuses what it cannot account for.
    QVERIFY(!HidReports::reportSizes(bytes({0xA1, 0x01})));       // a collection never ended
    QVERIFY(!HidReports::reportSizes(bytes({0x26, 0xFF})));       // an item cut short
    QVERIFY(!HidReports::reportSizes(bytes({0x85, 0x01, 0xC0}))); // report ids, and an end too many
}

void tst_UsbHidInput::theStateIsSentWhenTheNodeOpens()
{
    createInput(MouseMode::Absolute);
    // The pointer has been nowhere yet, so the host's stays where it is.
    QCOMPARE(mouseReports(), QList<QByteArray>{});
}

void tst_UsbHidInput::shiftAndAMakeAnUppercaseA()
{
    createInput(MouseMode::Absolute);
    m_input->setKey(HidUsage::LeftShift, true);
    QCOMPARE(nextKeyboardReport(), bytes({0x02, 0, 0, 0, 0, 0, 0, 0}));
    m_input->setKey(HidUsage::KeyA, true);
    QCOMPARE(nextKeyboardReport(), bytes({0x02, 0, HidUsage::KeyA, 0, 0, 0, 0, 0}));
    m_input->setKey(HidUsage::KeyA, false);
    QCOMPARE(nextKeyboardReport(), bytes({0x02, 0, 0, 0, 0, 0, 0, 0}));
    m_input->setKey(HidUsage::LeftShift, false);
    QCOMPARE(nextKeyboardReport(), QByteArray(8, '\0'));
}

void tst_UsbHidInput::moreThanSixKeysReportRollover()
{
    createInput(MouseMode::Absolute);
    m_input->setKey(HidUsage::RightAlt, true);
    keyboardReports();
    for (quint8 key = HidUsage::KeyA; key < HidUsage::KeyA + 6; ++key)
        m_input->setKey(key, true);
    QCOMPARE(keyboardReports().constLast(), bytes({0x40, 0, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09}));

    m_input->setKey(HidUsage::KeyG, true);
    QCOMPARE(nextKeyboardReport(), bytes({0x40, 0, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01}));
    // A key held again changes nothing.
    m_input->setKey(HidUsage::KeyA, true);
    QCOMPARE(nextKeyboardReport(), bytes({0x40, 0, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01}));

    m_input->setKey(HidUsage::KeyB, false);
    QCOMPARE(nextKeyboardReport(), bytes({0x40, 0, 0x04, 0x06, 0x07, 0x08, 0x09, 0x0A}));
}

void tst_UsbHidInput::usagesOutsideTheKeyboardAreNotSent()
{
    createInput(MouseMode::Absolute);
    m_input->setKey(0x68, true); // F13: beyond the boot keyboard's declared keys
    m_input->setKey(HidReports::errorRollOver, true);
    QCOMPARE(keyboardReports(), QList<QByteArray>{});
    m_input->setKey(HidUsage::Application, true);
    QCOMPARE(nextKeyboardReport(), bytes({0, 0, HidUsage::Application, 0, 0, 0, 0, 0}));
}

void tst_UsbHidInput::theAbsoluteMouseReachesBothCorners()
{
    createInput(MouseMode::Absolute);
    m_input->movePointer(0, 0, 0, 0);
    QCOMPARE(mouseReports(), QList<QByteArray>{bytes({0, 0, 0, 0, 0, 0})});
    m_input->movePointer(HostInput::maxCoordinate, HostInput::maxCoordinate, HostInput::Left, 0);
    QCOMPARE(mouseReports(), QList<QByteArray>{bytes({0x01, 0xFF, 0x7F, 0xFF, 0x7F, 0})});
    m_input->movePointer(0x1234, 0x0567, HostInput::Right | HostInput::Middle, 0);
    QCOMPARE(mouseReports(), QList<QByteArray>{bytes({0x06, 0x34, 0x12, 0x67, 0x05, 0})});
    // Beyond the range is the edge.
    m_input->movePointer(-5, 40000, 0, 0);
    QCOMPARE(mouseReports(), QList<QByteArray>{bytes({0, 0, 0, 0xFF, 0x7F, 0})});
}

void tst_UsbHidInput::theWheelIsSentOnce()
{
    createInput(MouseMode::Absolute);
    m_input->movePointer(100, 200, 0, 3);
    QCOMPARE(mouseReports(), QList<QByteArray>{bytes({0, 100, 0, 200, 0, 3})});
    m_input->movePointer(100, 200, 0, 0);
    QCOMPARE(mouseReports(), QList<QByteArray>{bytes({0, 100, 0, 200, 0, 0})});
    m_input->movePointer(100, 200, 0, -2);
    QCOMPARE(mouseReports(), QList<QByteArray>{bytes({0, 100, 0, 200, 0, 0xFE})});
    // More steps than a report holds take more reports.
    m_input->movePointer(100, 200, 0, 200);
    QCOMPARE(mouseReports(), (QList<QByteArray>{bytes({0, 100, 0, 200, 0, 127}), bytes({0, 100, 0, 200, 0, 73})}));
}

void tst_UsbHidInput::theRelativeMouseSplitsLargeMoves()
{
    createInput(MouseMode::Relative);
    // The first position is where the host's pointer is taken to be.
    m_input->movePointer(1000, 1000, 0, 0);
    QList<QByteArray> reports = mouseReports();
    QCOMPARE(reports.size(), 1);
    QCOMPARE(reports.first(), bytes({0, 0, 0, 0}));

    m_input->movePointer(1300, 800, HostInput::Left, 1);
    reports = mouseReports();
    QCOMPARE(reports.size(), 3);
    int x = 0;
    int y = 0;
    int wheel = 0;
    for (const QByteArray &report : std::as_const(reports)) {
        const Relative step = decodeRelative(report);
        QCOMPARE(step.buttons, int(HostInput::Left));
        QVERIFY(qAbs(step.dx) <= 127 && qAbs(step.dy) <= 127);
        x += step.dx;
        y += step.dy;
        wheel += step.wheel;
    }
    QCOMPARE(x, 300);
    QCOMPARE(y, -200);
    QCOMPARE(wheel, 1);

    // Buttons alone are one report without a move.
    m_input->movePointer(1300, 800, 0, 0);
    QCOMPARE(mouseReports(), QList<QByteArray>{bytes({0, 0, 0, 0})});
}

void tst_UsbHidInput::theRelativeMouseMovesInPixelsOfTheScreen()
{
    createInput(MouseMode::Relative);
    m_input->setScreenSize(QSize(1024, 768));
    m_input->movePointer(0, 0, 0, 0);
    mouseReports();
    m_input->movePointer(HostInput::maxCoordinate, HostInput::maxCoordinate / 2, 0, 0);
    int x = 0;
    int y = 0;
    for (const QByteArray &report : mouseReports()) {
        x += decodeRelative(report).dx;
        y += decodeRelative(report).dy;
    }
    QCOMPARE(x, 1023);
    QCOMPARE(y, 383);
}

void tst_UsbHidInput::releaseAllLetsGoOfKeysAndButtons()
{
    createInput(MouseMode::Absolute);
    m_input->setKey(HidUsage::LeftControl, true);
    m_input->setKey(HidUsage::LeftAlt, true);
    m_input->setKey(HidUsage::Delete, true);
    m_input->movePointer(500, 600, HostInput::Left | HostInput::Right, 0);
    keyboardReports();
    mouseReports();

    m_input->releaseAll();
    QCOMPARE(nextKeyboardReport(), QByteArray(8, '\0'));
    QCOMPARE(mouseReports(), QList<QByteArray>{bytes({0, 0xF4, 0x01, 0x58, 0x02, 0})});
}

void tst_UsbHidInput::aHostThatDoesNotReadNeverBlocksAndGetsTheStateLater()
{
    createInput(MouseMode::Absolute);
    // Another writer fills the FIFO, as a host that takes no reports leaves hidg busy.
    const int filler = ::open(QFile::encodeName(path(u"hidg0"_s)).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(filler >= 0);
    const QByteArray nothing(HidReports::keyboardReportLength, '\0');
    while (::write(filler, nothing.constData(), size_t(nothing.size())) == nothing.size()) { }
    QCOMPARE(errno, EAGAIN);

    // Each call returns at once; the reports find the FIFO full.
    m_input->setKey(HidUsage::LeftShift, true);
    m_input->setKey(HidUsage::KeyQ, true);
    m_input->setKey(HidUsage::KeyW, true);
    m_input->setKey(HidUsage::KeyQ, false);

    // The host reads again: after what filled the FIFO comes one report, the state as it is now.
    const QList<QByteArray> filled = keyboardReports();
    QVERIFY(!filled.isEmpty());
    QVERIFY(std::all_of(filled.cbegin(), filled.cend(), [&](const QByteArray &report) { return report == nothing; }));
    QList<QByteArray> later;
    QTRY_VERIFY_WITH_TIMEOUT(!(later += keyboardReports()).isEmpty(), patience);
    QCOMPARE(later, QList<QByteArray>{bytes({0x02, 0, HidUsage::KeyW, 0, 0, 0, 0, 0})});
    ::close(filler);

    // And it flows again.
    m_input->setKey(HidUsage::KeyW, false);
    QCOMPARE(nextKeyboardReport(), bytes({0x02, 0, 0, 0, 0, 0, 0, 0}));
}

void tst_UsbHidInput::aReaderThatLeavesIsReopenedWhenItReturns()
{
    createInput(MouseMode::Absolute);
    m_input->movePointer(10, 20, 0, 0);
    QCOMPARE(mouseReports().size(), 1);

    // The host goes away: the next write breaks (EPIPE, not SIGPIPE, which would end the test).
    ::close(m_mouseReader);
    m_mouseReader = -1;
    m_input->movePointer(300, 400, HostInput::Left, 0);
    m_input->movePointer(301, 401, HostInput::Left, 0);
    QTest::qWait(int(4 * reopenInterval.count()));

    // It comes back, and gets the state as it is now.
    m_mouseReader = openReader(u"hidg1"_s);
    QVERIFY(m_mouseReader >= 0);
    QList<QByteArray> reports;
    QTRY_VERIFY_WITH_TIMEOUT(!(reports += mouseReports()).isEmpty(), patience);
    QCOMPARE(reports, QList<QByteArray>{bytes({0x01, 0x2D, 0x01, 0x91, 0x01, 0})});

    m_input->movePointer(302, 402, 0, 0);
    QCOMPARE(mouseReports(), QList<QByteArray>{bytes({0, 0x2E, 0x01, 0x92, 0x01, 0})});
    // The keyboard was not affected.
    m_input->setKey(HidUsage::KeyZ, true);
    QCOMPARE(nextKeyboardReport(), bytes({0, 0, HidUsage::KeyZ, 0, 0, 0, 0, 0}));
}

void tst_UsbHidInput::theHostsLedsAreRead()
{
    createInput(MouseMode::Absolute);
    QSignalSpy changed(m_input.get(), &UsbHidInput::ledsChanged);
    QCOMPARE(m_input->leds(), quint8(0));

    int host = ::open(QFile::encodeName(path(u"leds"_s)).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    QVERIFY(host >= 0);
    QCOMPARE(::write(host, "\x02", 1), ssize_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, patience);
    QCOMPARE(changed.first().first().value<quint8>(), quint8(HidReports::CapsLock));
    QCOMPARE(m_input->leds(), quint8(HidReports::CapsLock));

    // The same LEDs again are no change.
    QCOMPARE(::write(host, "\x02", 1), ssize_t(1));
    QTest::qWait(50);
    QCOMPARE(changed.size(), 1);

    // The other side closes and opens again (the host rebooted); the LEDs are still read.
    ::close(host);
    QTest::qWait(int(4 * reopenInterval.count()));
    host = -1;
    QTRY_VERIFY_WITH_TIMEOUT(
        host >= 0
            || (host = ::open(QFile::encodeName(path(u"leds"_s)).constData(), O_WRONLY | O_NONBLOCK | O_CLOEXEC)) >= 0,
        patience);
    QCOMPARE(::write(host, "\x03", 1), ssize_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, patience);
    QCOMPARE(m_input->leds(), quint8(HidReports::NumLock | HidReports::CapsLock));
    ::close(host);
}

void tst_UsbHidInput::theDescriptionNamesControllerAndMouse()
{
    createInput(MouseMode::Absolute);
    QCOMPARE(m_input->description(), u"USB gadget on fe980000.usb, absolute mouse"_s);
    m_input.reset();
    keyboardReports();
    createInput(MouseMode::Relative);
    QCOMPARE(m_input->description(), u"USB gadget on fe980000.usb, relative mouse"_s);
}

QTEST_GUILESS_MAIN(tst_UsbHidInput)
#include "tst_usbhidinput.moc"
