#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

// tests/integration/image_server.py on loopback: the files of a folder over HTTP or HTTPS (with a
// self-signed certificate for 127.0.0.1 made by openssl), byte ranges, Basic authentication under
// /private/ and a throttled /slow/. Stopped when destroyed.
class ImageServer
{
public:
    struct Options
    {
        bool tls = false;
        QString user;
        QString password;
    };

    ImageServer(const QString &root, const Options &options)
    {
        QStringList arguments{QStringLiteral(QBMC_SOURCE_DIR "/tests/integration/image_server.py"),
                              QStringLiteral("--root"), root};
        if (options.tls) {
            const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
            const QString key = m_dir.filePath(QStringLiteral("key.pem"));
            QProcess openssl;
            openssl.start(QStringLiteral("openssl"),
                          {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                           QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                           QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"),
                           QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                           QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
            if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
                qFatal("openssl could not make the image server's certificate");
            arguments << QStringLiteral("--cert") << cert << QStringLiteral("--key") << key;
        }
        if (!options.user.isEmpty())
            arguments << QStringLiteral("--user") << options.user << QStringLiteral("--password") << options.password;
        m_scheme = options.tls ? QStringLiteral("https") : QStringLiteral("http");
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral("/usr/bin/python3"), arguments);
        if (!m_process.waitForStarted() || !QTest::qWaitFor([this] { return m_process.canReadLine(); }, 20000))
            qFatal("the image server did not start");
        m_port = quint16(m_process.readLine().trimmed().toUInt());
    }

    ~ImageServer()
    {
        m_process.kill();
        m_process.waitForFinished();
    }

    quint16 port() const { return m_port; }
    // "https://127.0.0.1:port/path"
    QString url(const QString &path) const
    {
        return QStringLiteral("%1://127.0.0.1:%2%3").arg(m_scheme).arg(m_port).arg(path);
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_scheme;
    quint16 m_port = 0;
};
