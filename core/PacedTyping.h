#pragma once

#include "KeyStroke.h"

#include <QList>
#include <QObject>
#include <QTimer>

class HostInput;

// Text typed into the host as a person would type it: one stroke at a time, each its modifiers
// down, the key down and up, the modifiers up, a stroke every strokeInterval, slow enough for
// firmware that polls its keyboard. Pasting in a KVM viewer and typing on the touchscreen's Screen
// page both go through it.
class PacedTyping : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds strokeInterval{10};
    // At most this many strokes wait; a longer text is refused, not typed for minutes.
    static constexpr qsizetype maxQueuedStrokes = 8192;

    explicit PacedTyping(HostInput *input, QObject *parent = nullptr);

    // Queues `strokes` behind those still waiting; false (nothing queued) when too many would wait.
    bool type(const QList<KeyStroke> &strokes);
    // Drops the strokes still waiting (the one typing has lost the input).
    void clear();
    qsizetype waiting() const { return m_strokes.size(); }

private:
    void typeNext();

    HostInput *m_input;
    QList<KeyStroke> m_strokes;
    QTimer m_pace;
};
