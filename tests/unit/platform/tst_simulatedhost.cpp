#include "sim/SimulatedHost.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <chrono>
#include <fcntl.h>
#include <unistd.h>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using Button = HostBackend::Button;
using LedState = HostBackend::LedState;

namespace {

// Nominal figures are small to keep the suite fast; waits allow ten times as much.
constexpr SimulatedHost::Timings testTimings{
    .powerOnDelay = 50ms, .shutdownDelay = 300ms, .forceOffHold = 300ms, .setupWait = 0ms};
constexpr auto shortPress = 20ms;
constexpr auto bootLogTime = 1s;
constexpr auto patience = 10s;

// Qt 6.4's waits take plain milliseconds.
int ms(std::chrono::milliseconds duration)
{
    return int(duration.count());
}

template <typename Enum>
QString keyOf(Enum value)
{
    return QString::fromLatin1(QMetaEnum::fromType<Enum>().valueToKey(int(value)));
}

// The far end of the host's serial line, held as a terminal program would hold it.
class SerialTerminal
{
public:
    explicit SerialTerminal(const QString &path)
        : m_fd(::open(QFile::encodeName(path).constData(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC))
    {
    }
    ~SerialTerminal()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    SerialTerminal(const SerialTerminal &) = delete;
    SerialTerminal &operator=(const SerialTerminal &) = delete;

    bool isOpen() const { return m_fd >= 0; }
    void type(const QByteArray &keys)
    {
        QCOMPARE(::write(m_fd, keys.constData(), size_t(keys.size())), ssize_t(keys.size()));
    }

    // Waits for `text` after the previous match, so a series of waits checks the order of output.
    bool waitFor(const QByteArray &text, std::chrono::milliseconds timeout = patience)
    {
        const QDeadlineTimer deadline(timeout);
        for (;;) {
            readAvailable();
            const qsizetype found = m_seen.indexOf(text, m_matchedUpTo);
            if (found >= 0) {
                m_matchedUpTo = found + text.size();
                return true;
            }
            if (deadline.hasExpired())
                return false;
            QTest::qWait(5);
        }
    }

    const QByteArray &seen()
    {
        readAvailable();
        return m_seen;
    }

    QByteArray unmatched() { return seen().mid(m_matchedUpTo); }

private:
    void readAvailable()
    {
        char buffer[4096];
        for (ssize_t count; (count = ::read(m_fd, buffer, sizeof buffer)) > 0;)
            m_seen.append(buffer, count);
    }

    int m_fd;
    QByteArray m_seen;
    qsizetype m_matchedUpTo = 0;
};

} // namespace

#define WAIT_FOR_CONSOLE(text)                                                                        \
    QVERIFY2(m_terminal->waitFor(text),                                                               \
             qPrintable(u"console never showed \"%1\"; since the last match it showed: \"%2\""_s.arg( \
                 QString::fromLatin1(text), QString::fromLatin1(m_terminal->unmatched()))))

class tst_SimulatedHost : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startsOffWithItsCapabilities();
    void nmiOnlyWithTheLine();
    void shortPressWhileOffBootsToLogin();
    void loginAndShell();
    void shortPressWhileOnShutsDownGracefully();
    void longPressWhileOnCutsPowerDuringTheHold();
    void longPressDuringBootDropsTheRestOfTheBootLog();
    void longPressWhileOffLeavesItOff();
    void resetWhileOnReboots();
    void resetCancelsAGracefulShutdown();
    void resetWhileOffDoesNothing();
    void pressWhilePressingIsRefused();
    void nmiPrintsTheKernelMarker();
    void breakPrintsSysRqHelp();
    void inputWhileOffIsIgnored();

private:
    void createHost(bool hasNmi);
    void press(Button button, std::chrono::milliseconds duration);
    bool powerOnToLogin();
    QStringList events() const;
    qint64 timeOf(const QString &event) const;

    std::unique_ptr<SimulatedHost> m_host;
    std::unique_ptr<SerialTerminal> m_terminal;
    QElapsedTimer m_clock;
    QList<std::pair<QString, qint64>> m_events;
};

void tst_SimulatedHost::init()
{
    createHost(true);
}

void tst_SimulatedHost::cleanup()
{
    m_terminal.reset();
    m_host.reset();
    m_events.clear();
}

