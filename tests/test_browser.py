"""Acceptance (issue 12): an analyst's session in a real browser against `kgload serve`.

`kgload serve` runs as a subprocess over a store made from `examples/` (as `make demo` makes
it); Debian's headless Chromium, driven through its own chromedriver (nothing is downloaded),
searches "Putin", reads the timeline (the call with Kim Jong Un and the planned Alaska meeting
with Trump, with their quotes), opens the network view, runs a saved query and downloads its
CSV. A screenshot of each view is written to docs/screenshots/ (linked from the README).
"""

from __future__ import annotations

import csv
import io
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from serving import serve_subprocess

from kgload.client import KG
from kgload.config import Settings

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = pytest.mark.slow

if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
    pytest.skip(
        "needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); "
        ".ci/run installs them: apt-get install chromium chromium-driver",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "demo-kg"
    with KG.open(f"oxigraph:{path}", settings=Settings()) as kg:
        report = kg.ingest(sorted((ROOT / "examples").glob("*.txt")))
        assert report.ok, report.problems
    return path


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[tuple[WebDriver, Path]]:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,900",
    ):  # fmt: skip
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        driver.execute_cdp_cmd(
            "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        yield driver, downloads
    finally:
        driver.quit()


def _wait(driver: WebDriver) -> WebDriverWait[WebDriver]:
    # A hang guard for a loaded machine, not a speed requirement.
    return WebDriverWait(driver, 60)


def _shoot(driver: WebDriver, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, max(700, min(int(height) + 40, 2400)))
    assert driver.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    driver.set_window_size(1280, 900)


def test_an_analyst_searches_reads_the_timeline_draws_the_network_and_downloads_csv(
    demo_store: Path, browser: tuple[WebDriver, Path], tmp_path: Path
) -> None:
    driver, downloads = browser
    with serve_subprocess(demo_store, cwd=tmp_path) as (url, _):
        # Search.
        driver.get(url + "/")
        box = driver.find_element(By.ID, "q")
        box.send_keys("Putin")
        driver.find_element(By.ID, "search-button").click()
        _wait(driver).until(ec.presence_of_element_located((By.ID, "actors")))
        link = driver.find_element(By.LINK_TEXT, "Vladimir Putin")
        _shoot(driver, "search")
        link.click()

        # The timeline: the call with Kim Jong Un and the planned meeting with Trump in Alaska.
        _wait(driver).until(ec.presence_of_element_located((By.ID, "timeline")))
        events = driver.find_elements(By.CSS_SELECTOR, "#timeline li.event")
        texts = [e.text for e in events]
        call = next(t for t in texts if "PhoneCall" in t and "Kim Jong Un" in t)
        assert "2025-08-14" in call and "Occurred" in call
        assert "conversou por telefone com o líder da Coreia do Norte" in call
        meeting = next(t for t in texts if "Meeting" in t and "Donald Trump" in t)
        assert "2025-08-15" in meeting and "Planned" in meeting and "Alaska" in meeting
        assert "Putin vai se reunir com Donald Trump no Alasca" in meeting
        assert texts.index(call) < texts.index(meeting)
        _shoot(driver, "timeline")

        # The network of actors, drawn by the page's own script.
        driver.find_element(By.ID, "nav-network").click()
        svg = _wait(driver).until(ec.presence_of_element_located((By.ID, "network")))
        _wait(driver).until(lambda d: svg.get_attribute("data-ready") == "1")
        nodes = driver.find_elements(By.CSS_SELECTOR, "#network g.node")
        lines = driver.find_elements(By.CSS_SELECTOR, "#network line")
        assert len(nodes) > 10 and len(lines) > 10
        assert any(n.text.startswith("Vladimir Putin") for n in nodes)
        time.sleep(1.5)  # let the layout settle for the picture (nothing is asserted on time)
        _shoot(driver, "network")

        # A saved query as a form, run, and its CSV downloaded.
        driver.find_element(By.ID, "nav-queries").click()
        driver.find_element(By.LINK_TEXT, "meetings").click()
        status = driver.find_element(By.ID, "p-status")
        status.send_keys("planned")
        driver.find_element(By.ID, "run-query").click()
        table = _wait(driver).until(ec.presence_of_element_located((By.ID, "results")))
        assert "Donald Trump" in table.text and "Alaska" in table.text
        _shoot(driver, "saved-query")
        driver.find_element(By.ID, "csv-link").click()
        target = downloads / "meetings.csv"
        _wait(driver).until(lambda _: target.exists() and target.stat().st_size > 0)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows and {row["status"] for row in rows} == {"Planned"}
    alaska = [row for row in rows if row["date"] == "2025-08-15"]
    assert alaska and "Donald Trump" in alaska[0]["participants"]
    assert "Vladimir Putin" in alaska[0]["participants"]
    for name in ("search", "timeline", "network", "saved-query"):
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000
    shutil.rmtree(downloads)
