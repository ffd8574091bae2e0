#include "ScreenViewModel.h"

#include "HidUsage.h"
#include "HostInput.h"
#include "KeyboardLayout.h"
#include "VideoSource.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// The keys of the page's key row and of firmware menus, by the names the page uses.
const QHash<QString, quint8> &namedKeys()
{
    static const QHash<QString, quint8> keys = [] {
        QHash<QString, quint8> table{
            {u"Enter"_s, HidUsage::Enter},         {u"Escape"_s, HidUsage::Escape}, {u"Tab"_s, HidUsage::Tab},
            {u"Backspace"_s, HidUsage::Backspace}, {u"Delete"_s, HidUsage::Delete}, {u"Insert"_s, HidUsage::Insert},
            {u"Home"_s, HidUsage::Home},           {u"End"_s, HidUsage::End},       {u"PageUp"_s, HidUsage::PageUp},
            {u"PageDown"_s, HidUsage::PageDown},   {u"Up"_s, HidUsage::Up},         {u"Down"_s, HidUsage::Down},
            {u"Left"_s, HidUsage::Left},           {u"Right"_s, HidUsage::Right},   {u"Space"_s, HidUsage::Space},
        };
        for (int number = 1; number <= 12; ++number)
            table.insert(u"F%1"_s.arg(number), quint8(HidUsage::F1 + number - 1));
        return table;
    }();
    return keys;
}

int toCoordinate(qreal fraction)
{
    return int(std::clamp(fraction, 0.0, 1.0) * HostInput::maxCoordinate + 0.5);
}
} // namespace

ScreenViewModel::ScreenViewModel(VideoSource *video, HostInput *input, QObject *parent)
    : QObject(parent)
    , m_video(video)
    , m_input(input)
{
    if (m_input)
        m_typing = std::make_unique<PacedTyping>(m_input);
    if (m_video) {
        connect(m_video, &VideoSource::frameChanged, this, &ScreenViewModel::takeFrame);
        connect(m_video, &VideoSource::statusChanged, this, [this] {
            takeFrame();
            emit statusChanged();
        });
    }
}

ScreenViewModel::~ScreenViewModel()
{
    setWatching(false);
}

QString ScreenViewModel::status() const
{
    if (!m_video)
        return u"None"_s;
    switch (m_video->status()) {
    case VideoSource::Status::Picture: return u"Picture"_s;
    case VideoSource::Status::NoSignal: return u"NoSignal"_s;
    case VideoSource::Status::NoDevice: return u"NoDevice"_s;
    }
    return u"None"_s;
}

QString ScreenViewModel::problem() const
{
    return m_video ? m_video->problem() : QString();
}

QString ScreenViewModel::description() const
{
    return m_video ? m_video->description() : QString();
}

void ScreenViewModel::setWatching(bool watching)
{
    if (watching == m_watching || !m_video)
        return;
    m_watching = watching;
    if (watching) {
        m_video->addWatcher();
        takeFrame();
    } else {
        m_video->removeWatcher();
    }
    emit watchingChanged();
}

void ScreenViewModel::takeFrame()
{
    if (!m_watching)
        return;
    const QSize before = m_frame.size;
    m_frame = m_video->status() == VideoSource::Status::Picture ? m_video->frame() : VideoFrame();
    if (m_frame.size != before)
        emit frameSizeChanged();
    emit frameChanged();
}

bool ScreenViewModel::pressKey(const QString &name)
{
    if (!m_typing)
        return false;
    if (name == u"CtrlAltDel"_s) {
        const quint8 controlAlt =
            HidUsage::modifierBit(HidUsage::LeftControl) | HidUsage::modifierBit(HidUsage::LeftAlt);
        return m_typing->type({KeyStroke{HidUsage::Delete, controlAlt}});
    }
    const auto key = namedKeys().constFind(name);
    return key != namedKeys().cend() && m_typing->type({KeyStroke{*key, 0}});
}

bool ScreenViewModel::typeText(const QString &text, const QString &layout)
{
    const std::optional<KeyboardLayout::Name> name = KeyboardLayout::fromName(layout);
    if (!m_typing || !name)
        return false;
    const QList<KeyStroke> strokes = KeyboardLayout::strokesFor(text, *name);
    return !strokes.isEmpty() && m_typing->type(strokes);
}

void ScreenViewModel::tap(qreal x, qreal y)
{
    if (!m_input)
        return;
    const int hostX = toCoordinate(x);
    const int hostY = toCoordinate(y);
    m_input->movePointer(hostX, hostY, 0, 0);
    m_input->movePointer(hostX, hostY, HostInput::Left, 0);
    m_input->movePointer(hostX, hostY, 0, 0);
}
