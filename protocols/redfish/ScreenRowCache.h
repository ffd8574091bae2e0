#pragma once

#include <QJsonArray>
#include <QList>
#include <QObject>

class TerminalScreen;

// The console's terminal model encoded row by row (ScreenUpdateEncoder) once for every client of
// wss://<host>/console0/screen, however many there are (docs/decisions.md#115). Each row carries
// the serial of its last change; a client keeps the serials it last sent, so that what changed
// since is a comparison of numbers, and a client that missed many changes gets each changed row
// once. Rows are encoded again only when a client asks and the terminal changed since.
class ScreenRowCache : public QObject
{
    Q_OBJECT
public:
    explicit ScreenRowCache(TerminalScreen *terminal, QObject *parent = nullptr);

    // Brings the rows up to the terminal's cells; a row that now reads differently gets a new serial.
    void refresh();

    TerminalScreen *terminal() const { return m_terminal; }
    int columns() const { return m_columns; }
    int rows() const { return int(m_runs.size()); }
    const QJsonArray &runs(int row) const { return m_runs.at(row); }
    quint64 serial(int row) const { return m_serials.at(row); }

private:
    TerminalScreen *m_terminal;
    QList<QJsonArray> m_runs;
    QList<quint64> m_serials;
    int m_columns = 0;
    quint64 m_lastSerial = 0;
    bool m_stale = true;
};
