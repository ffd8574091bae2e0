#include "UsbHidInput.h"

#include "HidUsage.h"
#include "PlatformLogging.h"
#include "linux/HidReports.h"
#include "linux/UsbGadget.h"

#include <QFile>
#include <QSocketNotifier>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString keyboardName = u"keyboard"_s;
const QString mouseName = u"mouse"_s;

// Wheel steps beyond this many waiting for a host that does not read are dropped: scrolling a
// page on a host that was not listening is no loss, scrolling it for minutes after would be.
constexpr int maxPendingWheel = 8 * HidReports::relativeMouseStep;

} // namespace

void UsbHidInput::addFunctions(UsbGadget &gadget, MouseMode mode)
{
    // Boot interface subclass 1, protocol 1: the keyboard firmware reads before an OS is there.
    gadget.addHidFunction(keyboardName,
                          HidFunctionSpec{.protocol = 1,
                                          .subclass = 1,
                                          .reportLength = HidReports::keyboardReportLength,
                                          .reportDescriptor = HidReports::keyboardDescriptor()});
    if (mode == MouseMode::Relative) {
        gadget.addHidFunction(mouseName,
                              HidFunctionSpec{.protocol = 2,
                                              .subclass = 1,
                                              .reportLength = HidReports::relativeMouseReportLength,
                                              .reportDescriptor = HidReports::relativeMouseDescriptor()});
    } else {
        // Not a boot mouse: the boot protocol has no absolute pointer.
        gadget.addHidFunction(mouseName,
                              HidFunctionSpec{.protocol = 0,
                                              .subclass = 0,
                                              .reportLength = HidReports::absoluteMouseReportLength,
                                              .reportDescriptor = HidReports::absoluteMouseDescriptor()});
    }
}

UsbHidInput::Devices UsbHidInput::devicesOf(const UsbGadget &gadget)
{
    return Devices{.keyboard = gadget.devicePath(keyboardName),
                   .mouse = gadget.devicePath(mouseName),
                   .keyboardLeds = {},
                   .controller = gadget.controller()};
}

UsbHidInput::UsbHidInput(Devices devices, MouseMode mode, std::chrono::milliseconds reopenInterval, QObject *parent)
    : HostInput(parent)
    , m_ledsPath(std::move(devices.keyboardLeds))
    , m_controller(std::move(devices.controller))
    , m_mouseMode(mode)
{
    // A FIFO or socket whose reader left raises SIGPIPE on write, which would end qbmc; the write
    // failing with EPIPE is what is handled here. (hidg nodes report a host that left as ESHUTDOWN.)
    std::signal(SIGPIPE, SIG_IGN);
    m_keyboard.path = std::move(devices.keyboard);
    m_mouse.path = std::move(devices.mouse);
    m_reopen.setInterval(reopenInterval);
    m_reopen.callOnTimeout(this, &UsbHidInput::reopen);
    reopen();
}

UsbHidInput::~UsbHidInput()
{
    closeLeds();
    close(m_keyboard);
    close(m_mouse);
}

void UsbHidInput::setKey(quint8 usage, bool pressed)
{
    if (HidUsage::isModifier(usage)) {
        if (pressed)
            m_modifiers |= HidUsage::modifierBit(usage);
        else
            m_modifiers &= quint8(~HidUsage::modifierBit(usage));
    } else if (usage >= HidUsage::KeyA && usage <= HidReports::keyboardMaxKey) {
        if (!pressed)
            m_keys.removeAll(usage);
        else if (!m_keys.contains(usage))
            m_keys.append(usage);
    } else {
        // 0..3 are the keyboard's error codes, not keys; above the descriptor's range the host
        // would ignore it.
        qCDebug(lcLinux, "no USB keyboard usage 0x%02x", usage);
        return;
    }
    sendKeyboard();
}

