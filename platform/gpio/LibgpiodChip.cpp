#include "LibgpiodChip.h"

#include "PlatformLogging.h"

#include <QSocketNotifier>

#include <gpiod.h>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr char consumerName[] = "qbmc";

QString systemErrorText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString requestErrorText(gpiod_line *line, int error)
{
    const char *consumer = error == EBUSY ? gpiod_line_consumer(line) : nullptr;
    return consumer ? u"%1, used by \"%2\""_s.arg(systemErrorText(error), QString::fromLocal8Bit(consumer))
                    : systemErrorText(error);
}

} // namespace

Expected<std::unique_ptr<LibgpiodChip>> LibgpiodChip::open(const QString &chip)
{
    errno = 0;
    if (gpiod_chip *handle = gpiod_chip_open_lookup(chip.toLocal8Bit().constData()))
        return std::unique_ptr<LibgpiodChip>(new LibgpiodChip(handle));

    // A lookup by label that finds nothing may leave errno untouched.
    const int openError = errno ? errno : ENOENT;
    // libgpiod reports a device that is not a GPIO chip as ENOTTY, whose text misleads.
    QString reason = openError == ENOTTY ? u"not a GPIO chip"_s : systemErrorText(openError);
    if (openError == EACCES || openError == EPERM)
        reason += u" (is the qbmc user in the gpio group?)"_s;
    return Failure{Failure::Code::Unavailable, u"cannot open GPIO chip \"%1\": %2"_s.arg(chip, reason)};
}

LibgpiodChip::LibgpiodChip(gpiod_chip *chip)
    : m_chip(chip)
{
}

LibgpiodChip::~LibgpiodChip()
{
    // The notifiers watch descriptors that releasing the lines closes.
    m_eventNotifiers.clear();
    for (const auto &[offset, line] : m_requestedLines)
        gpiod_line_release(line);
    gpiod_chip_close(m_chip);
}

bool LibgpiodChip::requestOutput(unsigned offset, int initialValue)
{
    gpiod_line *line = lineForRequest(offset);
    if (!line)
        return false;
    if (gpiod_line_request_output(line, consumerName, initialValue) < 0) {
        const int error = errno;
        m_errorString = requestErrorText(line, error);
        return false;
    }
    m_requestedLines.emplace(offset, line);
    return true;
}

bool LibgpiodChip::requestInput(unsigned offset)
{
    gpiod_line *line = lineForRequest(offset);
    if (!line)
        return false;
    if (gpiod_line_request_both_edges_events(line, consumerName) < 0) {
        const int error = errno;
        m_errorString = requestErrorText(line, error);
        return false;
    }
    m_requestedLines.emplace(offset, line);

    auto notifier = std::make_unique<QSocketNotifier>(gpiod_line_event_get_fd(line), QSocketNotifier::Read);
    connect(notifier.get(), &QSocketNotifier::activated, this, [this, offset] { readEvents(offset); });
    m_eventNotifiers.emplace(offset, std::move(notifier));
    return true;
}

void LibgpiodChip::setValue(unsigned offset, int value)
{
    gpiod_line *line = requestedLine(offset);
    if (line && gpiod_line_set_value(line, value) == 0)
        return;
    if (line) {
        const int error = errno;
        setSystemError(error, u"cannot set line %1 to %2"_s.arg(offset).arg(value));
    }
    qCWarning(lcGpio).noquote() << name() << m_errorString;
}

int LibgpiodChip::value(unsigned offset) const
{
    gpiod_line *line = requestedLine(offset);
    if (!line)
        return -1;
    const int level = gpiod_line_get_value(line);
    if (level < 0) {
        const int error = errno;
        setSystemError(error, u"cannot read line %1"_s.arg(offset));
    }
    return level;
}

QString LibgpiodChip::name() const
{
    return QString::fromLocal8Bit(gpiod_chip_name(m_chip));
}

QString LibgpiodChip::errorString() const
{
    return m_errorString;
}

gpiod_line *LibgpiodChip::lineForRequest(unsigned offset)
{
    if (m_requestedLines.contains(offset)) {
        m_errorString = u"line %1 is already requested by qbmc"_s.arg(offset);
        return nullptr;
    }
    const unsigned lineCount = gpiod_chip_num_lines(m_chip);
    if (offset >= lineCount) {
        m_errorString = u"%1 has only %2 lines"_s.arg(name()).arg(lineCount);
        return nullptr;
    }
    gpiod_line *line = gpiod_chip_get_line(m_chip, offset);
    if (!line) {
        const int error = errno;
        m_errorString = systemErrorText(error);
    }
    return line;
}

gpiod_line *LibgpiodChip::requestedLine(unsigned offset) const
{
    const auto found = m_requestedLines.find(offset);
    if (found == m_requestedLines.end()) {
        m_errorString = u"line %1 is not requested"_s.arg(offset);
        return nullptr;
    }
    return found->second;
}

void LibgpiodChip::readEvents(unsigned offset)
{
    gpiod_line_event event;
    if (gpiod_line_event_read(requestedLine(offset), &event) == 0) {
        emit lineChanged(offset);
        return;
    }
    const int error = errno;
    if (error == EAGAIN || error == EINTR)
        return;
    // The descriptor stays readable after a hard error; watching it further would spin.
    setSystemError(error, u"cannot read events of line %1"_s.arg(offset));
    qCWarning(lcGpio).noquote() << name() << m_errorString << "- the line is no longer watched";
    m_eventNotifiers.at(offset)->setEnabled(false);
}

void LibgpiodChip::setSystemError(int error, const QString &context) const
{
    m_errorString = context + u": "_s + systemErrorText(error);
}
