"""The report page in a real browser: headless Chromium renders it offline.

Chromium (Debian's ``chromium``; ``make test`` installs it when missing) loads the
page from a file with every host name mapped to nowhere, so a page that needed the
network would lose its content. The test reads the DOM Chromium built and finds
every headline figure in it, and writes a screenshot, ``build/report-page.png``
(``make screenshot`` copies it into the docs). Away from CI a machine without
Chromium skips these tests; under CI (``CI=true``) a missing browser fails them.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from socialvalue.report.page import report_page
from socialvalue.report.tables import headlines
from socialvalue.report.worked_example import example_year

from .test_report_page import with_previous

ROOT = Path(__file__).parent.parent
SCREENSHOT = ROOT / "build" / "report-page.png"
#: The flags Chromium needs on a machine with no network and no display.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing: `make test` installs it (apt-get install chromium)")
        pytest.skip("no chromium here: `make browser` installs Debian's")
    return found


def browse(chromium: str, page: Path, *action: str) -> str:
    """Run Chromium on ``page`` with ``action`` and a fresh profile; return what it printed."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", *action, page.as_uri()],
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_rendered_page_holds_every_headline_figure(chromium: str, tmp_path: Path) -> None:
    year = example_year()
    report = year.report()
    page = tmp_path / "report.html"
    page.write_text(report_page(report), encoding="utf-8")
    dom = browse(chromium, page, "--dump-dom")
    assert "<h1>Social value report 2025/26: Greater Manchester</h1>" in dom
    for label, value in headlines(report):
        assert f"<dt>{html.escape(label, quote=False)}</dt><dd>{value}</dd>" in dom
    for known in ("£1,258,400.00", "£731,400.00", "58.1%", "£20,684.15", "4 of 7", "3 of 5"):
        assert f"<dd>{known}</dd>" in dom
    assert dom.count('<img src="data:image/svg+xml;base64,') == 5
    SCREENSHOT.parent.mkdir(exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    browse(chromium, page, f"--screenshot={SCREENSHOT}", "--window-size=1280,2200")
    assert SCREENSHOT.read_bytes().startswith(b"\x89PNG")


def test_the_charts_are_drawn(chromium: str, tmp_path: Path) -> None:
    """The year-on-year charts' previous-year orange shows on screen: the images loaded."""
    from matplotlib.image import imread

    page = tmp_path / "report.html"
    page.write_text(report_page(with_previous(example_year())), encoding="utf-8")
    shot = tmp_path / "yoy.png"
    browse(chromium, page, f"--screenshot={shot}", "--window-size=1280,6000")
    pixels = imread(shot)[:, :, :3]
    # Okabe & Ito's orange, #E69F00, used by nothing else on the page.
    orange = (
        (abs(pixels[:, :, 0] - 0xE6 / 255) < 0.02)
        & (abs(pixels[:, :, 1] - 0x9F / 255) < 0.02)
        & (pixels[:, :, 2] < 0.02)
    )
    assert orange.sum() > 2000
