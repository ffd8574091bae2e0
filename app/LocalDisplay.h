#pragma once

#include "DisplayChoice.h"
#include "Failure.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class Daemon;
class Dashboard;
class QQmlApplicationEngine;

// The dashboard on the board's own display (or a desktop window): builds the screen's view of
// the running daemon's model and loads the QML. It lives inside the daemon's lifetime.
class LocalDisplay : public QObject
{
    Q_OBJECT
public:
    // `sinceStart` started when the process did, for the time to the first frame.
    LocalDisplay(Daemon *daemon, DisplayChoice choice, QElapsedTimer sinceStart, QObject *parent = nullptr);
    ~LocalDisplay() override;

    std::optional<Failure> show();

private:
    void onFirstFrame();

    Daemon *m_daemon;
    DisplayChoice m_choice;
    QElapsedTimer m_sinceStart;
    std::unique_ptr<Dashboard> m_dashboard;
    std::unique_ptr<QQmlApplicationEngine> m_engine; // goes before the dashboard it shows
    QMetaObject::Connection m_firstFrame;
};
