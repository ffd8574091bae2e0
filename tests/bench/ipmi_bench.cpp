// IPMI over LAN load: sessions opened and closed one after another (sessions/s, setup latency),
// then Get Chassis Status in one session (commands/s, latency), and the server's memory. Runs
// against any RMCP+ BMC on 127.0.0.1, so qbmc can be set beside OpenIPMI's ipmi_sim and pyghmi's
// server (run-ipmi-bench.sh does that).
#include "RmcpPlusClient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;
#include <cstdio>

namespace {
struct Latencies
{
    QList<qint64> nanoseconds;
    double percentileMs(double p) const
    {
        if (nanoseconds.isEmpty())
            return 0;
        QList<qint64> sorted = nanoseconds;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min(sorted.size() - 1, qsizetype(p * double(sorted.size())))) / 1e6;
    }
};

// VmRSS and VmHWM of the server, in KiB.
std::pair<long, long> memoryOf(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    long rss = 0;
    long peak = 0;
    if (pid > 0 && status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                rss = line.mid(6).trimmed().split(' ').value(0).toLong();
            else if (line.startsWith("VmHWM:"))
                peak = line.mid(6).trimmed().split(' ').value(0).toLong();
        }
    }
    return {rss, peak};
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption name(u"name"_s, u"Label for the results."_s, u"label"_s, u"server"_s);
    const QCommandLineOption port(u"port"_s, u"UDP port on 127.0.0.1."_s, u"port"_s);
    const QCommandLineOption user(u"user"_s, u"User name."_s, u"user"_s, u"admin"_s);
    const QCommandLineOption password(u"password"_s, u"Password."_s, u"password"_s);
    const QCommandLineOption suite(u"suite"_s, u"Cipher suite, 17 or 3."_s, u"id"_s, u"17"_s);
    const QCommandLineOption sessions(u"sessions"_s, u"Sessions to open and close."_s, u"n"_s, u"200"_s);
    const QCommandLineOption commands(u"commands"_s, u"Commands in one session."_s, u"n"_s, u"2000"_s);
    const QCommandLineOption pid(u"pid"_s, u"The server's process id, for its memory."_s, u"pid"_s, u"0"_s);
    parser.addOptions({name, port, user, password, suite, sessions, commands, pid});
    parser.process(app);

    const quint16 serverPort = quint16(parser.value(port).toUInt());
    const QByteArray login = parser.value(user).toUtf8();
    const QByteArray secret = parser.value(password).toUtf8();
    const quint8 suiteId = quint8(parser.value(suite).toUInt());
    const int sessionCount = parser.value(sessions).toInt();
    const int commandCount = parser.value(commands).toInt();
    const qint64 serverPid = parser.value(pid).toLongLong();

    Latencies setup;
    int opened = 0;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < sessionCount; ++i) {
        RmcpPlusClient client(QHostAddress::LocalHost, serverPort);
        QElapsedTimer one;
        one.start();
        if (!client.open(login, secret, suiteId)) {
            fprintf(stderr, "session %d: %s\n", i, qPrintable(client.lastError()));
            continue;
        }
        setup.nanoseconds.append(one.nsecsElapsed());
        client.close();
        ++opened;
    }
    const double sessionsPerSecond = opened / (total.nsecsElapsed() / 1e9);

    Latencies command;
    int answered = 0;
    RmcpPlusClient client(QHostAddress::LocalHost, serverPort);
    if (!client.open(login, secret, suiteId)) {
        fprintf(stderr, "command session: %s\n", qPrintable(client.lastError()));
        return 1;
    }
    total.restart();
    for (int i = 0; i < commandCount; ++i) {
        QElapsedTimer one;
        one.start();
        const auto response = client.command(0x00, 0x01); // Get Chassis Status
        if (response && response->completionCode == 0) {
            command.nanoseconds.append(one.nsecsElapsed());
            ++answered;
        }
    }
    const double commandsPerSecond = answered / (total.nsecsElapsed() / 1e9);
    client.close();

    const auto [rss, peak] = memoryOf(serverPid);
    printf("| %s | %u | %d/%d | %.0f | %.2f | %.2f | %d/%d | %.0f | %.3f | %.3f | %.1f | %.1f |\n",
           qPrintable(parser.value(name)), suiteId, opened, sessionCount, sessionsPerSecond, setup.percentileMs(0.5),
           setup.percentileMs(0.99), answered, commandCount, commandsPerSecond, command.percentileMs(0.5),
           command.percentileMs(0.99), rss / 1024.0, peak / 1024.0);
    return opened == sessionCount && answered == commandCount ? 0 : 1;
}
