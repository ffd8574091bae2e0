#!/usr/bin/python3
"""Signing in (a wrong password first, then the right one) and powering the host on from the
Overview, seeing On without reloading; then a power change made by a script shows up by itself."""

import time

from webui import (check, check_no_console_errors, find, login, open_route, redfish, reset_host, run, browser,
                   wait_for, wait_power_state, wait_text, wait_visible, power_state, PASSWORD, USER)

# The deliberately wrong login is answered 401, which Chromium logs as a failed resource load.
EXPECTED_401 = [r"SessionService/Sessions.*401", r"status of 401"]


def shown_power_state(driver):
    # Read in one script call: the page may redraw between finding an element and reading it.
    return driver.execute_script("return document.querySelector('[data-power-state]')?.dataset.powerState ?? null")


def test():
    # Start from a host that is off, so that powering on has something to do.
    if power_state() != "Off":
        reset_host("ForceOff")
        wait_power_state("Off")

    driver = browser()
    try:
        open_route(driver, "/overview")
        wait_for(driver, lambda d: "#/login" in d.current_url and "next=" in d.current_url,
                 "an unauthenticated visit did not go to the login page with next=")

        login(driver, USER, PASSWORD + "-wrong", expect_success=False)
        wait_text(driver, ".login-error", r"Wrong user name or password\.")

        login(driver, USER, PASSWORD)
        wait_for(driver, lambda d: "#/overview" in d.current_url, "after login the app did not return to the overview")
        wait_for(driver, lambda d: shown_power_state(d) == "Off", "the overview does not show the host as Off")

        # A marker in the page's window survives only if the page is never reloaded.
        driver.execute_script("window.__stillTheSamePage = true")
        wait_visible(driver, "button[data-reset-type=On]").click()
        wait_for(driver, lambda d: shown_power_state(d) == "On", "the overview did not show On after Power on",
                 timeout=20)
        check(driver.execute_script("return window.__stillTheSamePage === true"), "the page was reloaded")

        # A change made elsewhere (a script) appears on the open page within about a second of
        # the service reporting it.
        reset_host("ForceOff")
        service_changed = page_changed = None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and page_changed is None:
            now = time.monotonic()
            if service_changed is None and power_state() == "Off":
                service_changed = now
            if shown_power_state(driver) == "Off":
                page_changed = now
            time.sleep(0.05)
        check(page_changed is not None, "a power-off made through Redfish never showed on the open page")
        lag = page_changed - (service_changed or page_changed)
        check(lag <= 1.5, f"the open page showed Off {lag:.1f} s after the service did")
        check(driver.execute_script("return window.__stillTheSamePage === true"), "the page was reloaded")
        print(f"  external change shown {lag:.2f} s after the service reported it")

        check_no_console_errors(driver, ignore=EXPECTED_401)
    finally:
        driver.quit()


if __name__ == "__main__":
    run(test)
