#include "ConsoleLineModel.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int tabWidth = 8;
}

ConsoleLineModel::ConsoleLineModel(int maximumLines, QObject *parent)
    : QAbstractListModel(parent)
    , m_maximumLines(std::max(1, maximumLines))
{
}

void ConsoleLineModel::append(const QByteArray &bytes)
{
    const QString text = m_decoder.decode(bytes);
    if (text.isEmpty())
        return;
    // The current line and the lines the text adds are worked out first, so that the view
    // hears of a burst of many lines as one change and one insertion.
    m_work = QStringList{m_lines.constLast()};
    for (const QChar character : text)
        feed(character);

    const int last = int(m_lines.size()) - 1;
    if (m_work.constFirst() != m_lines.constLast()) {
        m_lines.last() = m_work.constFirst();
        emit dataChanged(index(last), index(last), {TextRole});
    }
    if (m_work.size() > 1) {
        beginInsertRows({}, last + 1, last + int(m_work.size()) - 1);
        m_lines.append(m_work.mid(1));
        endInsertRows();
    }
    if (m_lines.size() > m_maximumLines) {
        const int excess = int(m_lines.size()) - m_maximumLines;
        beginRemoveRows({}, 0, excess - 1);
        m_lines.remove(0, excess);
        endRemoveRows();
    }
    if (m_work.size() > 1)
        emit countChanged();
    m_work.clear();
}

void ConsoleLineModel::clear()
{
    beginResetModel();
    m_lines = QStringList{QString()};
    m_escape = Escape::None;
    m_carriageReturn = false;
    endResetModel();
    emit countChanged();
}

bool ConsoleLineModel::skipEscape(QChar character)
{
    switch (m_escape) {
    case Escape::None:
        if (character != u'\x1b')
            return false;
        m_escape = Escape::Start;
        return true;
    case Escape::Start:
        m_escape = character == u'[' ? Escape::ControlSequence
            : character == u']'      ? Escape::OperatingSystemCommand
                                     : Escape::None; // a two-character sequence such as ESC c
        return true;
    case Escape::ControlSequence:
        // Parameters and intermediates run until a final byte from @ to ~.
        if (character.unicode() >= 0x40 && character.unicode() <= 0x7e)
            m_escape = Escape::None;
        return true;
    case Escape::OperatingSystemCommand:
        // A window title and the like, ended by BEL or ESC backslash.
        if (character == u'\a')
            m_escape = Escape::None;
        else if (character == u'\x1b')
            m_escape = Escape::OperatingSystemEnd;
        return true;
    case Escape::OperatingSystemEnd: m_escape = Escape::None; return true;
    }
    return false;
}

void ConsoleLineModel::feed(QChar character)
{
    if (skipEscape(character))
        return;
    QString &line = m_work.last();
    switch (character.unicode()) {
    case u'\n':
        m_work.append(QString());
        m_carriageReturn = false;
        return;
    case u'\r': m_carriageReturn = true; return;
    case u'\b': line.chop(1); return;
    case u'\t': line.append(QString(tabWidth - line.size() % tabWidth, u' ')); return;
    default: break;
    }
    if (character.category() == QChar::Other_Control)
        return;
    if (m_carriageReturn) {
        line.clear();
        m_carriageReturn = false;
    }
    line.append(character);
}

int ConsoleLineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant ConsoleLineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != TextRole)
        return {};
    return m_lines.at(index.row());
}

QHash<int, QByteArray> ConsoleLineModel::roleNames() const
{
    return {{TextRole, "line"}};
}
