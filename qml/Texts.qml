pragma Singleton
import QtQuick
import Qbmc.Ui

// The words for what the view models report (Power.State.On, Power.Action.ForceOff, the origin
// "ipmi"), in the user's language. Bindings that call these are translated again when the
// language changes.
QtObject {
    function powerState(state: int): string {
        switch (state) {
        case Power.State.On: return qsTr("On")
        case Power.State.Off: return qsTr("Off")
        case Power.State.PoweringOn: return qsTr("Powering on…")
        case Power.State.PoweringOff: return qsTr("Powering off…")
        default: return qsTr("Unknown")
        }
    }

    function action(action: int): string {
        switch (action) {
        case Power.Action.On: return qsTr("Power on")
        case Power.Action.ForceOn: return qsTr("Force on")
        case Power.Action.ForceOff: return qsTr("Force off")
        case Power.Action.GracefulShutdown: return qsTr("Shut down")
        case Power.Action.GracefulRestart: return qsTr("Restart")
        case Power.Action.ForceRestart: return qsTr("Reset")
        case Power.Action.PowerCycle: return qsTr("Power cycle")
        case Power.Action.PushPowerButton: return qsTr("Power button")
        case Power.Action.Nmi: return qsTr("NMI")
        default: return ""
        }
    }

    function origin(name: string): string {
        switch (name) {
        case "panel": return qsTr("Screen")
        case "ipmi": return qsTr("IPMI")
        case "redfish": return qsTr("Redfish")
        case "host": return qsTr("Host")
        case "bmc": return qsTr("BMC")
        default: return name
        }
    }

    function actor(origin: string, user: string): string {
        switch (origin) {
        case "panel": return qsTr("the screen")
        case "ipmi": return user.length > 0 ? qsTr("IPMI user %1").arg(user) : qsTr("IPMI")
        case "redfish": return user.length > 0 ? qsTr("Redfish user %1").arg(user) : qsTr("Redfish")
        case "host": return qsTr("the host")
        default: return qsTr("the BMC")
        }
    }

    function admission(result: int): string {
        switch (result) {
        case Power.Admission.Accepted: return ""
        case Power.Admission.AlreadyDone: return qsTr("Nothing to do: the host is already there.")
        case Power.Admission.Busy: return qsTr("Another power action is running.")
        case Power.Admission.InvalidInState: return qsTr("Not possible while the host is in this state.")
        case Power.Admission.Unsupported: return qsTr("This board's wiring cannot do that.")
        default: return qsTr("Unknown action.")
        }
    }

    function connection(state: string): string {
        switch (state) {
        case "Connected": return qsTr("Connected")
        case "WaitingForDevice": return qsTr("Waiting for the serial adapter")
        default: return qsTr("No serial console configured")
        }
    }

    function videoStatus(status: string): string {
        switch (status) {
        case "Picture": return qsTr("Live picture")
        case "NoSignal": return qsTr("No signal from the host")
        case "NoDevice": return qsTr("The capture device is missing")
        default: return qsTr("This board has no video capture")
        }
    }

    function severity(name: string): string {
        switch (name) {
        case "critical": return qsTr("Critical")
        case "warning": return qsTr("Warning")
        default: return qsTr("Information")
        }
    }

    // The lock screen and the password recovery refuse a PIN in the same words.
    function pinRefused(waiting: bool): string {
        return waiting ? qsTr("Too many wrong PINs: wait half a minute.") : qsTr("Wrong PIN.")
    }

    function time(value: date): string {
        return Qt.formatDateTime(value, "yyyy-MM-dd HH:mm:ss")
    }
}
