#pragma once

#include "Configuration.h"
#include "ConsoleHub.h"
#include "EventLog.h"
#include "FakeConsoleTransport.h"
#include "ServiceSettings.h"
#include "SolPayload.h"

#include <QTemporaryDir>

#include <memory>

// A SoL payload over a console hub whose transport the test plays, with settings in a temporary
// state directory; what the payload sends collects in `sent`. Members go in reverse order.
struct SolFixture
{
    explicit SolFixture(qsizetype historyBytes = 256 * 1024)
    {
        log = std::make_unique<EventLog>(dir.path(), 64);
        configuration = std::make_unique<Configuration>();
        configuration->attachState(dir.path());
        settings = std::make_unique<ServiceSettings>(configuration.get(), log.get());
        transport = std::make_unique<FakeConsoleTransport>();
        ConsoleHub::Settings hubSettings;
        hubSettings.historyBytes = historyBytes;
        hub = std::make_unique<ConsoleHub>(hubSettings, log.get());
        hub->setTransport(transport.get());
        sol = std::make_unique<SolPayload>(hub.get(), settings.get(), log.get(),
                                           [this](quint32 session, const QByteArray &payload) {
                                               sent.append({session, payload});
                                               return true;
                                           });
    }

    QTemporaryDir dir;
    std::unique_ptr<EventLog> log;
    std::unique_ptr<Configuration> configuration;
    std::unique_ptr<ServiceSettings> settings;
    std::unique_ptr<FakeConsoleTransport> transport;
    std::unique_ptr<ConsoleHub> hub;
    std::unique_ptr<SolPayload> sol;
    QList<std::pair<quint32, QByteArray>> sent;
};
