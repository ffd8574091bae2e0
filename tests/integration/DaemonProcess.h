#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <chrono>
#include <csignal>

// The built qbmc binary, run the way an operator runs it: its own configuration file and state
// directory in a temporary folder, output captured, stopped with a real SIGTERM.
class DaemonProcess
{
public:
    DaemonProcess()
    {
        m_process.setProgram(QStringLiteral(QBMC_BINARY));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("QBMC_ADMIN_PASSWORD"));
        // Headless, as on a server, and not talking to a service manager, whatever session the
        // tests run in; a test that wants the dashboard or systemd's socket sets them itself.
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "NOTIFY_SOCKET", "WATCHDOG_USEC",
                                 "WATCHDOG_PID", "JOURNAL_STREAM"})
            environment.remove(QString::fromLatin1(name));
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("qbmc.*.info=true"));
        // Error texts from the C library are checked word for word.
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        // Tests run side by side: every daemon gets ports of its own, in a drop-in that comes
        // before any a test writes.
        m_ipmiPort = freeUdpPort();
        m_redfishPort = freeTcpPort();
        m_sshPort = freeTcpPort();
        QDir(m_dir.path()).mkdir(QStringLiteral("qbmc.d"));
        writePortsDropIn();
    }

    // A free port below 32768, for clients that read the port as a signed 16-bit number
    // (freeipmi's ipmiconsole).
    void useLowIpmiPort()
    {
        for (quint16 port = 20000 + quint16(QRandomGenerator::global()->bounded(10000)); port < 32768; ++port) {
            QUdpSocket probe;
            if (probe.bind(QHostAddress::Any, port)) {
                m_ipmiPort = port;
                break;
            }
        }
        writePortsDropIn();
    }

    // For tests that look at the configuration itself.
    void removePortsDropIn() { QFile::remove(path(QStringLiteral("qbmc.d/00-ports.yaml"))); }
    quint16 ipmiPort() const { return m_ipmiPort; }
    quint16 redfishPort() const { return m_redfishPort; }
    quint16 sshPort() const { return m_sshPort; }

    static quint16 freeTcpPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::Any, 0);
        return probe.serverPort();
    }

    static quint16 freeUdpPort()
    {
        QUdpSocket probe;
        probe.bind(QHostAddress::Any, 0);
        return probe.localPort();
    }

    ~DaemonProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    QString dir() const { return m_dir.path(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString configFile() const { return path(QStringLiteral("qbmc.yaml")); }
    QString stateDir() const { return path(QStringLiteral("state")); }
    QProcess &process() { return m_process; }

    void writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    void writeConfig(const QByteArray &yaml) { writeFile(QStringLiteral("qbmc.yaml"), yaml); }
    void setEnvironmentValue(const QString &name, const QString &value)
    {
        QProcessEnvironment environment = m_process.processEnvironment();
        environment.insert(name, value);
        m_process.setProcessEnvironment(environment);
    }

    // Runs to completion (for --help, --print-config, start-up errors).
    int run(const QStringList &arguments, std::chrono::milliseconds timeout = std::chrono::seconds(30))
    {
        m_process.setArguments(arguments);
        m_process.start();
        if (!m_process.waitForFinished(int(timeout.count())))
            return -1;
        m_stdout += m_process.readAllStandardOutput();
        m_stderr += m_process.readAllStandardError();
        return m_process.exitCode();
    }

    // Starts with the temporary config and state directory and waits for the "ready" line.
    bool start(const QStringList &extraArguments = {}, std::chrono::milliseconds timeout = std::chrono::seconds(30))
    {
        QElapsedTimer clock;
        clock.start();
        // A restart of the same daemon: the earlier run's "ready" does not count.
        const qsizetype readyBefore = m_stderr.count("qbmc.app: ready");
        launch(extraArguments);
        while (m_stderr.count("qbmc.app: ready") == readyBefore) {
            if (clock.elapsed() > timeout.count() || m_process.state() == QProcess::NotRunning)
                return false;
            m_process.waitForReadyRead(100);
            m_stderr += m_process.readAllStandardError();
            m_stdout += m_process.readAllStandardOutput();
        }
        m_startTime = std::chrono::milliseconds(clock.elapsed());
        return true;
    }

    // Starts with the temporary config and state directory, without waiting (for a test that
    // sends the daemon's output elsewhere).
    void launch(const QStringList &extraArguments = {})
    {
        m_process.setArguments(
            QStringList{QStringLiteral("--config"), configFile(), QStringLiteral("--state-dir"), stateDir()}
            + extraArguments);
        m_process.start();
    }

    bool waitForOutput(const QByteArray &text, std::chrono::milliseconds timeout = std::chrono::seconds(30))
    {
        QElapsedTimer clock;
        clock.start();
        while (!m_stderr.contains(text)) {
            if (clock.elapsed() > timeout.count() || m_process.state() == QProcess::NotRunning)
                return m_stderr.contains(text);
            m_process.waitForReadyRead(100);
            m_stderr += m_process.readAllStandardError();
            m_stdout += m_process.readAllStandardOutput();
        }
        return true;
    }

    // Sends a real signal and waits; returns how long the stop took, or -1 ms when it hung.
    std::chrono::milliseconds stop(int signalNumber = SIGTERM)
    {
        QElapsedTimer clock;
        clock.start();
        ::kill(pid_t(m_process.processId()), signalNumber);
        if (!m_process.waitForFinished(30000))
            return std::chrono::milliseconds(-1);
        m_stderr += m_process.readAllStandardError();
        m_stdout += m_process.readAllStandardOutput();
        return std::chrono::milliseconds(clock.elapsed());
    }

    void signal(int signalNumber) { ::kill(pid_t(m_process.processId()), signalNumber); }
    qint64 processId() const { return m_process.processId(); }

    // How often `text` occurs in what the daemon has logged so far (for QTRY_COMPARE).
    qsizetype logCount(const QByteArray &text)
    {
        m_process.waitForReadyRead(50);
        m_stderr += m_process.readAllStandardError();
        return m_stderr.count(text);
    }

    QByteArray standardOutput() const { return m_stdout; }
    QByteArray standardError() const { return m_stderr; }
    // The log up to now, what has not been read yet included: for a failure's message.
    QByteArray standardErrorSoFar()
    {
        m_stderr += m_process.readAllStandardError();
        return m_stderr;
    }
    std::chrono::milliseconds startTime() const { return m_startTime; }

private:
    void writePortsDropIn()
    {
        writeFile(QStringLiteral("qbmc.d/00-ports.yaml"),
                  "ipmi:\n  port: " + QByteArray::number(m_ipmiPort)
                      + "\nredfish:\n  port: " + QByteArray::number(m_redfishPort)
                      + "\nssh:\n  listen: 127.0.0.1\n  port: " + QByteArray::number(m_sshPort) + "\n");
    }

    QTemporaryDir m_dir;
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
    std::chrono::milliseconds m_startTime{0};
    quint16 m_ipmiPort = 0;
    quint16 m_redfishPort = 0;
    quint16 m_sshPort = 0;
};
