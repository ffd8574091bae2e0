#include "IpmiPasswordFile.h"

#include "AccountRules.h"

#include <QHash>

using namespace Qt::StringLiterals;

IpmiPasswordFile::Result IpmiPasswordFile::parse(const QString &fileName, const QByteArray &content)
{
    Result result;
    QHash<QString, int> seen;
    const QList<QByteArray> lines = content.split('\n');
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const int lineNumber = int(index) + 1;
        QByteArray line = lines.at(index);
        if (line.endsWith('\r'))
            line.chop(1);
        if (const qsizetype arrow = line.indexOf(" -> "); arrow >= 0)
            line.truncate(arrow);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith('#'))
            continue;

        const auto fail = [&](const QString &message) {
            result.entries.clear();
            result.error = ConfigError{fileName, lineNumber, {}, message};
            return result;
        };
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            return fail(u"expected user:password"_s);
        const QString user = QString::fromUtf8(line.left(colon).trimmed());
        const QByteArray password = line.mid(colon + 1);
        if (user.isEmpty())
            return fail(u"empty user name"_s);
        if (!AccountRules::isValidName(user))
            return fail(u"user name \"%1\" is not valid; expected %2"_s.arg(user, AccountRules::nameRuleText()));
        if (const auto previous = seen.constFind(user); previous != seen.cend())
            return fail(u"user \"%1\" is listed twice (also on line %2)"_s.arg(user).arg(*previous));
        if (password.isEmpty())
            return fail(u"user \"%1\" has an empty password"_s.arg(user));
        if (password.size() > AccountRules::maxIpmiPasswordLength || !AccountRules::isPrintable(password))
            return fail(
                u"the password of \"%1\" is not valid; expected 1 to %2 bytes without control characters"_s.arg(user)
                    .arg(AccountRules::maxIpmiPasswordLength));
        seen.insert(user, lineNumber);
        result.entries.append({user, password, lineNumber});
    }
    return result;
}
