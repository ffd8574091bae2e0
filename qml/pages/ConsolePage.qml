pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qbmc.Ui
import Qbmc.Dashboard

// The host's serial console as a terminal: the terminal model's grid scaled to fit the page (or
// zoomed with a pinch or the buttons, then panned), its scrollback, the keys a firmware screen or
// a shell needs, and a text field for lines. Input reaches the host while no remote client owns it.
Item {
    id: page

    property bool portrait: false
    readonly property ConsoleViewModel panel: Dashboard.console
    readonly property bool canType: !panel.remoteAttached && panel.connection === "Connected"
    // 1: the whole grid fits the page; larger values zoom in.
    property real zoom: 1
    property bool functionKeys: false

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
                elide: Text.ElideRight
            }
        }

        Rectangle {
            id: screenFrame
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: "black"
            radius: Theme.radius
            border.color: Theme.border

            Flickable {
                id: pan
                anchors.fill: parent
                anchors.margins: 4
                clip: true
                contentWidth: Math.max(width, terminal.width)
                contentHeight: Math.max(height, terminal.height)
                boundsBehavior: Flickable.StopAtBounds
                interactive: page.zoom > 1

                PinchArea {
                    width: pan.contentWidth
                    height: pan.contentHeight
                    pinch.target: null
                    property real startZoom: 1
                    onPinchStarted: startZoom = page.zoom
                    onPinchUpdated: (pinch) => page.zoom = Math.max(1, Math.min(4, startZoom * pinch.scale))

                    TerminalView {
                        id: terminal
                        objectName: "consoleOutput"
                        terminal: page.panel.terminal
                        fontFamily: Theme.monospace
                        // The largest font at which every column and row fits, times the zoom.
                        readonly property int fitPixelSize: Math.max(4, Math.floor(Math.min(
                            pan.width / Math.max(1, columns * cellWidthPerPixel),
                            pan.height / Math.max(1, rows * cellHeightPerPixel))))
                        fontPixelSize: Math.floor(fitPixelSize * page.zoom)
                        width: implicitWidth
                        height: implicitHeight
                        x: Math.max(0, (pan.width - width) / 2)

                        WheelHandler {
                            onWheel: (event) => terminal.scrollback += event.angleDelta.y > 0 ? 3 : -3
                        }
                        DragHandler {
                            // Unzoomed, a vertical drag walks through the scrollback.
                            enabled: page.zoom <= 1
                            xAxis.enabled: false
                            target: null
                            property real startScrollback: 0
                            onActiveChanged: if (active) startScrollback = terminal.scrollback
                            onTranslationChanged: terminal.scrollback =
                                startScrollback + Math.round(translation.y / Math.max(1, terminal.fontPixelSize))
                        }
                    }
                }
            }

            Column {
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 6
                spacing: 6
                opacity: 0.85
                Repeater {
                    model: [
                        { name: "zoomIn", label: "+" },
                        { name: "zoomOut", label: "−" },
                        { name: "olderOutput", label: "▲" },
                        { name: "newerOutput", label: "▼" }
                    ]
                    delegate: ActionButton {
                        required property var modelData
                        objectName: modelData.name
                        minimumWidth: Theme.touchTarget * 0.8
                        implicitHeight: Theme.touchTarget * 0.8
                        text: modelData.label
                        onActivated: {
                            switch (modelData.name) {
                            case "zoomIn": page.zoom = Math.min(4, page.zoom * 1.25); break
                            case "zoomOut": page.zoom = Math.max(1, page.zoom / 1.25); break
                            case "olderOutput": terminal.scrollback += Math.max(1, terminal.rows - 2); break
                            case "newerOutput": terminal.scrollback -= Math.max(1, terminal.rows - 2); break
                            }
                        }
                    }
                }
            }

            ActionButton {
                objectName: "newestOutputButton"
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                anchors.margins: Theme.padding
                visible: terminal.scrollback > 0
                text: qsTr("Newest output")
                onActivated: terminal.scrollback = 0
            }
        }

        RowLayout {
            Layout.fillWidth: true
            visible: page.panel.remoteAttached
            spacing: Theme.spacing
            Text {
                objectName: "ownerLabel"
                Layout.fillWidth: true
                text: qsTr("Input belongs to the remote console session of %1.")
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

        // The keys a terminal has and a touchscreen lacks, in one row that scrolls sideways; the
        // Fn key swaps in F1 to F12.
        ListView {
            id: keys
            objectName: "keyRow"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            visible: !page.panel.remoteAttached
            orientation: ListView.Horizontal
            spacing: 6
            clip: true
            cacheBuffer: 2000 // every key exists, scrolled into view or not
            boundsBehavior: Flickable.StopAtBounds
            model: page.functionKeys
                   ? [{ key: "Fn", label: qsTr("Keys") }].concat(
                         [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(n => ({ key: "F" + n, label: "F" + n })))
                   : [
                         { key: "Fn", label: "F1–F12" },
                         { key: "Escape", label: qsTr("Esc") },
                         { key: "Tab", label: qsTr("Tab") },
                         { key: "Up", label: "↑" },
                         { key: "Down", label: "↓" },
                         { key: "Left", label: "←" },
                         { key: "Right", label: "→" },
                         { key: "Enter", label: qsTr("Enter") },
                         { key: "CtrlC", label: qsTr("Ctrl+C") },
                         { key: "CtrlD", label: qsTr("Ctrl+D") },
                         { key: "Home", label: qsTr("Home") },
                         { key: "End", label: qsTr("End") },
                         { key: "PageUp", label: qsTr("PgUp") },
                         { key: "PageDown", label: qsTr("PgDn") },
                         { key: "Delete", label: qsTr("Del") },
                         { key: "Break", label: qsTr("Break") }
                     ]
            delegate: ActionButton {
                required property var modelData
                objectName: "key" + modelData.key
                minimumWidth: Theme.touchTarget
                enabled: page.canType || modelData.key === "Fn"
                text: modelData.label
                onActivated: {
                    if (modelData.key === "Fn")
                        page.functionKeys = !page.functionKeys
                    else if (modelData.key === "Break")
                        page.panel.sendBreak()
                    else
                        page.panel.sendKey(modelData.key)
                }
            }
        }
    }
}
