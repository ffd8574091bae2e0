#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QStringList>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

// A client that needs a terminal (ipmitool sol activate, ipmiconsole), run on a pseudo-terminal
// this test owns: what it prints collects in output(), typed() sends keys as a user would.
class PtyProcess
{
public:
    ~PtyProcess()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGKILL);
            waitForExit(std::chrono::seconds(5));
        }
        if (m_master >= 0)
            ::close(m_master);
    }

    bool start(const QString &program, const QStringList &arguments)
    {
        std::vector<QByteArray> storage{program.toLocal8Bit()};
        for (const QString &argument : arguments)
            storage.push_back(argument.toLocal8Bit());
        std::vector<char *> argv;
        for (QByteArray &argument : storage)
            argv.push_back(argument.data());
        argv.push_back(nullptr);
        m_pid = forkpty(&m_master, nullptr, nullptr, nullptr);
        if (m_pid == 0) {
            execvp(argv[0], argv.data());
            _exit(127);
        }
        if (m_pid < 0)
            return false;
        fcntl(m_master, F_SETFL, fcntl(m_master, F_GETFL) | O_NONBLOCK);
        return true;
    }

    int masterFd() const { return m_master; }

    // Reads whatever is there now; false once the terminal is gone.
    bool readAvailable()
    {
        char buffer[65536];
        for (;;) {
            const ssize_t count = ::read(m_master, buffer, sizeof buffer);
            if (count > 0) {
                m_output.append(buffer, count);
                continue;
            }
            return count < 0 && errno == EAGAIN;
        }
    }

    void type(const QByteArray &keys)
    {
        // Keys reach a terminal one by one when a person types; ipmitool's escapes (~.) need that.
        for (char key : keys) {
            const ssize_t written = ::write(m_master, &key, 1);
            Q_UNUSED(written);
            ::usleep(2000);
        }
    }

    bool waitForOutput(const QByteArray &text, std::chrono::milliseconds timeout, qsizetype from = 0)
    {
        QElapsedTimer clock;
        clock.start();
        while (m_output.indexOf(text, from) < 0) {
            if (clock.elapsed() > timeout.count())
                return false;
            pollpty(50);
        }
        return true;
    }

    // Waits for the program to end and returns its exit status, or -1.
    int waitForExit(std::chrono::milliseconds timeout)
    {
        QElapsedTimer clock;
        clock.start();
        while (m_pid > 0) {
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                readAvailable();
                m_exitStatus = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
                break;
            }
            if (clock.elapsed() > timeout.count())
                return -1;
            pollpty(20);
        }
        return m_exitStatus;
    }

    bool isRunning() const { return m_pid > 0; }
    const QByteArray &output() const { return m_output; }

    void pollpty(int milliseconds)
    {
        pollfd descriptor{m_master, POLLIN, 0};
        if (::poll(&descriptor, 1, milliseconds) > 0)
            readAvailable();
    }

private:
    pid_t m_pid = -1;
    int m_master = -1;
    int m_exitStatus = -1;
    QByteArray m_output;
};
