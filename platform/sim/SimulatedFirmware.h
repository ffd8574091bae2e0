#pragma once

#include "StateFile.h"
#include "sim/TerminalKeyReader.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

class PseudoTerminal;

// The simulated host's firmware on its serial console, the way a server's BIOS redirects its
// screen: a power-on message offering setup for a moment, and a full-screen setup utility drawn
// with cursor addressing and colours, with pages, arrow keys, values that Enter changes, F10 to
// save and boot and Esc to boot without saving. What is saved is the host's NVRAM: it stays in
// `settingsPath` across power cycles and restarts of qbmc (docs/decisions.md#112). As it boots it
// asks the BMC for a boot override and reads the image in a virtual media slot, the way a server's
// firmware reads IPMI's boot flags and sees the BMC's virtual drives (docs/decisions.md#129).
class SimulatedFirmware : public QObject
{
    Q_OBJECT
public:
    enum class State { Off, Prompt, Setup, Booted };
    Q_ENUM(State)

    // What the firmware learns from the BMC as it boots. `overrideDevice` names the device this
    // boot must use in the setup's spelling ("Hard Disk", "Network", "CD/DVD", "USB", or "Setup"
    // to enter setup), empty when there is no override; `insertedImage` gives the file of the image
    // in the "CD/DVD" or "USB" slot, empty when it is empty.
    struct BootSources
    {
        std::function<QByteArray()> overrideDevice;
        std::function<QString(const QByteArray &device)> insertedImage;
    };

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
    void setBootSources(BootSources sources) { m_sources = std::move(sources); }

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
    // The device the boot starts from: an override's, else the saved first boot device.
    QByteArray bootDevice() const;
    // Boots from the image in the CD/DVD or USB slot; false when it holds nothing bootable.
    bool bootFromMedia(const QByteArray &device);
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
    // Loading from a drive takes a moment, which leaves its message on the screen for a while.
    QTimer m_mediaLoad;
    BootSources m_sources;
    State m_state = State::Off;
    int m_page = 0;
    int m_item = 0;
};
