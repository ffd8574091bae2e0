#pragma once

#include "AccountStore.h"
#include "Bmc.h"
#include "Configuration.h"
#include "FastPasswordHasher.h"
#include "IpmiServer.h"
#include "sim/SimulatedHost.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QTemporaryDir>

// The daemon's IPMI face as the fuzz targets drive it: the real model on the simulated host, the
// real server's packet handler and command table, no socket. Built once per process and left to
// the process's end (libFuzzer exits without returning).
struct FuzzFixture
{
    FuzzFixture()
    {
        static int argc = 1;
        static char name[] = "qbmc-fuzz";
        static char *argv[] = {name, nullptr};
        application = new QCoreApplication(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("qbmc.*=false"));
        // State files are written often here: keep them in memory where the system allows.
        const QString base = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
        directory = new QTemporaryDir(base + QStringLiteral("/qbmc-fuzz-XXXXXX"));
        configuration = new Configuration;
        configuration->attachState(directory->path());
        host = new SimulatedHost({}, true);
        if (host->start())
            qFatal("the simulated host cannot start");
        bmc = new Bmc(configuration, host, new FastPasswordHasher, directory->path());
        bmc->accounts()->ensureAdministrator("Fuzz-Pass-1");
        ipmi = new IpmiServer(bmc, {});
    }

    static FuzzFixture &instance()
    {
        static FuzzFixture *fixture = new FuzzFixture;
        return *fixture;
    }

    QCoreApplication *application;
    QTemporaryDir *directory;
    Configuration *configuration;
    SimulatedHost *host;
    Bmc *bmc;
    IpmiServer *ipmi;
    const IpmiPeer peer{QHostAddress(QStringLiteral("192.0.2.1")), 40000};
};
