#include "SimulatedConsole.h"

#include "PlatformLogging.h"
#include "linux/PseudoTerminal.h"
#include "sim/SimulatedFirmware.h"

#include <QDateTime>
#include <QLocale>

#include <chrono>
#include <utility>

using namespace std::chrono_literals;

namespace {

constexpr auto lineInterval = 40ms;
// The boot log's kernel messages end near 1.65 s of uptime; later ones carry on from there.
constexpr auto uptimeAfterBootLog = 1700ms;

QList<QByteArray> bootLog()
{
    return {
        "[    0.000000] Linux version 6.1.0-sim (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 "
        "SMP PREEMPT_DYNAMIC Debian 6.1.0-sim",
        "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-6.1.0-sim root=/dev/sda1 ro console=ttyS0,115200n8",
        "[    0.000000] DMI: qbmc Simulated Server/Virtual Board, BIOS 1.0 01/01/2023",
        "[    0.104512] smpboot: Allowing 4 CPUs, 0 hotplug CPUs",
        "[    0.312880] printk: console [ttyS0] enabled",
        "[    0.861204] Serial: 8250/16550 driver, 4 ports, IRQ sharing enabled",
        "[    0.862110] 00:04: ttyS0 at I/O 0x3f8 (irq = 4, base_baud = 115200) is a 16550A",
        "[    1.204391] sd 0:0:0:0: [sda] 41943040 512-byte logical blocks: (21.5 GB/20.0 GiB)",
        "[    1.461023] EXT4-fs (sda1): mounted filesystem with ordered data mode. Quota mode: none.",
        "[    1.623410] systemd[1]: systemd 252.6-1~deb12u1 running in system mode",
        "[    1.640087] systemd[1]: Detected architecture x86-64.",
        "[    1.651942] systemd[1]: Hostname set to <simhost>.",
        "[  OK  ] Started systemd-journald.service - Journal Service.",
        "[  OK  ] Finished systemd-fsck-root.service - File System Check on Root Device.",
        "[  OK  ] Reached target local-fs.target - Local File Systems.",
        "[  OK  ] Started systemd-udevd.service - Rule-based Manager for Device Events and Files.",
        "[  OK  ] Reached target network.target - Network.",
        "[  OK  ] Started ssh.service - OpenBSD Secure Shell server.",
        "[  OK  ] Started serial-getty@ttyS0.service - Serial Getty on ttyS0.",
        "[  OK  ] Reached target multi-user.target - Multi-User System.",
        "",
        "Debian GNU/Linux 12 simhost ttyS0",
    };
}

QList<QByteArray> shutdownLog()
{
    return {
        "[  OK  ] Stopped target multi-user.target - Multi-User System.",
        "[  OK  ] Stopped serial-getty@ttyS0.service - Serial Getty on ttyS0.",
        "[  OK  ] Stopped ssh.service - OpenBSD Secure Shell server.",
        "[  OK  ] Unmounted home.mount - /home.",
        "[  OK  ] Reached target poweroff.target - System Power Off.",
    };
}

} // namespace

SimulatedConsole::SimulatedConsole(PseudoTerminal *terminal, SimulatedFirmware *firmware, QObject *parent)
    : QObject(parent)
    , m_terminal(terminal)
    , m_firmware(firmware)
{
    m_pacer.setInterval(lineInterval);
    m_pacer.callOnTimeout(this, &SimulatedConsole::printNextLine);
    connect(m_terminal, &PseudoTerminal::received, this, &SimulatedConsole::input);
    connect(m_firmware, &SimulatedFirmware::booted, this, [this] {
        m_uptime.start();
        play(bootLog(), State::Booting);
    });
}

void SimulatedConsole::input(const QByteArray &keys)
{
    if (m_state == State::Firmware)
        return m_firmware->feed(keys);
    for (char key : keys)
        type(key);
}

void SimulatedConsole::powerOn()
{
    m_pacer.stop();
    m_pendingLines.clear();
    m_line.clear();
    m_user.clear();
    setState(State::Firmware);
    m_firmware->start();
}

void SimulatedConsole::reboot()
{
    if (m_state == State::Off)
        return;
    if (m_state != State::Firmware)
        printLine(kernelLine("reboot: Restarting system"));
    powerOn();
}

void SimulatedConsole::shutdown()
{
    if (m_state == State::Off || m_state == State::ShuttingDown)
        return;
    if (m_state == State::Firmware) { // no operating system yet to shut down: power goes
        m_firmware->stop();
        return setState(State::ShuttingDown);
    }
    play(shutdownLog() << kernelLine("reboot: Power down"), State::ShuttingDown);
}

void SimulatedConsole::powerOff()
{
    m_firmware->stop();
    m_pacer.stop();
    m_pendingLines.clear();
    m_line.clear();
    m_user.clear();
    setState(State::Off);
}

