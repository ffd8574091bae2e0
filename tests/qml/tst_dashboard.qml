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
        fixture.writeHostConsole("hello from the host\r\n")
        const output = findChild(page, "consoleOutput")
        tryVerify(() => findVisibleLine(output, "hello from the host"), 3000)
    }

    function findVisibleLine(view, text) {
        const items = view.contentItem.children
        for (let i = 0; i < items.length; ++i) {
            if (items[i].text === text && items[i].visible)
                return true
        }
        return false
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
}
