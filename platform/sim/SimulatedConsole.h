#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

class PseudoTerminal;
class SimulatedFirmware;

// The host as seen on its serial console: its firmware (SimulatedFirmware) first, then a boot
// log paced like a real one, a login and a shell just big enough to script against.
class SimulatedConsole : public QObject
{
    Q_OBJECT
public:
    enum class State { Off, Firmware, Booting, Login, Password, Shell, ShuttingDown };
    Q_ENUM(State)

    SimulatedConsole(PseudoTerminal *terminal, SimulatedFirmware *firmware, QObject *parent = nullptr);

    State state() const { return m_state; }

    void powerOn();
    void reboot();
    void shutdown();
    void powerOff();
    void nmi();
    void breakReceived();
    // Keys as a terminal encodes them, from the serial console or from the host's own keyboard:
    // firmware and system read both alike.
    void input(const QByteArray &keys);

signals:
    void stateChanged(SimulatedConsole::State state);

private:
    void play(QList<QByteArray> lines, State state);
    void printNextLine();
    void type(char key);
    void submitLine();
    void runCommand(const QByteArray &line);
    void showLoginPrompt();
    void showShellPrompt();
    void print(const QByteArray &text);
    void printLine(const QByteArray &line) { print(line + "\r\n"); }
    QByteArray kernelLine(const char *message) const;
    void setState(State state);

    PseudoTerminal *m_terminal;
    SimulatedFirmware *m_firmware;
    State m_state = State::Off;
    QList<QByteArray> m_pendingLines;
    QTimer m_pacer;
    QElapsedTimer m_uptime;
    QByteArray m_line;
    QByteArray m_user;
    bool m_afterCarriageReturn = false;
};
