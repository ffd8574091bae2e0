#include "SimulatedFirmware.h"

#include "PlatformLogging.h"
#include "linux/PseudoTerminal.h"
#include "sim/IsoVolume.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

using namespace std::chrono_literals;

namespace {

constexpr int formatVersion = 1;
constexpr auto mediaLoadTime = 1s;

// A disk image (a USB stick's) with a master boot record: the boot signature ends its first sector.
bool hasBootSignature(QFile &image)
{
    if (!image.seek(510))
        return false;
    return image.read(2) == QByteArrayView("\x55\xaa");
}

// The colours of a classic BIOS setup screen, as SGR sequences that start from the defaults.
constexpr const char *titleStyle = "\x1b[0;1;37;44m"; // bold white on blue
constexpr const char *tabStyle = "\x1b[0;30;46m";     // black on cyan
constexpr const char *currentTabStyle = "\x1b[0;1;37;44m";
constexpr const char *bodyStyle = "\x1b[0;37;44m";     // white on blue
constexpr const char *valueStyle = "\x1b[0;1;33;44m";  // bold yellow on blue
constexpr const char *selectedStyle = "\x1b[0;30;47m"; // black on white
constexpr const char *helpStyle = "\x1b[0;36;44m";     // cyan on blue

constexpr int firstItemRow = 4;
constexpr int labelColumn = 3;
constexpr int labelWidth = 30;
constexpr int valueWidth = 20;
constexpr int helpColumn = 58;
constexpr int helpWidth = 21;
constexpr int footerRow = 24;

QByteArray at(int row, int column)
{
    return "\x1b[" + QByteArray::number(row) + ';' + QByteArray::number(column) + 'H';
}

QByteArray padded(QByteArray text, int width)
{
    text.truncate(width);
    return text + QByteArray(width - text.size(), ' ');
}

QByteArray centered(const QByteArray &text, int width)
{
    const int left = qMax(0, int(width - text.size()) / 2);
    return padded(QByteArray(left, ' ') + text, width);
}

// Words onto lines of at most `width` characters.
QList<QByteArray> wrapped(const QByteArray &text, int width)
{
    QList<QByteArray> lines{QByteArray()};
    for (const QByteArray &word : text.split(' ')) {
        if (!lines.last().isEmpty() && lines.last().size() + 1 + word.size() > width)
            lines.append(QByteArray());
        lines.last() += (lines.last().isEmpty() ? "" : " ") + word;
    }
    return lines;
}

} // namespace

SimulatedFirmware::SimulatedFirmware(PseudoTerminal *terminal, QString settingsPath,
                                     std::chrono::milliseconds setupWait, QObject *parent)
    : QObject(parent)
    , m_terminal(terminal)
    , m_file(settingsPath)
    , m_persistent(!settingsPath.isEmpty())
    , m_pages(pages())
{
    m_promptTimer.setSingleShot(true);
    m_promptTimer.setInterval(setupWait);
    m_promptTimer.callOnTimeout(this, &SimulatedFirmware::boot);
    m_mediaLoad.setSingleShot(true);
    m_mediaLoad.setInterval(mediaLoadTime);
    m_mediaLoad.callOnTimeout(this, &SimulatedFirmware::booted);
    connect(&m_keys, &TerminalKeyReader::keyPressed, this, &SimulatedFirmware::onKey);
    loadSettings();
}

QList<SimulatedFirmware::Page> SimulatedFirmware::pages()
{
    return {
        {"Main",
         {
             {"BIOS Version", {"1.0.7"}, "The version of this firmware."},
             {"Processor", {"Simulated CPU x 4"}, "What the board carries."},
             {"Memory", {"8192 MB"}, "Memory found by the power-on self test."},
             {"NumLock at Boot", {"On", "Off"}, "State of NumLock when the operating system starts."},
         }},
        {"Advanced",
         {
             {"Virtualization", {"Enabled", "Disabled"}, "Hardware support for virtual machines."},
             {"Hyper-Threading", {"Enabled", "Disabled"}, "Two threads on each core."},
             {"After Power Loss", {"Stay Off", "Power On", "Last State"}, "What the board does when power returns."},
         }},
        {"Boot",
         {
             {"Boot Mode", {"UEFI", "Legacy"}, "How the firmware starts the operating system."},
             {"First Boot Device", {"Hard Disk", "Network", "CD/DVD", "USB"}, "Where booting starts."},
             {"Quiet Boot", {"Disabled", "Enabled"}, "Hide the power-on self test."},
         }},
    };
}

