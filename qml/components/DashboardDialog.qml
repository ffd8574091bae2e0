import QtQuick
import QtQuick.Controls
import Qbmc.Dashboard

// A modal dialog over the whole screen, sized to fit a portrait or landscape panel.
Popup {
    id: dialog

    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.padding : 600, 620)
    height: Math.min(implicitHeight, parent ? parent.height - 2 * Theme.padding : 400)
    modal: true
    focus: true
    closePolicy: Popup.NoAutoClose
    padding: Theme.padding * 1.5
    background: Rectangle {
        color: Theme.surfaceRaised
        border.color: Theme.border
        radius: Theme.radius
    }
}
