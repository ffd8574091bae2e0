import QtQuick
import QtQuick.Layouts
import Qbmc.Dashboard

// What changes who can reach the BMC (the IPMI switch, lifting a lockout) needs an
// administrator's password, typed at the screen.
DashboardDialog {
    id: dialog

    property string title
    property string error

    signal confirmed(string user, string password)

    function openFor(title: string) {
        dialog.title = title
        dialog.error = ""
        password.clear()
        open()
    }

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
                objectName: "adminConfirmTitle"
                text: dialog.title
                color: Theme.text
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("An administrator confirms this with their password.")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            FormField {
                id: user
                objectName: "adminUser"
                Layout.fillWidth: true
                text: "admin"
                placeholderText: qsTr("User name")
            }
            FormField {
                id: password
                objectName: "adminPassword"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("Password")
            }
            Text {
                Layout.fillWidth: true
                visible: dialog.error.length > 0
                text: dialog.error
                color: Theme.danger
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                ActionButton {
                    Layout.fillWidth: true
                    text: qsTr("Cancel")
                    onActivated: dialog.close()
                }
                ActionButton {
                    objectName: "adminConfirm"
                    Layout.fillWidth: true
                    text: qsTr("Confirm")
                    tint: Theme.accent
                    onActivated: dialog.confirmed(user.text, password.text)
                }
            }
        }
    }
}
