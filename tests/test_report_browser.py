"""The report in a real browser: headless Debian Chromium opens the pages from disk, offline.

It reuses the two report runs of test_report.py (built once per session) and checks what a reader
sees: the headings, every image actually decoded, the actor graph drawn and its tooltips, and no
script from the hostile article run. Screenshots go to the test's tmp_path and to
$TMPDIR/report_shots/ for a person to look at.
Without /usr/bin/chromium or /usr/bin/chromedriver these tests are skipped, saying how to get them
(apt-get install chromium chromium-driver); under CI (CI=true, which .ci/run sets and installs
Chromium for) a missing browser fails them instead.
"""
import base64
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

from test_report import INTERACTIVE_PAGE, failing_run, hostile_run  # noqa: F401 (session fixtures, shared)

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
HOSTILE_SCRIPT = '<script>window.hostileRan = "script"</script>'
HOSTILE_IMAGE = "<img src=x onerror=\"window.hostileRan = 'img'\">"
# Bokeh draws inside shadow roots, which document.querySelectorAll does not enter.
DEEP_QUERY = """const deep = (root, selector) => [...root.querySelectorAll(selector),
    ...[...root.querySelectorAll('*')].filter(el => el.shadowRoot).flatMap(el => deep(el.shadowRoot, selector))];
"""
GRAPH_DRAWN = DEEP_QUERY + """if (typeof Bokeh === 'undefined' || Bokeh.documents.length === 0) return false;
const plot = Bokeh.documents[0].get_model_by_name('actor_graph');
return plot !== null && Bokeh.index.find_one(plot) != null && deep(document, 'canvas').length > 0;"""
PLOT_RENDERERS = "return Bokeh.documents[0].get_model_by_name('actor_graph').renderers.length;"
# Where, in the window, the dot of the first arrow whose incidents mention arguments[0] is drawn.
ARROW_DOT = """const doc = Bokeh.documents[0], arrows = doc.get_model_by_name('arrows');
const view = Bokeh.index.find_one(doc.get_model_by_name('actor_graph'));
const index = arrows.data.incidents.findIndex(text => text.includes(arguments[0]));
if (index < 0) return null;
const canvas = view.canvas_view.el.getBoundingClientRect();
return {x: canvas.left + view.frame.x_scale.compute(arrows.data.mid_x[index]),
        y: canvas.top + view.frame.y_scale.compute(arrows.data.mid_y[index])};"""
# Each tooltip on show: the text a reader sees, and how many elements the article could have put in it.
SHOWN_TOOLTIPS = DEEP_QUERY + """return deep(document, '.bk-Tooltip')
    .filter(tip => getComputedStyle(tip).display !== 'none')
    .map(tip => [tip.shadowRoot.querySelector('.bk-tooltip-content').innerText,
                 deep(tip.shadowRoot, 'script, img, a, iframe, object, embed').length]);"""
# The text of the panel under the figure, as shown (a Div rendered as text).
PANEL_TEXT = DEEP_QUERY + """return deep(document, '.bk-Div').map(div => div.shadowRoot.textContent)
    .filter(text => text.includes(arguments[0]));"""


def require_browser() -> None:
    """Skip when Chromium or its driver is missing, saying how to install them; fail under CI."""
    missing = [str(program) for program in (CHROMIUM, CHROMEDRIVER) if not program.exists()]
    if missing:
        message = (f"{' and '.join(missing)} missing: apt-get install chromium chromium-driver to run the "
                   f"browser tests (.ci/run installs them)")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    require_browser()
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
    save_screenshot(driver, shot)


def save_screenshot(driver, shot: Path) -> None:
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


def test_the_actor_graph_page_draws_the_graph_and_shows_hostile_sentences_as_text(browser, hostile_run, tmp_path):
    browser.get((hostile_run.report_dir / INTERACTIVE_PAGE).as_uri())
    WebDriverWait(browser, 30).until(lambda driver: driver.execute_script(GRAPH_DRAWN))
    assert browser.execute_script(PLOT_RENDERERS) > 0
    # Iran's strike on Pakistan is told in the sentences with the <script> and the <img onerror>.
    dot = browser.execute_script(ARROW_DOT, 'hostileRan = "script"')
    assert dot is not None
    browser.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": "mouseMoved", **dot})
    WebDriverWait(browser, 10).until(lambda driver: driver.execute_script(SHOWN_TOOLTIPS))
    ((tooltip, elements),) = browser.execute_script(SHOWN_TOOLTIPS)
    assert tooltip.startswith("Iran → Pakistan: 1 incident, conflict")
    assert "strikes (CAMEO 195, Goldstein -10.0); reported by Reuters" in tooltip
    assert HOSTILE_SCRIPT in tooltip and HOSTILE_IMAGE in tooltip
    assert elements == 0
    for kind in ("mousePressed", "mouseReleased"):
        browser.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": kind, "button": "left", "clickCount": 1, **dot})
    WebDriverWait(browser, 10).until(lambda driver: driver.execute_script(PANEL_TEXT, "Iran → Pakistan"))
    save_screenshot(browser, tmp_path / "actor_graph.png")  # the tooltip over the arrow, the panel below
    (panel,) = browser.execute_script(PANEL_TEXT, "Iran → Pakistan")
    assert HOSTILE_SCRIPT in panel and HOSTILE_IMAGE in panel
    assert not hostile_code_ran(browser)


def test_without_chromium_the_browser_tests_skip_saying_how_to_install_it(monkeypatch, tmp_path):
    monkeypatch.setattr(f"{__name__}.CHROMIUM", tmp_path / "chromium")
    monkeypatch.setattr(f"{__name__}.CHROMEDRIVER", tmp_path / "chromedriver")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"chromium and \S+/chromedriver missing: apt-get install chromium chromium-driver"):
        require_browser()


def test_under_ci_a_missing_chromium_fails_the_browser_tests(monkeypatch, tmp_path):
    monkeypatch.setattr(f"{__name__}.CHROMIUM", tmp_path / "chromium")
    monkeypatch.setattr(f"{__name__}.CHROMEDRIVER", tmp_path / "chromedriver")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"chromium and \S+/chromedriver missing: apt-get install chromium chromium-driver"):
        require_browser()