void tst_SimulatedHost::createHost(bool hasNmi)
{
    m_host = std::make_unique<SimulatedHost>(testTimings, hasNmi);
    const std::optional<Failure> failure = m_host->start();
    QVERIFY2(!failure, qPrintable(failure ? failure->message : QString()));
    m_terminal = std::make_unique<SerialTerminal>(m_host->consolePath());
    QVERIFY(m_terminal->isOpen());

    m_clock.start();
    m_events.clear();
    const auto record = [this](const QString &event) { m_events.append({event, m_clock.elapsed()}); };
    connect(m_host.get(), &HostBackend::pressFinished, this,
            [record](Button button) { record(u"pressFinished "_s + keyOf(button)); });
    connect(m_host.get(), &HostBackend::powerLedChanged, this,
            [record](LedState state) { record(u"powerLed "_s + keyOf(state)); });
    connect(m_host.get(), &HostBackend::hddLedChanged, this,
            [record](LedState state) { record(u"hddLed "_s + keyOf(state)); });
}

void tst_SimulatedHost::press(Button button, std::chrono::milliseconds duration)
{
    m_events.append({u"press "_s + keyOf(button), m_clock.elapsed()});
    m_host->press(button, duration);
}

bool tst_SimulatedHost::powerOnToLogin()
{
    press(Button::Power, shortPress);
    if (m_terminal->waitFor("simhost login: ") && m_host->powerLed() == LedState::On) {
        m_events.clear();
        return true;
    }
    qWarning() << "no login prompt; console showed" << m_terminal->unmatched() << "events" << events();
    return false;
}

QStringList tst_SimulatedHost::events() const
{
    QStringList names;
    for (const auto &[name, at] : m_events)
        names.append(name);
    return names;
}

// When `event` last happened, in ms since the host was created.
qint64 tst_SimulatedHost::timeOf(const QString &event) const
{
    for (auto it = m_events.crbegin(); it != m_events.crend(); ++it) {
        if (it->first == event)
            return it->second;
    }
    return -1;
}

void tst_SimulatedHost::startsOffWithItsCapabilities()
{
    QCOMPARE(m_host->powerLed(), LedState::Off);
    QCOMPARE(m_host->hddLed(), LedState::Off);
    QVERIFY(!m_host->isPressing(Button::Power));
    QVERIFY(!m_host->isPressing(Button::Reset));
    QCOMPARE(m_host->description(), u"simulated host"_s);
    QVERIFY(m_host->consolePath().startsWith(u"/dev/pts/"));
}

void tst_SimulatedHost::nmiOnlyWithTheLine()
{
    using Capability = HostBackend::Capability;
    QCOMPARE(m_host->capabilities(), Capability::ResetButton | Capability::HddLed | Capability::Nmi);

    SimulatedHost withoutNmi(testTimings, false);
    QCOMPARE(withoutNmi.capabilities(), Capability::ResetButton | Capability::HddLed);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no NMI line"_s));
    withoutNmi.pulseNmi();
}

void tst_SimulatedHost::shortPressWhileOffBootsToLogin()
{
    press(Button::Power, shortPress);
    QVERIFY(m_host->isPressing(Button::Power));
    WAIT_FOR_CONSOLE("[    0.000000] Linux version 6.1.0-sim");
    WAIT_FOR_CONSOLE("[  OK  ] Started systemd-journald.service");
    WAIT_FOR_CONSOLE("[  OK  ] Reached target multi-user.target");
    WAIT_FOR_CONSOLE("\r\nsimhost login: ");
    QCOMPARE(m_host->powerLed(), LedState::On);
    QCOMPARE(m_host->hddLed(), LedState::Off);
    QCOMPARE(
        events(),
        (QStringList{u"press Power"_s, u"pressFinished Power"_s, u"powerLed On"_s, u"hddLed On"_s, u"hddLed Off"_s}));
    qInfo("power LED on %lld ms after the release (nominal %lld ms); boot log took %lld ms",
          timeOf(u"powerLed On"_s) - timeOf(u"pressFinished Power"_s), qint64(testTimings.powerOnDelay.count()),
          timeOf(u"hddLed Off"_s) - timeOf(u"powerLed On"_s));
}