void UsbHidInput::movePointer(int x, int y, quint8 buttons, int wheel)
{
    m_x = std::clamp(x, 0, maxCoordinate);
    m_y = std::clamp(y, 0, maxCoordinate);
    m_buttons = buttons;
    m_wheel =
        std::clamp(m_wheel + std::clamp(wheel, -maxPendingWheel, maxPendingWheel), -maxPendingWheel, maxPendingWheel);
    if (!m_havePosition) {
        // A relative mouse cannot know where the host's pointer is; it starts from here.
        m_sent = relativeTarget();
        m_havePosition = true;
    }
    sendMouse();
}

void UsbHidInput::releaseAll()
{
    m_modifiers = 0;
    m_keys.clear();
    m_buttons = 0;
    m_wheel = 0;
    sendKeyboard();
    if (m_havePosition)
        sendMouse();
}

QString UsbHidInput::description() const
{
    return u"USB gadget on %1, %2 mouse"_s.arg(m_controller,
                                               m_mouseMode == MouseMode::Absolute ? u"absolute"_s : u"relative"_s);
}

void UsbHidInput::setScreenSize(QSize size)
{
    // Told with every frame; only a new size changes the units, and a move the host has not
    // taken yet must not be forgotten in between.
    if (size == m_screenSize)
        return;
    m_screenSize = size;
    // The units changed; the pointer has not moved.
    m_sent = relativeTarget();
}

QPoint UsbHidInput::relativeTarget() const
{
    if (m_screenSize.isEmpty())
        return {m_x, m_y};
    return {int(qint64(m_x) * m_screenSize.width() / (maxCoordinate + 1)),
            int(qint64(m_y) * m_screenSize.height() / (maxCoordinate + 1))};
}

bool UsbHidInput::open(Node &node, int flags)
{
    if (node.fd >= 0)
        return true;
    node.fd = ::open(QFile::encodeName(node.path).constData(), flags | O_NONBLOCK | O_CLOEXEC);
    if (node.fd < 0)
        return false;
    node.writable = new QSocketNotifier(node.fd, QSocketNotifier::Write, this);
    node.writable->setEnabled(false);
    connect(node.writable, &QSocketNotifier::activated, this, [this, &node] {
        // The host read what waited; it gets the state as it is now.
        node.writable->setEnabled(false);
        if (&node == &m_keyboard)
            sendKeyboard();
        else
            sendMouse();
    });
    if (node.lostLogged) {
        qCInfo(lcLinux, "USB HID %s is open again", qPrintable(node.path));
        node.lostLogged = false;
    }
    return true;
}

void UsbHidInput::close(Node &node)
{
    if (node.fd < 0)
        return;
    if (&node == &m_keyboard && ledsFromKeyboard())
        closeLeds();
    // This may run in the notifier's own signal, so it goes when control is back in the loop.
    node.writable->setEnabled(false);
    node.writable->deleteLater();
    node.writable = nullptr;
    ::close(node.fd);
    node.fd = -1;
}

UsbHidInput::Written UsbHidInput::write(Node &node, const QByteArray &report)
{
    if (node.fd < 0)
        return Written::Lost;
    ssize_t written = -1;
    do {
        written = ::write(node.fd, report.constData(), size_t(report.size()));
    } while (written < 0 && errno == EINTR);
    if (written == report.size())
        return Written::Done;
    if (written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        // The host has not taken the last report yet (or a FIFO is full).
        node.writable->setEnabled(true);
        return Written::Busy;
    }
    // ESHUTDOWN: the host is off, rebooting or unplugged; EPIPE: the reader left. Also a short
    // write, which a HID node does not do: the report cannot be taken as the host's state.
    if (!node.lostLogged) {
        qCWarning(lcLinux, "USB HID %s does not take reports (%s); reopening it every %lld ms", qPrintable(node.path),
                  written < 0 ? std::strerror(errno) : "short write", qlonglong(m_reopen.interval()));
        node.lostLogged = true;
    }
    close(node);
    m_reopen.start();
    return Written::Lost;
}

