pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qbmc.Ui
import Qbmc.Dashboard

// The event log, newest first, filtered by who caused the events.
Item {
    id: page

    property bool portrait: false
    readonly property EventLogModel events: Dashboard.events

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        Flow {
            Layout.fillWidth: true
            spacing: 6
            Repeater {
                model: ["", "panel", "ipmi", "redfish", "host", "bmc"]
                delegate: ActionButton {
                    required property string modelData
                    objectName: "filter_" + (modelData.length > 0 ? modelData : "all")
                    minimumWidth: Theme.touchTarget
                    text: modelData.length > 0 ? Texts.origin(modelData) : qsTr("All")
                    tint: page.events.originFilter === modelData ? Theme.accent : Theme.surfaceRaised
                    onActivated: page.events.originFilter = modelData
                }
            }
        }

        ListView {
            id: list
            objectName: "eventList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: page.events
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { }

            delegate: Rectangle {
                id: row
                required property date time
                required property string severity
                required property string origin
                required property string user
                required property string message
                width: ListView.view.width
                height: rowLayout.implicitHeight + 2 * 8
                color: Theme.surface
                radius: Theme.radius

                RowLayout {
                    id: rowLayout
                    anchors.fill: parent
                    anchors.margins: 8
                    spacing: Theme.spacing
                    Rectangle {
                        Layout.alignment: Qt.AlignTop
                        width: 30
                        height: 30
                        radius: 15
                        color: row.severity === "critical" ? Theme.danger
                             : row.severity === "warning" ? Theme.warning : Theme.accent
                        Accessible.name: Texts.severity(row.severity)
                        Text {
                            anchors.centerIn: parent
                            text: row.severity === "critical" ? "×" : row.severity === "warning" ? "!" : "i"
                            color: Theme.background
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Text {
                            Layout.fillWidth: true
                            text: Texts.time(row.time) + "  ·  " + Texts.actor(row.origin, row.user)
                            color: Theme.textDim
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                        Text {
                            Layout.fillWidth: true
                            text: row.message
                            color: Theme.text
                            font.pixelSize: Theme.fontSmall
                            textFormat: Text.PlainText
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }

            Text {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No events")
                color: Theme.textDim
                font.pixelSize: Theme.fontNormal
            }
        }
    }
}
