#include "FakeGpioChip.h"
#include "gpio/GpioAtxBackend.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <chrono>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using Button = HostBackend::Button;
using LedState = HostBackend::LedState;

namespace {

// Long enough for a loaded machine (sanitizers, parallel tests); only reached on failure.
constexpr int patience = 10'000;

constexpr unsigned powerSwitchLine = 23;
constexpr unsigned resetSwitchLine = 27;
constexpr unsigned powerLedLine = 24;
constexpr unsigned hddLedLine = 22;

QList<FakeGpioChip::Write> writesTo(const FakeGpioChip::WriteLog &log, unsigned line)
{
    QList<FakeGpioChip::Write> writes;
    for (const FakeGpioChip::Write &write : log) {
        if (write.line == line)
            writes.append(write);
    }
    return writes;
}

QList<int> levelsWritten(const FakeGpioChip::WriteLog &log, unsigned line)
{
    QList<int> levels;
    for (const FakeGpioChip::Write &write : writesTo(log, line))
        levels.append(write.value);
    return levels;
}

bool started(GpioAtxBackend &backend)
{
    const std::optional<Failure> failure = backend.start();
    if (!failure)
        return true;
    qWarning().noquote() << failure->message;
    return false;
}

GpioAtxBackend::Wiring immediateLeds()
{
    GpioAtxBackend::Wiring wiring;
    wiring.powerLed.debounce = 0ms;
    wiring.hddLed.debounce = 0ms;
    return wiring;
}

} // namespace

class tst_GpioAtxBackend : public QObject
{
    Q_OBJECT
private slots:
    void pressHoldsTheButtonForTheDuration_data();
    void pressHoldsTheButtonForTheDuration();
    void invertedOutputsDriveTheOppositeLevels();
    void secondPressWhilePressingIsRefused();
    void destroyingTheBackendMidPressReleasesTheButtons();
    void startReadsTheLeds();
    void invertedLeds();
    void burstShorterThanTheDebounceWindowYieldsAtMostOneChange_data();
    void burstShorterThanTheDebounceWindowYieldsAtMostOneChange();
    void stableChangeIsReportedAfterTheDebounceWindow();
    void readErrorMakesTheLedUnknown();
    void failedRequestGivesAClearError_data();
    void failedRequestGivesAClearError();
    void capabilitiesHaveNoNmi();
};

void tst_GpioAtxBackend::pressHoldsTheButtonForTheDuration_data()
{
    QTest::addColumn<Button>("button");
    QTest::addColumn<int>("durationMs");
    QTest::addColumn<unsigned>("line");
    QTest::addColumn<unsigned>("otherLine");

    QTest::newRow("power, short") << Button::Power << 100 << powerSwitchLine << resetSwitchLine;
    QTest::newRow("power, long") << Button::Power << 500 << powerSwitchLine << resetSwitchLine;
    QTest::newRow("reset") << Button::Reset << 100 << resetSwitchLine << powerSwitchLine;
}

void tst_GpioAtxBackend::pressHoldsTheButtonForTheDuration()
{
    QFETCH(Button, button);
    QFETCH(int, durationMs);
    QFETCH(unsigned, line);
    QFETCH(unsigned, otherLine);

    auto *chip = new FakeGpioChip;
    const auto log = chip->writeLog();
    GpioAtxBackend backend(std::unique_ptr<FakeGpioChip>(chip), GpioAtxBackend::Wiring{});
    QVERIFY(started(backend));
    QCOMPARE(chip->level(line), 0);

    int levelWhenFinished = -1;
    connect(&backend, &HostBackend::pressFinished, this, [&] { levelWhenFinished = chip->level(line); });
    QSignalSpy finished(&backend, &HostBackend::pressFinished);

    backend.press(button, std::chrono::milliseconds(durationMs));
    QVERIFY(backend.isPressing(button));
    QCOMPARE(chip->level(line), 1);

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, patience);
    QCOMPARE(finished.at(0).at(0).value<Button>(), button);
    QVERIFY(!backend.isPressing(button));
    QCOMPARE(levelWhenFinished, 0);

    const QList<FakeGpioChip::Write> writes = writesTo(*log, line);
    QCOMPARE(levelsWritten(*log, line), (QList<int>{0, 1, 0}));
    QCOMPARE(levelsWritten(*log, otherLine), QList<int>{0});

    const auto held = std::chrono::nanoseconds(writes.at(2).nanoseconds - writes.at(1).nanoseconds);
    qInfo("asked for %d ms, held for %.2f ms", durationMs, std::chrono::duration<double, std::milli>(held).count());
    QVERIFY(held >= std::chrono::milliseconds(durationMs));
}

