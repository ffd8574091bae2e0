#include "ConfigLoader.h"

#include "Configuration.h"
#include "YamlConfigReader.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

std::optional<ConfigError> ConfigLoader::load(Configuration *configuration, const QString &mainFile, MainFile required,
                                              QStringList *warnings, QStringList *filesRead)
{
    QStringList files;
    if (QFileInfo::exists(mainFile) || required == MainFile::Required)
        files.append(mainFile);
    const QDir dropIns(QFileInfo(mainFile).dir().filePath(u"qbmc.d"_s));
    for (const QString &name : dropIns.entryList({u"*.yaml"_s}, QDir::Files, QDir::Name))
        files.append(dropIns.filePath(name));
    // A drop-in folder that exists but cannot be listed is not silently skipped.
    if (dropIns.exists() && !QFileInfo(dropIns.path()).isReadable())
        return ConfigError{dropIns.path(), 0, {}, u"cannot read the folder"_s};

    for (const QString &file : std::as_const(files)) {
        const YamlConfigReader::Result read = YamlConfigReader::readFile(file);
        if (read.error)
            return read.error;
        if (auto error = configuration->applyFile(file, read.entries, warnings))
            return error;
        if (filesRead)
            filesRead->append(file);
    }
    return configuration->validate();
}
