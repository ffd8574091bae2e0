#include "PacedTyping.h"

#include "HidUsage.h"
#include "HostInput.h"

namespace {
constexpr quint8 firstModifier = HidUsage::LeftControl;
} // namespace

PacedTyping::PacedTyping(HostInput *input, QObject *parent)
    : QObject(parent)
    , m_input(input)
{
    m_pace.setInterval(strokeInterval);
    m_pace.callOnTimeout(this, &PacedTyping::typeNext);
}

bool PacedTyping::type(const QList<KeyStroke> &strokes)
{
    if (m_strokes.size() + strokes.size() > maxQueuedStrokes)
        return false;
    m_strokes += strokes;
    if (!m_pace.isActive() && !m_strokes.isEmpty())
        m_pace.start();
    return true;
}

void PacedTyping::clear()
{
    m_strokes.clear();
    m_pace.stop();
}

void PacedTyping::typeNext()
{
    if (m_strokes.isEmpty()) {
        m_pace.stop();
        return;
    }
    const KeyStroke stroke = m_strokes.takeFirst();
    for (int bit = 0; bit < 8; ++bit) {
        if (stroke.modifiers & (1 << bit))
            m_input->setKey(quint8(firstModifier + bit), true);
    }
    m_input->setKey(stroke.usage, true);
    m_input->setKey(stroke.usage, false);
    for (int bit = 7; bit >= 0; --bit) {
        if (stroke.modifiers & (1 << bit))
            m_input->setKey(quint8(firstModifier + bit), false);
    }
}
