// The Redfish side of a request, past TLS: byte 0 chooses what the rest is. An even byte 0 makes
// the rest a request head for the guard's parser (HttpRequestHead); an odd one makes byte 1 pick
// one of the routes that read a body (every PATCH and POST), and the rest that body, handed to the
// route as an authenticated administrator's request, as the route table would after the guard,
// QHttpServer and authentication.
#include "FuzzFixture.h"
#include "HttpRequestHead.h"
#include "RedfishServer.h"

namespace {
struct Target
{
    HttpMethod method;
    const char *path;
};

// Every route with a body; the ids name what exists in the fixture (account 2 is the
// administrator) and what may not (account 9).
constexpr Target targets[] = {
    {HttpMethod::Patch, "/redfish/v1/Systems/system"},
    {HttpMethod::Post, "/redfish/v1/Systems/system/Actions/ComputerSystem.Reset"},
    {HttpMethod::Patch, "/redfish/v1/Chassis/chassis"},
    {HttpMethod::Post, "/redfish/v1/AccountService/Accounts"},
    {HttpMethod::Patch, "/redfish/v1/AccountService/Accounts/2"},
    {HttpMethod::Patch, "/redfish/v1/AccountService/Accounts/9"},
    {HttpMethod::Patch, "/redfish/v1/SessionService"},
    {HttpMethod::Post, "/redfish/v1/SessionService/Sessions"},
    {HttpMethod::Patch, "/redfish/v1/Managers/bmc/NetworkProtocol"},
    {HttpMethod::Post, "/redfish/v1/Managers/bmc/LogServices/EventLog/Actions/LogService.ClearLog"},
};

RedfishServer &server()
{
    static RedfishServer *instance = [] {
        FuzzFixture &fixture = FuzzFixture::instance();
        RedfishServer::Settings settings;
        settings.tls = false;
        settings.stateDirectory = fixture.directory->path();
        return new RedfishServer(fixture.bmc, settings);
    }();
    return *instance;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const QByteArrayView rest(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    if ((data[0] & 1) == 0) {
        if (const auto head = HttpRequestHead::parse(rest))
            (void)head->contentLength();
        return 0;
    }
    const Target &target = targets[data[1] % std::size(targets)];
    RedfishRequest request;
    request.method = target.method;
    request.path = QString::fromLatin1(target.path);
    request.body = rest.sliced(1).toByteArray();
    request.headers.insert("content-type", "application/json");
    request.address = QStringLiteral("192.0.2.1");
    request.user = QStringLiteral("admin");
    request.role = Role::Administrator;
    const RouteTable::Match match = server().directory().routes().find(request.path, request.method);
    if (!match.route)
        return 0;
    request.params = match.params;
    (void)match.route->handler(request);
    return 0;
}
