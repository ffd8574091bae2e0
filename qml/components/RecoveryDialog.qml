import QtQuick
import QtQuick.Layouts
import Qbmc.Ui
import Qbmc.Dashboard

// A lost administrator password, reset by someone standing at the machine: explained first,
// then the PIN (when one is set) and a long hold; the new password is shown once.
DashboardDialog {
    id: dialog

    readonly property PasswordRecovery recovery: Dashboard.recovery
    property string error

    function reasonText(result: string): string {
        switch (result) {
        case "WrongPin": return Texts.pinRefused(false)
        case "Waiting": return Texts.pinRefused(true)
        default: return result
        }
    }

    onOpened: {
        error = ""
        pin.clear()
    }
    onClosed: recovery.dismiss()

    contentItem: Flickable {
        implicitHeight: column.implicitHeight
        contentHeight: column.implicitHeight
        clip: true
        ColumnLayout {
            id: column
            width: parent.width
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: qsTr("Reset the administrator password")
                color: Theme.text
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                visible: dialog.recovery.password.length === 0
                text: qsTr("The administrator gets a new random password, shown here once. "
                           + "Standing at the machine is the proof; the reset is logged.")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            FormField {
                id: pin
                objectName: "recoveryPin"
                Layout.fillWidth: true
                visible: Dashboard.screenLock.pinRequired && dialog.recovery.password.length === 0
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly
                placeholderText: qsTr("PIN")
            }
            Text {
                Layout.fillWidth: true
                visible: dialog.error.length > 0
                text: dialog.error
                color: Theme.danger
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            InfoRow {
                Layout.fillWidth: true
                visible: dialog.recovery.password.length > 0
                narrow: true
                label: qsTr("User name")
                value: dialog.recovery.userName
            }
            InfoRow {
                objectName: "recoveredPassword"
                Layout.fillWidth: true
                visible: dialog.recovery.password.length > 0
                narrow: true
                label: qsTr("New password")
                value: dialog.recovery.password
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                ActionButton {
                    Layout.fillWidth: true
                    text: dialog.recovery.password.length > 0 ? qsTr("Done") : qsTr("Cancel")
                    onActivated: dialog.close()
                }
                ActionButton {
                    objectName: "recoveryConfirm"
                    Layout.fillWidth: true
                    visible: dialog.recovery.password.length === 0
                    text: qsTr("Reset")
                    tint: "#7a2a20"
                    holdDuration: Theme.holdDuration * 2
                    onActivated: dialog.error = dialog.reasonText(dialog.recovery.reset(pin.text))
                }
            }
        }
    }
}
