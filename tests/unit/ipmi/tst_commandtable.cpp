#include "CommandTable.h"

#include <QTest>

class tst_CommandTable : public QObject
{
    Q_OBJECT

private slots:
    void dispatchChecksScopePrivilegeAndLength();
};

void tst_CommandTable::dispatchChecksScopePrivilegeAndLength()
{
    CommandTable table;
    int calls = 0;
    const auto handler = [&](const IpmiRequest &) {
        ++calls;
        return IpmiResponse::success("ok");
    };
    table.add({0x00, 0x02, "Chassis Control", Privilege::Operator, 1, 1, handler});
    table.add({0x06, 0x38, "Get Channel Authentication Capabilities", Privilege::Callback, 2, 2, handler,
               CommandTable::Scope::AlsoOutsideSession});

    IpmiRequest request;
    request.sessionId = 7;
    request.privilege = Privilege::Operator;
    request.netFn = 0x00;
    request.command = 0x02;
    request.data = QByteArray(1, '\1');
    QCOMPARE(table.dispatch(request).data, QByteArray("ok"));

    request.privilege = Privilege::User;
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::InsufficientPrivilege);
    request.privilege = Privilege::Administrator;
    request.data = QByteArray(2, '\1');
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::RequestDataLengthInvalid);
    request.data.clear();
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::RequestDataLengthInvalid);
    request.command = 0x7F;
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::InvalidCommand);

    // Outside a session only the commands marked for it run.
    request.sessionId = 0;
    request.privilege = Privilege::Callback;
    request.command = 0x02;
    request.data = QByteArray(1, '\1');
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::InsufficientPrivilege);
    request.netFn = 0x06;
    request.command = 0x38;
    request.data = QByteArray(2, '\1');
    QCOMPARE(table.dispatch(request).completionCode, CompletionCode::Success);
    QCOMPARE(calls, 2);
}

QTEST_GUILESS_MAIN(tst_CommandTable)
#include "tst_commandtable.moc"
