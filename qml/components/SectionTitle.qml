import QtQuick
import QtQuick.Layouts
import Qbmc.Dashboard

Text {
    Layout.fillWidth: true
    Layout.topMargin: Theme.spacing
    color: Theme.accent
    font.pixelSize: Theme.fontLarge
    font.bold: true
    wrapMode: Text.WordWrap
}
