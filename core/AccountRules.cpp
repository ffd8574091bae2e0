#include "AccountRules.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace AccountRules {

bool isValidName(const QString &name)
{
    // Anchored with \A and \z: '$' would also match before a final newline, letting "admin\n" through.
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(u"[A-Za-z0-9_][A-Za-z0-9_.-]{0,15}"_s));
    return pattern.match(name).hasMatch();
}

QString nameRuleText()
{
    return u"1 to %1 letters, digits, '_', '.' or '-', not starting with '.' or '-'"_s.arg(maxNameLength);
}

bool isPrintable(const QByteArray &password)
{
    return std::none_of(password.cbegin(), password.cend(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7f;
    });
}

int lowestFreeId(const QList<Account> &taken)
{
    for (int id = firstId; id <= lastId; ++id) {
        const auto uses = [id](const Account &account) { return account.id == id; };
        if (std::none_of(taken.cbegin(), taken.cend(), uses))
            return id;
    }
    return 0;
}

} // namespace AccountRules
