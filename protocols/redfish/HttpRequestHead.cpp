#include "HttpRequestHead.h"

#include <algorithm>

namespace {
// RFC 9110 section 5.6.2: the characters of a token, which a field name is.
bool isTokenCharacter(char c)
{
    static constexpr QByteArrayView others = "!#$%&'*+-.^_`|~";
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || others.contains(c);
}

bool isDigits(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

HttpRequestHead::Problem problem(QByteArrayView where, const char *reason)
{
    return {where.toByteArray(), reason};
}
} // namespace

Expected<HttpRequestHead, HttpRequestHead::Problem> HttpRequestHead::parse(QByteArrayView head)
{
    if (head.contains('\0'))
        return problem("request", "a NUL byte");
    QList<QByteArrayView> lines;
    for (qsizetype start = 0; start <= head.size();) {
        qsizetype end = head.indexOf('\n', start);
        if (end < 0)
            end = head.size();
        QByteArrayView line = head.sliced(start, end - start);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r'))
            return problem("request", "a CR without LF");
        lines.append(line);
        start = end + 1;
    }

    HttpRequestHead result;
    const QByteArrayView requestLine = lines.value(0);
    const QList<QByteArray> requestParts = requestLine.toByteArray().split(' ');
    result.m_method = requestParts.value(0);
    result.m_target = requestParts.value(1);
    int contentLengths = 0;
    bool transferEncoding = false;
    QByteArrayView connection;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return problem("request", "a folded header line");
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon > 0 ? line.first(colon) : QByteArrayView();
        if (name.isEmpty() || !std::all_of(name.begin(), name.end(), isTokenCharacter))
            return problem(colon > 0 ? name : line.first(std::min<qsizetype>(line.size(), 40)),
                           "a header line without a valid name");
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        result.m_fields.emplaceBack(name.toByteArray(), value.toByteArray());
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            if (++contentLengths > 1)
                return problem(name, "more than one Content-Length");
            if (!isDigits(value) || value.size() > 15)
                return problem(name, "a Content-Length that is not a number");
            result.m_contentLength = value.toLongLong();
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            // The last coding decides how the body ends (RFC 9112 section 6.3).
            transferEncoding = true;
            const QByteArray codings = value.toByteArray().toLower();
            result.m_chunked = codings.split(',').constLast().trimmed() == "chunked";
        } else if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            connection = value;
        }
    }
    if (transferEncoding && contentLengths > 0)
        return problem("Transfer-Encoding", "both Content-Length and Transfer-Encoding");
    if (transferEncoding && !result.m_chunked)
        return problem("Transfer-Encoding", "a Transfer-Encoding that does not end in chunked");
    const QByteArray options = connection.toByteArray().toLower();
    result.m_closeAfterResponse =
        options.contains("close") || (requestLine.trimmed().endsWith("HTTP/1.0") && !options.contains("keep-alive"));
    return result;
}

QList<QByteArray> HttpRequestHead::values(QByteArrayView name) const
{
    QList<QByteArray> found;
    for (const auto &[fieldName, value] : m_fields) {
        if (name.compare(fieldName, Qt::CaseInsensitive) == 0)
            found.append(value);
    }
    return found;
}