void tst_SimulatedHost::loginAndShell()
{
    QVERIFY(powerOnToLogin());
    m_terminal->type("root\r");
    WAIT_FOR_CONSOLE("root\r\nPassword: ");
    m_terminal->type("secret\r");
    WAIT_FOR_CONSOLE("\r\nLast login: ");
    WAIT_FOR_CONSOLE(" on ttyS0\r\nroot@simhost:~$ ");
    QVERIFY(!m_terminal->seen().contains("secret"));

    m_terminal->type("echo hello\r");
    WAIT_FOR_CONSOLE("echo hello\r\nhello\r\nroot@simhost:~$ ");
    m_terminal->type("uname\r");
    WAIT_FOR_CONSOLE("uname\r\nLinux\r\nroot@simhost:~$ ");
    m_terminal->type("uname -a\r");
    WAIT_FOR_CONSOLE("uname -a\r\nLinux simhost 6.1.0-sim ");
    m_terminal->type("hostname\r");
    WAIT_FOR_CONSOLE("hostname\r\nsimhost\r\nroot@simhost:~$ ");
    m_terminal->type("frobnicate --now\r");
    WAIT_FOR_CONSOLE("frobnicate: command not found\r\nroot@simhost:~$ ");
    m_terminal->type("\r");
    WAIT_FOR_CONSOLE("\r\nroot@simhost:~$ ");
    m_terminal->type("hostnamx\x7f"
                     "e\r");
    WAIT_FOR_CONSOLE("hostnamx\b \be\r\nsimhost\r\n");
    m_terminal->type("echo ab\bc\r");
    WAIT_FOR_CONSOLE("echo ab\b \bc\r\nac\r\n");
    // A terminal sending CR LF presses Enter once, not twice.
    m_terminal->type("echo one\r\necho two\r");
    WAIT_FOR_CONSOLE("\r\none\r\nroot@simhost:~$ echo two\r\ntwo\r\nroot@simhost:~$ ");

    m_terminal->type("exit\r");
    WAIT_FOR_CONSOLE("exit\r\nlogout\r\n\r\nsimhost login: ");
    m_terminal->type("\r");
    WAIT_FOR_CONSOLE("\r\nsimhost login: ");
    m_terminal->type("admin\r");
    WAIT_FOR_CONSOLE("admin\r\nPassword: ");
    m_terminal->type("x\r");
    WAIT_FOR_CONSOLE("admin@simhost:~$ ");
    m_terminal->type("logout\r");
    WAIT_FOR_CONSOLE("logout\r\nlogout\r\n\r\nsimhost login: ");
}

void tst_SimulatedHost::shortPressWhileOnShutsDownGracefully()
{
    QVERIFY(powerOnToLogin());
    press(Button::Power, shortPress);
    WAIT_FOR_CONSOLE("[  OK  ] Stopped target multi-user.target");
    QTRY_COMPARE_WITH_TIMEOUT(m_host->powerLed(), LedState::Off, ms(10 * (shortPress + testTimings.shutdownDelay)));
    QCOMPARE(events(), (QStringList{u"press Power"_s, u"pressFinished Power"_s, u"powerLed Off"_s}));
    qInfo("power LED off %lld ms after the release (nominal %lld ms)",
          timeOf(u"powerLed Off"_s) - timeOf(u"pressFinished Power"_s), qint64(testTimings.shutdownDelay.count()));

    // A second press while it is off powers it on again.
    press(Button::Power, shortPress);
    WAIT_FOR_CONSOLE("Linux version");
    QCOMPARE(m_host->powerLed(), LedState::On);
}

void tst_SimulatedHost::longPressWhileOnCutsPowerDuringTheHold()
{
    QVERIFY(powerOnToLogin());
    press(Button::Power, 3 * testTimings.forceOffHold);
    QTRY_COMPARE_WITH_TIMEOUT(m_host->powerLed(), LedState::Off, ms(10 * testTimings.forceOffHold));
    QVERIFY(m_host->isPressing(Button::Power));
    QCOMPARE(events(), (QStringList{u"press Power"_s, u"powerLed Off"_s}));
    qInfo("power LED off %lld ms into the hold (nominal %lld ms)", timeOf(u"powerLed Off"_s) - timeOf(u"press Power"_s),
          qint64(testTimings.forceOffHold.count()));

    // The release of that press must not count as a short press.
    QTRY_VERIFY_WITH_TIMEOUT(!m_host->isPressing(Button::Power), ms(30 * testTimings.forceOffHold));
    QTest::qWait(ms(2 * testTimings.powerOnDelay));
    QCOMPARE(events(), (QStringList{u"press Power"_s, u"powerLed Off"_s, u"pressFinished Power"_s}));
}

void tst_SimulatedHost::longPressDuringBootDropsTheRestOfTheBootLog()
{
    press(Button::Power, shortPress);
    WAIT_FOR_CONSOLE("Linux version");
    press(Button::Power, 3 * testTimings.forceOffHold);
    QTRY_COMPARE_WITH_TIMEOUT(m_host->powerLed(), LedState::Off, ms(10 * testTimings.forceOffHold));
    QCOMPARE(m_host->hddLed(), LedState::Off);
    QVERIFY(!m_terminal->waitFor("simhost login: ", 2 * bootLogTime));
    QVERIFY(!m_terminal->seen().contains("Reached target multi-user.target"));
}

