#pragma once

#include "StateFile.h"
#include "sim/TerminalKeyReader.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <chrono>

class PseudoTerminal;

// The simulated host's firmware on its serial console, the way a server's BIOS redirects its
// screen: a power-on message offering setup for a moment, and a full-screen setup utility drawn
// with cursor addressing and colours, with pages, arrow keys, values that Enter changes, F10 to
// save and boot and Esc to boot without saving. What is saved is the host's NVRAM: it stays in
// `settingsPath` across power cycles and restarts of qbmc (docs/decisions.md#112).
class SimulatedFirmware : public QObject
{
    Q_OBJECT
public:
    enum class State { Off, Prompt, Setup, Booted };
    Q_ENUM(State)

    // The screen the setup utility draws on: what firmware assumes of a serial terminal.
    static constexpr int columns = 80;
    static constexpr int rows = 25;

    // An empty `settingsPath` keeps settings in memory only.
    SimulatedFirmware(PseudoTerminal *terminal, QString settingsPath, std::chrono::milliseconds setupWait,
                      QObject *parent = nullptr);

    State state() const { return m_state; }
    // The saved value of a setting, e.g. "First Boot Device" -> "Hard Disk".
    QByteArray setting(const QByteArray &name) const;

    // Power-on self test, the setup prompt, then setup or boot.
    void start();
    void stop();
    void feed(const QByteArray &keys) { m_keys.feed(keys); }

signals:
    void stateChanged(SimulatedFirmware::State state);
    // Firmware is done: the operating system's boot follows.
    void booted();

private:
    struct Item
    {
        QByteArray name;
        QList<QByteArray> choices; // one: a fact shown, not changed
        QByteArray help;
    };
    struct Page
    {
        QByteArray title;
        QList<Item> items;
    };

    static QList<Page> pages();
    void loadSettings();
    void saveSettings();
    void onKey(TerminalKeyReader::Key key, char character);
    void enterSetup();
    void leaveSetup(bool save);
    void boot();
    void changeSelectedValue();
    void moveSelection(int step);
    void draw();
    void setState(State state);

    PseudoTerminal *m_terminal;
    StateFile m_file;
    const bool m_persistent;
    const QList<Page> m_pages;
    QMap<QByteArray, QByteArray> m_saved;  // NVRAM
    QMap<QByteArray, QByteArray> m_edited; // in setup, until F10
    TerminalKeyReader m_keys;
    QTimer m_promptTimer;
    State m_state = State::Off;
    int m_page = 0;
    int m_item = 0;
};
