#include "MediaDownload.h"

#include "MediaUpload.h"
#include "RedfishLogging.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

using namespace Qt::StringLiterals;

namespace {
// Reads are taken from the socket in slices of this size, so a fast server cannot fill memory
// faster than the disk takes it.
constexpr qint64 readBufferBytes = 1 << 20;
constexpr int maxRedirects = 5;
} // namespace

MediaDownload::MediaDownload(MediaStore *store, Source source, QString imageName, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_source(std::move(source))
    , m_imageName(std::move(imageName))
{
}

MediaDownload::~MediaDownload()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void MediaDownload::start(std::function<void(qint64, qint64)> progress, std::function<void(Result)> finished)
{
    m_progress = std::move(progress);
    m_finished = std::move(finished);
    QNetworkRequest request(m_source.url);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"qbmc"_s);
    request.setTransferTimeout(stallTimeoutMs);
    request.setMaximumRedirectsAllowed(maxRedirects);
    // Credentials go to the server they were given for, never to where it redirects.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         m_source.userName.isEmpty() ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                     : QNetworkRequest::SameOriginRedirectPolicy);
    if (!m_source.userName.isEmpty()) {
        request.setRawHeader("Authorization",
                             "Basic " + (m_source.userName + u':' + m_source.password).toUtf8().toBase64());
    }
    if (m_source.url.scheme() == u"https"_s) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_source.verifyCertificate)
            tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(tls);
    }
    m_reply = m_network.get(request);
    m_reply->setReadBufferSize(readBufferBytes);
    connect(m_reply, &QNetworkReply::readyRead, this, &MediaDownload::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &MediaDownload::onFinished);
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if (total > 0)
            m_total = total;
        if (m_progress)
            m_progress(received, m_total);
    });
}

void MediaDownload::cancel()
{
    fail({Problem::Kind::Cancelled, u"the download was cancelled"_s});
}

void MediaDownload::fail(Problem problem)
{
    if (m_problem)
        return;
    m_problem = std::move(problem);
    m_upload.reset(); // deletes what was written
    if (m_reply && m_reply->isRunning())
        m_reply->abort(); // finished() follows, from the event loop
}

void MediaDownload::onReadyRead()
{
    if (m_problem)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        // An error page is not an image: leave the body unread and let the reply finish with it.
        if (status >= 200 && status < 300)
            fail({Problem::Kind::HttpError, u"the server answered %1 instead of the whole image"_s.arg(status)});
        return;
    }
    if (!m_upload) {
        bool known = false;
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        m_total = known ? length : -1;
        auto upload = m_store->beginUpload(m_imageName, m_total, MediaStore::Existing::Replace);
        if (!upload) {
            fail({Problem::Kind::Store, upload.failure().message});
            return;
        }
        m_upload = std::move(*upload);
    }
    while (m_reply->bytesAvailable() > 0) {
        const QByteArray data = m_reply->read(readBufferBytes);
        if (const auto failure = m_upload->write(data)) {
            fail({Problem::Kind::Store, failure->message});
            return;
        }
    }
}

void MediaDownload::onFinished()
{
    if (!m_problem && m_reply->error() != QNetworkReply::NoError)
        m_problem = problemOfReply();
    else if (!m_problem)
        onReadyRead(); // what is left in the buffer
    if (!m_problem && !m_upload)
        m_problem = Problem{Problem::Kind::HttpError, u"the server sent no image"_s};
    else if (!m_problem && m_total >= 0 && m_upload->writtenBytes() != m_total)
        m_problem =
            Problem{Problem::Kind::HttpError,
                    u"the server sent %1 of the %2 bytes it announced"_s.arg(m_upload->writtenBytes()).arg(m_total)};
    m_reply->deleteLater();
    m_reply = nullptr;
    const Result result = [this]() -> Result {
        if (m_problem) {
            qCInfo(lcRedfish, "download of %s failed: %s", qPrintable(m_source.url.toDisplayString()),
                   qPrintable(m_problem->detail));
            return *m_problem;
        }
        Expected<MediaImage> image = m_upload->commit();
        if (!image)
            return Problem{Problem::Kind::Store, image.failure().message};
        return *image;
    }();
    m_upload.reset(); // deletes what was written unless it was committed
    // Queued: a reply that an abort() ends finishes at once, inside cancel() or a read.
    QMetaObject::invokeMethod(
        this,
        [this, result] {
            if (m_finished)
                m_finished(result);
        },
        Qt::QueuedConnection);
}

MediaDownload::Problem MediaDownload::problemOfReply() const
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason = m_reply->errorString();
    using enum Problem::Kind;
    switch (m_reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::UnknownProxyError: return {Unreachable, reason};
    case QNetworkReply::OperationCanceledError: // what Qt reports when the transfer time-out fires
    case QNetworkReply::TimeoutError:
        return {TimedOut, u"nothing came from the server for %1 seconds"_s.arg(stallTimeoutMs / 1000)};
    case QNetworkReply::SslHandshakeFailedError: return {TlsFailure, reason};
    case QNetworkReply::AuthenticationRequiredError:
    case QNetworkReply::ContentAccessDenied: return {Unauthorized, u"HTTP %1"_s.arg(status)};
    case QNetworkReply::ContentNotFoundError:
    case QNetworkReply::ContentGoneError: return {NotFound, u"HTTP %1"_s.arg(status)};
    default: break;
    }
    return {HttpError, status ? u"the server answered HTTP %1"_s.arg(status) : reason};
}
