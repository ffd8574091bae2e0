pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Qbmc.Ui
import Qbmc.Dashboard

// The host's power, large and coloured, who did the last thing, what its virtual drives hold, and
// the power buttons. Only Power on answers a tap; everything that takes a running server down must
// be held, ejecting a drive too.
Item {
    id: page

    property bool portrait: false
    property string message
    readonly property PowerViewModel power: Dashboard.power
    readonly property VirtualMediaViewModel media: Dashboard.media
    readonly property bool transitioning: power.state === Power.State.PoweringOn
                                          || power.state === Power.State.PoweringOff

    function request(action: int) {
        page.message = Texts.admission(page.power.request(action))
        messageTimeout.restart()
    }

    // A refusal is news for a moment, not a state.
    Timer {
        id: messageTimeout
        interval: 8000
        onTriggered: page.message = ""
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        columns: page.portrait ? 1 : 2
        rowSpacing: Theme.spacing
        columnSpacing: Theme.spacing

        Rectangle {
            id: stateCard
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            Layout.minimumHeight: stateColumn.implicitHeight + 2 * Theme.padding
            radius: Theme.radius
            color: Theme.surface
            border.color: stateColour.color
            border.width: 2

            ColumnLayout {
                id: stateColumn
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.spacing

                Text {
                    Layout.fillWidth: true
                    text: qsTr("Host power")
                    color: Theme.textDim
                    font.pixelSize: Theme.fontNormal
                    wrapMode: Text.WordWrap
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Rectangle {
                        id: stateColour
                        width: 36
                        height: 36
                        radius: 18
                        color: Theme.powerColour(page.power.state)
                        Behavior on color { ColorAnimation { duration: 300 } }
                        SequentialAnimation on opacity {
                            running: page.transitioning
                            loops: Animation.Infinite
                            alwaysRunToEnd: true
                            NumberAnimation { to: 0.25; duration: 450; easing.type: Easing.InOutQuad }
                            NumberAnimation { to: 1; duration: 450; easing.type: Easing.InOutQuad }
                        }
                    }
                    Text {
                        objectName: "powerStateLabel"
                        Layout.fillWidth: true
                        text: Texts.powerState(page.power.state)
                        color: stateColour.color
                        font.pixelSize: Theme.fontHuge
                        font.bold: true
                        wrapMode: Text.WordWrap
                    }
                }
                Text {
                    objectName: "lastActionLabel"
                    Layout.fillWidth: true
                    visible: page.power.hasLastAction
                    text: qsTr("Last: %1 by %2 at %3")
                          .arg(Texts.action(page.power.lastAction))
                          .arg(Texts.actor(page.power.lastOrigin, page.power.lastUser))
                          .arg(Texts.time(page.power.lastTime))
                          + (page.power.lastActionFailed ? " " + qsTr("(failed)") : "")
                    color: page.power.lastActionFailed ? Theme.danger : Theme.textDim
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "busyLabel"
                    Layout.fillWidth: true
                    visible: page.power.busy
                    text: qsTr("Busy: %1 is running. The buttons wait for it to finish.")
                          .arg(Texts.action(page.power.runningAction))
                          + (page.power.queuedActions.length > 0
                             ? " " + qsTr("Then: %1.").arg(page.power.queuedActions
                                                             .map(action => Texts.action(action)).join(", "))
                             : "")
                    color: Theme.powerTransition
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                }
                Text {
                    objectName: "messageLabel"
                    Layout.fillWidth: true
                    visible: page.message.length > 0
                    text: page.message
                    color: Theme.warning
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                }
                Item { Layout.fillHeight: true }

                // What the BMC's virtual drives give the host, with an eject that must be held:
                // taking an installer away mid-install is as disruptive as a reset.
                Text {
                    Layout.fillWidth: true
                    visible: page.media.drives.length > 0
                    text: qsTr("Virtual media")
                    color: Theme.textDim
                    font.pixelSize: Theme.fontNormal
                    wrapMode: Text.WordWrap
                }
                Repeater {
                    model: page.media.drives
                    delegate: RowLayout {
                        id: drive
                        required property var modelData
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Text {
                            objectName: "mediaLabel" + drive.modelData.slot
                            Layout.fillWidth: true
                            text: (drive.modelData.slot === "CD" ? qsTr("CD: %1") : qsTr("USB stick: %1"))
                                  .arg(drive.modelData.imageName)
                            color: Theme.text
                            font.pixelSize: Theme.fontNormal
                            elide: Text.ElideMiddle
                        }
                        ActionButton {
                            objectName: "ejectButton" + drive.modelData.slot
                            text: qsTr("Eject")
                            holdDuration: Theme.holdDuration
                            onActivated: {
                                if (page.media.eject(drive.modelData.slot).length > 0) {
                                    page.message = qsTr("The drive could not be ejected.")
                                    messageTimeout.restart()
                                }
                            }
                        }
                    }
                }
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            Layout.alignment: Qt.AlignTop
            // One wide column beside the state in landscape; two under it in portrait.
            columns: page.portrait ? 2 : 1
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing

            Repeater {
                model: [
                    { action: Power.Action.On, name: "On", hold: false, tint: "#1e6b3f" },
                    { action: Power.Action.GracefulShutdown, name: "GracefulShutdown", hold: true,
                      tint: Theme.surfaceRaised },
                    { action: Power.Action.ForceRestart, name: "ForceRestart", hold: true, tint: Theme.surfaceRaised },
                    { action: Power.Action.PowerCycle, name: "PowerCycle", hold: true, tint: Theme.surfaceRaised },
                    { action: Power.Action.ForceOff, name: "ForceOff", hold: true, tint: "#7a2a20" }
                ]
                delegate: ActionButton {
                    required property var modelData
                    objectName: "button" + modelData.name
                    Layout.fillWidth: true
                    Layout.columnSpan: page.portrait && modelData.action === Power.Action.ForceOff ? 2 : 1
                    text: Texts.action(modelData.action)
                    tint: modelData.tint
                    holdDuration: modelData.hold ? Theme.holdDuration : 0
                    enabled: !page.power.busy && page.power.isSupported(modelData.action)
                    onActivated: page.request(modelData.action)
                }
            }
            Text {
                Layout.columnSpan: page.portrait ? 2 : 1
                Layout.fillWidth: true
                text: qsTr("Hold a button with a ring until the ring is full.")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
        }
    }
}
