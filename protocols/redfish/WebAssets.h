#pragma once

#include "HttpHeaders.h"
#include "HttpMethod.h"

#include <QByteArray>
#include <QHash>
#include <QString>

// The web UI's files as tools/build-web-assets lays them out under a root (":/web" in the daemon,
// where rcc embeds them; a directory in tests): index.html, and assets/<hash>/... whose name
// changes with their content, each with the .gz and .br forms the build made. Answers every GET
// or HEAD outside /redfish on the Redfish listener (docs/decisions.md#116):
// - an asset, compressed as the browser accepts, cached for a year;
// - index.html for "/", never cached, and for any other path with status 404, so the app shows
//   its own not-found view;
// - 400 for a path with a ".." segment or an encoded NUL, 405 for other methods.
class WebAssets
{
public:
    struct Answer
    {
        int status = 200;
        HttpHeaderList headers; // Content-Type, Content-Encoding, Cache-Control, Vary, Allow
        QByteArray body;        // also what HEAD announces in Content-Length
    };

    explicit WebAssets(const QString &root);

    bool isEmpty() const { return m_files.isEmpty(); }
    qsizetype fileCount() const { return m_files.size(); }

    // `encodedPath` as the request target has it, percent-encoding and all.
    Answer answer(HttpMethod method, const QByteArray &encodedPath, const QByteArray &acceptEncoding) const;

    // Paths the Redfish service owns; everything else on the listener is the web UI's.
    static bool isRedfishPath(QStringView path);

private:
    struct File
    {
        QByteArray identity;
        QByteArray gzip;   // empty when the build found compression no smaller
        QByteArray brotli; // likewise, or when the build machine had no brotli
        QByteArray contentType;
    };

    void load(const QString &root, const QString &relative);
    Answer fileAnswer(const File &file, int status, const QByteArray &cacheControl,
                      const QByteArray &acceptEncoding) const;
    static Answer plainAnswer(int status, const QByteArray &text);

    QHash<QString, File> m_files; // by path below the root: "index.html", "assets/<hash>/app.js"
};
