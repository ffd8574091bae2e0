pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qbmc.Ui
import Qbmc.Dashboard

// The host's screen, a crash cart on the BMC: its live picture scaled to the page, a tap clicks
// there, the keys firmware menus need, and a line of text typed into the host through the
// on-screen keyboard. Capture runs only while the page is shown and the panel is on and unlocked.
Item {
    id: page

    property bool portrait: false
    readonly property ScreenViewModel panel: Dashboard.screen
    readonly property bool shown: visible && Dashboard.screenLock.screenOn && !Dashboard.screenLock.locked
    property bool functionKeys: false

    onShownChanged: panel.watching = shown
    Component.onCompleted: panel.watching = shown
    Component.onDestruction: panel.watching = false

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
                color: page.panel.status === "Picture" ? Theme.powerOn : Theme.powerTransition
            }
            Text {
                objectName: "screenSourceLabel"
                Layout.fillWidth: true
                text: Texts.videoStatus(page.panel.status)
                      + (page.panel.description.length > 0 ? " — " + page.panel.description : "")
                color: Theme.text
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "black"
            radius: Theme.radius
            border.color: Theme.border

            ScreenView {
                id: view
                objectName: "hostScreen"
                anchors.fill: parent
                anchors.margins: 4
                screen: page.panel

                TapHandler {
                    enabled: page.panel.canType
                    onTapped: (point) => {
                        const picture = view.pictureRect
                        if (picture.width > 0 && picture.height > 0)
                            page.panel.tap((point.position.x - picture.x) / picture.width,
                                           (point.position.y - picture.y) / picture.height)
                    }
                }
            }

            Text {
                objectName: "noPictureLabel"
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.padding
                visible: page.panel.status !== "Picture"
                // The device's own words say what is wrong with it; "the host is off" is plain.
                text: Texts.videoStatus(page.panel.status)
                      + (page.panel.status === "NoDevice" && page.panel.problem.length > 0
                         ? "\n" + page.panel.problem : "")
                color: Theme.textDim
                font.pixelSize: Theme.fontNormal
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                id: line
                objectName: "screenInput"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touchTarget
                enabled: page.panel.canType
                placeholderText: qsTr("Type text into the host")
                font.pixelSize: Theme.fontNormal
                color: Theme.text
                placeholderTextColor: Theme.textDim
                inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                background: Rectangle {
                    color: Theme.surface
                    border.color: line.activeFocus ? Theme.accent : Theme.border
                    radius: Theme.radius
                }
                onAccepted: {
                    if (page.panel.typeText(text + "\n"))
                        clear()
                }
            }
            ActionButton {
                objectName: "typeButton"
                enabled: page.panel.canType
                text: qsTr("Type")
                onActivated: {
                    if (page.panel.typeText(line.text))
                        line.clear()
                }
            }
        }

        // What firmware menus and boot loaders need, in a row that scrolls sideways.
        ListView {
            objectName: "screenKeyRow"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            orientation: ListView.Horizontal
            spacing: 6
            clip: true
            cacheBuffer: 2000
            boundsBehavior: Flickable.StopAtBounds
            model: page.functionKeys
                   ? [{ key: "Fn", label: qsTr("Keys") }].concat(
                         [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(n => ({ key: "F" + n, label: "F" + n })))
                   : [
                         { key: "Fn", label: "F1–F12" },
                         { key: "Escape", label: qsTr("Esc") },
                         { key: "Enter", label: qsTr("Enter") },
                         { key: "Up", label: "↑" },
                         { key: "Down", label: "↓" },
                         { key: "Left", label: "←" },
                         { key: "Right", label: "→" },
                         { key: "Tab", label: qsTr("Tab") },
                         { key: "Space", label: qsTr("Space") },
                         { key: "Backspace", label: "⌫" },
                         { key: "CtrlAltDel", label: qsTr("Ctrl+Alt+Del") }
                     ]
            delegate: ActionButton {
                required property var modelData
                objectName: "screenKey" + modelData.key
                minimumWidth: Theme.touchTarget
                enabled: page.panel.canType || modelData.key === "Fn"
                text: modelData.label
                onActivated: {
                    if (modelData.key === "Fn")
                        page.functionKeys = !page.functionKeys
                    else
                        page.panel.pressKey(modelData.key)
                }
            }
        }
    }
}
