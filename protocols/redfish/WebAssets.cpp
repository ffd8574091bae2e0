#include "WebAssets.h"

#include <QDirIterator>
#include <QFile>
#include <QResource>

using namespace Qt::StringLiterals;

namespace {
const QString indexFile = u"index.html"_s;
const QString compressedSuffixes[] = {u".gz"_s, u".br"_s};

QByteArray contentTypeOf(const QString &path)
{
    static const QHash<QString, QByteArray> types{
        {u"html"_s, "text/html; charset=utf-8"},
        {u"js"_s, "text/javascript; charset=utf-8"},
        {u"css"_s, "text/css; charset=utf-8"},
        {u"json"_s, "application/json; charset=utf-8"},
        {u"svg"_s, "image/svg+xml"},
        {u"png"_s, "image/png"},
        {u"ico"_s, "image/x-icon"},
        {u"woff2"_s, "font/woff2"},
    };
    return types.value(path.section(u'.', -1), "application/octet-stream");
}

// An embedded resource is used where it lies; a file on disk is read once.
QByteArray contentOf(const QString &path)
{
    if (path.startsWith(u':')) {
        const QResource resource(path);
        if (resource.isValid() && resource.compressionAlgorithm() == QResource::NoCompression)
            return QByteArray::fromRawData(reinterpret_cast<const char *>(resource.data()), resource.size());
    }
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Whether Accept-Encoding allows `coding` (a q of 0 refuses it).
bool accepts(const QByteArray &acceptEncoding, QByteArrayView coding)
{
    for (const QByteArray &item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        if (parts.first().trimmed().compare(coding, Qt::CaseInsensitive) != 0)
            continue;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed();
            if (parameter.startsWith("q=") || parameter.startsWith("Q="))
                return parameter.mid(2).toDouble() > 0;
        }
        return true;
    }
    return false;
}
} // namespace

WebAssets::WebAssets(const QString &root)
{
    QDirIterator files(root, QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        const QString relative = path.mid(root.size() + 1);
        if (relative != u"web.qrc"_s && !relative.endsWith(compressedSuffixes[0])
            && !relative.endsWith(compressedSuffixes[1]))
            load(root, relative);
    }
    if (!m_files.contains(indexFile))
        m_files.clear();
}

void WebAssets::load(const QString &root, const QString &relative)
{
    const QString path = root + u'/' + relative;
    File file;
    file.identity = contentOf(path);
    if (QFile::exists(path + u".gz"_s))
        file.gzip = contentOf(path + u".gz"_s);
    if (QFile::exists(path + u".br"_s))
        file.brotli = contentOf(path + u".br"_s);
    file.contentType = contentTypeOf(relative);
    m_files.insert(relative, file);
}

bool WebAssets::isRedfishPath(QStringView path)
{
    return path == u"/redfish" || path.startsWith(u"/redfish/");
}

WebAssets::Answer WebAssets::answer(HttpMethod method, const QByteArray &encodedPath,
                                    const QByteArray &acceptEncoding) const
{
    if (method != HttpMethod::Get && method != HttpMethod::Head) {
        Answer answer = plainAnswer(405, "Method not allowed\n");
        answer.headers.emplaceBack("Allow", "GET, HEAD");
        return answer;
    }
    const QByteArray decoded = QByteArray::fromPercentEncoding(encodedPath);
    const QList<QByteArray> segments = decoded.split('/');
    if (decoded.contains('\0') || segments.contains("..") || segments.contains("."))
        return plainAnswer(400, "Bad request path\n");
    if (isEmpty())
        return plainAnswer(404, "This build of qbmc has no web UI.\n");

    const QString path = QString::fromUtf8(decoded).mid(1);
    if (path.startsWith(u"assets/"_s)) {
        // Named after their content, so never stale: a year, without asking again.
        const auto file = m_files.constFind(path);
        if (file == m_files.cend())
            return plainAnswer(404, "Not found\n");
        return fileAnswer(*file, 200, "public, max-age=31536000, immutable", acceptEncoding);
    }
    // The page names the assets of this build; a cached copy would name ones that are gone.
    const bool isIndex = path.isEmpty() || path == indexFile;
    return fileAnswer(m_files.value(indexFile), isIndex ? 200 : 404, "no-store", acceptEncoding);
}

WebAssets::Answer WebAssets::fileAnswer(const File &file, int status, const QByteArray &cacheControl,
                                        const QByteArray &acceptEncoding) const
{
    Answer answer;
    answer.status = status;
    answer.headers.emplaceBack("Content-Type", file.contentType);
    answer.headers.emplaceBack("Cache-Control", cacheControl);
    answer.headers.emplaceBack("Vary", "Accept-Encoding");
    if (!file.brotli.isEmpty() && accepts(acceptEncoding, "br")) {
        answer.headers.emplaceBack("Content-Encoding", "br");
        answer.body = file.brotli;
    } else if (!file.gzip.isEmpty() && accepts(acceptEncoding, "gzip")) {
        answer.headers.emplaceBack("Content-Encoding", "gzip");
        answer.body = file.gzip;
    } else {
        answer.body = file.identity;
    }
    return answer;
}

WebAssets::Answer WebAssets::plainAnswer(int status, const QByteArray &text)
{
    return Answer{status, {{"Content-Type", "text/plain; charset=utf-8"}, {"Cache-Control", "no-store"}}, text};
}
