#!/usr/bin/python3
"""Virtual media in the browser: an image copied from a URL (an image server on loopback, the
same one the Redfish tests use) with the progress bar seen moving, a copy cancelled, an image
inserted and ejected, and the store's image listed with its SHA-256, then deleted."""

import hashlib
import os
import subprocess
import sys
import tempfile

from selenium.webdriver.support.ui import Select

from webui import (browser, check, check_no_console_errors, find, login, open_route, redfish, run, wait_for,
                   wait_text, wait_visible)

HERE = os.path.dirname(os.path.abspath(__file__))
IMAGE_SERVER = os.path.join(HERE, "..", "integration", "image_server.py")


def progress_value(driver):
    return driver.execute_script(
        "const bar = document.querySelector('[data-media-progress=USBStick]'); return bar ? bar.value : null")


def click(driver, css, what):
    """Clicks the element matching css in one script call: the page redraws as events arrive, so a
    found element may be gone a moment later."""
    wait_for(driver, lambda d: d.execute_script(
        "const e = document.querySelector(arguments[0]); if (e) e.click(); return Boolean(e)", css),
        f"no {what} to click")


def insert(driver, url):
    image = wait_visible(driver, "[data-media-image]")
    image.clear()
    image.send_keys(url)
    Select(find(driver, "[data-media-target]")).select_by_value("USBStick")
    find(driver, "[data-media-insert]").click()


def test():
    folder = tempfile.mkdtemp()
    content = os.urandom(2 * 1024 * 1024)
    with open(os.path.join(folder, "browser-test.img"), "wb") as image:
        image.write(content)
    # 160 kB/s under /slow/: the 2 MiB copy takes long enough to watch and to cancel.
    server = subprocess.Popen([sys.executable, IMAGE_SERVER, "--root", folder, "--slow-rate", "163840"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    port = int(server.stdout.readline())
    driver = browser()
    try:
        redfish("POST", "/redfish/v1/Managers/bmc/VirtualMedia/USBStick/Actions/VirtualMedia.EjectMedia", {})
        open_route(driver, "/media")
        login(driver)
        wait_for(driver, lambda d: "#/media" in d.current_url, "after login the app did not return to the media page")
        wait_text(driver, "[data-media-state=USBStick]", r"^Empty$")

        # A slow copy: the bar moves, then Cancel stops it and the drive is empty again.
        insert(driver, f"http://127.0.0.1:{port}/slow/browser-test.img")
        wait_for(driver, lambda d: (progress_value(d) or 0) > 0, "the progress bar never moved off 0", timeout=20)
        first = progress_value(driver)
        wait_for(driver, lambda d: (progress_value(d) or 0) > first, "the progress bar did not move on", timeout=20)
        click(driver, "[data-media-cancel=USBStick]", "Cancel button")
        wait_text(driver, "[data-media-state=USBStick]", r"^Empty$", timeout=20)
        check(find(driver, "[data-media-progress=USBStick]") is None, "the progress bar stayed after cancelling")

        # A whole copy: inserted, listed in the store with its checksum.
        insert(driver, f"http://127.0.0.1:{port}/browser-test.img")
        wait_text(driver, "[data-media-state=USBStick]", r"Inserted: browser-test\.img", timeout=30)
        wait_visible(driver, "[data-store-image='browser-test.img']")
        # Read in one script call: the page redraws when events arrive.
        row = driver.execute_script(
            "return document.querySelector(\"[data-store-image='browser-test.img']\")?.textContent ?? ''")
        check(hashlib.sha256(content).hexdigest() in row, f"the store row lacks the SHA-256: {row}")
        _, drive = redfish("GET", "/redfish/v1/Managers/bmc/VirtualMedia/USBStick")
        check(drive["Inserted"] and drive["ImageName"] == "browser-test.img", f"Redfish shows {drive}")

        click(driver, "[data-media-eject=USBStick]", "Eject button")
        wait_text(driver, "[data-media-state=USBStick]", r"^Empty$", timeout=20)
        click(driver, "[data-store-image='browser-test.img'] button.danger", "Delete button")
        click(driver, "dialog.confirm-dialog button.danger", "confirming Delete button")
        wait_for(driver, lambda d: find(d, "[data-store-image='browser-test.img']") is None,
                 "the deleted image is still listed")
        check_no_console_errors(driver)
    finally:
        driver.quit()
        server.kill()


if __name__ == "__main__":
    run(test)
