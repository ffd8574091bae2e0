import QtQuick
import QtQuick.Controls
import Qbmc.Dashboard

// A text field sized for a finger, in the dashboard's colours.
TextField {
    id: field

    implicitHeight: Theme.touchTarget
    font.pixelSize: Theme.fontNormal
    color: Theme.text
    placeholderTextColor: Theme.textDim
    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
    background: Rectangle {
        color: Theme.surface
        border.color: field.activeFocus ? Theme.accent : Theme.border
        radius: Theme.radius
    }
}
