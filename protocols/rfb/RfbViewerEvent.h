#pragma once

#include <QtGlobal>

// What a viewer did, passed from the RFB thread to the main thread: RfbServer turns it into a
// call on the host's input or a viewer's end.
struct RfbViewerEvent
{
    enum class Kind { Key, Pointer, Closed };

    Kind kind = Kind::Key;
    quint64 viewer = 0;
    quint8 usage = 0; // Key: the HID keyboard usage
    bool pressed = false;
    int x = 0; // Pointer: 0..HostInput::maxCoordinate
    int y = 0;
    quint8 buttons = 0; // HostInput::Button bits
    int wheel = 0;
};
