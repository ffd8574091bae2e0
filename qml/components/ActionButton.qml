import QtQuick
import QtQuick.Shapes
import Qbmc.Dashboard

// A large touch button. With holdDuration above zero it acts only when held that long, with a
// ring filling up meanwhile, so that a brushed screen never power-cycles a server.
Rectangle {
    id: button

    property string text
    property color tint: Theme.surfaceRaised
    property int holdDuration: 0
    property int minimumWidth: Theme.touchTarget * 2
    property real progress: 0
    readonly property bool holding: area.pressed && holdDuration > 0

    signal activated()

    function cancelHold() {
        fill.stop()
        button.progress = 0
    }

    implicitWidth: Math.max(minimumWidth, label.implicitWidth + ring.width + (ring.visible ? 3 : 2) * Theme.padding)
    implicitHeight: Math.max(Theme.touchTarget, label.implicitHeight + 2 * Theme.padding)
    radius: Theme.radius
    color: !enabled ? Theme.surface : area.pressed ? Qt.lighter(tint, 1.3) : tint
    border.color: enabled ? Qt.lighter(tint, 1.5) : Theme.border
    border.width: 1
    opacity: enabled ? 1 : 0.55

    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.onPressAction: if (holdDuration === 0) button.activated()

    Text {
        id: label
        anchors.verticalCenter: parent.verticalCenter
        anchors.left: parent.left
        anchors.right: ring.visible ? ring.left : parent.right
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        // A long word (German has them) shrinks the label rather than spilling out.
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: Theme.fontSmall - 3
        text: button.text
        color: Theme.text
        font.pixelSize: Theme.fontNormal
        font.bold: true
    }

    // The hold ring: an empty circle that fills as the finger stays.
    Shape {
        id: ring
        visible: button.holdDuration > 0
        width: visible ? 30 : 0
        height: 30
        anchors.right: parent.right
        anchors.rightMargin: Theme.padding
        anchors.verticalCenter: parent.verticalCenter

        ShapePath {
            strokeColor: Theme.border
            strokeWidth: 4
            fillColor: "transparent"
            PathAngleArc { centerX: 15; centerY: 15; radiusX: 12; radiusY: 12; startAngle: 0; sweepAngle: 360 }
        }
        ShapePath {
            strokeColor: Theme.text
            strokeWidth: 4
            fillColor: "transparent"
            capStyle: ShapePath.RoundCap
            PathAngleArc {
                centerX: 15; centerY: 15; radiusX: 12; radiusY: 12
                startAngle: -90
                sweepAngle: 360 * button.progress
            }
        }
    }

    NumberAnimation {
        id: fill
        target: button
        property: "progress"
        from: 0
        to: 1
        duration: button.holdDuration
        onFinished: {
            if (area.pressed)
                button.activated()
            button.progress = 0
        }
    }

    MouseArea {
        id: area
        anchors.fill: parent
        enabled: button.enabled
        onPressed: if (button.holdDuration > 0) fill.restart()
        onReleased: button.cancelHold()
        onCanceled: button.cancelHold()
        onClicked: if (button.holdDuration === 0) button.activated()
    }
}
