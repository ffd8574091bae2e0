#include "ConsoleViewModel.h"

#include "ConsoleHub.h"

#include <QMetaEnum>

using namespace Qt::StringLiterals;

ConsoleViewModel::ConsoleViewModel(ConsoleHub *hub, QObject *parent)
    : QObject(parent)
    , m_hub(hub)
{
    connect(hub, &ConsoleHub::stateChanged, this, &ConsoleViewModel::connectionChanged);
    connect(hub, &ConsoleHub::remoteAttachedChanged, this, &ConsoleViewModel::remoteChanged);
}

TerminalScreen *ConsoleViewModel::terminal() const
{
    return m_hub->terminal();
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
    TerminalScreen *screen = m_hub->terminal();
    if (key == u"CtrlC"_s || key == u"CtrlD"_s)
        return m_hub->writeLocal(screen->encodeText(key.right(1).toLower(), TerminalScreen::Modifier::Control));
    bool known = false;
    const int value = QMetaEnum::fromType<TerminalScreen::Key>().keyToValue(key.toLatin1().constData(), &known);
    return known && m_hub->writeLocal(screen->encodeKey(TerminalScreen::Key(value)));
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
