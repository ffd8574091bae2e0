pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qbmc.Ui
import Qbmc.Dashboard

// How to reach this BMC and who is connected; the IPMI switch, locked accounts, the language,
// the lock and the administrator password recovery.
Item {
    id: page

    property bool portrait: false
    readonly property AccessViewModel access: Dashboard.access
    // What the administrator confirms: (user, password) => "" or a refusal.
    property var pendingAction: null

    function confirmThen(title: string, action: var) {
        page.pendingAction = action
        confirm.openFor(title)
    }

    function reasonText(result: string): string {
        switch (result) {
        case "BadCredentials": return qsTr("Wrong user name or password.")
        case "LockedOut": return qsTr("This account is locked after failed logins; try again later.")
        case "NotAdministrator": return qsTr("Only an administrator can do this.")
        default: return result
        }
    }

    Flickable {
        id: flickable
        anchors.fill: parent
        anchors.margins: Theme.padding
        contentHeight: column.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { }

        ColumnLayout {
            id: column
            width: flickable.width
            spacing: Theme.spacing

            // First when there are any: what someone walking up to the BMC has to act on.
            SectionTitle {
                visible: page.access.lockedAccounts.length > 0
                text: qsTr("Locked accounts")
            }
            Text {
                Layout.fillWidth: true
                visible: page.access.lockedAccounts.length > 0
                text: qsTr("After too many failed logins from an address, logins from there are refused "
                           + "until the lock runs out or an administrator lifts it here.")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            Repeater {
                model: page.access.lockedAccounts
                delegate: RowLayout {
                    id: lockedRow
                    required property string modelData
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Text {
                        Layout.fillWidth: true
                        text: lockedRow.modelData
                        color: Theme.warning
                        font.pixelSize: Theme.fontNormal
                        elide: Text.ElideRight
                    }
                    ActionButton {
                        objectName: "unlock_" + lockedRow.modelData
                        text: qsTr("Unlock")
                        onActivated: {
                            const name = lockedRow.modelData
                            page.confirmThen(qsTr("Unlock \"%1\"").arg(name),
                                             (user, password) => page.access.unlockAccount(name, user, password))
                        }
                    }
                }
            }

            SectionTitle { text: qsTr("This BMC") }
            InfoRow {
                Layout.fillWidth: true
                narrow: page.portrait
                label: qsTr("Host name")
                value: page.access.hostName
            }
            InfoRow {
                Layout.fillWidth: true
                narrow: page.portrait
                label: qsTr("Addresses")
                value: page.access.addresses.length > 0 ? page.access.addresses.join("\n") : qsTr("none")
            }
            InfoRow {
                Layout.fillWidth: true
                narrow: page.portrait
                label: qsTr("Redfish")
                value: page.access.redfishEnabled ? page.access.redfishUrl : qsTr("off")
            }
            InfoRow {
                Layout.fillWidth: true
                narrow: page.portrait
                label: qsTr("qbmc version")
                value: Dashboard.version
            }

            SectionTitle { text: qsTr("IPMI over LAN") }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    objectName: "ipmiStateLabel"
                    Layout.fillWidth: true
                    text: page.access.ipmiEnabled ? qsTr("On, UDP port %1").arg(page.access.ipmiPort) : qsTr("Off")
                    color: page.access.ipmiEnabled ? Theme.powerOn : Theme.textDim
                    font.pixelSize: Theme.fontNormal
                    wrapMode: Text.WordWrap
                }
                ActionButton {
                    objectName: "ipmiSwitch"
                    text: page.access.ipmiEnabled ? qsTr("Turn off") : qsTr("Turn on")
                    onActivated: {
                        const enable = !page.access.ipmiEnabled
                        page.confirmThen(enable ? qsTr("Turn IPMI over LAN on") : qsTr("Turn IPMI over LAN off"),
                                         (user, password) => page.access.setIpmiEnabled(enable, user, password))
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                text: page.access.solEnabled ? qsTr("Serial-over-LAN is on.") : qsTr("Serial-over-LAN is off.")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                visible: page.access.weakPasswordAccounts.length > 0
                text: qsTr("Weak passwords (the user name or \"admin\"): %1")
                      .arg(page.access.weakPasswordAccounts.join(", "))
                color: Theme.warning
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }

            SectionTitle { text: qsTr("SSH console") }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    objectName: "sshStateLabel"
                    Layout.fillWidth: true
                    text: page.access.sshEnabled ? qsTr("On, TCP port %1").arg(page.access.sshPort) : qsTr("Off")
                    color: page.access.sshEnabled ? Theme.powerOn : Theme.textDim
                    font.pixelSize: Theme.fontNormal
                    wrapMode: Text.WordWrap
                }
                ActionButton {
                    objectName: "sshSwitch"
                    text: page.access.sshEnabled ? qsTr("Turn off") : qsTr("Turn on")
                    onActivated: {
                        const enable = !page.access.sshEnabled
                        page.confirmThen(enable ? qsTr("Turn the SSH console on") : qsTr("Turn the SSH console off"),
                                         (user, password) => page.access.setSshEnabled(enable, user, password))
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                visible: page.access.sshHostKeys.length > 0
                text: qsTr("Host keys: %1").arg(page.access.sshHostKeys.join("\n"))
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WrapAnywhere
            }
            Text {
                Layout.fillWidth: true
                text: page.access.sshKeyCounts.length > 0
                      ? qsTr("SSH keys per account: %1").arg(page.access.sshKeyCounts.join(", "))
                      : qsTr("No account has an SSH key.")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }

            SectionTitle { text: qsTr("Sessions") }
            Text {
                Layout.fillWidth: true
                visible: page.access.sessions.count === 0
                text: qsTr("Nobody is connected.")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            Repeater {
                model: page.access.sessions
                delegate: Text {
                    required property string protocol
                    required property string user
                    required property string address
                    required property date since
                    Layout.fillWidth: true
                    // Protocol names are the same in every language, but "Web console" is words.
                    readonly property string protocolText: protocol === "Web console" ? qsTr("Web console") : protocol
                    text: qsTr("%1: %2 from %3, since %4").arg(protocolText).arg(user).arg(address)
                        .arg(Texts.time(since))
                    color: Theme.text
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WrapAnywhere
                }
            }

            SectionTitle { text: qsTr("Screen") }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                Repeater {
                    model: Dashboard.language.languages
                    delegate: ActionButton {
                        required property var modelData
                        objectName: "language_" + modelData.code
                        text: modelData.name
                        tint: Dashboard.language.language === modelData.code ? Theme.accent : Theme.surfaceRaised
                        onActivated: Dashboard.language.setLanguage(modelData.code)
                    }
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                ActionButton {
                    visible: Dashboard.screenLock.pinRequired
                    text: qsTr("Lock the screen")
                    onActivated: Dashboard.screenLock.lock()
                }
                ActionButton {
                    objectName: "recoveryButton"
                    text: qsTr("Forgot the administrator password?")
                    onActivated: recovery.open()
                }
            }
        }
    }

    AdminConfirmDialog {
        id: confirm
        onConfirmed: (user, password) => {
            const result = page.pendingAction(user, password)
            if (result.length === 0)
                confirm.close()
            else
                confirm.error = page.reasonText(result)
        }
    }

    RecoveryDialog {
        id: recovery
    }
}
