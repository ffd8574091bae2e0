#pragma once

#include "AccessViewModel.h"
#include "ConsoleViewModel.h"
#include "EventLogModel.h"
#include "FirstStartNotice.h"
#include "LanguageSwitcher.h"
#include "PasswordRecovery.h"
#include "PowerViewModel.h"
#include "RemoteSessionModel.h"
#include "ScreenLock.h"
#include "ScreenViewModel.h"
#include "VirtualMediaViewModel.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <chrono>

class Bmc;
class QJSEngine;
class QQmlEngine;

// The screen's view of the one model: a singleton whose parts the pages bind to. The composition
// root builds it over the running Bmc before the QML is loaded; QML never creates one.
class Dashboard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(PowerViewModel *power READ power CONSTANT)
    Q_PROPERTY(ConsoleViewModel *console READ console CONSTANT)
    Q_PROPERTY(ScreenViewModel *screen READ screen CONSTANT)
    Q_PROPERTY(VirtualMediaViewModel *media READ media CONSTANT)
    Q_PROPERTY(EventLogModel *events READ events CONSTANT)
    Q_PROPERTY(AccessViewModel *access READ access CONSTANT)
    Q_PROPERTY(FirstStartNotice *firstStart READ firstStart CONSTANT)
    Q_PROPERTY(ScreenLock *screenLock READ screenLock CONSTANT)
    Q_PROPERTY(PasswordRecovery *recovery READ recovery CONSTANT)
    Q_PROPERTY(LanguageSwitcher *language READ language CONSTANT)
    Q_PROPERTY(bool identifyActive READ isIdentifyActive NOTIFY identifyActiveChanged)
    Q_PROPERTY(QString version READ version CONSTANT)

public:
    struct Settings
    {
        QString pin;
        std::chrono::milliseconds screenOffTimeout{0};
        QString language = QStringLiteral("system");
        AccessViewModel::Facts access;
        // The host's screen, keyboard and mouse (the KVM's parts); either may be missing.
        VideoSource *video = nullptr;
        HostInput *input = nullptr;
    };

    Dashboard(Bmc *bmc, Settings settings, QObject *parent = nullptr);
    ~Dashboard() override;

    // The instance QML gets; set by whoever built it, before the first QML file loads.
    static void setInstance(Dashboard *dashboard);
    static Dashboard *create(QQmlEngine *engine, QJSEngine *scriptEngine);

    PowerViewModel *power() const { return m_power; }
    ConsoleViewModel *console() const { return m_console; }
    ScreenViewModel *screen() const { return m_screen; }
    VirtualMediaViewModel *media() const { return m_media; }
    EventLogModel *events() const { return m_events; }
    AccessViewModel *access() const { return m_access; }
    FirstStartNotice *firstStart() const { return m_firstStart; }
    ScreenLock *screenLock() const { return m_screenLock; }
    PasswordRecovery *recovery() const { return m_recovery; }
    LanguageSwitcher *language() const { return m_language; }
    bool isIdentifyActive() const;
    QString version() const;

signals:
    void identifyActiveChanged();

private:
    Bmc *m_bmc;
    PowerViewModel *m_power;
    ConsoleViewModel *m_console;
    ScreenViewModel *m_screen;
    VirtualMediaViewModel *m_media;
    EventLogModel *m_events;
    RemoteSessionModel *m_sessions;
    AccessViewModel *m_access;
    FirstStartNotice *m_firstStart;
    ScreenLock *m_screenLock;
    PasswordRecovery *m_recovery;
    LanguageSwitcher *m_language;
};
