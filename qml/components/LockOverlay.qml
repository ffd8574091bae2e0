pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Qbmc.Ui
import Qbmc.Dashboard

// The locked screen: a PIN pad big enough for a gloved finger.
Rectangle {
    id: overlay

    readonly property ScreenLock screenLock: Dashboard.screenLock
    property string entered
    property string error

    function press(key: string) {
        overlay.error = ""
        if (key === "⌫")
            overlay.entered = overlay.entered.slice(0, -1)
        else if (key === "OK") {
            if (!overlay.screenLock.unlock(overlay.entered))
                overlay.error = Texts.pinRefused(overlay.screenLock.waiting)
            overlay.entered = ""
        } else if (overlay.entered.length < 8)
            overlay.entered += key
    }

    color: Theme.background

    MouseArea { anchors.fill: parent }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.padding, 360)
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: qsTr("Screen locked: enter the PIN")
            horizontalAlignment: Text.AlignHCenter
            color: Theme.text
            font.pixelSize: Theme.fontNormal
            font.bold: true
            wrapMode: Text.WordWrap
        }
        Text {
            Layout.fillWidth: true
            text: overlay.error.length > 0 ? overlay.error : "•".repeat(overlay.entered.length) + " "
            horizontalAlignment: Text.AlignHCenter
            color: overlay.error.length > 0 ? Theme.danger : Theme.text
            font.pixelSize: Theme.fontNormal
            wrapMode: Text.WordWrap
        }
        GridLayout {
            Layout.fillWidth: true
            columns: 3
            rowSpacing: 6
            columnSpacing: 6
            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                delegate: ActionButton {
                    required property string modelData
                    objectName: "pin_" + modelData
                    Layout.fillWidth: true
                    minimumWidth: Theme.touchTarget
                    implicitHeight: Math.min(Theme.touchTarget, (overlay.height - 140) / 4)
                    enabled: !overlay.screenLock.waiting
                    text: modelData === "OK" ? qsTr("OK") : modelData
                    onActivated: overlay.press(modelData)
                }
            }
        }
    }
}
