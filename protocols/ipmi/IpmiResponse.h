#pragma once

#include "CompletionCode.h"

#include <QByteArray>

#include <functional>

// A handler's answer: completion code and data, and optionally work that must wait until the
// reply is on its way (closing the session it travels in, restarting the BMC).
struct IpmiResponse
{
    CompletionCode completionCode = CompletionCode::Success;
    QByteArray data;
    std::function<void()> afterReply;

    static IpmiResponse success(QByteArray data = {}) { return {CompletionCode::Success, std::move(data), {}}; }
    static IpmiResponse failure(CompletionCode code) { return {code, {}, {}}; }
};
