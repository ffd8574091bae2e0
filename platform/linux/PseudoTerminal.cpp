#include "PseudoTerminal.h"

#include "PlatformLogging.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace {

QString systemError(const char *call)
{
    return QStringLiteral("%1: %2").arg(QLatin1StringView(call), QString::fromLocal8Bit(std::strerror(errno)));
}

} // namespace

PseudoTerminal::PseudoTerminal(QObject *parent)
    : QObject(parent)
{
}

PseudoTerminal::~PseudoTerminal()
{
    close();
}

std::optional<Failure> PseudoTerminal::open()
{
    auto fail = [this](const QString &reason) {
        close();
        return Failure{Failure::Code::Unavailable, QStringLiteral("cannot create a pseudo-terminal: %1").arg(reason)};
    };

    if (isOpen())
        return std::nullopt;

    m_master = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (m_master < 0)
        return fail(systemError("posix_openpt"));
    if (grantpt(m_master) != 0)
        return fail(systemError("grantpt"));
    if (unlockpt(m_master) != 0)
        return fail(systemError("unlockpt"));
    char path[128];
    if (ptsname_r(m_master, path, sizeof path) != 0)
        return fail(systemError("ptsname_r"));
    m_slavePath = QString::fromLocal8Bit(path);

    // While any slave fd is open the master never reads EIO/HUP, which would spin the notifier
    // whenever no outside program has the port open.
    m_slave = ::open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m_slave < 0)
        return fail(systemError("open slave"));
    termios settings{};
    if (tcgetattr(m_slave, &settings) != 0)
        return fail(systemError("tcgetattr"));
    cfmakeraw(&settings);
    if (tcsetattr(m_slave, TCSANOW, &settings) != 0)
        return fail(systemError("tcsetattr"));

    m_notifier = new QSocketNotifier(m_master, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &PseudoTerminal::readMaster);
    qCDebug(lcLinux) << "pseudo-terminal" << m_slavePath << "opened";
    return std::nullopt;
}

void PseudoTerminal::close()
{
    delete m_notifier;
    m_notifier = nullptr;
    if (m_slave >= 0)
        ::close(m_slave);
    if (m_master >= 0)
        ::close(m_master);
    m_slave = m_master = -1;
}

void PseudoTerminal::write(const QByteArray &data)
{
    emit sent(data);
    if (!isOpen())
        return;
    qsizetype offset = 0;
    while (offset < data.size()) {
        const ssize_t written = ::write(m_master, data.constData() + offset, size_t(data.size() - offset));
        if (written >= 0) {
            offset += written;
            continue;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN)
            qCWarning(lcLinux) << "writing to" << m_slavePath << "failed:" << systemError("write");
        else if (!m_dropping)
            qCDebug(lcLinux) << "nobody is reading" << m_slavePath << "- dropping output";
        m_dropping = true;
        m_droppedBytes += data.size() - offset;
        return;
    }
    m_dropping = false;
}

void PseudoTerminal::readMaster()
{
    QByteArray data;
    char buffer[4096];
    for (;;) {
        const ssize_t count = ::read(m_master, buffer, sizeof buffer);
        if (count > 0) {
            data.append(buffer, count);
            continue;
        }
        if (count < 0 && errno == EINTR)
            continue;
        if (count == 0 || errno != EAGAIN) {
            // Cannot happen while we hold the slave; stop listening rather than spin.
            qCWarning(lcLinux) << "reading" << m_slavePath
                               << "failed:" << (count == 0 ? QStringLiteral("end of file") : systemError("read"));
            m_notifier->setEnabled(false);
        }
        break;
    }
    if (!data.isEmpty())
        emit received(data);
}