QByteArray SimulatedFirmware::setting(const QByteArray &name) const
{
    if (const auto saved = m_saved.constFind(name); saved != m_saved.cend())
        return *saved;
    for (const Page &page : m_pages) {
        for (const Item &item : page.items) {
            if (item.name == name)
                return item.choices.first();
        }
    }
    return {};
}

void SimulatedFirmware::loadSettings()
{
    if (!m_persistent)
        return;
    const StateFile::Result result = m_file.load(formatVersion);
    const QString story = result.story(QStringLiteral("simulated firmware settings"),
                                       QStringLiteral("the firmware starts with its defaults"));
    if (!story.isEmpty())
        qCWarning(lcSim).noquote() << story;
    if (!result.usable())
        return;
    const QJsonObject stored = result.object.value(QLatin1StringView("settings")).toObject();
    for (const Page &page : m_pages) {
        for (const Item &item : page.items) {
            const QByteArray value = stored.value(QString::fromLatin1(item.name)).toString().toLatin1();
            if (item.choices.size() > 1 && item.choices.contains(value))
                m_saved.insert(item.name, value);
        }
    }
}

void SimulatedFirmware::saveSettings()
{
    if (!m_persistent)
        return;
    QJsonObject stored;
    for (auto it = m_saved.cbegin(); it != m_saved.cend(); ++it)
        stored.insert(QString::fromLatin1(it.key()), QString::fromLatin1(it.value()));
    m_file.save(formatVersion, {{QStringLiteral("settings"), stored}});
}

void SimulatedFirmware::start()
{
    m_keys.clear();
    setState(State::Prompt);
    QByteArray screen = "\x1b[0m\x1b[2J\x1b[H";
    if (setting("Quiet Boot") == "Disabled") {
        screen += "qbmc Simulated BIOS " + setting("BIOS Version") + "\r\n" + "CPU: " + setting("Processor") + "\r\n"
            + "Memory Test: " + setting("Memory") + " OK\r\n\r\n";
    }
    if (bootDevice() == "Setup") {
        m_terminal->write(screen + "Entering setup, as the BMC asked\r\n");
        enterSetup();
        return;
    }
    screen += "Press F2 or Del to enter setup\r\n";
    m_terminal->write(screen);
    m_promptTimer.start();
}

void SimulatedFirmware::stop()
{
    m_promptTimer.stop();
    m_mediaLoad.stop();
    m_keys.clear();
    setState(State::Off);
}

void SimulatedFirmware::onKey(TerminalKeyReader::Key key, char)
{
    using Key = TerminalKeyReader::Key;
    if (m_state == State::Prompt) {
        if (key == Key::F2 || key == Key::Delete)
            enterSetup();
        return;
    }
    if (m_state != State::Setup)
        return;
    switch (key) {
    case Key::Up: moveSelection(-1); break;
    case Key::Down: moveSelection(1); break;
    case Key::Left:
    case Key::Right:
        m_page = (m_page + (key == Key::Right ? 1 : int(m_pages.size()) - 1)) % int(m_pages.size());
        m_item = -1;
        moveSelection(1);
        break;
    case Key::Enter: changeSelectedValue(); break;
    case Key::F10: leaveSetup(true); break;
    case Key::Escape: leaveSetup(false); break;
    default: break;
    }
}

void SimulatedFirmware::enterSetup()
{
    m_promptTimer.stop();
    setState(State::Setup);
    m_edited = m_saved;
    m_page = 0;
    m_item = -1;
    moveSelection(1);
}

void SimulatedFirmware::leaveSetup(bool save)
{
    if (save && m_saved != m_edited) {
        m_saved = m_edited;
        saveSettings();
        qCInfo(lcSim) << "firmware settings saved";
    }
    m_terminal->write("\x1b[0m\x1b[2J\x1b[H\x1b[?25h");
    boot();
}

QByteArray SimulatedFirmware::bootDevice() const
{
    const QByteArray overridden = m_sources.overrideDevice ? m_sources.overrideDevice() : QByteArray();
    return overridden.isEmpty() ? setting("First Boot Device") : overridden;
}

void SimulatedFirmware::boot()
{
    QByteArray device = bootDevice();
    if (device == "Setup") // setup was left: boot as if there were no override
        device = setting("First Boot Device");
    if (device == "CD/DVD" || device == "USB") {
        if (bootFromMedia(device))
            return;
        device = "Hard Disk"; // the next device in the boot order
    }
    m_terminal->write("Booting from " + device + "...\r\n");
    setState(State::Booted);
    emit booted();
}

