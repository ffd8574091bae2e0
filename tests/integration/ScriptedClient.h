#pragma once

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <chrono>
#include <memory>

// A Python client in tests/integration that takes its orders as JSON on the command line, prints
// a line as it reaches each point a test may wait for, and ends with its result as JSON on its
// last line (console_websocket.py, console_screen.py). Run with Debian's interpreter, without the
// CA bundles that would make python-requests and websockets check qbmc's self-signed certificate.
namespace ScriptedClient {

inline std::unique_ptr<QProcess> start(const QString &scriptPath, quint16 port, const QJsonObject &orders)
{
    auto client = std::make_unique<QProcess>();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("REQUESTS_CA_BUNDLE"));
    environment.remove(QStringLiteral("CURL_CA_BUNDLE"));
    client->setProcessEnvironment(environment);
    client->start(
        QStringLiteral("/usr/bin/python3"),
        {scriptPath, QString::number(port), QString::fromUtf8(QJsonDocument(orders).toJson(QJsonDocument::Compact))});
    return client;
}

// Reads the client's lines until one is `line`; false when it ends or the time runs out first.
inline bool waitForLine(QProcess *client, const QByteArray &line, std::chrono::milliseconds timeout)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeout.count()) {
        if (client->canReadLine()) {
            if (client->readLine().trimmed() == line)
                return true;
            continue;
        }
        if (client->state() == QProcess::NotRunning)
            return false;
        client->waitForReadyRead(100);
    }
    return false;
}

// Waits for the client to end (killing it after `timeout`) and returns its result; empty, with
// what it said as a warning, when its last line is no JSON object.
inline QJsonObject finish(QProcess *client, std::chrono::milliseconds timeout)
{
    if (!client->waitForFinished(int(timeout.count())))
        client->kill();
    QByteArray last;
    for (const QByteArray &line : client->readAllStandardOutput().split('\n')) {
        if (!line.trimmed().isEmpty())
            last = line;
    }
    const QJsonObject result = QJsonDocument::fromJson(last).object();
    if (result.isEmpty())
        qWarning("the client said: %s %s", last.constData(), client->readAllStandardError().constData());
    return result;
}

} // namespace ScriptedClient
