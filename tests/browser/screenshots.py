#!/usr/bin/python3
"""Saves every page of the web UI at phone (390x844) and desktop (1920x1080) size in English,
German and Chinese, as PNG files in the directory given as argument.

usage: screenshots.py OUTPUT_DIR
"""

import os
import sys

from webui import (browser, check_no_console_errors, login, open_route, run, wait_for, wait_visible, find)

SIZES = {"phone": (390, 844), "desktop": (1920, 1080)}
LANGUAGES = ("en", "de", "zh_CN")
PAGES = ("overview", "console", "media", "logs", "accounts", "sessions", "settings", "no-such-page")


def settle(driver):
    """Waits until the page has drawn its data (no "Loading…" left)."""
    wait_for(driver, lambda d: d.execute_script(
        "const main = document.querySelector('main');"
        "return main && main.firstElementChild && !main.querySelector('.loading');"), "the page did not finish loading",
        timeout=15)


def test():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        sys.exit(2)
    output = sys.argv[1]
    os.makedirs(output, exist_ok=True)
    for size_name, (width, height) in SIZES.items():
        driver = browser(width=width, height=height)
        try:
            open_route(driver, "/login")
            for language in LANGUAGES:
                driver.execute_script("localStorage.setItem('qbmc.language', arguments[0])", language)
                if find(driver, "#main-nav"):
                    find(driver, ".sign-out").click()
                open_route(driver, "/login")
                driver.refresh()
                wait_visible(driver, ".login-form")
                wait_for(driver, lambda d: d.execute_script("return document.documentElement.lang")
                         == language.replace("_", "-"), f"the page did not switch to {language}")
                driver.save_screenshot(os.path.join(output, f"login-{language}-{size_name}.png"))
                login(driver)
                for page in PAGES:
                    open_route(driver, f"/{page}")
                    settle(driver)
                    if page == "console":
                        wait_visible(driver, ".connection-open, .connection-closed", timeout=10)
                    driver.save_screenshot(os.path.join(output, f"{page}-{language}-{size_name}.png"))
            check_no_console_errors(driver)
        finally:
            driver.quit()
    print(f"  screenshots in {output}")


if __name__ == "__main__":
    run(test)
