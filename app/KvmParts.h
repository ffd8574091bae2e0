#pragma once

#include "Failure.h"

#include <QString>

#include <memory>
#include <optional>

class Configuration;
class HostBackend;
class HostInput;
class UsbGadget;
class UsbHidInput;
class VideoSource;

// The KVM's parts as the configuration names them: the host's picture (the simulated host's
// display, or a V4L2 capture device with kvm.video.device) and its keyboard and mouse (the
// simulated host's, or the USB gadget with kvm.hid: otg). The Redfish face and the dashboard
// share them; either may be missing, and then the KVM only watches or is not offered at all.
class KvmParts
{
public:
    KvmParts(const Configuration &configuration, HostBackend *backend);
    ~KvmParts();

    // Builds what the configuration names. A part that cannot be had is left out, not fatal: a
    // BMC without its KVM keyboard still serves power and the console; problem() says why.
    void create();

    VideoSource *video() const { return m_video; }
    HostInput *input() const { return m_input; }
    QString problem() const { return m_problem; }
    // The USB gadget the KVM's keyboard and the virtual media's drives are functions of, when
    // kvm.hid is otg and it could be had.
    UsbGadget *gadget() const { return m_gadget.get(); }

    // qbmc --usb-gadget create|remove: configfs is root's, so the service's privileged step
    // writes the gadget kvm.hid: otg needs (keyboard, mice, the virtual media's drives) before
    // qbmc starts and removes it after qbmc stopped (docs/decisions.md#126, #132). Nothing to do
    // without kvm.hid: otg.
    static std::optional<Failure> runGadgetCommand(const Configuration &configuration, const QString &action);

private:
    std::optional<Failure> createGadgetInput();

    const Configuration &m_configuration;
    HostBackend *m_backend;
    std::unique_ptr<VideoSource> m_capture;
    std::unique_ptr<UsbGadget> m_gadget; // outlives the input that writes to its nodes
    std::unique_ptr<UsbHidInput> m_gadgetInput;
    VideoSource *m_video = nullptr;
    HostInput *m_input = nullptr;
    QString m_problem;
};
