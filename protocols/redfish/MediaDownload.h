#pragma once

#include "Expected.h"
#include "MediaImage.h"
#include "MediaStore.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class MediaUpload;
class QNetworkReply;

// Copies an image from an http:// or https:// URL into the media store, for InsertMedia with
// TransferMethod Upload: the body goes to disk as it arrives (memory stays flat whatever the
// image's size), an image of the same name is replaced only once the new one is whole, and a
// download that fails or is cancelled leaves nothing in the store (docs/decisions.md#130).
class MediaDownload : public QObject
{
    Q_OBJECT
public:
    struct Source
    {
        QUrl url; // without user information: the credentials come apart
        QString userName;
        QString password;
        bool verifyCertificate = true;
    };

    // Why a download ended without an image.
    struct Problem
    {
        enum class Kind { Unreachable, TlsFailure, Unauthorized, NotFound, HttpError, TimedOut, Store, Cancelled };
        Kind kind = Kind::HttpError;
        QString detail;
    };
    using Result = Expected<MediaImage, Problem>;

    // Nothing comes for this long: the server is taken to be gone.
    static constexpr int stallTimeoutMs = 30000;

    MediaDownload(MediaStore *store, Source source, QString imageName, QObject *parent = nullptr);
    ~MediaDownload() override;

    // `finished` is called once, never from inside start() or cancel().
    void start(std::function<void(qint64 received, qint64 total)> progress, std::function<void(Result)> finished);
    void cancel();

private:
    void onReadyRead();
    void onFinished();
    // Stops the transfer; the problem is reported when the reply has finished.
    void fail(Problem problem);
    Problem problemOfReply() const;

    // Its own: Qt reuses a connection to the same server whatever the TLS settings a later
    // request asks for, and one slot may verify certificates while the other does not.
    QNetworkAccessManager m_network;
    MediaStore *m_store;
    Source m_source;
    QString m_imageName;
    QPointer<QNetworkReply> m_reply;
    std::unique_ptr<MediaUpload> m_upload;
    std::optional<Problem> m_problem;
    std::function<void(qint64, qint64)> m_progress;
    std::function<void(Result)> m_finished;
    qint64 m_total = -1; // the announced size; -1 until the server says, or when it does not
};
