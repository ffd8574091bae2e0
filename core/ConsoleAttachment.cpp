#include "ConsoleAttachment.h"

#include "ConsoleHub.h"

#include <utility>

using namespace Qt::StringLiterals;

ConsoleAttachment::ConsoleAttachment(ConsoleHub *hub, Actor actor, ConsoleHub::QueryAnswers queryAnswers,
                                     QObject *parent)
    : QObject(parent)
    , m_hub(hub)
    , m_actor(std::move(actor))
    , m_queryAnswers(queryAnswers)
    , m_offset(hub->endOffset())
{
    connect(hub, &ConsoleHub::outputArrived, this, &ConsoleAttachment::outputAvailable);
    connect(hub, &ConsoleHub::remoteTakenOver, this, [this](const Actor &by) {
        if (!m_holdsInput)
            return;
        m_holdsInput = false;
        emit ended(u"console input taken over by %1"_s.arg(by.toString()));
    });
}

ConsoleAttachment::~ConsoleAttachment()
{
    release();
}

QByteArray ConsoleAttachment::takeOutput(qsizetype maximum)
{
    if (!m_hub)
        return {};
    if (m_offset < m_hub->startOffset()) {
        const qint64 skipped = m_hub->startOffset() - m_offset;
        m_offset = m_hub->startOffset();
        emit notice(u"%1 bytes of console output skipped: the connection did not keep up"_s.arg(skipped));
    }
    QByteArray data = m_hub->read(m_offset, maximum);
    m_offset += data.size();
    return data;
}

qint64 ConsoleAttachment::pendingBytes() const
{
    return m_hub ? m_hub->endOffset() - qMax(m_offset, m_hub->startOffset()) : 0;
}

bool ConsoleAttachment::write(const QByteArray &bytes)
{
    if (!m_hub || (!m_holdsInput && !tryToTakeInput()))
        return false;
    const qint64 taken = m_hub->writeRemote(bytes);
    // Told once while the line stays busy: a client that floods input gets no flood of notices.
    if (taken < bytes.size() && !std::exchange(m_toldBusy, true))
        emit notice(u"the serial line is busy: %1 bytes of input were not sent"_s.arg(bytes.size() - taken));
    else if (taken == bytes.size())
        m_toldBusy = false;
    return taken > 0;
}

void ConsoleAttachment::sendBreak()
{
    if (m_hub && (m_holdsInput || tryToTakeInput()))
        m_hub->sendBreak(m_actor);
}

void ConsoleAttachment::release()
{
    if (!m_holdsInput)
        return;
    m_holdsInput = false;
    if (m_hub)
        m_hub->detachRemote();
}

void ConsoleAttachment::takeOver()
{
    if (!m_hub || m_holdsInput)
        return;
    m_hub->takeOver(m_actor);
    tryToTakeInput();
}

QByteArray ConsoleAttachment::noticeLine(const QString &text)
{
    return "\r\n[qbmc] " + text.toUtf8() + "\r\n";
}

bool ConsoleAttachment::tryToTakeInput()
{
    if (!m_hub)
        return false;
    if (m_hub->attachRemote(m_actor, m_queryAnswers)) {
        m_holdsInput = true;
        m_toldHolder.clear();
        return true;
    }
    const std::optional<Actor> holder = m_hub->remoteActor();
    const QString holderName = holder ? holder->toString() : u"the screen"_s;
    if (holderName != m_toldHolder) {
        m_toldHolder = holderName;
        emit notice(u"console input is held by %1; this connection reads only"_s.arg(holderName));
    }
    return false;
}
