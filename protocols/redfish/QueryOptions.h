#pragma once

#include "Expected.h"
#include "RedfishReply.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>

#include <functional>
#include <optional>

// The query parameters of a GET (DSP0266 section 7.3): $select, $expand (".", "*" and "~" with
// $levels up to maxLevels), $top and $skip on collections with Members@odata.nextLink. Other "$"
// parameters are refused with 501; parameters without "$" are not Redfish's and are ignored.
class QueryOptions
{
public:
    static constexpr int maxLevels = 3;

    // The options, or the error to answer with.
    static Expected<QueryOptions, RedfishReply> parse(const QUrlQuery &query);

    bool isEmpty() const { return m_select.isEmpty() && m_expand.isEmpty() && !m_top && !m_skip; }

    // Fetches a resource for $expand; nothing when it cannot be read (it then stays a link).
    using Fetch = std::function<std::optional<QJsonObject>(const QString &path)>;
    void apply(QJsonObject *body, const QString &path, const Fetch &fetch) const;

private:
    void expand(QJsonObject *object, int levels, bool underLinks, const Fetch &fetch) const;
    void page(QJsonObject *body, const QString &path) const;
    static void select(QJsonObject *body, const QStringList &paths);

    QStringList m_select;
    QString m_expand; // ".", "*", "~" or empty
    int m_levels = 1;
    std::optional<qsizetype> m_top;
    std::optional<qsizetype> m_skip;
};
