#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QStringList>
#include <QTemporaryFile>

// curl against a qbmc Redfish service on loopback: one request, with its status, headers and body.
namespace RedfishClients {

struct Reply
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers; // names in lower case, in order
    QByteArray body;
    QString errors;

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        for (const auto &[name, value] : headers) {
            if (name == lowerCaseName)
                return value;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    // The first @Message.ExtendedInfo message of an error body.
    QJsonObject firstMessage() const
    {
        return json()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("@Message.ExtendedInfo"))
            .toArray()
            .first()
            .toObject();
    }
    // The first @Message.ExtendedInfo MessageId of an error body, without the registry prefix.
    QString messageKey() const
    {
        return json()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString()
            .section(u'.', 3);
    }
};

// `options` are curl's: {"-u", "admin:pw"}, {"-H", "X-Auth-Token: ..."}, ...; `body` goes as is.
inline Reply curl(quint16 port, const QString &method, const QString &path, const QStringList &options = {},
                  const QByteArray &body = {}, const QString &scheme = QStringLiteral("https"))
{
    QTemporaryFile bodyFile;
    bodyFile.open();
    QStringList arguments{QStringLiteral("-s"), QStringLiteral("-k"), QStringLiteral("--max-time"),
                          QStringLiteral("60"), QStringLiteral("-D"), QStringLiteral("-"),
                          QStringLiteral("-o"), bodyFile.fileName()};
    if (method == QStringLiteral("HEAD"))
        arguments << QStringLiteral("-I");
    else
        arguments << QStringLiteral("-X") << method;
    if (!body.isNull())
        arguments << QStringLiteral("-H") << QStringLiteral("Content-Type: application/json")
                  << QStringLiteral("--data-binary") << QStringLiteral("@-");
    arguments << options << QStringLiteral("%1://127.0.0.1:%2%3").arg(scheme).arg(port).arg(path);

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CURL_CA_BUNDLE"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("curl"), arguments);
    process.write(body);
    process.closeWriteChannel();
    Reply reply;
    if (!process.waitForFinished(90000)) {
        process.kill();
        reply.errors = QStringLiteral("curl did not finish");
        return reply;
    }
    reply.errors = QString::fromUtf8(process.readAllStandardError());
    // With -I the headers come on standard output too; the last block is the final answer.
    const QList<QByteArray> blocks = process.readAllStandardOutput().split('\n');
    for (QByteArray line : blocks) {
        line = line.trimmed();
        if (line.startsWith("HTTP/")) {
            reply.status = line.split(' ').value(1).toInt();
            reply.headers.clear();
        } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
            reply.headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
        }
    }
    bodyFile.seek(0);
    reply.body = bodyFile.readAll();
    return reply;
}

} // namespace RedfishClients
