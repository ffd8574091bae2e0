#!/usr/bin/python3
"""The web UI's figures, for run-webui-bench.sh: transfer of the first page load, time to the
Overview's first render, qbmc's resident memory idle and with five browsers signed in."""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "browser"))
from webui import BASE_URL, browser, login, open_route, wait_visible  # noqa: E402

PID = int(os.environ["QBMC_PID"])


def resident_mib():
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def transferred(driver, api):
    """Bytes on the wire (headers included) of the page's own files or of its Redfish requests."""
    return driver.execute_script(
        "const api = arguments[0];"
        "const nav = performance.getEntriesByType('navigation')[0];"
        "let total = api ? 0 : nav.transferSize;"
        "for (const e of performance.getEntriesByType('resource')) {"
        "  const isApi = e.name.includes('/redfish/');"
        "  if (isApi === api) total += e.transferSize; }"
        "return total;", api)


def first_render_ms(driver):
    """Loads the Overview afresh (signed in) and returns when the power state first shows."""
    driver.get("about:blank")
    driver.get(f"{BASE_URL}/#/overview")
    shown = None
    while shown is None:
        shown = driver.execute_script(
            "return document.querySelector('[data-power-state]') ? performance.now() : null")
    return shown


def main():
    idle = resident_mib()
    driver = browser()
    try:
        # A cold cache: everything the login page and the Overview need.
        open_route(driver, "/overview")
        login(driver)
        wait_visible(driver, "[data-power-state]")
        time.sleep(1)
        assets = transferred(driver, api=False)
        api = transferred(driver, api=True)
        count = driver.execute_script("return performance.getEntriesByType('resource').length")
        print(f"| first load, the app's files (compressed, headers included) | {assets / 1024:.1f} KiB |")
        print(f"| first load, its Redfish requests | {api / 1024:.1f} KiB in {count} requests in all |")
        renders = [first_render_ms(driver) for _ in range(5)]
        print(f"| Overview shows the power state after navigation start (cached assets, median of 5) "
              f"| {statistics.median(renders):.0f} ms (range {min(renders):.0f}-{max(renders):.0f}) |")
    finally:
        driver.quit()

    browsers = []
    try:
        for _ in range(5):
            one = browser()
            browsers.append(one)
            open_route(one, "/overview")
            login(one)
            wait_visible(one, "[data-power-state]")
        time.sleep(2)
        print(f"| qbmc resident memory, idle | {idle:.1f} MiB |")
        print(f"| qbmc resident memory, five browsers on the Overview | {resident_mib():.1f} MiB |")
        for one in browsers:
            open_route(one, "/console")
            wait_visible(one, ".connection-open", timeout=15)
        time.sleep(2)
        print(f"| qbmc resident memory, five browsers on the Console | {resident_mib():.1f} MiB |")
    finally:
        for one in browsers:
            one.quit()


if __name__ == "__main__":
    main()
