pragma Singleton
import QtQuick
import Qbmc.Ui

// Sizes and colours of the dashboard: dark for a rack, large enough to hit with a finger and to
// read from arm's length.
QtObject {
    readonly property color background: "#0f1317"
    readonly property color surface: "#1a2027"
    readonly property color surfaceRaised: "#252e37"
    readonly property color border: "#3a4754"
    readonly property color text: "#eef2f5"
    readonly property color textDim: "#a3b0bc"
    readonly property color accent: "#4aa3ff"
    readonly property color powerOn: "#2ecc71"
    readonly property color powerOff: "#7b8a97"
    readonly property color powerTransition: "#f5b041"
    readonly property color danger: "#e5533d"
    readonly property color warning: "#f0a020"
    readonly property color identify: "#3d8bfd"

    // 9 mm on the official 7" panel (800x480 on 154 mm: 5.2 px/mm) is 47 px; 56 leaves margin
    // on denser screens such as 1280x720 at 10".
    readonly property int touchTarget: 56
    readonly property int spacing: 10
    readonly property int padding: 12
    readonly property int radius: 8

    readonly property int fontSmall: 15
    readonly property int fontNormal: 18
    readonly property int fontLarge: 24
    readonly property int fontHuge: 40
    readonly property string monospace: "DejaVu Sans Mono"

    // The host's power state as a colour: green on, amber while it changes, grey off or unknown.
    function powerColour(state: int): color {
        switch (state) {
        case Power.State.On: return powerOn
        case Power.State.PoweringOn:
        case Power.State.PoweringOff: return powerTransition
        default: return powerOff
        }
    }

    // How long a destructive action's button must be held.
    readonly property int holdDuration: 1500
}
