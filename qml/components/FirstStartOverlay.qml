import QtQuick
import QtQuick.Layouts
import Qbmc.Ui
import Qbmc.Dashboard

// First start: the generated administrator password and where to use it, until acknowledged.
Rectangle {
    id: overlay

    readonly property FirstStartNotice notice: Dashboard.firstStart
    property bool portrait: false

    color: Theme.background

    // Touches stop here rather than reaching the page underneath.
    MouseArea { anchors.fill: parent }

    Flickable {
        anchors.fill: parent
        anchors.margins: Theme.padding * 2
        contentHeight: column.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: column
            width: parent.width
            spacing: Theme.spacing
            Text {
                Layout.fillWidth: true
                text: qsTr("Welcome to qbmc")
                color: Theme.text
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("This BMC has no default password. It made one for the administrator; "
                           + "note it now, it is shown only until you confirm.")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            InfoRow {
                Layout.fillWidth: true
                narrow: overlay.portrait
                label: qsTr("User name")
                value: overlay.notice.userName
            }
            InfoRow {
                objectName: "initialPassword"
                Layout.fillWidth: true
                narrow: overlay.portrait
                label: qsTr("Password")
                value: overlay.notice.password
            }
            InfoRow {
                Layout.fillWidth: true
                narrow: overlay.portrait
                label: qsTr("Redfish")
                value: overlay.notice.redfishUrl
            }
            ActionButton {
                objectName: "acknowledgeButton"
                Layout.fillWidth: true
                text: qsTr("I have noted the password")
                tint: Theme.accent
                onActivated: overlay.notice.acknowledge()
            }
        }
    }
}
