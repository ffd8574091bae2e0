#include "ScreenLock.h"

#include "EventLog.h"

#include <QCoreApplication>
#include <QEvent>

using namespace Qt::StringLiterals;

ScreenLock::ScreenLock(QString pin, std::chrono::milliseconds screenOffTimeout, EventLog *eventLog, QObject *parent)
    : QObject(parent)
    , m_pin(std::move(pin))
    , m_eventLog(eventLog)
    , m_locked(!m_pin.isEmpty())
    , m_waitUntil(0)
{
    m_screenOff.setSingleShot(true);
    m_screenOff.setInterval(screenOffTimeout);
    connect(&m_screenOff, &QTimer::timeout, this, &ScreenLock::turnScreenOff);
    if (screenOffTimeout.count() > 0)
        m_screenOff.start();
    m_waitEnd.setSingleShot(true);
    connect(&m_waitEnd, &QTimer::timeout, this, &ScreenLock::waitingChanged);
    // Every input event of the application counts as activity, whichever item takes it.
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

int ScreenLock::screenOffTimeoutSeconds() const
{
    return int(std::chrono::duration_cast<std::chrono::seconds>(m_screenOff.intervalAsDuration()).count());
}

bool ScreenLock::checkPin(const QString &pin, const QString &purpose)
{
    if (m_pin.isEmpty())
        return true;
    if (isWaiting())
        return false;
    if (pin == m_pin) {
        m_failures = 0;
        return true;
    }
    ++m_failures;
    m_eventLog->warning(Actor::screen(), u"Wrong PIN entered at the screen (%1)"_s.arg(purpose));
    if (m_failures >= failuresBeforeWait) {
        m_failures = 0;
        m_waitUntil.setRemainingTime(waitAfterFailures);
        m_waitEnd.start(waitAfterFailures);
        emit waitingChanged();
    }
    return false;
}

bool ScreenLock::unlock(const QString &pin)
{
    if (!checkPin(pin, u"unlock"_s))
        return false;
    setLocked(false);
    noteActivity();
    return true;
}

void ScreenLock::lock()
{
    if (isPinRequired())
        setLocked(true);
}

void ScreenLock::setLocked(bool locked)
{
    if (m_locked == locked)
        return;
    m_locked = locked;
    emit lockedChanged();
}

void ScreenLock::noteActivity()
{
    if (m_screenOff.interval() > 0)
        m_screenOff.start();
    if (!m_screenOn) {
        m_screenOn = true;
        emit screenOnChanged();
    }
}

void ScreenLock::turnScreenOff()
{
    lock();
    if (m_screenOn) {
        m_screenOn = false;
        emit screenOnChanged();
    }
}

bool ScreenLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::KeyPress:
        // The touch that wakes a dark screen does nothing else: the finger landed on a button
        // its owner could not see.
        if (!m_screenOn) {
            noteActivity();
            return true;
        }
        noteActivity();
        break;
    default: break;
    }
    return QObject::eventFilter(watched, event);
}
