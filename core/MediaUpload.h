#pragma once

#include "Expected.h"
#include "MediaImage.h"
#include "MediaStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QString>

// One image being written into the MediaStore: bytes in order, hashed as they come, into a hidden
// partial file. commit() makes it an image; an upload destroyed before that leaves nothing.
class MediaUpload
{
public:
    ~MediaUpload();
    MediaUpload(const MediaUpload &) = delete;
    MediaUpload &operator=(const MediaUpload &) = delete;

    QString name() const { return m_name; }
    qint64 writtenBytes() const { return m_written; }

    // Appends `data`; refused (and the upload is then dead) when the store has no room for it or
    // the disk will not take it.
    std::optional<Failure> write(QByteArrayView data);
    // The whole image is written: flushed to disk, renamed into place, its checksum recorded.
    Expected<MediaImage> commit();
    // Ends the upload and deletes what was written.
    void abort();

private:
    friend class MediaStore;
    MediaUpload(MediaStore *store, QString name, QString partialPath, qint64 room, MediaStore::Existing existing);
    void end(bool committed);

    MediaStore *m_store;
    QString m_name;
    QFile m_file;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_room; // bytes the store had free when the upload began
    qint64 m_written = 0;
    MediaStore::Existing m_existing;
    bool m_ended = false;
};
