#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// The real IPMI clients from Debian's packages, run against a daemon on 127.0.0.1 (tests use
// /usr/bin/python3 for pyghmi, docs/contributing.md).
struct ClientResult
{
    int exitCode = -1;
    QString output; // standard output
    QString errors; // standard error

    QString all() const { return output + errors; }
};

namespace IpmiClients {

inline ClientResult run(const QString &program, const QStringList &arguments, int timeoutMs = 60000,
                        const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    // A CA bundle in the environment overrides python-requests' verify=False (sushy, redfishtool)
    // and curl's -k: qbmc's certificate is self-signed.
    environment.remove(QStringLiteral("REQUESTS_CA_BUNDLE"));
    environment.remove(QStringLiteral("CURL_CA_BUNDLE"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!input.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    ClientResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.errors = QStringLiteral("(timed out after %1 ms)").arg(timeoutMs);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAllStandardOutput());
    result.errors += QString::fromUtf8(process.readAllStandardError());
    return result;
}

// ipmitool -I lanplus at its defaults (it asks for the cipher suites and picks 17), plus
// `options` such as {"-C", "3"} or {"-L", "USER"} before the command.
inline ClientResult ipmitool(quint16 port, const QString &user, const QString &password, const QStringList &command,
                             const QStringList &options = {}, const QString &interface = QStringLiteral("lanplus"))
{
    QStringList arguments{QStringLiteral("-I"), interface,
                          QStringLiteral("-H"), QStringLiteral("127.0.0.1"),
                          QStringLiteral("-p"), QString::number(port),
                          QStringLiteral("-U"), user,
                          QStringLiteral("-P"), password,
                          QStringLiteral("-R"), QStringLiteral("1"),
                          QStringLiteral("-N"), QStringLiteral("3")};
    return run(QStringLiteral("ipmitool"), arguments + options + command);
}

// A freeipmi tool over IPMI v2.0 (its default driver would try v1.5 first).
inline ClientResult freeipmi(const QString &tool, quint16 port, const QString &user, const QString &password,
                             const QStringList &arguments = {})
{
    return run(tool,
               QStringList{QStringLiteral("-h"), QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-u"), user,
                           QStringLiteral("-p"), password, QStringLiteral("-D"), QStringLiteral("LAN_2_0")}
                   + arguments);
}

// A Python snippet with `ipmi`, a connected pyghmi.ipmi.command.Command; it prints its results.
inline ClientResult pyghmi(quint16 port, const QString &user, const QString &password, const QString &body)
{
    const QString script =
        QStringLiteral("from pyghmi.ipmi import command\n"
                       "ipmi = command.Command(bmc='127.0.0.1', userid='%1', password='%2', port=%3)\n")
            .arg(user, password)
            .arg(port)
        + body + u'\n';
    return run(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script});
}

} // namespace IpmiClients