void tst_GpioAtxBackend::invertedOutputsDriveTheOppositeLevels()
{
    GpioAtxBackend::Wiring wiring;
    wiring.powerSwitch.inverted = true;
    wiring.resetSwitch.inverted = true;
    auto *chip = new FakeGpioChip;
    const auto log = chip->writeLog();
    GpioAtxBackend backend(std::unique_ptr<FakeGpioChip>(chip), wiring);
    QVERIFY(started(backend));
    QCOMPARE(chip->level(powerSwitchLine), 1);
    QCOMPARE(chip->level(resetSwitchLine), 1);

    QSignalSpy finished(&backend, &HostBackend::pressFinished);
    backend.press(Button::Power, 50ms);
    QCOMPARE(chip->level(powerSwitchLine), 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, patience);
    backend.press(Button::Reset, 50ms);
    QCOMPARE(chip->level(resetSwitchLine), 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, patience);

    QCOMPARE(levelsWritten(*log, powerSwitchLine), (QList<int>{1, 0, 1}));
    QCOMPARE(levelsWritten(*log, resetSwitchLine), (QList<int>{1, 0, 1}));
}

void tst_GpioAtxBackend::secondPressWhilePressingIsRefused()
{
    auto *chip = new FakeGpioChip;
    const auto log = chip->writeLog();
    GpioAtxBackend backend(std::unique_ptr<FakeGpioChip>(chip), GpioAtxBackend::Wiring{});
    QVERIFY(started(backend));
    QSignalSpy finished(&backend, &HostBackend::pressFinished);

    backend.press(Button::Power, 200ms);
    QTest::ignoreMessage(QtWarningMsg, "refusing to press the power switch while it is being pressed");
    backend.press(Button::Power, 200ms);
    QVERIFY(backend.isPressing(Button::Power));
    QCOMPARE(levelsWritten(*log, powerSwitchLine), (QList<int>{0, 1}));

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, patience);
    QTest::qWait(300); // time for a second press, had one been started, to finish too
    QCOMPARE(finished.count(), 1);
    QCOMPARE(levelsWritten(*log, powerSwitchLine), (QList<int>{0, 1, 0}));
}

void tst_GpioAtxBackend::destroyingTheBackendMidPressReleasesTheButtons()
{
    GpioAtxBackend::Wiring wiring;
    wiring.powerSwitch.inverted = true;
    auto *chip = new FakeGpioChip;
    const auto log = chip->writeLog();
    auto backend = std::make_unique<GpioAtxBackend>(std::unique_ptr<FakeGpioChip>(chip), wiring);
    QVERIFY(started(*backend));

    backend->press(Button::Power, 1h);
    backend->press(Button::Reset, 1h);
    backend.reset();

    QCOMPARE(levelsWritten(*log, powerSwitchLine), (QList<int>{1, 0, 1}));
    QCOMPARE(levelsWritten(*log, resetSwitchLine), (QList<int>{0, 1, 0}));
}

void tst_GpioAtxBackend::startReadsTheLeds()
{
    auto *chip = new FakeGpioChip;
    chip->setInput(powerLedLine, 1);
    chip->setInput(hddLedLine, 0);
    GpioAtxBackend backend(std::unique_ptr<FakeGpioChip>(chip), GpioAtxBackend::Wiring{});
    QCOMPARE(backend.powerLed(), LedState::Unknown);
    QSignalSpy powerLedChanges(&backend, &HostBackend::powerLedChanged);

    QVERIFY(started(backend));
    QVERIFY(chip->isRequested(powerLedLine));
    QVERIFY(chip->isRequested(hddLedLine));
    QCOMPARE(backend.powerLed(), LedState::On);
    QCOMPARE(backend.hddLed(), LedState::Off);
    QCOMPARE(powerLedChanges.count(), 1);
    QCOMPARE(powerLedChanges.at(0).at(0).value<LedState>(), LedState::On);
}

