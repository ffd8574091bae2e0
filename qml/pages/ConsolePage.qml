pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qbmc.Ui
import Qbmc.Dashboard

// The host's serial console: scrollback from the hub's history, following the newest output
// unless the user has scrolled up, and input while no SoL session owns it.
Item {
    id: page

    property bool portrait: false
    readonly property ConsoleViewModel panel: Dashboard.console
    readonly property bool canType: !panel.remoteAttached && panel.connection === "Connected"

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Rectangle {
                width: 16
                height: 16
                radius: 8
                color: page.panel.connection === "Connected" ? Theme.powerOn : Theme.powerTransition
            }
            Text {
                objectName: "connectionLabel"
                Layout.fillWidth: true
                text: Texts.connection(page.panel.connection)
                      + (page.panel.device.length > 0 ? " — " + page.panel.device : "")
                color: Theme.text
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WrapAnywhere
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "black"
            radius: Theme.radius
            border.color: Theme.border

            ListView {
                id: output
                objectName: "consoleOutput"
                property bool followTail: true
                anchors.fill: parent
                anchors.margins: 6
                clip: true
                model: page.panel.lines
                boundsBehavior: Flickable.StopAtBounds
                delegate: Text {
                    required property string line
                    width: ListView.view.width
                    text: line
                    color: "#d8e0d8"
                    font.family: Theme.monospace
                    font.pixelSize: 14
                    textFormat: Text.PlainText
                    wrapMode: Text.WrapAnywhere
                }
                onCountChanged: if (followTail) Qt.callLater(positionViewAtEnd)
                onMovementEnded: followTail = atYEnd
                Component.onCompleted: positionViewAtEnd()
                ScrollBar.vertical: ScrollBar { }
            }

            ActionButton {
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                anchors.margins: Theme.padding
                visible: !output.followTail
                text: qsTr("Newest output")
                onActivated: {
                    output.followTail = true
                    output.positionViewAtEnd()
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            visible: page.panel.remoteAttached
            spacing: Theme.spacing
            Text {
                objectName: "ownerLabel"
                Layout.fillWidth: true
                text: qsTr("Input belongs to the Serial-over-LAN session of %1.")
                      .arg(Texts.actor(page.panel.remoteOrigin, page.panel.remoteUser))
                color: Theme.warning
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
            ActionButton {
                objectName: "takeOverButton"
                text: qsTr("Take over")
                holdDuration: Theme.holdDuration
                onActivated: page.panel.takeOver()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            visible: !page.panel.remoteAttached
            spacing: Theme.spacing
            TextField {
                id: input
                objectName: "consoleInput"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                enabled: page.canType
                placeholderText: qsTr("Type a command for the host")
                font.family: Theme.monospace
                font.pixelSize: Theme.fontNormal
                color: Theme.text
                placeholderTextColor: Theme.textDim
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText | Qt.ImhPreferLowercase
                background: Rectangle {
                    color: Theme.surface
                    border.color: input.activeFocus ? Theme.accent : Theme.border
                    radius: Theme.radius
                }
                onAccepted: {
                    if (page.panel.sendLine(text))
                        clear()
                }
            }
            ActionButton {
                objectName: "sendButton"
                enabled: page.canType
                text: qsTr("Send")
                onActivated: {
                    if (page.panel.sendLine(input.text))
                        input.clear()
                }
            }
        }

        Flow {
            Layout.fillWidth: true
            visible: !page.panel.remoteAttached
            spacing: 6
            Repeater {
                model: [
                    { key: "Enter", label: qsTr("Enter") },
                    { key: "Tab", label: qsTr("Tab") },
                    { key: "Escape", label: qsTr("Esc") },
                    { key: "CtrlC", label: qsTr("Ctrl+C") },
                    { key: "CtrlD", label: qsTr("Ctrl+D") },
                    { key: "Up", label: "↑" },
                    { key: "Down", label: "↓" },
                    { key: "Break", label: qsTr("Break") }
                ]
                delegate: ActionButton {
                    required property var modelData
                    minimumWidth: Theme.touchTarget
                    enabled: page.canType
                    text: modelData.label
                    onActivated: modelData.key === "Break" ? page.panel.sendBreak()
                                                           : page.panel.sendKey(modelData.key)
                }
            }
        }
    }
}