void tst_SimulatedHost::longPressWhileOffLeavesItOff()
{
    press(Button::Power, testTimings.forceOffHold + shortPress);
    QTRY_VERIFY_WITH_TIMEOUT(!m_host->isPressing(Button::Power), ms(10 * testTimings.forceOffHold));
    QTest::qWait(ms(2 * testTimings.powerOnDelay));
    QCOMPARE(events(), (QStringList{u"press Power"_s, u"pressFinished Power"_s}));
}

void tst_SimulatedHost::resetWhileOnReboots()
{
    QVERIFY(powerOnToLogin());
    press(Button::Reset, shortPress);
    WAIT_FOR_CONSOLE("] reboot: Restarting system\r\n");
    WAIT_FOR_CONSOLE("Booting from Hard Disk...\r\n[    0.000000] Linux version"); // firmware first
    WAIT_FOR_CONSOLE("\r\nsimhost login: ");
    QCOMPARE(m_host->powerLed(), LedState::On);
    // The disk is busy once the firmware hands over to the operating system's boot.
    QCOMPARE(events(), (QStringList{u"press Reset"_s, u"pressFinished Reset"_s, u"hddLed On"_s, u"hddLed Off"_s}));
}

void tst_SimulatedHost::resetCancelsAGracefulShutdown()
{
    QVERIFY(powerOnToLogin());
    // Reset is released right after power: the shutdown is under way, far from its end.
    press(Button::Power, shortPress);
    press(Button::Reset, 2 * shortPress);
    WAIT_FOR_CONSOLE("[  OK  ] Stopped target multi-user.target");
    WAIT_FOR_CONSOLE("reboot: Restarting system");
    // The boot log outlasts the shutdown delay, so a shutdown still pending would show by now.
    WAIT_FOR_CONSOLE("\r\nsimhost login: ");
    QCOMPARE(m_host->powerLed(), LedState::On);
    QVERIFY2(!events().contains(u"powerLed Off"_s), qPrintable(events().join(u", ")));
}

void tst_SimulatedHost::resetWhileOffDoesNothing()
{
    press(Button::Reset, shortPress);
    QTRY_VERIFY_WITH_TIMEOUT(!m_host->isPressing(Button::Reset), ms(10 * shortPress));
    QTest::qWait(ms(2 * testTimings.powerOnDelay));
    QCOMPARE(events(), (QStringList{u"press Reset"_s, u"pressFinished Reset"_s}));
    QCOMPARE(m_host->powerLed(), LedState::Off);
    QVERIFY(m_terminal->seen().isEmpty());
}

void tst_SimulatedHost::pressWhilePressingIsRefused()
{
    press(Button::Power, 10 * shortPress);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"already being pressed"_s));
    m_host->press(Button::Power, shortPress);
    QVERIFY(m_host->isPressing(Button::Power));

    // The other button is free.
    press(Button::Reset, shortPress);
    QVERIFY(m_host->isPressing(Button::Reset));

    WAIT_FOR_CONSOLE("Linux version");
    QCOMPARE(events().count(u"pressFinished Power"_s), 1);
    QCOMPARE(events().count(u"pressFinished Reset"_s), 1);
    QCOMPARE(events().count(u"powerLed On"_s), 1);
}

void tst_SimulatedHost::nmiPrintsTheKernelMarker()
{
    m_host->pulseNmi(); // off: nobody to interrupt
    QVERIFY(powerOnToLogin());
    m_host->pulseNmi();
    WAIT_FOR_CONSOLE("] Uhhuh. NMI received for unknown reason 2d on CPU 0.\r\n");
    QCOMPARE(m_terminal->seen().count("NMI received"), 1);
}

void tst_SimulatedHost::breakPrintsSysRqHelp()
{
    m_host->sendBreak();
    QVERIFY(powerOnToLogin());
    m_host->sendBreak();
    WAIT_FOR_CONSOLE("] sysrq: HELP : loglevel(0-9) reboot(b) crash(c) ");
    QCOMPARE(m_terminal->seen().count("sysrq:"), 1);
}

void tst_SimulatedHost::inputWhileOffIsIgnored()
{
    m_terminal->type("root\r");
    QTest::qWait(ms(2 * testTimings.powerOnDelay));
    QVERIFY(powerOnToLogin());
    // What the host shows starts with its firmware: the typed line reached nobody.
    QVERIFY2(m_terminal->seen().startsWith("\x1b[0m\x1b[2J\x1b[Hqbmc Simulated BIOS"),
             m_terminal->seen().left(80).constData());
}

QTEST_GUILESS_MAIN(tst_SimulatedHost)
#include "tst_simulatedhost.moc"