void UsbHidInput::reopen()
{
    // A HID function's node is read and written through one descriptor: the LED reports come
    // from where the key reports go.
    if (m_keyboard.fd < 0 && open(m_keyboard, ledsFromKeyboard() ? O_RDWR : O_WRONLY))
        keyboardOpened();
    if (m_mouse.fd < 0 && open(m_mouse, O_WRONLY))
        mouseOpened();
    if (!ledsFromKeyboard() && m_ledsFd < 0)
        openLeds();
    const bool allOpen = m_keyboard.fd >= 0 && m_mouse.fd >= 0 && m_ledsFd >= 0;
    if (allOpen)
        m_reopen.stop();
    else if (!m_reopen.isActive())
        m_reopen.start();
}

void UsbHidInput::keyboardOpened()
{
    if (ledsFromKeyboard())
        openLeds();
    // Whatever the host last heard (a key held when qbmc stopped, or before a reboot), it now
    // hears the state as it is.
    sendKeyboard();
}

void UsbHidInput::mouseOpened()
{
    // Until the viewer's pointer has been somewhere, the host's stays where it is.
    if (!m_havePosition)
        return;
    // The host's pointer is wherever it was left: a relative mouse continues from there.
    m_sent = relativeTarget();
    sendMouse();
}

void UsbHidInput::sendKeyboard()
{
    write(m_keyboard, HidReports::keyboardReport(m_modifiers, m_keys));
}

void UsbHidInput::sendMouse()
{
    // One report at least (buttons may have changed); as many as it takes to send the wheel and,
    // for a relative mouse, the move in steps of a signed byte. What was not taken stays for the
    // next report.
    const QPoint target = relativeTarget();
    do {
        const int wheel = std::clamp(m_wheel, -HidReports::relativeMouseStep, HidReports::relativeMouseStep);
        if (m_mouseMode == MouseMode::Absolute) {
            if (write(m_mouse, HidReports::absoluteMouseReport(m_x, m_y, m_buttons, wheel)) != Written::Done)
                return;
        } else {
            const int dx =
                std::clamp(target.x() - m_sent.x(), -HidReports::relativeMouseStep, HidReports::relativeMouseStep);
            const int dy =
                std::clamp(target.y() - m_sent.y(), -HidReports::relativeMouseStep, HidReports::relativeMouseStep);
            if (write(m_mouse, HidReports::relativeMouseReport(m_buttons, dx, dy, wheel)) != Written::Done)
                return;
            m_sent += QPoint(dx, dy);
        }
        m_wheel -= wheel;
    } while (m_wheel != 0 || (m_mouseMode == MouseMode::Relative && m_sent != target));
}

void UsbHidInput::openLeds()
{
    if (ledsFromKeyboard()) {
        m_ledsFd = m_keyboard.fd;
    } else {
        m_ledsFd = ::open(QFile::encodeName(m_ledsPath).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (m_ledsFd < 0)
            return;
    }
    m_ledsReader = new QSocketNotifier(m_ledsFd, QSocketNotifier::Read, this);
    connect(m_ledsReader, &QSocketNotifier::activated, this, &UsbHidInput::readLeds);
}

void UsbHidInput::closeLeds()
{
    if (m_ledsFd < 0)
        return;
    // This may run in the reader's own signal, so it goes when control is back in the loop.
    m_ledsReader->setEnabled(false);
    m_ledsReader->deleteLater();
    m_ledsReader = nullptr;
    if (!ledsFromKeyboard())
        ::close(m_ledsFd);
    m_ledsFd = -1;
}

void UsbHidInput::readLeds()
{
    // Each read is one output report; only the last one read matters.
    char buffer[64];
    ssize_t got = 0;
    std::optional<quint8> leds;
    while ((got = ::read(m_ledsFd, buffer, sizeof buffer)) > 0)
        leds = quint8(buffer[got - 1]);
    const bool lost = got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
    if (leds && *leds != m_leds) {
        m_leds = *leds;
        qCDebug(lcLinux, "host keyboard LEDs 0x%02x", m_leds);
        emit ledsChanged(m_leds);
    }
    if (!lost)
        return;
    // The end of the file (the other side closed) or a failure: read from a new descriptor later.
    if (ledsFromKeyboard()) {
        close(m_keyboard);
    } else {
        closeLeds();
    }
    m_reopen.start();
}
