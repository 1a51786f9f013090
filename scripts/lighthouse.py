"""Lighthouse (mobile) on the home page, an inner page, the library and the advice hub, in English and Arabic.

    make lighthouse

Serves the demo site as the browser tests do (tests/browser/demo_server.py), installs Lighthouse from
npm into var/lighthouse on first use, runs it with Debian's Chromium and prints the scores and the
first-load figures. Exits non-zero unless accessibility, best practices and SEO are all 100: those
scores do not depend on timing, unlike performance, which is printed for the record.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))

from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, DemoServer  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"  # the last release that runs on Debian 12's Node 20
LIGHTHOUSE_DIR = REPOSITORY / "var" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
PAGES = [
    ("home", "HomePage"),
    ("inner", "HistoryPage"),
    ("library", "ResourceLibraryPage"),
    ("advice", "AdviceHubPage"),
    ("treaty", "TreatyStatusPage"),
]
LANGUAGES = ["en", "ar"]
ASSERTED = ["accessibility", "best-practices", "seo"]
CATEGORIES = ["performance", *ASSERTED]


def install_lighthouse():
    if LIGHTHOUSE.exists():
        return
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--silent", f"lighthouse@{LIGHTHOUSE_VERSION}"],
        cwd=LIGHTHOUSE_DIR,
        check=True,
    )


# Lighthouse sometimes fails to record Chromium's trace ("NO_NAVSTART ... Please run Lighthouse again"):
# a failed run is tried again; a page's scores are only ever judged from a run that completed.
ATTEMPTS = 5


def audit(url, report_path):
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report_path}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
    ]
    for attempt in range(1, ATTEMPTS + 1):
        finished = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM})
        if finished.returncode == 0:
            return json.loads(Path(report_path).read_text())
        print(f"Lighthouse did not complete on {url} (attempt {attempt} of {ATTEMPTS})", flush=True)
    raise SystemExit(f"Lighthouse failed {ATTEMPTS} times on {url}")


def shortfalls(report):
    """The audits that cost an asserted category points."""
    found = []
    for category in ASSERTED:
        for reference in report["categories"][category]["auditRefs"]:
            result = report["audits"][reference["id"]]
            if reference["weight"] and result["score"] is not None and result["score"] < 1:
                found.append(f"{category}: {reference['id']} ({result['title']})")
    return found


def summary(name, url, report):
    scores = {category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES}
    audits = report["audits"]
    requests = len(audits["network-requests"]["details"]["items"])
    return (
        f"{name:12} perf {scores['performance']:3}  a11y {scores['accessibility']:3}  "
        f"best {scores['best-practices']:3}  seo {scores['seo']:3}  "
        f"LCP {audits['largest-contentful-paint']['numericValue'] / 1000:.2f} s  "
        f"CLS {audits['cumulative-layout-shift']['numericValue']:.3f}  "
        f"{audits['total-byte-weight']['numericValue'] / 1024:.0f} KB in {requests} requests  {url}"
    ), scores


def main():
    install_lighthouse()
    server = DemoServer.running_or_new()
    failures = []
    try:
        server.wait_until_serving()
        with tempfile.TemporaryDirectory() as reports:
            for language_code in LANGUAGES:
                for name, page_type in PAGES:
                    url = server.base_url + server.url(page_type, language_code)
                    report = audit(url, Path(reports) / f"{name}-{language_code}.json")
                    line, scores = summary(f"{name} ({language_code})", url, report)
                    print(line, flush=True)
                    if any(scores[category] < 100 for category in ASSERTED):
                        failures += [f"{url}: {shortfall}" for shortfall in shortfalls(report)]
    finally:
        server.stop()
    if failures:
        print("\nAccessibility, best practices and SEO must be 100:\n  " + "\n  ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
