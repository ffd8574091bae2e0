#pragma once

#include "HttpHeaders.h"
#include "RedfishMessage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <functional>

#include <utility>

class QHttpServerResponder;

// What a route answers: a status, a JSON body or raw bytes, and extra headers. The server adds
// OData-Version, Content-Type and the ETag of a GET.
struct RedfishReply
{
    int status = 200;
    QJsonObject json;
    QByteArray raw; // when set, sent as is with `contentType`
    QByteArray contentType;
    // A JSON body already serialized, with its ETag: a cached representation (RepresentationCache).
    QByteArray serialized;
    QByteArray etag;
    HttpHeaderList headers;
    // A long-lived answer (an event stream) takes over the connection's responder instead, and
    // writes the headers every answer carries (HttpHeaders) after its own.
    std::function<void(QHttpServerResponder &&responder, const HttpHeaderList &everyAnswer)> stream;
    // An answer that has to wait (a screenshot, until capture has started) is given later: the
    // server calls `deferred` with the function that sends it. Sending after the client has gone
    // does nothing.
    using Answer = std::function<void(RedfishReply reply)>;
    std::function<void(Answer answer)> deferred;

    bool hasBody() const { return !json.isEmpty() || !raw.isEmpty() || !serialized.isEmpty(); }

    static RedfishReply ok(QJsonObject json, int status = 200)
    {
        RedfishReply reply;
        reply.status = status;
        reply.json = std::move(json);
        return reply;
    }
    static RedfishReply noContent()
    {
        RedfishReply reply;
        reply.status = 204;
        return reply;
    }
    static RedfishReply error(int status, const QList<RedfishMessage> &messages);
    static RedfishReply error(int status, const RedfishMessage &message) { return error(status, QList{message}); }
    // 404 ResourceNotFound: no `type` named `id` here (an account, a session, a log entry).
    static RedfishReply notFound(const QString &type, const QString &id);
    // A success that says what happened in @Message.ExtendedInfo (Base Success by default).
    static RedfishReply success(int status = 200);
    // The answer to a PATCH: the resource as it now is with what was refused in
    // @Message.ExtendedInfo, or 400 with the refusals when nothing applied.
    static RedfishReply patched(RedfishReply resource, bool changed, const QList<RedfishMessage> &problems);
};
