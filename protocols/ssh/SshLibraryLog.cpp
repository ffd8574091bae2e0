#include "SshLibraryLog.h"

#include "SshLogging.h"

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

namespace {

// Everything runs on the event loop's thread, and libssh calls the log callback synchronously
// from the packet it is handling, right before it hands the request on.
QByteArray lastChannelRequest;

void forward(int priority, const char *function, const char *buffer, void *)
{
    Q_UNUSED(function)
    const QByteArrayView line(buffer);
    if (priority >= SSH_LOG_PACKET) {
        // "ssh_message_handle_channel_request: Received a break channel_request for channel (..."
        static constexpr QByteArrayView before("Received a ");
        static constexpr QByteArrayView after(" channel_request for channel");
        const qsizetype start = line.indexOf(before);
        const qsizetype end = line.indexOf(after);
        if (start >= 0 && end > start + before.size())
            lastChannelRequest =
                line.sliced(start + before.size(), std::min<qsizetype>(end - start - before.size(), 64)).toByteArray();
        return;
    }
    if (priority <= SSH_LOG_WARNING)
        qCWarning(lcSsh, "libssh: %s", buffer);
    else
        qCDebug(lcSsh, "libssh: %s", buffer);
}

} // namespace

void SshLibraryLog::install()
{
    ssh_set_log_callback(forward);
    ssh_set_log_level(SSH_LOG_PACKET);
}

QByteArray SshLibraryLog::takeLastChannelRequest()
{
    return std::exchange(lastChannelRequest, QByteArray());
}
