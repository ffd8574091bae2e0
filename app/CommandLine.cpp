#include "CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

CommandLine CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"qbmc turns a small Linux board wired to a server into that server's BMC: IPMI over LAN, Redfish and a "
        "touchscreen dashboard over one power model. Without a configuration it drives a simulated host."_s);
    const QCommandLineOption config(
        u"config"_s,
        u"Read the configuration from <file> (default %1); the *.yaml files in the qbmc.d folder beside it follow "
        "in name order."_s.arg(QLatin1StringView(defaultConfigFile)),
        u"file"_s);
    const QCommandLineOption stateDir(u"state-dir"_s,
                                      u"Keep accounts, the event log and settings changed at run time in <dir> "
                                      "(default %1)."_s.arg(QLatin1StringView(defaultStateDirectory)),
                                      u"dir"_s, QLatin1StringView(defaultStateDirectory));
    const QCommandLineOption headless(u"headless"_s, u"Never show the dashboard, even when a display is available."_s);
    const QCommandLineOption printConfig(
        u"print-config"_s,
        u"Print the effective configuration, each value with where it came from (default, file and line, or "
        "state), and exit."_s);
    const QCommandLineOption usbGadget(
        u"usb-gadget"_s,
        u"Write (create) or remove (remove) the USB gadget that kvm.hid: otg needs, as root, and exit; the service's "
        "privileged step before qbmc starts and after it stopped."_s,
        u"action"_s);
    parser.addOptions({config, stateDir, headless, printConfig, usbGadget});
    parser.addHelpOption();
    parser.addVersionOption();

    if (!parser.parse(arguments)) {
        fprintf(stderr, "qbmc: %s\nTry 'qbmc --help'.\n", qPrintable(parser.errorText()));
        ::exit(2);
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        fprintf(stderr, "qbmc: unexpected argument \"%s\"\nTry 'qbmc --help'.\n",
                qPrintable(parser.positionalArguments().constFirst()));
        ::exit(2);
    }

    CommandLine options;
    options.configFileGiven = parser.isSet(config);
    options.configFile = options.configFileGiven ? parser.value(config) : QLatin1StringView(defaultConfigFile);
    options.stateDirectory = parser.value(stateDir);
    options.headless = parser.isSet(headless);
    options.printConfig = parser.isSet(printConfig);
    options.usbGadget = parser.value(usbGadget);
    if (parser.isSet(usbGadget) && options.usbGadget != u"create"_s && options.usbGadget != u"remove"_s) {
        fprintf(stderr, "qbmc: --usb-gadget takes create or remove, not \"%s\"\nTry 'qbmc --help'.\n",
                qPrintable(options.usbGadget));
        ::exit(2);
    }
    return options;
}
