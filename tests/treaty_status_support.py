"""What the treaty status tests share: the demo's copy of the shared status files, the page in each
language, and the page read as rows and figures."""

import csv
import re
from html import unescape

from django.conf import settings

from countries.un import member_state
from treaty_status.models import TreatyStatusPage

STATUS_FILES = settings.BASE_DIR / "demo" / "treaty_status"
UNCAT_FILE = STATUS_FILES / "uncat.csv"
OPCAT_FILE = STATUS_FILES / "opcat.csv"
LANGUAGES = ["ar", "en", "es", "fr", "pt"]
STATUS_WORDS = {"state party": "party", "signatory state": "signatory", "no action": "neither"}


def statuses_in_file(path):
    """{alpha-2 code: status} as the file says (TP is Timor-Leste's old code)."""
    with open(path, encoding="utf-8") as file:
        return {
            ("TL" if row["iso2"] == "TP" else row["iso2"]): STATUS_WORDS[row["status"]] for row in csv.DictReader(file)
        }


def page_url(language_code):
    return TreatyStatusPage.objects.get(locale__language_code=language_code).url


def table_rows(html):
    """[(State name, [status of the Convention, status of the Protocol], row HTML)] in the table's order."""
    body = re.search(r'(?s)<table class="ts-table">.*?<tbody>(.*?)</tbody>', html).group(1)
    rows = []
    for row in re.findall(r"(?s)<tr>(.*?)</tr>", body):
        name = re.search(r'(?s)<th scope="row">(.*?)(?: <a class="ts-core"|</th>)', row)
        if name is None:
            continue
        rows.append((unescape(name.group(1)), re.findall(r'class="ts-status ts-(\w+)"', row), row))
    return rows


def row_of(html, code, language_code):
    name = member_state(code).name(language_code)
    return next(row for row in table_rows(html) if row[0] == name)


def figures(html, container_class):
    """The numbers of each block of figures (parties, signatories, still to ratify) in `container_class`."""
    blocks = re.findall(rf'(?s)class="{container_class}".*?</dl>', html)
    return [tuple(int(number) for number in re.findall(r"<dd>(\d+)</dd>", block)) for block in blocks]
