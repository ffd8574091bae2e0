import QtQuick
import QtQuick.Layouts
import Qbmc.Dashboard

// A label and its value, side by side when there is room and stacked when not.
GridLayout {
    id: row

    property string label
    property string value
    property bool narrow: false

    columns: narrow ? 1 : 2
    columnSpacing: Theme.spacing
    rowSpacing: 2

    Text {
        Layout.preferredWidth: row.narrow ? -1 : 190
        Layout.fillWidth: row.narrow
        text: row.label
        color: Theme.textDim
        font.pixelSize: Theme.fontSmall
        wrapMode: Text.WordWrap
    }
    Text {
        Layout.fillWidth: true
        text: row.value
        color: Theme.text
        font.pixelSize: Theme.fontNormal
        wrapMode: Text.WrapAnywhere
    }
}
