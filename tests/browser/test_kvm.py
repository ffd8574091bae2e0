#!/usr/bin/python3
"""The Remote screen page shows the simulated host's display through noVNC and the KVM WebSocket:
the firmware splash after a power cycle, compared pixel by pixel, then F2 typed in the browser
opens the setup utility on the canvas; the viewer is a KVMIP session while the page is open."""

import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from webui import (browser, check, check_no_console_errors, login, open_route, power_state, redfish, reset_host, run,
                   wait_for, wait_power_state, wait_visible)

# The simulated display's splash: its logo's colour at a point of the logo without text, and the
# setup utility's title bar, which covers the same point once F2 has opened it.
LOGO_POINT = (210, 70)
LOGO_COLOUR = (0x1F, 0x5F, 0xBF)
SETUP_COLOUR = (0x00, 0xE0, 0xE0)


def canvas_pixel(driver, x, y):
    return driver.execute_script(
        "const canvas = document.querySelector('.kvm-screen canvas');"
        "if (!canvas || canvas.width <= arguments[0] || canvas.height <= arguments[1]) return null;"
        "return Array.from(canvas.getContext('2d').getImageData(arguments[0], arguments[1], 1, 1).data.slice(0, 3));",
        x, y)


def wait_pixel(driver, colour, message, timeout=30):
    try:
        wait_for(driver, lambda d: canvas_pixel(d, *LOGO_POINT) == list(colour), message, timeout)
    except Exception as failure:
        raise type(failure)(f"{failure} (the pixel is {canvas_pixel(driver, *LOGO_POINT)})") from None


def kvm_sessions():
    status, sessions = redfish("GET", "/redfish/v1/SessionService/Sessions?$expand=.")
    check(status == 200, f"GET Sessions answered {status}")
    return sum(1 for member in sessions.get("Members", []) if member.get("SessionType") == "KVMIP")


def test():
    driver = browser(width=1280, height=1000)
    try:
        open_route(driver, "/kvm")
        login(driver)
        wait_visible(driver, ".connection-open", timeout=20)
        check(kvm_sessions() == 1, "the open page is not one KVMIP session")
        reset_host("ForceRestart" if power_state() == "On" else "On")
        wait_pixel(driver, LOGO_COLOUR, "the canvas shows no firmware splash after power-on")
        # Focus the screen, then F2 as the keyboard sends it (noVNC sends QEMU key events).
        wait_visible(driver, ".kvm-screen canvas").click()
        ActionChains(driver).send_keys(Keys.F2).perform()
        wait_pixel(driver, SETUP_COLOUR, "F2 did not open the setup utility on the canvas")
        # Leave setup without saving; the host boots on.
        ActionChains(driver).send_keys(Keys.ESCAPE).perform()
        wait_power_state("On")
        check_no_console_errors(driver)
        driver.get("about:blank")
        deadline = time.monotonic() + 15
        while kvm_sessions() and time.monotonic() < deadline:
            time.sleep(0.2)
        check(kvm_sessions() == 0, "the KVMIP session outlived the page")
    finally:
        driver.quit()


run(test)
