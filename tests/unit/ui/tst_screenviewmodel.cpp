#include "HidUsage.h"
#include "HostInput.h"
#include "ScreenViewModel.h"
#include "sim/SimulatedHost.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {
constexpr SimulatedHost::Timings quickHost{
    .powerOnDelay = 50ms, .shutdownDelay = 300ms, .forceOffHold = 300ms, .setupWait = 30s};
constexpr int patience = 10000;

// What reached the host's keyboard and mouse, in order: "+usage", "-usage", "x,y,buttons".
class RecordedInput : public HostInput
{
public:
    QStringList events;

    void setKey(quint8 usage, bool pressed) override
    {
        events.append((pressed ? u"+"_s : u"-"_s) + QString::number(usage, 16));
    }
    void movePointer(int x, int y, quint8 buttons, int) override
    {
        events.append(u"%1,%2,%3"_s.arg(x).arg(y).arg(buttons));
    }
    void releaseAll() override { events.append(u"release"_s); }
    QString description() const override { return u"recorded"_s; }
};

QString down(quint8 usage)
{
    return u"+"_s + QString::number(usage, 16);
}

QString up(quint8 usage)
{
    return u"-"_s + QString::number(usage, 16);
}
} // namespace

// The Screen page's view model over the simulated host's display, with its keys and taps recorded
// as the USB gadget would receive them.
class tst_ScreenViewModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void watchingStartsAndStopsCapture();
    void framesArriveOnlyWhileWatching();
    void keysAreStrokesOfUsages();
    void textIsTypedWithTheLayout();
    void aTapIsAnAbsoluteClick();
    void withoutSourceOrInputNothingHappens();

private:
    std::unique_ptr<SimulatedHost> m_host;
    std::unique_ptr<RecordedInput> m_input;
    std::unique_ptr<ScreenViewModel> m_screen;
};

void tst_ScreenViewModel::init()
{
    m_host = std::make_unique<SimulatedHost>(quickHost, false);
    const std::optional<Failure> failure = m_host->start();
    QVERIFY2(!failure, qPrintable(failure ? failure->message : QString()));
    m_input = std::make_unique<RecordedInput>();
    m_screen = std::make_unique<ScreenViewModel>(m_host->display(), m_input.get());
}

void tst_ScreenViewModel::cleanup()
{
    m_screen.reset();
    m_input.reset();
    m_host.reset();
}

void tst_ScreenViewModel::watchingStartsAndStopsCapture()
{
    QVERIFY(m_screen->isAvailable());
    QCOMPARE(m_host->display()->watcherCount(), 0);
    m_screen->setWatching(true);
    QCOMPARE(m_host->display()->watcherCount(), 1);
    // Another watcher (a KVM viewer) keeps capture running when the page goes.
    m_host->display()->addWatcher();
    m_screen->setWatching(false);
    QCOMPARE(m_host->display()->watcherCount(), 1);
    m_host->display()->removeWatcher();
    m_screen->setWatching(true);
    m_screen.reset(); // a page torn down while shown stops watching too
    QCOMPARE(m_host->display()->watcherCount(), 0);
}

void tst_ScreenViewModel::framesArriveOnlyWhileWatching()
{
    QCOMPARE(m_screen->status(), u"NoSignal"_s);
    QVERIFY(!m_screen->problem().isEmpty());
    m_host->press(HostBackend::Button::Power, 20ms);
    QTRY_COMPARE_WITH_TIMEOUT(m_screen->status(), u"Picture"_s, patience);
    QVERIFY(m_screen->frame().isNull());
    QSignalSpy frames(m_screen.get(), &ScreenViewModel::frameChanged);
    m_screen->setWatching(true);
    QCOMPARE(m_screen->frameSize(), QSize(640, 480));
    QVERIFY(!frames.isEmpty());
    m_screen->setWatching(false);
    frames.clear();
    m_host->keyboard()->setKey(HidUsage::F2, true);
    m_host->keyboard()->setKey(HidUsage::F2, false);
    QTest::qWait(100);
    QVERIFY(frames.isEmpty());
}

void tst_ScreenViewModel::keysAreStrokesOfUsages()
{
    QVERIFY(m_screen->canType());
    QVERIFY(m_screen->pressKey(u"F2"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_input->events, QStringList({down(HidUsage::F2), up(HidUsage::F2)}), patience);
    m_input->events.clear();
    QVERIFY(m_screen->pressKey(u"CtrlAltDel"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_input->events,
                              QStringList({down(HidUsage::LeftControl), down(HidUsage::LeftAlt), down(HidUsage::Delete),
                                           up(HidUsage::Delete), up(HidUsage::LeftAlt), up(HidUsage::LeftControl)}),
                              patience);
    QVERIFY(!m_screen->pressKey(u"NoSuchKey"_s));
}

void tst_ScreenViewModel::textIsTypedWithTheLayout()
{
    // On a German host the key a US keyboard labels Y types z.
    QVERIFY(m_screen->typeText(u"z"_s, u"de"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_input->events, QStringList({down(HidUsage::KeyY), up(HidUsage::KeyY)}), patience);
    m_input->events.clear();
    QVERIFY(m_screen->typeText(u"z"_s, u"us"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_input->events, QStringList({down(HidUsage::KeyZ), up(HidUsage::KeyZ)}), patience);
    QVERIFY(!m_screen->typeText(u"z"_s, u"xx"_s));
    QVERIFY(!m_screen->typeText(QString(), u"us"_s));
}

void tst_ScreenViewModel::aTapIsAnAbsoluteClick()
{
    m_screen->tap(0.5, 1.5);
    QCOMPARE(m_input->events,
             QStringList({u"16384,32767,0"_s, u"16384,32767,%1"_s.arg(HostInput::Left), u"16384,32767,0"_s}));
}

void tst_ScreenViewModel::withoutSourceOrInputNothingHappens()
{
    ScreenViewModel none(nullptr, nullptr);
    QVERIFY(!none.isAvailable());
    QVERIFY(!none.canType());
    QCOMPARE(none.status(), u"None"_s);
    none.setWatching(true);
    QVERIFY(!none.isWatching());
    QVERIFY(!none.pressKey(u"Enter"_s));
    QVERIFY(!none.typeText(u"x"_s));
    none.tap(0.5, 0.5);
}

QTEST_GUILESS_MAIN(tst_ScreenViewModel)
#include "tst_screenviewmodel.moc"
