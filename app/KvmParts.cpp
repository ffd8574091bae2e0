#include "KvmParts.h"

#include "AppLogging.h"
#include "ConfigKeys.h"
#include "Configuration.h"
#include "linux/UsbGadget.h"
#include "linux/UsbHidInput.h"
#include "linux/UsbMassStorage.h"
#include "linux/V4l2VideoSource.h"
#include "sim/SimulatedHost.h"

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
UsbGadget::Settings gadgetSettings(const Configuration &configuration)
{
    UsbGadget::Settings settings;
    settings.udc = configuration.value(ConfigKeys::kvmOtgUdc);
    return settings;
}

UsbHidInput::MouseMode mouseMode(const Configuration &configuration)
{
    return configuration.value(ConfigKeys::kvmOtgMouse) == u"relative"_s ? UsbHidInput::MouseMode::Relative
                                                                         : UsbHidInput::MouseMode::Absolute;
}
} // namespace

KvmParts::KvmParts(const Configuration &configuration, HostBackend *backend)
    : m_configuration(configuration)
    , m_backend(backend)
{
}

KvmParts::~KvmParts()
{
    m_gadgetInput.reset();
    m_gadget.reset();
}

void KvmParts::create()
{
    auto *simulatedHost = qobject_cast<SimulatedHost *>(m_backend);
    if (const QString device = m_configuration.value(ConfigKeys::kvmVideoDevice); !device.isEmpty()) {
        V4l2VideoSource::Settings settings;
        settings.maxFps = m_configuration.value(ConfigKeys::kvmVideoMaxFps);
        m_capture = std::make_unique<V4l2VideoSource>(device, settings);
        m_video = m_capture.get();
    } else if (simulatedHost) {
        m_video = simulatedHost->display();
    }

    const QString hid = m_configuration.value(ConfigKeys::kvmHid);
    if (hid == u"otg"_s) {
        if (std::optional<Failure> failure = createGadgetInput()) {
            m_problem = u"KVM without keyboard and mouse: kvm.hid: otg: %1"_s.arg(failure->message);
            qCCritical(lcApp, "%s", qPrintable(m_problem));
            m_gadget.reset();
        }
    } else if (hid == u"auto"_s && simulatedHost) {
        m_input = simulatedHost->keyboard();
    }

    if (m_video)
        qCInfo(lcApp, "KVM picture: %s", qPrintable(m_video->description()));
    if (m_input)
        qCInfo(lcApp, "KVM keyboard and mouse: %s", qPrintable(m_input->description()));
    else if (m_video)
        qCInfo(lcApp, "KVM without keyboard and mouse: viewers only watch (kvm.hid)");
}

std::optional<Failure> KvmParts::createGadgetInput()
{
    const UsbHidInput::MouseMode mode = mouseMode(m_configuration);
    m_gadget = std::make_unique<UsbGadget>(gadgetSettings(m_configuration));
    UsbHidInput::addFunctions(*m_gadget, mode);
    UsbMassStorage::addFunction(*m_gadget);
    // Run as root (by hand, in development) qbmc writes the gadget itself; the service's qbmc may
    // not, and uses the one its privileged step wrote.
    std::optional<Failure> failure = geteuid() == 0 ? m_gadget->create() : m_gadget->adopt();
    if (failure)
        return failure;
    m_gadgetInput = std::make_unique<UsbHidInput>(UsbHidInput::devicesOf(*m_gadget), mode);
    // The relative mouse moves by the host's pixels: it follows the picture's size.
    if (m_video) {
        auto *input = m_gadgetInput.get();
        QObject::connect(m_video, &VideoSource::frameChanged, input,
                         [input, video = m_video] { input->setScreenSize(video->frame().size); });
    }
    m_input = m_gadgetInput.get();
    return std::nullopt;
}

std::optional<Failure> KvmParts::runGadgetCommand(const Configuration &configuration, const QString &action)
{
    if (configuration.value(ConfigKeys::kvmHid) != u"otg"_s) {
        qCInfo(lcApp, "no USB gadget to %s: kvm.hid is not otg", qPrintable(action));
        return std::nullopt;
    }
    UsbGadget gadget(gadgetSettings(configuration));
    if (action == u"remove"_s)
        return gadget.removeExisting();
    UsbHidInput::addFunctions(gadget, mouseMode(configuration));
    UsbMassStorage::addFunction(gadget);
    if (std::optional<Failure> failure = gadget.create())
        return failure;
    // The service's qbmc (user and group qbmc) loads and ejects the virtual media's images.
    if (std::optional<Failure> failure =
            UsbMassStorage::allowGroup(gadget.functionPath(UsbMassStorage::functionName), u"qbmc"_s))
        return failure;
    gadget.keep();
    return std::nullopt;
}
