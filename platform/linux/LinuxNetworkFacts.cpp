#include "LinuxNetworkFacts.h"

#include "PlatformLogging.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QNetworkInterface>
#include <QtEndian>

#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {
constexpr uint routeUp = 0x0001;        // RTF_UP
constexpr uint neighbourComplete = 0x2; // ATF_COM

// /proc/net/route prints addresses as the hexadecimal of their network-order bytes read as a
// host integer.
QString routeAddress(const QByteArray &hex)
{
    bool ok = false;
    const quint32 value = hex.toUInt(&ok, 16);
    return ok && value != 0 ? QHostAddress(qFromBigEndian(value)).toString() : QString();
}

// Where rtnetlink is not allowed (a sandbox), every request would fail the same way: say so once.
void warnAboutNetlink(const char *what)
{
    static bool warned = false;
    if (warned) {
        qCDebug(lcLinux, "rtnetlink: %s: %s", what, strerror(errno));
        return;
    }
    warned = true;
    qCWarning(lcLinux, "rtnetlink: %s: %s; IP address sources are reported as unknown", what, strerror(errno));
}

QList<QByteArray> fields(const QByteArray &line)
{
    return line.simplified().split(' ');
}

// A socket that is closed on every way out.
class NetlinkSocket
{
public:
    NetlinkSocket()
        : m_fd(::socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE))
    {
    }
    ~NetlinkSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    NetlinkSocket(const NetlinkSocket &) = delete;
    NetlinkSocket &operator=(const NetlinkSocket &) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

// IFA_F_PERMANENT of one address message, if it is `address` on `interfaceIndex`.
std::optional<bool> permanentFlag(const nlmsghdr *header, int interfaceIndex, quint32 address)
{
    const auto *message = static_cast<const ifaddrmsg *>(NLMSG_DATA(header));
    if (message->ifa_family != AF_INET || int(message->ifa_index) != interfaceIndex)
        return std::nullopt;
    quint32 flags = message->ifa_flags;
    bool matches = false;
    int length = int(IFA_PAYLOAD(header));
    for (const rtattr *attribute = IFA_RTA(message); RTA_OK(attribute, length);
         attribute = RTA_NEXT(attribute, length)) {
        if (attribute->rta_type == IFA_LOCAL && RTA_PAYLOAD(attribute) == sizeof(quint32)) {
            quint32 local = 0;
            std::memcpy(&local, RTA_DATA(attribute), sizeof local);
            matches = qFromBigEndian(local) == address;
        } else if (attribute->rta_type == IFA_FLAGS && RTA_PAYLOAD(attribute) == sizeof(quint32)) {
            std::memcpy(&flags, RTA_DATA(attribute), sizeof flags);
        }
    }
    if (!matches)
        return std::nullopt;
    return (flags & IFA_F_PERMANENT) != 0;
}
} // namespace

LinuxNetworkFacts::LinuxNetworkFacts(QString procRoot)
    : m_procRoot(std::move(procRoot))
{
}

QByteArray LinuxNetworkFacts::readProcFile(const QString &name) const
{
    QFile file(QDir(m_procRoot).filePath(name));
    // /proc files report no size: read until the end.
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

NetworkFacts::Interface LinuxNetworkFacts::primaryInterface() const
{
    const std::optional<DefaultRoute> route = parseDefaultRoute(readProcFile(u"net/route"_s));
    QNetworkInterface chosen;
    if (route)
        chosen = QNetworkInterface::interfaceFromName(route->interfaceName);
    if (!chosen.isValid()) {
        for (const QNetworkInterface &candidate : QNetworkInterface::allInterfaces()) {
            const auto flags = candidate.flags();
            if (flags.testFlag(QNetworkInterface::IsUp) && !flags.testFlag(QNetworkInterface::IsLoopBack)) {
                chosen = candidate;
                break;
            }
        }
    }
    if (!chosen.isValid())
        return {};

    Interface facts;
    facts.name = chosen.name();
    facts.macAddress = chosen.hardwareAddress().toLower();
    facts.isUp = chosen.flags().testFlag(QNetworkInterface::IsUp);
    for (const QNetworkAddressEntry &entry : chosen.addressEntries()) {
        if (entry.ip().protocol() == QAbstractSocket::IPv4Protocol) {
            facts.ipv4Address = entry.ip().toString();
            facts.ipv4Netmask = entry.netmask().toString();
            facts.source = addressSource(chosen.index(), facts.ipv4Address);
            break;
        }
    }
    if (route && route->interfaceName == facts.name && !route->gateway.isEmpty()) {
        facts.ipv4Gateway = route->gateway;
        facts.gatewayMacAddress = parseNeighbourMac(readProcFile(u"net/arp"_s), route->gateway);
    }
    return facts;
}

std::optional<LinuxNetworkFacts::DefaultRoute> LinuxNetworkFacts::parseDefaultRoute(const QByteArray &routeTable)
{
    // Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT
    std::optional<DefaultRoute> best;
    uint bestMetric = 0;
    const QList<QByteArray> lines = routeTable.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> columns = fields(lines.at(i));
        if (columns.size() < 8)
            continue;
        bool flagsOk = false;
        bool metricOk = false;
        const uint flags = columns.at(3).toUInt(&flagsOk, 16);
        const uint metric = columns.at(6).toUInt(&metricOk);
        const bool everywhere = columns.at(1).toUInt(nullptr, 16) == 0 && columns.at(7).toUInt(nullptr, 16) == 0
            && columns.at(1).size() == 8;
        if (!flagsOk || !metricOk || !everywhere || !(flags & routeUp))
            continue;
        if (!best || metric < bestMetric) {
            best = DefaultRoute{QString::fromLocal8Bit(columns.at(0)), routeAddress(columns.at(2))};
            bestMetric = metric;
        }
    }
    return best;
}

