#pragma once

#include <QFile>
#include <QProcess>
#include <QString>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

// A null-modem cable made of two pseudo-terminals (socat): qbmc opens the `bmc` end as its serial
// adapter, the test plays the host on the `host` end. stop() is pulling the adapter out; start()
// again with the same paths is plugging it back in.
class SerialPair
{
public:
    SerialPair(QString bmcPath, QString hostPath)
        : m_bmcPath(std::move(bmcPath))
        , m_hostPath(std::move(hostPath))
    {
    }
    ~SerialPair() { stop(); }

    QString bmcPath() const { return m_bmcPath; }

    bool start()
    {
        m_socat.start(QStringLiteral("socat"),
                      {QStringLiteral("-d"), QStringLiteral("-d"),
                       QStringLiteral("pty,raw,echo=0,link=%1").arg(m_bmcPath),
                       QStringLiteral("pty,raw,echo=0,link=%1").arg(m_hostPath)});
        if (!m_socat.waitForStarted())
            return false;
        // socat says "starting data transfer loop" once both ends exist.
        QByteArray said;
        for (int i = 0; i < 100 && !said.contains("starting data transfer loop"); ++i) {
            m_socat.waitForReadyRead(100);
            said += m_socat.readAllStandardError();
        }
        if (!said.contains("starting data transfer loop"))
            return false;
        m_host = ::open(QFile::encodeName(m_hostPath).constData(), O_RDWR | O_NOCTTY | O_NONBLOCK);
        return m_host >= 0;
    }

    void stop()
    {
        if (m_host >= 0) {
            ::close(m_host);
            m_host = -1;
        }
        if (m_socat.state() != QProcess::NotRunning) {
            m_socat.kill();
            m_socat.waitForFinished();
        }
    }

    int hostFd() const { return m_host; }

    // Writes all of `data` as the host, waiting for room when the line is full.
    bool hostWrites(QByteArray data)
    {
        while (!data.isEmpty()) {
            const ssize_t written = ::write(m_host, data.constData(), size_t(data.size()));
            if (written > 0) {
                data.remove(0, written);
            } else if (written < 0 && errno == EAGAIN) {
                pollfd descriptor{m_host, POLLOUT, 0};
                ::poll(&descriptor, 1, 100);
            } else {
                return false;
            }
        }
        return true;
    }

    // What reached the host so far.
    QByteArray hostReads()
    {
        QByteArray received;
        char buffer[4096];
        ssize_t count;
        while ((count = ::read(m_host, buffer, sizeof buffer)) > 0)
            received.append(buffer, count);
        return received;
    }

private:
    QString m_bmcPath;
    QString m_hostPath;
    QProcess m_socat;
    int m_host = -1;
};
