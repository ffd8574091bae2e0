import QtQuick
import QtTest
import Qbmc.Ui
import Qbmc.Dashboard

TestCase {
    id: testCase

    name: "Dashboard"
    when: windowShown
    // TestCase is invisible by default; the pages under test are its children and must be seen.
    visible: true
    width: 800
    height: 480

    Component {
        id: overviewComponent
        OverviewPage { width: 660; height: 424 }
    }
    Component {
        id: consoleComponent
        ConsolePage { width: 660; height: 424 }
    }
    Component {
        id: screenComponent
        ScreenPage { width: 660; height: 424 }
    }
    Component {
        id: accessComponent
        AccessPage { width: 660; height: 424 }
    }

    function powerTo(state) {
        if (Dashboard.power.state !== state)
            fixture.requestAsIpmi(state === Power.State.On ? Power.Action.On : Power.Action.ForceOff)
        tryCompare(Dashboard.power, "state", state, 5000)
        tryCompare(Dashboard.power, "busy", false, 5000)
    }

    function init() {
        Dashboard.language.setLanguage("en")
    }

    function test_anAdministratorUnlocksALockedAccount() {
        const page = createTemporaryObject(accessComponent, testCase)
        waitForRendering(page)
        verify(!findChild(page, "unlock_admin"))
        fixture.lockOut("admin", "192.0.2.66")
        tryVerify(() => findChild(page, "unlock_admin") !== null && findChild(page, "unlock_admin").visible, 2000)
        waitForRendering(page)
        mouseClick(findChild(page, "unlock_admin"))

        // The dialog is a popup on the window's overlay, not a child of the page.
        const overlay = testCase.Window.window.contentItem
        const title = findChild(overlay, "adminConfirmTitle")
        tryCompare(title, "visible", true, 2000)
        compare(title.text, "Unlock \"admin\"")
        const password = findChild(overlay, "adminPassword")
        password.text = "wrong"
        mouseClick(findChild(overlay, "adminConfirm"))
        verify(fixture.isLockedAnywhere("admin"))
        verify(title.visible)

        // Locked for logins from the network, the administrator still confirms at the screen.
        password.text = fixture.administratorPassword()
        mouseClick(findChild(overlay, "adminConfirm"))
        tryCompare(title, "visible", false, 2000)
        verify(!fixture.isLockedAnywhere("admin"))
        compare(fixture.lastEventOrigin(), "panel")
        verify(fixture.lastEventMessage().indexOf("\"admin\" unlocked") >= 0)
        tryVerify(() => findChild(page, "unlock_admin") === null || !findChild(page, "unlock_admin").visible, 2000)
    }

    function test_powerOnFromTheScreen() {
        powerTo(Power.State.Off)
        const page = createTemporaryObject(overviewComponent, testCase)
        waitForRendering(page)
        const label = findChild(page, "powerStateLabel")
        compare(label.text, "Off")
        mouseClick(findChild(page, "buttonOn"))
        tryCompare(label, "text", "Powering on…", 2000)
        tryCompare(label, "text", "On", 5000)
        compare(Dashboard.power.lastOrigin, "panel")
        verify(findChild(page, "lastActionLabel").text.indexOf("the screen") >= 0)
    }

    function test_forceOffNeedsAFullHold() {
        powerTo(Power.State.On)
        const page = createTemporaryObject(overviewComponent, testCase)
        waitForRendering(page)
        const button = findChild(page, "buttonForceOff")
        const label = findChild(page, "powerStateLabel")

        // A brush: pressed for a moment, then let go.
        mousePress(button)
        wait(300)
        mouseRelease(button)
        wait(Theme.holdDuration)
        compare(Dashboard.power.state, Power.State.On)
        compare(Dashboard.power.busy, false)

        mousePress(button)
        wait(Theme.holdDuration + 300)
        mouseRelease(button)
        tryCompare(label, "text", "Off", 5000)
        compare(Dashboard.power.lastAction, Power.Action.ForceOff)
        compare(Dashboard.power.lastOrigin, "panel")
    }

    function test_aChangeThroughTheCoreShows() {
        powerTo(Power.State.Off)
        const page = createTemporaryObject(overviewComponent, testCase)
        waitForRendering(page)
        compare(fixture.requestAsIpmi(Power.Action.On), Power.Admission.Accepted)
        tryCompare(findChild(page, "powerStateLabel"), "text", "On", 5000)
        verify(findChild(page, "lastActionLabel").text.indexOf("IPMI user admin") >= 0)
        // Busy while it ran: the buttons were disabled with a reason; now they are back.
        verify(findChild(page, "buttonForceOff").enabled)
    }

    function test_virtualMediaShowsWithAnEjectThatMustBeHeld() {
        const page = createTemporaryObject(overviewComponent, testCase)
        waitForRendering(page)
        compare(findChild(page, "mediaLabelCD"), null)
        verify(fixture.insertMedia("CD", "debian-12.iso"))
        tryVerify(() => findChild(page, "mediaLabelCD") !== null, 2000)
        compare(findChild(page, "mediaLabelCD").text, "CD: debian-12.iso")
        const eject = findChild(page, "ejectButtonCD")

        // A brush does nothing; a full hold ejects, as the screen.
        mousePress(eject)
        wait(300)
        mouseRelease(eject)
        wait(Theme.holdDuration)
        compare(Dashboard.media.drives.length, 1)
        // The button goes with the drive while still held: the finger lifts off the page.
        const at = eject.mapToItem(page, eject.width / 2, eject.height / 2)
        mousePress(eject)
        wait(Theme.holdDuration + 300)
        mouseRelease(page, at.x, at.y)
        tryCompare(Dashboard.media.drives, "length", 0, 2000)
        tryVerify(() => findChild(page, "mediaLabelCD") === null, 2000)
        compare(fixture.lastEventOrigin(), "panel")
        compare(fixture.lastEventMessage(), "Virtual media CD: debian-12.iso ejected")
    }

    function test_busyDisablesTheButtonsWithAReason() {
        powerTo(Power.State.Off)
        const page = createTemporaryObject(overviewComponent, testCase)
        waitForRendering(page)
        fixture.requestAsIpmi(Power.Action.On)
        verify(Dashboard.power.busy)
        verify(!findChild(page, "buttonForceOff").enabled)
        const busy = findChild(page, "busyLabel")
        verify(busy.visible)
        verify(busy.text.indexOf("Power on") >= 0)
        verify(busy.text.indexOf("Then") < 0)
        // A script's next request waits its turn, and the screen says what comes next.
        compare(fixture.requestAsIpmi(Power.Action.PowerCycle), Power.Admission.Accepted)
        tryVerify(() => busy.text.indexOf("Then: Power cycle.") >= 0, 2000)
        tryVerify(() => busy.text.indexOf("Power cycle is running") >= 0, 5000)
        tryCompare(Dashboard.power, "busy", false, 10000)
        compare(Dashboard.power.state, Power.State.On)
    }

    function test_consoleShowsWhatTheHostWrites() {
        const page = createTemporaryObject(consoleComponent, testCase)
        waitForRendering(page)
        fixture.writeHostConsole("\x1b[2J\x1b[Hhello from the host\r\n")
        const output = findChild(page, "consoleOutput")
        tryVerify(() => output.rowText(0) === "hello from the host", 3000)
        // The whole 80x25 grid fits the page until it is zoomed.
        verify(output.width <= page.width)
        verify(output.columns === 80 && output.rows === 25)
    }

    // Scrolled back, the view shows the lines that left the top, and stays there as more arrive.
    function test_consoleScrollback() {
        const page = createTemporaryObject(consoleComponent, testCase)
        waitForRendering(page)
        const output = findChild(page, "consoleOutput")
        let lines = "\x1b[2J\x1b[H"
        for (let i = 0; i < 40; ++i)
            lines += "line " + i + "\r\n"
        fixture.writeHostConsole(lines)
        tryVerify(() => output.rowText(23) === "line 39", 3000)
        mouseClick(findChild(page, "olderOutput"))
        verify(output.scrollback > 0)
        const top = output.rowText(0)
        verify(top.startsWith("line "), top)
        fixture.writeHostConsole("one more\r\n")
        tryVerify(() => output.scrollbackSize > 0 && output.rowText(0) === top, 3000)
        const newest = findChild(page, "newestOutputButton")
        verify(newest.visible)
        mouseClick(newest)
        compare(output.scrollback, 0)
        tryVerify(() => output.rowText(23) === "one more", 3000)
    }

    function test_zoomEnlargesTheGrid() {
        const page = createTemporaryObject(consoleComponent, testCase)
        waitForRendering(page)
        const output = findChild(page, "consoleOutput")
        const fitted = output.fontPixelSize
        mouseClick(findChild(page, "zoomIn"))
        mouseClick(findChild(page, "zoomIn"))
        verify(output.fontPixelSize > fitted)
        mouseClick(findChild(page, "zoomOut"))
        mouseClick(findChild(page, "zoomOut"))
        compare(output.fontPixelSize, fitted)
    }

    function pressKey(page, key) {
        const keyRow = findChild(page, "keyRow")
        tryVerify(() => findChild(keyRow, "key" + key) !== null, 2000, "no key " + key)
        const button = findChild(keyRow, "key" + key)
        button.activated()
    }

    // The firmware's setup from the screen's keys: F2 opens it, Down and Enter change the first
    // boot device, F10 saves; the grid shows the characters and colours the firmware drew.
    function test_setupMenuFromTheScreen() {
        const page = createTemporaryObject(consoleComponent, testCase)
        waitForRendering(page)
        const output = findChild(page, "consoleOutput")
        fixture.startFirmware()
        tryVerify(() => output.rowText(4) === "Press F2 or Del to enter setup", 3000)
        pressKey(page, "Fn")
        pressKey(page, "F2")
        tryVerify(() => output.rowText(0).indexOf("qbmc Simulated Setup Utility") >= 0, 3000)
        pressKey(page, "Fn")
        pressKey(page, "Right")
        pressKey(page, "Right")
        tryVerify(() => output.rowText(3).indexOf("Boot Mode") >= 0, 3000)
        pressKey(page, "Down")
        pressKey(page, "Enter")
        tryVerify(() => output.rowText(4).indexOf("First Boot Device             [Network]") >= 0, 3000)

        // The selected item: black on white; an item's value: yellow on blue; the title: white on blue.
        compare(output.textAt(4, 2), "F")
        compare(String(output.foregroundAt(4, 2)), "#000000")
        compare(String(output.backgroundAt(4, 2)), "#e0e0e0")
        compare(String(output.foregroundAt(3, 33)), "#e0e000")
        compare(String(output.backgroundAt(3, 33)), "#0000e0")
        compare(String(output.backgroundAt(0, 0)), "#0000e0")

        pressKey(page, "Fn")
        pressKey(page, "F10")
        tryVerify(() => fixture.firmwareSetting("First Boot Device") === "Network", 3000)
        tryVerify(() => output.rowText(0) === "Booting from Network...", 3000)
        pressKey(page, "Fn")
    }

    function test_consoleInputReachesTheHost() {
        const page = createTemporaryObject(consoleComponent, testCase)
        waitForRendering(page)
        const input = findChild(page, "consoleInput")
        tryCompare(input, "enabled", true, 3000)
        input.text = "uname -a"
        mouseClick(findChild(page, "sendButton"))
        tryVerify(() => fixture.hostReceived().indexOf("uname -a\r") >= 0, 3000)
        compare(input.text, "")
    }

    function test_solOwnsInputUntilTheScreenTakesOver() {
        const page = createTemporaryObject(consoleComponent, testCase)
        waitForRendering(page)
        fixture.attachSol("alice")
        const owner = findChild(page, "ownerLabel")
        tryCompare(owner, "visible", true)
        verify(owner.text.indexOf("alice") >= 0)
        verify(!findChild(page, "consoleInput").visible)
        verify(!Dashboard.console.send("ignored"))

        const takeOver = findChild(page, "takeOverButton")
        mousePress(takeOver)
        wait(Theme.holdDuration + 300)
        mouseRelease(takeOver)
        tryCompare(Dashboard.console, "remoteAttached", false, 2000)
        verify(!fixture.isSolAttached())
        compare(fixture.lastEventOrigin(), "panel")
    }

    function test_languageSwitchChangesVisibleStrings() {
        powerTo(Power.State.Off)
        const page = createTemporaryObject(overviewComponent, testCase)
        const label = findChild(page, "powerStateLabel")
        const button = findChild(page, "buttonOn")
        compare(label.text, "Off")
        compare(button.text, "Power on")
        verify(Dashboard.language.setLanguage("de"))
        compare(label.text, "Aus")
        compare(button.text, "Einschalten")
        verify(Dashboard.language.setLanguage("zh_CN"))
        compare(button.text, "开机")
        verify(Dashboard.language.setLanguage("en"))
        compare(label.text, "Off")
    }

    // The colour the Screen page shows at a pixel of the host's frame.
    function screenColourAt(view, x, y) {
        const frame = Dashboard.screen.frameSize
        const picture = view.pictureRect
        return String(view.pictureColourAt(picture.x + (x + 0.5) * picture.width / frame.width,
                                           picture.y + (y + 0.5) * picture.height / frame.height))
    }

    // The simulated host's display on the page: the firmware's splash with its logo, F2 from the
    // page's keys opens setup, Escape boots the system at 1024x768; the page watches only while shown.
    function test_screenShowsTheHostAndTakesKeys() {
        powerTo(Power.State.Off)
        const page = createTemporaryObject(screenComponent, testCase)
        waitForRendering(page)
        verify(Dashboard.screen.watching)
        const view = findChild(page, "hostScreen")
        powerTo(Power.State.On)
        tryCompare(Dashboard.screen, "status", "Picture", 5000)
        tryCompare(Dashboard.screen, "frameSize", Qt.size(640, 480), 5000)
        tryVerify(() => screenColourAt(view, 210, 70) === "#1f5fbf", 5000)
        findChild(page, "screenKeyFn").activated()
        findChild(page, "screenKeyF2").activated()
        tryVerify(() => screenColourAt(view, 210, 70) === "#00e0e0", 5000)
        findChild(page, "screenKeyFn").activated()
        findChild(page, "screenKeyEscape").activated()
        tryCompare(Dashboard.screen, "frameSize", Qt.size(1024, 768), 5000)
        page.visible = false
        verify(!Dashboard.screen.watching)
        powerTo(Power.State.Off)
    }
}
