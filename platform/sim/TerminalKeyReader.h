#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

// What a program on the host's side of a serial line reads from the bytes a terminal sends: keys.
// Terminals disagree on the function keys (xterm sends F2 as ESC O Q, vt220 and PuTTY as
// ESC [ 1 2 ~, the Linux console as ESC [ [ B), so every common spelling is understood, in both
// cursor-key modes. A lone ESC is the Esc key once nothing follows it for a moment, as curses
// decides.
class TerminalKeyReader : public QObject
{
    Q_OBJECT
public:
    enum class Key { Character, Enter, Backspace, Tab, Escape, Up, Down, Left, Right, Delete, F2, F10, Other };
    Q_ENUM(Key)

    explicit TerminalKeyReader(QObject *parent = nullptr);

    void feed(const QByteArray &bytes);
    void clear();

signals:
    // `character` is set for Key::Character.
    void keyPressed(TerminalKeyReader::Key key, char character);

private:
    void decodePending(bool escapeTimedOut);

    QByteArray m_pending;
    QTimer m_escapeTimeout;
};
