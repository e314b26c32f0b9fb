"""The report in a real browser: headless Debian Chromium opens the pages from disk, offline.

It reuses the two report runs of test_report.py (built once per session) and checks what a reader
sees: the headings, every image actually decoded, and no script from the hostile article run.
Screenshots go to the test's tmp_path and to $TMPDIR/report_shots/ for a person to look at.
Chromium is required, not optional: .ci/run installs it (apt-get install chromium chromium-driver).
"""
import base64
import shutil
import tempfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from test_report import failing_run, hostile_run  # noqa: F401 (session fixtures shared through the stash)

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS_DIR = Path(tempfile.gettempdir()) / "report_shots"
WINDOW_WIDTH, MAX_HEIGHT = 1280, 8000
# Nothing may reach the network: the pages are files and the browser must not phone home either.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"]

# The start of the src of every image that did not decode (an empty list when all loaded).
BROKEN_IMAGES = """return Array.from(document.images)
    .filter(image => !(image.complete && image.naturalWidth > 0))
    .map(image => image.src.slice(0, 60));"""
HEADINGS = """return Array.from(document.querySelectorAll(arguments[0]))
    .map(heading => heading.textContent.replace('¶', '').trim());"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    for program in (CHROMIUM, CHROMEDRIVER):
        assert program.exists(), (f"{program} is missing: apt-get install chromium chromium-driver "
                                  f"(.ci/run installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"]:
        options.add_argument(flag)
    # The driver's path is given, so Selenium Manager never looks for (or downloads) one.
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_window_size(WINDOW_WIDTH, 900)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def open_page(driver, page: Path, shot: Path) -> None:
    """Load a report page from disk and save a screenshot of all of it (up to MAX_HEIGHT pixels)."""
    driver.get(page.as_uri())
    # A window cannot grow past the headless screen, so the whole page is captured through DevTools.
    content = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": WINDOW_WIDTH, "height": min(content["height"], MAX_HEIGHT), "scale": 1}
    capture = driver.execute_cdp_cmd("Page.captureScreenshot",
                                     {"format": "png", "captureBeyondViewport": True, "clip": clip})
    shot.write_bytes(base64.b64decode(capture["data"]))
    SHOTS_DIR.mkdir(exist_ok=True)
    shutil.copy(shot, SHOTS_DIR / shot.name)


def headings(driver, selector: str) -> list[str]:
    return driver.execute_script(HEADINGS, selector)


def image_count(driver) -> int:
    return driver.execute_script("return document.images.length")


def hostile_code_ran(driver) -> bool:
    return driver.execute_script("return window.hostileRan !== undefined")


def visible_text(driver) -> str:
    return driver.execute_script("return document.body.innerText")


def test_the_index_shows_its_sections_and_the_hostile_title_as_text(browser, hostile_run, tmp_path):
    open_page(browser, hostile_run.report_dir / "index.html", tmp_path / "index.png")
    assert headings(browser, "h1") == ["Report on articles"]
    assert headings(browser, "h2") == ["Key figures", "Notebooks", "Articles", "Parameters", "Data files"]
    assert '<script>window.hostileRan = "title"</script>' in visible_text(browser)
    assert not hostile_code_ran(browser)
    assert browser.execute_script(BROKEN_IMAGES) == []


def test_a_notebook_page_shows_its_headings_and_the_hostile_text_as_text(browser, hostile_run, tmp_path):
    open_page(browser, hostile_run.report_dir / "01-parse-articles.html", tmp_path / "01-parse-articles.png")
    assert headings(browser, "h1") == ["01 · Parse the articles"]
    assert "The articles and where their metadata came from" in headings(browser, "h2")
    text = visible_text(browser)
    assert "<script>window.hostileRan = \"script\"</script>" in text
    assert "<img src=x onerror=" in text
    assert not hostile_code_ran(browser)
    assert browser.execute_script("return document.querySelectorAll('a[href^=\"javascript:\"]').length") == 0
    assert browser.execute_script(BROKEN_IMAGES) == []


def test_the_figures_of_the_index_and_a_notebook_page_load(browser, failing_run, tmp_path):
    open_page(browser, failing_run.failed_dir / "index.html", tmp_path / "index-failed-run.png")
    assert image_count(browser) == 2
    assert browser.execute_script(BROKEN_IMAGES) == []
    assert "failed at cell 2: ValueError: broken on purpose" in visible_text(browser)
    open_page(browser, failing_run.failed_dir / "01-figure.html", tmp_path / "01-figure.png")
    assert headings(browser, "h1") == ["01 · A figure"]
    assert image_count(browser) == 1
    assert browser.execute_script(BROKEN_IMAGES) == []


def test_a_failed_notebook_page_shows_the_error(browser, failing_run, tmp_path):
    open_page(browser, failing_run.failed_dir / "02-broken.html", tmp_path / "02-broken.png")
    text = visible_text(browser)
    assert "partial output before the failure" in text
    assert "ValueError: broken on purpose" in text
