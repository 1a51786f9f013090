"""Serve the demo site for the browser tests, in a process and a scratch database of its own.

    python tests/browser/demo_server.py WORKDIR PORT

Migrates a fresh database, loads the demo content in five languages, sets up the roles and the staff
accounts the journeys log in with, writes WORKDIR/pages.json (one URL per page type and language)
and serves on 127.0.0.1:PORT until it is stopped. The browser tests never share a database with the
rest of the suite: what a journey publishes cannot leak into another test, and no transactional test
can flush the content the browser reads.
"""

import json
import os
import shutil
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

STAFF_PASSWORD = "browser-journeys-password"
EDITOR_USERNAME = "browser-editor"
SPANISH_TRANSLATOR_USERNAME = "browser-translator-es"
ARABIC_TRANSLATOR_USERNAME = "browser-translator-ar"
HELP_DESK_USERNAME = "browser-help-desk"


def create_staff_accounts():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from pages.roles import HELP_DESK, SECRETARIAT_EDITORS, translator_group_name

    for username, group_name in [
        (EDITOR_USERNAME, SECRETARIAT_EDITORS),
        (SPANISH_TRANSLATOR_USERNAME, translator_group_name("es")),
        (ARABIC_TRANSLATOR_USERNAME, translator_group_name("ar")),
        (HELP_DESK_USERNAME, HELP_DESK),
    ]:
        user = get_user_model().objects.create_user(
            username=username, email=f"{username}@example.org", password=STAFF_PASSWORD
        )
        user.groups.add(Group.objects.get(name=group_name))


def point_default_site_at(port):
    """Canonical and hreflang links then name the address the browser really uses."""
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "127.0.0.1", port
    site.save()


def pages_by_type():
    """{page type: {language code: {"url", "id"}}} for the first live public page of each type."""
    from wagtail.models import Page

    pages = {}
    for page in Page.objects.live().public().filter(depth__gte=2).specific().order_by("path"):
        pages.setdefault(type(page).__name__, {}).setdefault(page.locale.language_code, {"url": page.url, "id": page.pk})
    return pages


def exit_with_test_run(workdir):
    """A test run that is killed cannot stop its server: the server stops itself and cleans up."""
    test_run = int(os.environ.get("DEMO_SERVER_PARENT_PID", "0"))
    if not test_run:
        return

    def watch():
        while os.getppid() == test_run:
            time.sleep(1)
        shutil.rmtree(workdir, ignore_errors=True)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main(workdir, port):
    exit_with_test_run(workdir)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo_content", verbosity=0)
    call_command("setup_roles", verbosity=0)
    create_staff_accounts()
    point_default_site_at(port)
    (Path(workdir) / "pages.json").write_text(json.dumps(pages_by_type(), indent=2))
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, skip_checks=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
