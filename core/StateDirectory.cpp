#include "StateDirectory.h"

#include "EventLogFile.h"
#include "StateFile.h"
#include "StateFormats.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace {
std::optional<QString> newer(const StateFile::Result &result)
{
    if (result.status != StateFile::Status::TooNew)
        return std::nullopt;
    return u"%1: %2; it is left as it is. Start the qbmc that wrote it, or move the file away to start "
           "without it"_s.arg(result.path, result.problem);
}
} // namespace

std::optional<QString> StateDirectory::newerFormat(const QString &directory)
{
    for (const StateFormats::Format &format : StateFormats::jsonDocuments) {
        StateFile file(QDir(directory).filePath(format.fileName));
        if (auto message = newer(file.load(format.version, {}, StateFile::Mode::ReadOnly)))
            return message;
    }
    return newer(EventLogFile(directory).load(StateFile::Mode::ReadOnly).result);
}
