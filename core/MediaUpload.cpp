#include "MediaUpload.h"

#include "CoreLogging.h"
#include "MediaStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

MediaUpload::MediaUpload(MediaStore *store, QString name, QString partialPath, qint64 room,
                         MediaStore::Existing existing)
    : m_store(store)
    , m_name(std::move(name))
    , m_file(partialPath)
    , m_room(room)
    , m_existing(existing)
{
}

MediaUpload::~MediaUpload()
{
    abort();
}

std::optional<Failure> MediaUpload::write(QByteArrayView data)
{
    if (m_ended || !m_store)
        return Failure{Failure::Code::Internal, u"the upload of %1 has ended"_s.arg(m_name)};
    // The limit is checked as bytes come: a sender may announce less than it sends.
    if (m_written + data.size() > m_room) {
        const QString message =
            u"the image %1 does not fit in the media store (media.max_bytes %2)"_s.arg(m_name).arg(m_store->maxBytes());
        abort();
        return Failure{Failure::Code::StoreFull, message};
    }
    if (m_file.write(data.constData(), data.size()) != data.size()) {
        const bool full = m_file.error() == QFileDevice::ResourceError;
        const QString message = u"the image %1 cannot be written: %2"_s.arg(m_name, m_file.errorString());
        abort();
        return Failure{full ? Failure::Code::StoreFull : Failure::Code::Unavailable, message};
    }
    m_hash.addData(data);
    m_written += data.size();
    return std::nullopt;
}

Expected<MediaImage> MediaUpload::commit()
{
    if (m_ended || !m_store)
        return Failure{Failure::Code::Internal, u"the upload of %1 has ended"_s.arg(m_name)};
    const QString finalPath = m_store->pathOf(m_name);
    // On disk before it has its name: after a power cut an image is whole or not there at all.
    const bool flushed = m_file.flush() && ::fdatasync(m_file.handle()) == 0;
    m_file.close();
    const QString checksumPath = QDir(m_store->directory()).filePath(u"."_s + m_name + u".sha256"_s);
    const bool replacing = m_existing == MediaStore::Existing::Replace && QFileInfo::exists(finalPath);
    if (replacing)
        QFile::remove(checksumPath); // never the old image's checksum beside the new image
    // rename(2) puts the new image in place of an old one in one step; QFile::rename would not.
    const bool renamed = (replacing || !QFileInfo::exists(finalPath))
        && ::rename(QFile::encodeName(m_file.fileName()).constData(), QFile::encodeName(finalPath).constData()) == 0;
    if (!flushed || !renamed) {
        const QString message = u"the image %1 cannot be stored"_s.arg(m_name);
        abort();
        return Failure{Failure::Code::Unavailable, message};
    }
    const QString sha256 = QString::fromLatin1(m_hash.result().toHex());
    QSaveFile checksum(checksumPath);
    if (!checksum.open(QIODevice::WriteOnly) || checksum.write(sha256.toLatin1() + '\n') < 0 || !checksum.commit())
        qCWarning(lcMedia, "media store: the checksum of %s was not written", qPrintable(m_name));
    end(true);
    return m_store->image(m_name).value_or(MediaImage{m_name, m_written, sha256, QDateTime::currentDateTimeUtc()});
}

void MediaUpload::abort()
{
    if (m_ended)
        return;
    m_file.close();
    QFile::remove(m_file.fileName());
    end(false);
}

void MediaUpload::end(bool committed)
{
    m_ended = true;
    if (m_store)
        m_store->uploadEnded(this, committed);
}
