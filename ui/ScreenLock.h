#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <chrono>

class EventLog;

// The screen's lock and its power: with a PIN configured (ui.pin) the screen starts locked and
// locks again whenever it goes dark; untouched for the screen-off timeout it goes dark and wakes
// on the next touch. Wrong PINs are logged; after a few in a row the pad waits before it tries
// another, so a PIN cannot be guessed by brute force at the rack.
class ScreenLock : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.screenLock provides it")
    Q_PROPERTY(bool pinRequired READ isPinRequired CONSTANT)
    Q_PROPERTY(bool locked READ isLocked NOTIFY lockedChanged)
    Q_PROPERTY(bool screenOn READ isScreenOn NOTIFY screenOnChanged)
    Q_PROPERTY(bool waiting READ isWaiting NOTIFY waitingChanged)
    Q_PROPERTY(int screenOffTimeout READ screenOffTimeoutSeconds CONSTANT)

public:
    static constexpr int failuresBeforeWait = 3;
    static constexpr std::chrono::seconds waitAfterFailures{30};

    ScreenLock(QString pin, std::chrono::milliseconds screenOffTimeout, EventLog *eventLog, QObject *parent = nullptr);

    bool isPinRequired() const { return !m_pin.isEmpty(); }
    bool isLocked() const { return m_locked; }
    bool isScreenOn() const { return m_screenOn; }
    bool isWaiting() const { return !m_waitUntil.hasExpired(); }
    int screenOffTimeoutSeconds() const;

    // True when the PIN is right (or none is configured); counts and logs a wrong one.
    Q_INVOKABLE bool checkPin(const QString &pin, const QString &purpose);
    Q_INVOKABLE bool unlock(const QString &pin);
    Q_INVOKABLE void lock();
    // A touch, click or key anywhere: wakes the screen and restarts the timeout.
    Q_INVOKABLE void noteActivity();

signals:
    void lockedChanged();
    void screenOnChanged();
    void waitingChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void turnScreenOff();
    void setLocked(bool locked);

    QString m_pin;
    EventLog *m_eventLog;
    bool m_locked = false;
    bool m_screenOn = true;
    int m_failures = 0;
    QDeadlineTimer m_waitUntil;
    QTimer m_screenOff;
    QTimer m_waitEnd;
};