bool SimulatedFirmware::bootFromMedia(const QByteArray &device)
{
    const QString path = m_sources.insertedImage ? m_sources.insertedImage(device) : QString();
    if (path.isEmpty()) {
        m_terminal->write("No media in " + device + "\r\n");
        return false;
    }
    QFile image(path);
    if (!image.open(QIODevice::ReadOnly)) {
        m_terminal->write("No bootable media: the " + device + " drive cannot be read\r\n");
        return false;
    }
    const QByteArray name = device == "CD/DVD" ? "CD" : device;
    const Expected<IsoVolume, QString> volume = IsoVolume::read(image);
    QByteArray label;
    bool bootable = false;
    if (volume) {
        label = volume->label.toLatin1();
        bootable = volume->bootable;
    } else if (device == "USB" && hasBootSignature(image)) {
        label = QFileInfo(path).fileName().toLatin1(); // a disk image has no volume label to show
        bootable = true;
    }
    if (!bootable) {
        m_terminal->write("No bootable media in " + device + (label.isEmpty() ? QByteArray() : ": " + label) + "\r\n");
        return false;
    }
    qCInfo(lcSim) << "firmware boots from" << name << "image" << path;
    m_terminal->write("Booting from " + name + ": " + label + "\r\n");
    setState(State::Booted);
    m_mediaLoad.start();
    return true;
}

void SimulatedFirmware::changeSelectedValue()
{
    const Item &item = m_pages.at(m_page).items.at(m_item);
    const QByteArray current = m_edited.value(item.name, item.choices.first());
    const qsizetype next = (item.choices.indexOf(current) + 1) % item.choices.size();
    m_edited.insert(item.name, item.choices.at(next));
    draw();
}

void SimulatedFirmware::moveSelection(int step)
{
    // Only items with a choice take the selection, as in real setup screens.
    const QList<Item> &items = m_pages.at(m_page).items;
    for (int index = m_item + step; index >= 0 && index < items.size(); index += step) {
        if (items.at(index).choices.size() > 1) {
            m_item = index;
            break;
        }
    }
    draw();
}

void SimulatedFirmware::draw()
{
    QByteArray screen = "\x1b[?25l\x1b[0m\x1b[2J";
    screen += at(1, 1) + titleStyle + centered("qbmc Simulated Setup Utility", columns);
    screen += at(2, 1) + tabStyle + QByteArray(columns, ' ');
    int column = 2;
    for (int index = 0; index < m_pages.size(); ++index) {
        const QByteArray &title = m_pages.at(index).title;
        screen += at(2, column) + (index == m_page ? currentTabStyle : tabStyle) + ' ' + title + ' ';
        column += int(title.size()) + 3;
    }
    for (int row = 3; row < footerRow; ++row)
        screen += at(row, 1) + bodyStyle + padded({}, helpColumn - 3) + '|' + padded({}, columns - helpColumn + 2);

    const QList<Item> &items = m_pages.at(m_page).items;
    for (int index = 0; index < items.size(); ++index) {
        const Item &item = items.at(index);
        const bool selected = index == m_item;
        const bool changeable = item.choices.size() > 1;
        const QByteArray value =
            changeable ? '[' + m_edited.value(item.name, item.choices.first()) + ']' : item.choices.first();
        screen += at(firstItemRow + index, labelColumn) + (selected ? selectedStyle : bodyStyle)
            + padded(item.name, labelWidth)
            + (selected         ? selectedStyle
                   : changeable ? valueStyle
                                : bodyStyle)
            + padded(value, valueWidth);
    }
    const QList<QByteArray> help = wrapped(items.at(m_item).help, helpWidth);
    for (int line = 0; line < help.size(); ++line)
        screen += at(firstItemRow + line, helpColumn) + helpStyle + help.at(line);

    screen += at(footerRow, 1) + tabStyle
        + padded(" Up/Down: Item   Left/Right: Page   Enter: Change   F10: Save & Exit   Esc: Exit", columns);
    screen += "\x1b[0m" + at(footerRow + 1, 1);
    m_terminal->write(screen);
}

void SimulatedFirmware::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcSim) << "firmware" << m_state << "->" << state;
    m_state = state;
    emit stateChanged(state);
}
