#include "QueryOptions.h"

#include "BaseMessages.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
bool isReference(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return value.isObject() && object.size() == 1 && object.contains(u"@odata.id"_s);
}

std::optional<qsizetype> count(const QString &value)
{
    bool ok = false;
    const qlonglong number = value.toLongLong(&ok);
    if (!ok || number < 0)
        return std::nullopt;
    return qsizetype(number);
}
} // namespace

Expected<QueryOptions, RedfishReply> QueryOptions::parse(const QUrlQuery &query)
{
    QueryOptions options;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name == u"$select"_s) {
            options.m_select = value.split(u',', Qt::SkipEmptyParts);
            for (QString &path : options.m_select)
                path = path.trimmed();
        } else if (name == u"$expand"_s) {
            static const QRegularExpression form(uR"(^([.*~])(?:\(\$levels=(\d+)\))?$)"_s);
            const QRegularExpressionMatch match = form.match(value);
            const int levels = match.captured(2).isEmpty() ? 1 : match.captured(2).toInt();
            if (!match.hasMatch() || levels < 1 || levels > maxLevels)
                return RedfishReply::error(400, BaseMessages::make("QueryParameterValueTypeError", {value, name}));
            options.m_expand = match.captured(1);
            options.m_levels = levels;
        } else if (name == u"$top"_s || name == u"$skip"_s) {
            const std::optional<qsizetype> number = count(value);
            if (!number)
                return RedfishReply::error(400, BaseMessages::make("QueryParameterValueTypeError", {value, name}));
            (name == u"$top"_s ? options.m_top : options.m_skip) = number;
        } else if (name.startsWith(u'$') || name == u"only"_s || name == u"excerpt"_s) {
            return RedfishReply::error(501, BaseMessages::make("QueryParameterUnsupported", {name}));
        }
    }
    return options;
}

void QueryOptions::apply(QJsonObject *body, const QString &path, const Fetch &fetch) const
{
    page(body, path);
    if (!m_expand.isEmpty())
        expand(body, m_levels, false, fetch);
    if (!m_select.isEmpty())
        select(body, m_select);
}

void QueryOptions::page(QJsonObject *body, const QString &path) const
{
    if ((!m_top && !m_skip) || !body->value(u"Members"_s).isArray())
        return;
    const QJsonArray members = body->value(u"Members"_s).toArray();
    const qsizetype skip = std::min(m_skip.value_or(0), members.size());
    const qsizetype top = std::min(m_top.value_or(members.size()), members.size() - skip);
    QJsonArray page;
    for (qsizetype i = skip; i < skip + top; ++i)
        page.append(members.at(i));
    body->insert(u"Members"_s, page);
    if (skip + top < members.size()) {
        QString next = path + u"?$skip="_s + QString::number(skip + top);
        if (m_top)
            next += u"&$top="_s + QString::number(*m_top);
        body->insert(u"Members@odata.nextLink"_s, next);
    }
}

void QueryOptions::expand(QJsonObject *object, int levels, bool underLinks, const Fetch &fetch) const
{
    if (levels <= 0)
        return;
    for (auto it = object->begin(); it != object->end(); ++it) {
        const bool links = underLinks || it.key() == u"Links"_s;
        // "." expands what is not under Links, "~" only what is, "*" both.
        const bool wanted = m_expand == u"*"_s || (m_expand == u"."_s && !links) || (m_expand == u"~"_s && links);
        const auto expandValue = [&](QJsonValue value) {
            if (isReference(value) && wanted) {
                if (std::optional<QJsonObject> fetched = fetch(value.toObject().value(u"@odata.id"_s).toString())) {
                    expand(&*fetched, levels - 1, false, fetch);
                    return QJsonValue(*fetched);
                }
                return value;
            }
            if (value.isObject() && !isReference(value)) {
                QJsonObject inner = value.toObject();
                expand(&inner, levels, links, fetch);
                return QJsonValue(inner);
            }
            return value;
        };
        if (it->isArray()) {
            QJsonArray array = it->toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                array[i] = expandValue(array.at(i));
            *it = array;
        } else if (it->isObject()) {
            *it = expandValue(*it);
        }
    }
}

void QueryOptions::select(QJsonObject *body, const QStringList &paths)
{
    QJsonObject selected;
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key().startsWith(u"@odata."_s))
            selected.insert(it.key(), *it);
    }
    for (const QString &path : paths) {
        const QStringList parts = path.split(u'/');
        const QJsonValue value = body->value(parts.first());
        if (value.isUndefined())
            continue;
        if (parts.size() == 1) {
            selected.insert(parts.first(), value);
        } else if (value.isObject()) {
            // One level of nesting: "Boot/BootSourceOverrideTarget".
            QJsonObject inner = selected.value(parts.first()).toObject();
            const QJsonValue innerValue = value.toObject().value(parts.at(1));
            if (!innerValue.isUndefined())
                inner.insert(parts.at(1), innerValue);
            selected.insert(parts.first(), inner);
        }
    }
    *body = selected;
}