void SimulatedConsole::nmi()
{
    if (m_state == State::Off || m_state == State::Firmware)
        return;
    printLine(kernelLine("Uhhuh. NMI received for unknown reason 2d on CPU 0."));
    printLine(kernelLine("Do you have a strange power saving mode enabled?"));
    printLine(kernelLine("Dazed and confused, but trying to continue"));
}

void SimulatedConsole::breakReceived()
{
    if (m_state == State::Off || m_state == State::Firmware)
        return;
    printLine(kernelLine("sysrq: HELP : loglevel(0-9) reboot(b) crash(c) terminate-all-tasks(e) "
                         "memory-full-oom-kill(f) kill-all-tasks(i) thaw-filesystems(j) sak(k) "
                         "show-backtrace-all-active-cpus(l) show-memory-usage(m) nice-all-RT-tasks(n) "
                         "poweroff(o) show-registers(p) show-all-timers(q) unraw(r) sync(s) "
                         "show-task-states(t) unmount(u) show-blocked-tasks(w) dump-ftrace-buffer(z)"));
}

void SimulatedConsole::play(QList<QByteArray> lines, State state)
{
    m_pendingLines = std::move(lines);
    m_line.clear();
    setState(state);
    printNextLine();
    m_pacer.start();
}

void SimulatedConsole::printNextLine()
{
    if (!m_pendingLines.isEmpty()) {
        printLine(m_pendingLines.takeFirst());
        return;
    }
    m_pacer.stop();
    if (m_state == State::Booting)
        showLoginPrompt();
}

void SimulatedConsole::type(char key)
{
    const bool afterCarriageReturn = std::exchange(m_afterCarriageReturn, key == '\r');
    if (m_state != State::Login && m_state != State::Password && m_state != State::Shell)
        return;
    if (key == '\n' && afterCarriageReturn)
        return; // a terminal sending CR LF pressed Enter once
    if (key == '\r' || key == '\n')
        return submitLine();

    const bool echo = m_state != State::Password;
    if (key == '\x7f' || key == '\b') {
        if (m_line.isEmpty())
            return;
        m_line.chop(1);
        if (echo)
            print("\b \b");
    } else if (static_cast<unsigned char>(key) >= 0x20) {
        m_line.append(key);
        if (echo)
            print(QByteArray(1, key));
    }
}

void SimulatedConsole::submitLine()
{
    const QByteArray line = std::exchange(m_line, {});
    switch (m_state) {
    case State::Login:
        if (line.isEmpty())
            return showLoginPrompt();
        m_user = line;
        setState(State::Password);
        print("\r\nPassword: ");
        break;
    case State::Password: {
        const QString now = QLocale::c().toString(QDateTime::currentDateTime(), u"ddd MMM d HH:mm:ss yyyy");
        print("\r\nLast login: " + now.toLatin1() + " on ttyS0\r\n");
        setState(State::Shell);
        showShellPrompt();
        break;
    }
    case State::Shell:
        print("\r\n");
        runCommand(line.trimmed());
        break;
    default: break;
    }
}

void SimulatedConsole::runCommand(const QByteArray &line)
{
    const qsizetype space = line.indexOf(' ');
    const QByteArray command = space < 0 ? line : line.first(space);
    const QByteArray arguments = space < 0 ? QByteArray() : line.mid(space + 1).trimmed();

    if (command == "exit" || command == "logout") {
        printLine("logout");
        m_user.clear();
        return showLoginPrompt();
    }
    if (command == "echo")
        printLine(arguments);
    else if (command == "uname")
        printLine(arguments.isEmpty()
                      ? "Linux"
                      : "Linux simhost 6.1.0-sim #1 SMP PREEMPT_DYNAMIC Debian 6.1.0-sim x86_64 GNU/Linux");
    else if (command == "hostname")
        printLine("simhost");
    else if (!command.isEmpty())
        printLine("-bash: " + command + ": command not found");
    showShellPrompt();
}

void SimulatedConsole::showLoginPrompt()
{
    setState(State::Login);
    print("\r\nsimhost login: ");
}

void SimulatedConsole::showShellPrompt()
{
    print(m_user + "@simhost:~$ ");
}

void SimulatedConsole::print(const QByteArray &text)
{
    m_terminal->write(text);
}

QByteArray SimulatedConsole::kernelLine(const char *message) const
{
    const qint64 uptime = m_uptime.nsecsElapsed() / 1000 + std::chrono::microseconds(uptimeAfterBootLog).count();
    return QString::asprintf("[%5lld.%06lld] ", uptime / 1000000, uptime % 1000000).toLatin1() + message;
}

void SimulatedConsole::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcSim) << "console" << m_state << "->" << state;
    m_state = state;
    emit stateChanged(state);
}