QString LinuxNetworkFacts::parseNeighbourMac(const QByteArray &arpTable, const QString &address)
{
    // IP address, HW type, Flags, HW address, Mask, Device
    const QList<QByteArray> lines = arpTable.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> columns = fields(lines.at(i));
        if (columns.size() < 4 || QString::fromLatin1(columns.at(0)) != address)
            continue;
        if (!(columns.at(2).toUInt(nullptr, 16) & neighbourComplete) || columns.at(3) == "00:00:00:00:00:00")
            continue;
        return QString::fromLatin1(columns.at(3)).toLower();
    }
    return {};
}

NetworkFacts::AddressSource LinuxNetworkFacts::addressSource(int interfaceIndex, const QString &address)
{
    bool ok = false;
    const quint32 wanted = QHostAddress(address).toIPv4Address(&ok);
    if (!ok || interfaceIndex <= 0)
        return AddressSource::Unknown;

    NetlinkSocket socket;
    if (socket.fd() < 0) {
        warnAboutNetlink("cannot open a socket");
        return AddressSource::Unknown;
    }
    const timeval timeout{1, 0};
    ::setsockopt(socket.fd(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);

    struct
    {
        nlmsghdr header;
        ifaddrmsg message;
    } request{};
    request.header.nlmsg_len = NLMSG_LENGTH(sizeof(ifaddrmsg));
    request.header.nlmsg_type = RTM_GETADDR;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.header.nlmsg_seq = 1;
    request.message.ifa_family = AF_INET;
    if (::send(socket.fd(), &request, request.header.nlmsg_len, 0) < 0) {
        warnAboutNetlink("cannot ask for addresses");
        return AddressSource::Unknown;
    }

    std::optional<bool> permanent;
    alignas(nlmsghdr) char buffer[16384];
    for (;;) {
        const ssize_t received = ::recv(socket.fd(), buffer, sizeof buffer, 0);
        if (received <= 0) {
            warnAboutNetlink("no answer about addresses");
            return AddressSource::Unknown;
        }
        // NLMSG_OK and NLMSG_NEXT, spelled out: the macros mix signed and unsigned lengths.
        size_t remaining = size_t(received);
        const char *cursor = buffer;
        while (remaining >= sizeof(nlmsghdr)) {
            const auto *header = reinterpret_cast<const nlmsghdr *>(cursor);
            if (header->nlmsg_len < sizeof(nlmsghdr) || header->nlmsg_len > remaining)
                break;
            if (header->nlmsg_type == NLMSG_DONE || header->nlmsg_type == NLMSG_ERROR) {
                if (!permanent)
                    return AddressSource::Unknown;
                return *permanent ? AddressSource::Static : AddressSource::Dhcp;
            }
            if (header->nlmsg_type == RTM_NEWADDR && !permanent)
                permanent = permanentFlag(header, interfaceIndex, wanted);
            const size_t step = std::min<size_t>(remaining, NLMSG_ALIGN(header->nlmsg_len));
            cursor += step;
            remaining -= step;
        }
    }
}
