#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

// qbmc's command-line options (QCommandLineParser). --help and --version print and exit; an
// unknown option prints the problem and exits with status 2.
struct CommandLine
{
    static constexpr auto defaultConfigFile = "/etc/qbmc/qbmc.yaml";
    static constexpr auto defaultStateDirectory = "/var/lib/qbmc";

    QString configFile;
    bool configFileGiven = false;
    QString stateDirectory;
    bool headless = false;
    bool printConfig = false;
    QString usbGadget; // "create" or "remove"; empty runs qbmc

    static CommandLine parse(const QStringList &arguments);
};
