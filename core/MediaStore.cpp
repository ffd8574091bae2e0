#include "MediaStore.h"

#include "CoreLogging.h"
#include "MediaUpload.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>

using namespace Qt::StringLiterals;

namespace {
// Hidden files are the store's own: partial uploads and checksums. Images are never hidden.
const QString partialPrefix = u".partial."_s;
const QString checksumSuffix = u".sha256"_s;
constexpr qsizetype maxNameBytes = 200;

QString checksumPath(const QDir &directory, const QString &name)
{
    return directory.filePath(u"."_s + name + checksumSuffix);
}

QString readChecksum(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray hex = file.read(64).trimmed();
    const bool valid = hex.size() == 64 && std::all_of(hex.cbegin(), hex.cend(), [](char c) {
                           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                       });
    return valid ? QString::fromLatin1(hex) : QString();
}
} // namespace

MediaStore::MediaStore(QString directory, qint64 maxBytes, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(directory))
    , m_maxBytes(maxBytes)
{
}

MediaStore::~MediaStore()
{
    // Uploads still open end with the store: their partial files go.
    for (MediaUpload *upload : std::as_const(m_uploads))
        upload->m_store = nullptr;
}

std::optional<Failure> MediaStore::open()
{
    QDir directory(m_directory);
    if (!directory.mkpath(u"."_s))
        return Failure{Failure::Code::Unavailable, u"the media store %1 cannot be created"_s.arg(m_directory)};
    const QStringList leftovers =
        directory.entryList({partialPrefix + u"*"_s}, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &leftover : leftovers) {
        qCInfo(lcMedia, "media store: removing %s, an upload that never finished", qPrintable(leftover));
        QFile::remove(directory.filePath(leftover));
    }
    // A checksum whose image is gone (removed by hand) is dropped too.
    const QStringList checksums =
        directory.entryList({u".*"_s + checksumSuffix}, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &checksum : checksums) {
        const QString name = checksum.mid(1, checksum.size() - 1 - checksumSuffix.size());
        if (!QFileInfo(directory.filePath(name)).isFile())
            QFile::remove(directory.filePath(checksum));
    }
    return std::nullopt;
}

qint64 MediaStore::usedBytes() const
{
    qint64 used = 0;
    QDirIterator files(m_directory, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    while (files.hasNext()) {
        files.next();
        used += files.fileInfo().size();
    }
    return used;
}

QList<MediaImage> MediaStore::images() const
{
    QList<MediaImage> found;
    const QDir directory(m_directory);
    const QFileInfoList files = directory.entryInfoList(QDir::Files, QDir::Name);
    for (const QFileInfo &file : files) {
        if (!isValidName(file.fileName()))
            continue;
        found.append({file.fileName(), file.size(), readChecksum(checksumPath(directory, file.fileName())),
                      file.lastModified().toUTC()});
    }
    return found;
}

std::optional<MediaImage> MediaStore::image(const QString &name) const
{
    if (!isValidName(name))
        return std::nullopt;
    const QFileInfo file(pathOf(name));
    if (!file.isFile())
        return std::nullopt;
    return MediaImage{name, file.size(), readChecksum(checksumPath(QDir(m_directory), name)),
                      file.lastModified().toUTC()};
}

QString MediaStore::pathOf(const QString &name) const
{
    return QDir(m_directory).filePath(name);
}

bool MediaStore::isValidName(const QString &name)
{
    if (name.isEmpty() || name.startsWith(u'.') || name.toUtf8().size() > maxNameBytes)
        return false;
    return std::none_of(name.cbegin(), name.cend(), [](QChar c) {
        return c == u'/' || c == u'\\' || c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
}

qint64 MediaStore::freeBytes() const
{
    const qint64 withinLimit = std::max<qint64>(0, m_maxBytes - usedBytes());
    const QStorageInfo disk(m_directory);
    return disk.isValid() ? std::min(withinLimit, disk.bytesAvailable()) : withinLimit;
}

Expected<std::unique_ptr<MediaUpload>> MediaStore::beginUpload(const QString &name, qint64 expectedBytes,
                                                               Existing existing)
{
    if (!isValidName(name))
        return Failure{Failure::Code::InvalidName,
                       u"an image name is a plain file name of at most %1 bytes, not hidden"_s.arg(maxNameBytes)};
    if ((existing == Existing::Refuse && QFileInfo::exists(pathOf(name)))
        || QFileInfo::exists(QDir(m_directory).filePath(partialPrefix + name)))
        return Failure{Failure::Code::ImageExists, u"the media store already has an image called %1"_s.arg(name)};
    const qint64 room = freeBytes();
    if (expectedBytes > room)
        return Failure{
            Failure::Code::StoreFull,
            u"the image (%1 bytes) does not fit: %2 bytes of media.max_bytes %3 are free"_s.arg(expectedBytes)
                .arg(room)
                .arg(m_maxBytes)};
    std::unique_ptr<MediaUpload> upload(
        new MediaUpload(this, name, QDir(m_directory).filePath(partialPrefix + name), room, existing));
    if (!upload->m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered))
        return Failure{Failure::Code::Unavailable,
                       u"the media store cannot write %1: %2"_s.arg(name, upload->m_file.errorString())};
    m_uploads.append(upload.get());
    return upload;
}

std::optional<Failure> MediaStore::remove(const QString &name)
{
    if (!image(name))
        return Failure{Failure::Code::NoSuchImage, u"the media store has no image called %1"_s.arg(name)};
    if (!QFile::remove(pathOf(name)))
        return Failure{Failure::Code::Unavailable, u"the image %1 cannot be deleted"_s.arg(name)};
    QFile::remove(checksumPath(QDir(m_directory), name));
    emit changed();
    return std::nullopt;
}

void MediaStore::uploadEnded(MediaUpload *upload, bool committed)
{
    m_uploads.removeOne(upload);
    if (committed)
        emit changed();
}
