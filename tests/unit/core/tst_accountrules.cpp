#include "AccountRules.h"

#include <QTest>

using namespace Qt::StringLiterals;

class tst_AccountRules : public QObject
{
    Q_OBJECT
private slots:
    void names_data();
    void names();
    void ruleText();
    void passwords_data();
    void passwords();
};

void tst_AccountRules::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("letters") << u"admin"_s << true;
    QTest::newRow("one character") << u"a"_s << true;
    QTest::newRow("digit first") << u"9z"_s << true;
    QTest::newRow("underscore first") << u"_svc"_s << true;
    QTest::newRow("punctuation inside") << u"a.b-c_d"_s << true;
    QTest::newRow("16 characters") << u"abcdefghijklmnop"_s << true;

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("17 characters") << u"abcdefghijklmnopq"_s << false;
    QTest::newRow("dot first") << u".admin"_s << false;
    QTest::newRow("dash first") << u"-admin"_s << false;
    QTest::newRow("space") << u"ad min"_s << false;
    QTest::newRow("colon") << u"ad:min"_s << false;
    QTest::newRow("slash") << u"a/b"_s << false;
    QTest::newRow("not ASCII") << u"émile"_s << false;
    QTest::newRow("trailing newline") << u"admin\n"_s << false;
    QTest::newRow("leading newline") << u"\nadmin"_s << false;
    QTest::newRow("newline inside") << u"ad\nmin"_s << false;
    QTest::newRow("trailing carriage return") << u"admin\r"_s << false;
}

void tst_AccountRules::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(AccountRules::isValidName(name), valid);
}

void tst_AccountRules::ruleText()
{
    QCOMPARE(AccountRules::nameRuleText(), u"1 to 16 letters, digits, '_', '.' or '-', not starting with '.' or '-'"_s);
}

void tst_AccountRules::passwords_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<bool>("printable");

    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ASCII with space") << QByteArray("pass word!~") << true;
    QTest::newRow("UTF-8") << QByteArray("\xd0\xbf\xd0\xb0\xd1\x80\xd0\xbe\xd0\xbb\xd1\x8c") << true;
    QTest::newRow("tab") << QByteArray("pass\tword") << false;
    QTest::newRow("newline") << QByteArray("password\n") << false;
    QTest::newRow("carriage return") << QByteArray("password\r") << false;
    QTest::newRow("NUL") << QByteArray("pass\0word", 9) << false;
    QTest::newRow("escape") << QByteArray("\x1b[2J") << false;
    QTest::newRow("DEL") << QByteArray("pass\x7f") << false;
}

void tst_AccountRules::passwords()
{
    QFETCH(QByteArray, password);
    QFETCH(bool, printable);
    QCOMPARE(AccountRules::isPrintable(password), printable);
}

QTEST_GUILESS_MAIN(tst_AccountRules)
#include "tst_accountrules.moc"