void tst_GpioAtxBackend::invertedLeds()
{
    GpioAtxBackend::Wiring wiring = immediateLeds();
    wiring.powerLed.inverted = true;
    wiring.hddLed.inverted = true;
    auto *chip = new FakeGpioChip;
    chip->setInput(powerLedLine, 0);
    chip->setInput(hddLedLine, 1);
    GpioAtxBackend backend(std::unique_ptr<FakeGpioChip>(chip), wiring);
    QVERIFY(started(backend));
    QCOMPARE(backend.powerLed(), LedState::On);
    QCOMPARE(backend.hddLed(), LedState::Off);

    QSignalSpy powerLedChanges(&backend, &HostBackend::powerLedChanged);
    QSignalSpy hddLedChanges(&backend, &HostBackend::hddLedChanged);
    chip->setInput(powerLedLine, 1);
    chip->setInput(hddLedLine, 0);

    // Without debounce the change is applied at once, before the event loop runs.
    QCOMPARE(backend.powerLed(), LedState::Off);
    QCOMPARE(backend.hddLed(), LedState::On);
    QCOMPARE(powerLedChanges.count(), 1);
    QCOMPARE(powerLedChanges.at(0).at(0).value<LedState>(), LedState::Off);
    QCOMPARE(hddLedChanges.count(), 1);
    QCOMPARE(hddLedChanges.at(0).at(0).value<LedState>(), LedState::On);
}

void tst_GpioAtxBackend::burstShorterThanTheDebounceWindowYieldsAtMostOneChange_data()
{
    QTest::addColumn<QList<int>>("burst");
    QTest::addColumn<LedState>("finalState");

    QTest::newRow("ends lit") << QList<int>{1, 0, 1, 0, 1} << LedState::On;
    QTest::newRow("ends where it began") << QList<int>{1, 0, 1, 0} << LedState::Off;
}

void tst_GpioAtxBackend::burstShorterThanTheDebounceWindowYieldsAtMostOneChange()
{
    QFETCH(QList<int>, burst);
    QFETCH(LedState, finalState);

    constexpr auto window = 500ms;
    GpioAtxBackend::Wiring wiring;
    wiring.powerLed.debounce = window;
    auto *chip = new FakeGpioChip;
    GpioAtxBackend backend(std::unique_ptr<FakeGpioChip>(chip), wiring);
    QVERIFY(started(backend));
    QCOMPARE(backend.powerLed(), LedState::Off);
    QSignalSpy changes(&backend, &HostBackend::powerLedChanged);
    const int readsBefore = chip->readCount(powerLedLine);

    QElapsedTimer clock;
    clock.start();
    for (qsizetype i = 0; i < burst.size(); ++i) {
        if (i > 0)
            QTest::qWait(10);
        chip->setInput(powerLedLine, burst.at(i));
    }
    const auto burstLength = std::chrono::milliseconds(clock.elapsed());
    qInfo("burst of %lld edges took %lld ms", qlonglong(burst.size()), qlonglong(burstLength.count()));
    if (burstLength >= window)
        QSKIP("the machine was too busy to toggle the line within the debounce window");

    QTRY_COMPARE_WITH_TIMEOUT(chip->readCount(powerLedLine), readsBefore + 1, patience);
    QTest::qWait(window.count()); // time for a second, wrong, report
    QCOMPARE(chip->readCount(powerLedLine), readsBefore + 1);
    QCOMPARE(backend.powerLed(), finalState);
    QCOMPARE(changes.count(), finalState == LedState::Off ? 0 : 1);
}

