#include "TerminalKeyReader.h"

#include <array>
#include <chrono>
#include <utility>

using namespace std::chrono_literals;

namespace {

// curses waits about this long before it takes ESC for the Esc key.
constexpr auto escapeDelay = 100ms;
// No sequence below is longer; a longer unknown one is dropped whole.
constexpr qsizetype longestSequence = 8;

struct Sequence
{
    const char *bytes;
    TerminalKeyReader::Key key;
};

constexpr std::array sequences{
    Sequence{"\x1b[A", TerminalKeyReader::Key::Up},      Sequence{"\x1bOA", TerminalKeyReader::Key::Up},
    Sequence{"\x1b[B", TerminalKeyReader::Key::Down},    Sequence{"\x1bOB", TerminalKeyReader::Key::Down},
    Sequence{"\x1b[C", TerminalKeyReader::Key::Right},   Sequence{"\x1bOC", TerminalKeyReader::Key::Right},
    Sequence{"\x1b[D", TerminalKeyReader::Key::Left},    Sequence{"\x1bOD", TerminalKeyReader::Key::Left},
    Sequence{"\x1b[3~", TerminalKeyReader::Key::Delete}, Sequence{"\x1bOQ", TerminalKeyReader::Key::F2},
    Sequence{"\x1b[12~", TerminalKeyReader::Key::F2},    Sequence{"\x1b[[B", TerminalKeyReader::Key::F2},
    Sequence{"\x1b[21~", TerminalKeyReader::Key::F10},
};

bool isFinalByte(char byte)
{
    return byte >= 0x40 && byte <= 0x7e && byte != '[' && byte != 'O';
}

} // namespace

TerminalKeyReader::TerminalKeyReader(QObject *parent)
    : QObject(parent)
{
    m_escapeTimeout.setSingleShot(true);
    m_escapeTimeout.setInterval(escapeDelay);
    m_escapeTimeout.callOnTimeout(this, [this] { decodePending(true); });
}

void TerminalKeyReader::feed(const QByteArray &bytes)
{
    m_pending += bytes;
    decodePending(false);
}

void TerminalKeyReader::clear()
{
    m_pending.clear();
    m_escapeTimeout.stop();
}

void TerminalKeyReader::decodePending(bool escapeTimedOut)
{
    m_escapeTimeout.stop();
    while (!m_pending.isEmpty()) {
        const char first = m_pending.front();
        if (first != '\x1b') {
            m_pending.remove(0, 1);
            switch (first) {
            case '\r':
            case '\n': emit keyPressed(Key::Enter, 0); break;
            case '\x7f': emit keyPressed(Key::Delete, 0); break;
            case '\b': emit keyPressed(Key::Backspace, 0); break;
            case '\t': emit keyPressed(Key::Tab, 0); break;
            default: emit keyPressed(first >= 0x20 ? Key::Character : Key::Other, first); break;
            }
            continue;
        }
        bool matched = false;
        bool couldGrow = false;
        for (const Sequence &sequence : sequences) {
            const QByteArrayView known(sequence.bytes);
            if (m_pending.startsWith(known)) {
                m_pending.remove(0, known.size());
                emit keyPressed(sequence.key, 0);
                matched = true;
                break;
            }
            couldGrow = couldGrow || known.startsWith(m_pending);
        }
        if (matched)
            continue;
        if (m_pending.size() == 1 || couldGrow) {
            if (!escapeTimedOut) {
                m_escapeTimeout.start();
                return;
            }
            // Nothing completed it: Esc, and whatever followed is read on its own.
            m_pending.remove(0, 1);
            emit keyPressed(Key::Escape, 0);
            escapeTimedOut = false;
            continue;
        }
        // An escape sequence this reader does not know: skip to its final byte.
        qsizetype end = 2;
        while (end < m_pending.size() && end < longestSequence && !isFinalByte(m_pending.at(end)))
            ++end;
        if (end == m_pending.size() && end < longestSequence && !escapeTimedOut) {
            m_escapeTimeout.start();
            return;
        }
        m_pending.remove(0, qMin(end + 1, m_pending.size()));
        emit keyPressed(Key::Other, 0);
    }
}
