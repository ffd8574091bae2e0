#pragma once

#include <QAbstractListModel>
#include <QStringDecoder>
#include <QtQml/qqmlregistration.h>

// The host's console output as lines for a ListView, which draws only the lines in sight, so a
// fast host never costs more than a screenful. Bytes become text the way a simple terminal
// shows them: UTF-8, tabs expanded, backspace and carriage return rewrite the current line,
// escape sequences (colours, cursor movement) are left out. The oldest lines go beyond
// maximumLines.
class ConsoleLineModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Dashboard.console.lines provides it")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles { TextRole = Qt::UserRole + 1 };

    explicit ConsoleLineModel(int maximumLines, QObject *parent = nullptr);

    void append(const QByteArray &bytes);
    void clear();
    QStringList lines() const { return m_lines; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    enum class Escape { None, Start, ControlSequence, OperatingSystemCommand, OperatingSystemEnd };

    void feed(QChar character);
    bool skipEscape(QChar character);

    int m_maximumLines;
    QStringList m_lines{QString()};
    QStringList m_work; // while append() runs: the current line, then the lines it adds
    QStringDecoder m_decoder{QStringDecoder::Utf8};
    Escape m_escape = Escape::None;
    bool m_carriageReturn = false; // the next character starts the current line over
};
