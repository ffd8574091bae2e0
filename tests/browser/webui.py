"""Shared helpers for the web UI's browser tests.

Starts nothing: the daemon runs already. The environment says where and as whom:
  QBMC_URL       base URL of the daemon's HTTPS listener, e.g. https://127.0.0.1:8443
  QBMC_USER      an Administrator's user name (default admin)
  QBMC_PASSWORD  that user's password
Chromium runs headless through Debian's chromium-driver; the certificate is not checked.
"""

import base64
import json
import os
import re
import ssl
import sys
import time
import traceback
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE_URL = os.environ.get("QBMC_URL", "https://127.0.0.1:8443").rstrip("/")
USER = os.environ.get("QBMC_USER", "admin")
PASSWORD = os.environ.get("QBMC_PASSWORD", "")

DEFAULT_TIMEOUT = 10


class TestFailure(Exception):
    """A check that did not hold; its text says what was expected."""


def check(condition, message):
    if not condition:
        raise TestFailure(message)


def browser(width=1280, height=900, language="en-US"):
    """A headless Chromium with its console log readable through console_errors()."""
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--ignore-certificate-errors", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", f"--lang={language}"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_window_size(width, height)
    return driver


def open_route(driver, route):
    """Loads the app at a route such as "/overview" (a full page load)."""
    driver.get(f"{BASE_URL}/#{route}")


def wait_for(driver, condition, message, timeout=DEFAULT_TIMEOUT):
    """Polls condition(driver) until it returns something truthy; fails with message."""
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(d))
    except TimeoutException:
        raise TestFailure(f"{message} (waited {timeout} s; at {driver.current_url})") from None


def find(driver, css):
    """The first element matching css, or None."""
    elements = driver.find_elements(By.CSS_SELECTOR, css)
    return elements[0] if elements else None


def wait_visible(driver, css, timeout=DEFAULT_TIMEOUT):
    def visible(d):
        for element in d.find_elements(By.CSS_SELECTOR, css):
            try:
                if element.is_displayed():
                    return element
            except WebDriverException:
                continue
        return None

    return wait_for(driver, visible, f"{css} did not appear", timeout)


def wait_text(driver, css, pattern, timeout=DEFAULT_TIMEOUT):
    """Waits until an element matching css has text matching the regular expression pattern."""
    regex = re.compile(pattern)

    def matches(d):
        for element in d.find_elements(By.CSS_SELECTOR, css):
            try:
                if regex.search(element.text):
                    return element
            except WebDriverException:
                continue
        return None

    return wait_for(driver, matches, f"no {css} with text matching {pattern!r}", timeout)


def login(driver, user=USER, password=PASSWORD, expect_success=True):
    """Signs in through the login page; with expect_success, waits for the navigation to show."""
    if "#/login" not in driver.current_url:
        open_route(driver, "/login")
    user_field = wait_visible(driver, ".login-form input[name=username]")
    password_field = find(driver, ".login-form input[name=password]")
    user_field.clear()
    user_field.send_keys(user)
    password_field.clear()
    password_field.send_keys(password)
    find(driver, ".login-form button[type=submit]").click()
    if expect_success:
        wait_visible(driver, "#main-nav, .menu-button", timeout=DEFAULT_TIMEOUT)
        wait_for(driver, lambda d: "#/login" not in d.current_url, "the login page stayed after signing in")


def set_language(driver, code):
    """Chooses a language in the top bar's language selector (en, de, zh_CN)."""
    from selenium.webdriver.support.ui import Select

    Select(wait_visible(driver, ".language-select")).select_by_value(code)
    wait_for(driver, lambda d: d.execute_script("return document.documentElement.lang") == code.replace("_", "-"),
             f"the page's language did not become {code}")


def console_errors(driver, ignore=()):
    """Errors and CSP violations in the browser console since the last call; ignore holds
    regular expressions for expected entries (a 401 of a deliberately wrong login)."""
    problems = []
    for entry in driver.get_log("browser"):
        message = entry.get("message", "")
        serious = entry.get("level") == "SEVERE" or "Content Security Policy" in message or "Refused to" in message
        if serious and not any(re.search(pattern, message) for pattern in ignore):
            problems.append(message)
    return problems


def check_no_console_errors(driver, ignore=()):
    errors = console_errors(driver, ignore)
    check(not errors, "browser console errors:\n  " + "\n  ".join(errors))


def redfish(method, path, body=None, user=USER, password=PASSWORD, timeout=10):
    """A Redfish request as a script makes it (Basic authentication), for preparing a test.
    Returns (status, parsed JSON or None)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE_URL + path, data=data, method=method)
    credentials = base64.b64encode(f"{user}:{password}".encode()).decode()
    request.add_header("Authorization", f"Basic {credentials}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, context=context, timeout=timeout) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as error:
        text = error.read().decode()
        try:
            return error.code, json.loads(text) if text else None
        except ValueError:
            return error.code, None


def power_state():
    status, system = redfish("GET", "/redfish/v1/Systems/system")
    check(status == 200, f"GET Systems/system answered {status}")
    return system.get("PowerState")


def wait_power_state(wanted, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if power_state() == wanted:
            return
        time.sleep(0.2)
    raise TestFailure(f"the host did not reach {wanted} within {timeout} s (it is {power_state()})")


def reset_host(reset_type):
    """Asks for a power action through Redfish, waiting while someone else's action runs."""
    deadline = time.monotonic() + 30
    while True:
        status, body = redfish("POST", "/redfish/v1/Systems/system/Actions/ComputerSystem.Reset",
                               {"ResetType": reset_type})
        if status in (200, 202, 204) or time.monotonic() > deadline:
            break
        if status != 409:
            break
        time.sleep(0.5)
    check(status in (200, 202, 204), f"{reset_type} answered {status}: {body}")


def run(test):
    """Runs test() and exits 0, or 1 with the failure on stderr."""
    name = os.path.basename(sys.argv[0])
    if not PASSWORD:
        print(f"{name}: set QBMC_URL, QBMC_USER and QBMC_PASSWORD", file=sys.stderr)
        sys.exit(2)
    started = time.monotonic()
    try:
        test()
    except TestFailure as failure:
        print(f"FAIL {name}: {failure}", file=sys.stderr)
        sys.exit(1)
    except Exception:  # a crash of the test itself is a failure too, with its trace
        print(f"FAIL {name}: unexpected error", file=sys.stderr)
        traceback.print_exc()
        sys.exit(1)
    print(f"PASS {name} ({time.monotonic() - started:.1f} s)")
