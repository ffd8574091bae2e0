#include "ScreenRowCache.h"

#include "ScreenUpdateEncoder.h"
#include "TerminalScreen.h"

ScreenRowCache::ScreenRowCache(TerminalScreen *terminal, QObject *parent)
    : QObject(parent)
    , m_terminal(terminal)
{
    connect(terminal, &TerminalScreen::changed, this, [this] { m_stale = true; });
}

void ScreenRowCache::refresh()
{
    if (!m_stale)
        return;
    m_stale = false;
    // Another size changes every row: a client that sees other dimensions is sent them all.
    if (m_columns != m_terminal->columns() || rows() != m_terminal->rows()) {
        m_columns = m_terminal->columns();
        m_runs = QList<QJsonArray>(m_terminal->rows());
        m_serials = QList<quint64>(m_terminal->rows());
        for (int row = 0; row < rows(); ++row) {
            m_runs[row] = ScreenUpdateEncoder::runsOf(ScreenUpdateEncoder::lineOf(*m_terminal, row));
            m_serials[row] = ++m_lastSerial;
        }
        return;
    }
    for (int row = 0; row < rows(); ++row) {
        QJsonArray runs = ScreenUpdateEncoder::runsOf(ScreenUpdateEncoder::lineOf(*m_terminal, row));
        if (runs != m_runs.at(row)) {
            m_runs[row] = std::move(runs);
            m_serials[row] = ++m_lastSerial;
        }
    }
}
