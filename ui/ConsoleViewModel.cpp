#include "ConsoleViewModel.h"

#include "ConsoleHub.h"

#include <QHash>
#include <QMetaEnum>

using namespace Qt::StringLiterals;

ConsoleViewModel::ConsoleViewModel(ConsoleHub *hub, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
{
    m_lines.append(hub->recentOutput());
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(refreshInterval);
    connect(&m_refresh, &QTimer::timeout, this, &ConsoleViewModel::flush);
    connect(hub, &ConsoleHub::outputArrived, this, [this](const QByteArray &data) {
        m_pending.append(data);
        if (!m_refresh.isActive())
            m_refresh.start();
    });
    connect(hub, &ConsoleHub::stateChanged, this, &ConsoleViewModel::connectionChanged);
    connect(hub, &ConsoleHub::remoteAttachedChanged, this, &ConsoleViewModel::remoteChanged);
}

void ConsoleViewModel::flush()
{
    m_lines.append(m_pending);
    m_pending.clear();
}

QString ConsoleViewModel::connection() const
{
    return QString::fromLatin1(QMetaEnum::fromType<ConsoleHub::State>().valueToKey(int(m_hub->state())));
}

QString ConsoleViewModel::device() const
{
    return m_hub->description();
}

bool ConsoleViewModel::isRemoteAttached() const
{
    return m_hub->isRemoteAttached();
}

QString ConsoleViewModel::remoteOrigin() const
{
    const auto actor = m_hub->remoteActor();
    return actor ? Actor::originName(actor->origin) : QString();
}

QString ConsoleViewModel::remoteUser() const
{
    const auto actor = m_hub->remoteActor();
    return actor ? actor->user : QString();
}

bool ConsoleViewModel::send(const QString &text)
{
    return m_hub->writeLocal(text.toUtf8());
}

bool ConsoleViewModel::sendKey(const QString &key)
{
    // What a VT100-style terminal sends for these keys.
    static const QHash<QString, QByteArray> sequences = {
        {u"Enter"_s, "\r"},   {u"Tab"_s, "\t"},      {u"Escape"_s, "\x1b"},  {u"Backspace"_s, "\x7f"},
        {u"Up"_s, "\x1b[A"},  {u"Down"_s, "\x1b[B"}, {u"Right"_s, "\x1b[C"}, {u"Left"_s, "\x1b[D"},
        {u"CtrlC"_s, "\x03"}, {u"CtrlD"_s, "\x04"},
    };
    const auto sequence = sequences.constFind(key);
    return sequence != sequences.cend() && m_hub->writeLocal(*sequence);
}

void ConsoleViewModel::sendBreak()
{
    if (!m_hub->isRemoteAttached())
        m_hub->sendBreak(Actor::screen());
}

void ConsoleViewModel::takeOver()
{
    m_hub->takeOver(Actor::screen());
}
