#!/usr/bin/python3
"""Switching the language at run time re-renders the page in German without a reload, and the
choice is remembered."""

from webui import (browser, check, check_no_console_errors, login, open_route, run, set_language, wait_for,
                   wait_text)


def test():
    driver = browser(language="en-US")
    try:
        open_route(driver, "/overview")
        login(driver)
        wait_text(driver, "main h1", r"^Overview$")
        driver.execute_script("window.__stillTheSamePage = true")

        set_language(driver, "de")
        wait_text(driver, "main h1", r"^Übersicht$")
        wait_text(driver, ".sign-out", r"^Abmelden$")
        check(driver.execute_script("return window.__stillTheSamePage === true"), "switching the language reloaded the page")

        set_language(driver, "zh_CN")
        wait_text(driver, "main h1", r"^概览$")

        # Remembered: a new load starts in the last language chosen.
        set_language(driver, "de")
        driver.refresh()
        wait_text(driver, "main h1", r"^Übersicht$")
        check(driver.execute_script("return document.documentElement.lang") == "de", "<html lang> is not de")

        set_language(driver, "en")
        wait_text(driver, "main h1", r"^Overview$")
        check_no_console_errors(driver)
    finally:
        driver.quit()


if __name__ == "__main__":
    run(test)