void tst_GpioAtxBackend::stableChangeIsReportedAfterTheDebounceWindow()
{
    constexpr auto window = 200ms;
    GpioAtxBackend::Wiring wiring;
    wiring.hddLed.debounce = window;
    auto *chip = new FakeGpioChip;
    GpioAtxBackend backend(std::unique_ptr<FakeGpioChip>(chip), wiring);
    QVERIFY(started(backend));
    QSignalSpy changes(&backend, &HostBackend::hddLedChanged);

    QElapsedTimer clock;
    clock.start();
    chip->setInput(hddLedLine, 1);
    QCOMPARE(changes.count(), 0);
    QCOMPARE(backend.hddLed(), LedState::Off);

    QTRY_COMPARE_WITH_TIMEOUT(changes.count(), 1, patience);
    const auto reportedAfter = std::chrono::milliseconds(clock.elapsed());
    qInfo("debounce window %lld ms, reported after %lld ms", qlonglong(window.count()),
          qlonglong(reportedAfter.count()));
    QVERIFY(reportedAfter >= window);
    QCOMPARE(changes.at(0).at(0).value<LedState>(), LedState::On);
    QCOMPARE(backend.hddLed(), LedState::On);
}

void tst_GpioAtxBackend::readErrorMakesTheLedUnknown()
{
    auto *chip = new FakeGpioChip;
    chip->setInput(powerLedLine, 1);
    GpioAtxBackend backend(std::unique_ptr<FakeGpioChip>(chip), immediateLeds());
    QVERIFY(started(backend));
    QCOMPARE(backend.powerLed(), LedState::On);
    QSignalSpy changes(&backend, &HostBackend::powerLedChanged);

    chip->failReadsFor(powerLedLine);
    QTest::ignoreMessage(QtWarningMsg, "cannot read the power LED - cannot read line 24: Input/output error");
    chip->setInput(powerLedLine, 0);

    QCOMPARE(backend.powerLed(), LedState::Unknown);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(changes.at(0).at(0).value<LedState>(), LedState::Unknown);
}

void tst_GpioAtxBackend::failedRequestGivesAClearError_data()
{
    QTest::addColumn<unsigned>("line");
    QTest::addColumn<QString>("expectedError");

    QTest::newRow("power switch") << powerSwitchLine << u"power switch (line 23): Device or resource busy"_s;
    QTest::newRow("reset switch") << resetSwitchLine << u"reset switch (line 27): Device or resource busy"_s;
    QTest::newRow("power LED") << powerLedLine << u"power LED (line 24): Device or resource busy"_s;
    QTest::newRow("HDD LED") << hddLedLine << u"HDD LED (line 22): Device or resource busy"_s;
}

void tst_GpioAtxBackend::failedRequestGivesAClearError()
{
    QFETCH(unsigned, line);
    QFETCH(QString, expectedError);

    auto *chip = new FakeGpioChip;
    chip->failRequestsFor(line);
    GpioAtxBackend backend(std::unique_ptr<FakeGpioChip>(chip), GpioAtxBackend::Wiring{});

    const std::optional<Failure> failure = backend.start();
    QVERIFY(failure);
    QCOMPARE(failure->message, expectedError);

    QTest::ignoreMessage(QtWarningMsg, "refusing to press the reset switch before the lines are requested");
    backend.press(Button::Reset, 10ms);
    QVERIFY(!backend.isPressing(Button::Reset));
}

void tst_GpioAtxBackend::capabilitiesHaveNoNmi()
{
    auto *chip = new FakeGpioChip;
    const auto log = chip->writeLog();
    GpioAtxBackend backend(std::unique_ptr<FakeGpioChip>(chip), GpioAtxBackend::Wiring{});
    QVERIFY(started(backend));
    const qsizetype writesAfterStart = log->size();

    const HostBackend::Capabilities capabilities = backend.capabilities();
    QVERIFY(capabilities.testFlag(HostBackend::Capability::ResetButton));
    QVERIFY(capabilities.testFlag(HostBackend::Capability::HddLed));
    QVERIFY(!capabilities.testFlag(HostBackend::Capability::Nmi));
    QCOMPARE(backend.description(), u"ATX header on fakechip0"_s);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"no NMI line"_s));
    backend.pulseNmi();
    QCOMPARE(log->size(), writesAfterStart);
}

QTEST_GUILESS_MAIN(tst_GpioAtxBackend)
#include "tst_gpioatxbackend.moc"
