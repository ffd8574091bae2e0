#!/usr/bin/python3
"""The Console page drives the simulated host: a shell command and its answer, then the firmware
setup after a power cycle (F2, arrows, Enter, F10), all typed through the browser."""

import re
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from webui import (browser, check, check_no_console_errors, find, login, open_route, power_state, redfish, reset_host, run,
                   wait_for, wait_power_state, wait_visible, TestFailure)


def screen_text(driver):
    return driver.execute_script("return document.querySelector('qbmc-terminal').screenText()")


def screen_rows(driver):
    return [row.rstrip() for row in screen_text(driver).split("\n")]


def wait_screen(driver, pattern, message, timeout=30):
    regex = re.compile(pattern, re.MULTILINE)
    try:
        return wait_for(driver, lambda d: regex.search(screen_text(d)), message, timeout)
    except TestFailure as failure:
        raise TestFailure(f"{failure}\n--- screen ---\n{screen_text(driver)}\n--------------") from None


def last_line(driver):
    rows = [row for row in screen_rows(driver) if row.strip()]
    return rows[-1] if rows else ""


def type_keys(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()


def console_sessions():
    """The console WebSockets the service lists among its sessions."""
    status, sessions = redfish("GET", "/redfish/v1/SessionService/Sessions?$expand=.")
    check(status == 200, f"GET Sessions answered {status}")
    return sum(1 for member in sessions.get("Members", []) if member.get("@odata.id", "").split("/")[-1].startswith("console-"))


def reach_shell(driver):
    """From wherever the host's console is, to its shell prompt."""
    type_keys(driver, Keys.ENTER)
    wait_screen(driver, r"(login: ?|Password: ?|[$#] ?)$", "no login prompt, password prompt or shell prompt", 60)
    line = last_line(driver)
    if line.endswith("login:"):
        type_keys(driver, "root", Keys.ENTER)
        wait_screen(driver, r"Password: ?$", "no password prompt")
        line = last_line(driver)
    if line.endswith("Password:"):
        type_keys(driver, "secret", Keys.ENTER)
    wait_screen(driver, r"[$#] ?$", "no shell prompt after logging in")


def test():
    if power_state() != "On":
        reset_host("On")
        wait_power_state("On")

    driver = browser(width=1280, height=1000)
    try:
        open_route(driver, "/console")
        login(driver)
        wait_visible(driver, ".connection-open", timeout=15)
        wait_for(driver, lambda d: any(row.strip() for row in screen_rows(d)) or True, "no screen")
        wait_visible(driver, "qbmc-terminal .term-viewport").click()
        # Typing takes the input when nobody holds it; take it over in case someone does.
        take_over = driver.find_elements("css selector", ".take-over")
        if take_over and take_over[0].is_displayed():
            take_over[0].click()
            wait_visible(driver, "qbmc-terminal .term-viewport").click()

        reach_shell(driver)
        type_keys(driver, "echo hello-web", Keys.ENTER)
        wait_for(driver, lambda d: "hello-web" in [row.strip() for row in screen_rows(d)],
                 "the host did not answer echo hello-web")

        # Power cycle: the firmware offers its setup for a few seconds.
        reset_host("PowerCycle")
        wait_screen(driver, r"Press F2 or Del to enter setup", "the firmware's setup offer did not appear", 40)
        type_keys(driver, Keys.F2)
        wait_screen(driver, r"Setup Utility", "F2 did not open the setup utility", 10)

        # Boot page, second item (First Boot Device): Enter steps its value.
        type_keys(driver, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
        wait_screen(driver, r"First Boot Device", "the Boot page did not open", 10)
        type_keys(driver, Keys.ARROW_DOWN)

        def boot_device(d):
            # The value in brackets; the help column may follow on the same row.
            match = re.search(r"First Boot Device\s+\[([^\]]+)\]", screen_text(d))
            return match.group(1).strip() if match else None

        before = wait_for(driver, boot_device, "the First Boot Device value is not on the screen")
        time.sleep(0.3)  # the Down key is handled before Enter arrives
        type_keys(driver, Keys.ENTER)
        after = wait_for(driver, lambda d: (value := boot_device(d)) != before and value,
                         f"Enter did not change First Boot Device from {before}")
        type_keys(driver, Keys.F10)
        wait_screen(driver, re.escape(f"Booting from {after}"), f"F10 did not save and boot from {after}", 15)
        print(f"  First Boot Device: {before} -> {after}")
        check_no_console_errors(driver)

        # Signing out ends the session, and the console socket with it.
        check(console_sessions() > 0, "the console WebSocket is not among the service's sessions")
        find(driver, ".sign-out").click()
        wait_for(driver, lambda d: "#/login" in d.current_url, "signing out did not lead to the login page")
        wait_for(driver, lambda d: console_sessions() == 0, "the console WebSocket outlived the sign-out")
    finally:
        driver.quit()


if __name__ == "__main__":
    run(test)
