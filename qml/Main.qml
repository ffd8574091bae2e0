pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import QtQuick.VirtualKeyboard
import Qbmc.Ui
import Qbmc.Dashboard

// The window and its navigation: a status bar, the pages beside a rail (landscape) or above a
// bar (portrait), and what covers them: first start, the lock, the dark screen, the keyboard.
Window {
    id: window

    readonly property bool portrait: height > width
    property int currentPage: 0
    readonly property var pageNames: ["overview", "console", "screen", "events", "access"]

    width: 800
    height: 480
    visible: true
    color: Theme.background
    title: qsTr("qbmc")

    GridLayout {
        anchors.fill: parent
        anchors.bottomMargin: keyboard.active ? keyboard.height : 0
        columns: window.portrait ? 1 : 2
        rowSpacing: 0
        columnSpacing: 0

        // Status bar across the top.
        Rectangle {
            id: statusBar
            Layout.row: 0
            Layout.column: 0
            Layout.columnSpan: window.portrait ? 1 : 2
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget
            color: Theme.surface

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.padding
                anchors.rightMargin: Theme.padding
                spacing: Theme.spacing
                Rectangle {
                    width: 18
                    height: 18
                    radius: 9
                    color: Theme.powerColour(Dashboard.power.state)
                }
                Text {
                    objectName: "statusHostName"
                    Layout.fillWidth: true
                    text: Dashboard.identifyActive ? qsTr("Identify: this is %1").arg(Dashboard.access.hostName)
                                                   : Dashboard.access.hostName
                    color: Theme.text
                    font.pixelSize: Theme.fontNormal
                    font.bold: Dashboard.identifyActive
                    elide: Text.ElideRight
                }
                Text {
                    text: Texts.powerState(Dashboard.power.state)
                    color: Theme.textDim
                    font.pixelSize: Theme.fontNormal
                }
            }
            // The identify banner pulses so that the server is found from across the room.
            SequentialAnimation on color {
                running: Dashboard.identifyActive
                loops: Animation.Infinite
                ColorAnimation { to: Theme.identify; duration: 500 }
                ColorAnimation { to: Theme.surface; duration: 500 }
                onRunningChanged: if (!running) statusBar.color = Theme.surface
            }
        }

        // Navigation: a rail on the left in landscape, a bar at the bottom in portrait.
        GridLayout {
            Layout.row: window.portrait ? 2 : 1
            Layout.column: 0
            Layout.fillHeight: !window.portrait
            Layout.fillWidth: window.portrait
            Layout.preferredWidth: window.portrait ? -1 : 132
            Layout.margins: 6
            columns: window.portrait ? 5 : 1
            rowSpacing: 6
            columnSpacing: 6

            Repeater {
                model: [qsTr("Overview"), qsTr("Console"), qsTr("Screen"), qsTr("Events"), qsTr("Access")]
                delegate: ActionButton {
                    required property string modelData
                    required property int index
                    objectName: "nav_" + window.pageNames[index]
                    Layout.fillWidth: true
                    minimumWidth: Theme.touchTarget
                    text: modelData
                    tint: window.currentPage === index ? Theme.accent : Theme.surfaceRaised
                    onActivated: window.currentPage = index
                }
            }
            Item {
                visible: !window.portrait
                Layout.fillHeight: true
            }
        }

        StackLayout {
            id: pages
            Layout.row: 1
            Layout.column: window.portrait ? 0 : 1
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: window.currentPage

            OverviewPage { objectName: "page_overview"; portrait: window.portrait }
            ConsolePage { objectName: "page_console"; portrait: window.portrait }
            ScreenPage { objectName: "page_screen"; portrait: window.portrait }
            EventsPage { objectName: "page_events"; portrait: window.portrait }
            AccessPage { objectName: "page_access"; portrait: window.portrait }
        }
    }

    FirstStartOverlay {
        objectName: "firstStartOverlay"
        anchors.fill: parent
        portrait: window.portrait
        visible: Dashboard.firstStart.pending && !Dashboard.screenLock.locked
    }

    LockOverlay {
        objectName: "lockOverlay"
        anchors.fill: parent
        visible: Dashboard.screenLock.locked
    }

    InputPanel {
        id: keyboard
        z: 10
        width: parent.width
        y: active ? parent.height - height : parent.height
        visible: active
    }

    // Dark until touched; ScreenLock swallows the waking touch.
    Rectangle {
        objectName: "screenOff"
        anchors.fill: parent
        z: 20
        color: "black"
        visible: !Dashboard.screenLock.screenOn
    }
}
