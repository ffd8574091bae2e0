#pragma once

#include "Failure.h"

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

// A Linux pseudo-terminal pair owned by qbmc: the master end is ours, the slave path is the
// "serial port" another program opens. Output nobody reads is dropped, as on a real serial line.
class PseudoTerminal : public QObject
{
    Q_OBJECT
public:
    explicit PseudoTerminal(QObject *parent = nullptr);
    ~PseudoTerminal() override;

    std::optional<Failure> open();
    bool isOpen() const { return m_master >= 0; }
    QString slavePath() const { return m_slavePath; }

    // Never blocks: what the pty cannot take right now is dropped and counted.
    void write(const QByteArray &data);
    qint64 droppedBytes() const { return m_droppedBytes; }

signals:
    void received(const QByteArray &data);
    // All that write() was given, whether or not the other end reads it: what the simulated
    // host's display shows of its console.
    void sent(const QByteArray &data);

private:
    void readMaster();
    void close();

    int m_master = -1;
    int m_slave = -1;
    QString m_slavePath;
    QSocketNotifier *m_notifier = nullptr;
    qint64 m_droppedBytes = 0;
    bool m_dropping = false;
};
