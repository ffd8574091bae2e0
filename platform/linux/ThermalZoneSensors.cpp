#include "ThermalZoneSensors.h"

#include "PlatformLogging.h"
#include "SensorRegistry.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace {
QString sensorId(const QString &zone)
{
    return u"bmc_"_s + zone;
}

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(64).trimmed() : QByteArray();
}
} // namespace

ThermalZoneSensors::ThermalZoneSensors(SensorRegistry *registry, QString sysfsRoot, std::chrono::milliseconds interval,
                                       QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_root(std::move(sysfsRoot))
{
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, &ThermalZoneSensors::poll);
}

void ThermalZoneSensors::start()
{
    const QDir root(m_root);
    m_zones = root.entryList({u"thermal_zone*"_s}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &zone : std::as_const(m_zones)) {
        const QString type = QString::fromUtf8(readSmallFile(root.filePath(zone + u"/type"_s)));
        Sensor sensor;
        sensor.id = sensorId(zone);
        sensor.name = u"BMC %1 temperature"_s.arg(type.isEmpty() ? zone : type);
        sensor.kind = Sensor::Kind::Temperature;
        m_registry->add(sensor);
    }
    qCInfo(lcLinux, "%lld thermal zone(s) under %s", qlonglong(m_zones.size()), qPrintable(m_root));
    poll();
    if (!m_zones.isEmpty())
        m_timer.start();
}

void ThermalZoneSensors::poll()
{
    for (const QString &zone : std::as_const(m_zones)) {
        bool ok = false;
        const qint64 milliCelsius = readSmallFile(QDir(m_root).filePath(zone + u"/temp"_s)).toLongLong(&ok);
        m_registry->setReading(sensorId(zone), ok ? std::optional<double>(milliCelsius / 1000.0) : std::nullopt);
    }
}
