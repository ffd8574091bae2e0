#pragma once

#include "Expected.h"
#include "MediaImage.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class MediaUpload;

// The BMC's own store of images for virtual media (media.store): one folder, one file per image,
// each image's SHA-256 in a sidecar written when the upload completed. An upload is written to a
// hidden partial file and renamed into place only once whole and checked, so an upload that was
// cut off, even by a crash, leaves no image behind; open() clears what such uploads left
// (docs/decisions.md#128). Images and uploads together stay within `maxBytes`.
class MediaStore : public QObject
{
    Q_OBJECT
public:
    MediaStore(QString directory, qint64 maxBytes, QObject *parent = nullptr);
    ~MediaStore() override;

    // Creates the folder if need be and removes the partial files of uploads that never finished.
    std::optional<Failure> open();

    QString directory() const { return m_directory; }
    qint64 maxBytes() const { return m_maxBytes; }
    // The images' sizes together, uploads in progress included.
    qint64 usedBytes() const;

    // In name order.
    QList<MediaImage> images() const;
    std::optional<MediaImage> image(const QString &name) const;
    // The file of the image `name`, which need not exist.
    QString pathOf(const QString &name) const;

    // A name an image may have: a plain file name, printable, not hidden, at most 200 bytes.
    static bool isValidName(const QString &name);

    // What an upload does about an image that already has its name.
    enum class Existing { Refuse, Replace };

    // Starts writing the image `name`; `expectedBytes` (or -1 when not known) is checked against
    // the space left before anything is written. With Existing::Replace the old image stays until
    // the new one is whole, then the new one takes its place in one rename.
    Expected<std::unique_ptr<MediaUpload>> beginUpload(const QString &name, qint64 expectedBytes,
                                                       Existing existing = Existing::Refuse);
    // Deletes the image and its checksum.
    std::optional<Failure> remove(const QString &name);

signals:
    void changed();

private:
    friend class MediaUpload;
    // Bytes free for uploads: within max_bytes and on the disk.
    qint64 freeBytes() const;
    void uploadEnded(MediaUpload *upload, bool committed);

    QString m_directory;
    qint64 m_maxBytes;
    QList<MediaUpload *> m_uploads;
};
