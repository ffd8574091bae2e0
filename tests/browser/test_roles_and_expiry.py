#!/usr/bin/python3
"""What the browser shows follows the address, the account and the session:
- an unknown path shows the app's not-found view;
- an account created by the administrator signs in in a second browser and, being ReadOnly,
  sees no button the service would refuse;
- a power change made with ipmitool reaches an open page without a reload;
- a session that expires sends the page to the login, and signing in again returns to where the
  user was.

The environment may name the IPMI port (QBMC_IPMI_PORT) for the ipmitool part."""

import os
import shutil
import subprocess
import time

from webui import (BASE_URL, PASSWORD, USER, browser, check, check_no_console_errors, login, open_route, power_state,
                   redfish, reset_host, run, wait_for, wait_power_state, wait_visible)

READER = "reader"
READER_PASSWORD = "Reader-pass-123"
SESSION_SERVICE = "/redfish/v1/SessionService"


def shown_power_state(driver):
    return driver.execute_script("return document.querySelector('[data-power-state]')?.dataset.powerState ?? null")


def read_only_view():
    status, body = redfish("POST", "/redfish/v1/AccountService/Accounts",
                           {"UserName": READER, "Password": READER_PASSWORD, "RoleId": "ReadOnly"})
    check(status == 201, f"creating the ReadOnly account answered {status}: {body}")
    admin, reader = browser(), browser()
    try:
        open_route(admin, "/accounts")
        login(admin)
        wait_for(admin, lambda d: READER in d.find_element("css selector", "main").text,
                 "the new account is not listed on the administrator's Accounts page")

        open_route(reader, "/overview")
        login(reader, READER, READER_PASSWORD)
        wait_visible(reader, "[data-power-state]")
        buttons = reader.execute_script(
            "return [...document.querySelectorAll('.power-actions button')].filter(b => !b.disabled).length")
        check(buttons == 0, f"a ReadOnly user sees {buttons} power buttons that would be refused")
        links = reader.execute_script("return [...document.querySelectorAll('#main-nav a')].map(a => a.hash)")
        check("#/settings" not in links, f"a ReadOnly user is offered the settings: {links}")
        open_route(reader, "/accounts")
        wait_visible(reader, "main")
        wait_for(reader, lambda d: READER in d.find_element("css selector", "main").text,
                 "a ReadOnly user does not see their own account")
        offered = reader.execute_script(
            "return [...document.querySelectorAll('main button')].some(b => b.textContent.startsWith('Add account'))")
        check(not offered, "a ReadOnly user is offered to add accounts")
        check_no_console_errors(admin)
        check_no_console_errors(reader)
    finally:
        admin.quit()
        reader.quit()
        redfish("DELETE", f"/redfish/v1/AccountService/Accounts/{READER}")


def ipmitool_change_arrives():
    port = os.environ.get("QBMC_IPMI_PORT")
    if not port or not shutil.which("ipmitool"):
        print("  ipmitool part skipped: no QBMC_IPMI_PORT or no ipmitool")
        return
    if power_state() != "Off":
        reset_host("ForceOff")
        wait_power_state("Off")
    driver = browser()
    try:
        open_route(driver, "/overview")
        login(driver)
        wait_for(driver, lambda d: shown_power_state(d) == "Off", "the page does not show Off")
        driver.execute_script("window.qbmcNotReloaded = true")
        subprocess.run(["ipmitool", "-I", "lanplus", "-H", "127.0.0.1", "-p", port, "-U", USER, "-P", PASSWORD,
                        "chassis", "power", "on"], check=True, capture_output=True, timeout=30)
        wait_power_state("On")
        reported = time.monotonic()
        wait_for(driver, lambda d: shown_power_state(d) == "On", "ipmitool's power on never reached the page",
                 timeout=15)
        print(f"  ipmitool's change shown {time.monotonic() - reported:.2f} s after the service reported it")
        check(driver.execute_script("return window.qbmcNotReloaded === true"), "the page reloaded to show it")
        check_no_console_errors(driver)
    finally:
        driver.quit()


def expiry_returns_to_login_and_back():
    status, body = redfish("PATCH", SESSION_SERVICE, {"SessionTimeout": 30})
    check(status in (200, 204), f"setting a short session time-out answered {status}: {body}")
    driver = browser()
    try:
        open_route(driver, "/logs")
        login(driver)
        wait_for(driver, lambda d: d.current_url.endswith("#/logs"), "signing in did not lead to the event log")
        started = time.monotonic()
        wait_for(driver, lambda d: "#/login" in d.current_url, "the page stayed after its session expired",
                 timeout=90)
        print(f"  back at the login {time.monotonic() - started:.1f} s after the last request (time-out 30 s)")
        check("next=" in driver.current_url, f"the login page does not say where to return: {driver.current_url}")
        login(driver)
        wait_for(driver, lambda d: d.current_url.endswith("#/logs"), "signing in again did not return to the log")
    finally:
        driver.quit()
        redfish("PATCH", SESSION_SERVICE, {"SessionTimeout": 1800})


def unknown_path_shows_the_apps_not_found_view():
    driver = browser()
    try:
        driver.get(f"{BASE_URL}/no/such/page")
        wait_visible(driver, "qbmc-not-found-page h1")
        check(driver.execute_script("return document.querySelector('qbmc-not-found-page a').pathname") == "/",
              "the not-found view's link does not lead back to the app")
        # The document itself came with 404, which Chromium logs; nothing else may be there.
        check_no_console_errors(driver, ignore=[r"/no/such/page.*404", r"status of 404"])
    finally:
        driver.quit()


def test():
    unknown_path_shows_the_apps_not_found_view()
    read_only_view()
    ipmitool_change_arrives()
    expiry_returns_to_login_and_back()


if __name__ == "__main__":
    run(test)
