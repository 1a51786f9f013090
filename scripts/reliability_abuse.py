"""The abuse steps of `make reliability`, through nginx as a visitor or a staff member would come:

- an attacker posting junk to the advice form from one address, forging X-Real-IP and
  X-Forwarded-For, while visitors from other addresses send their queries: every visitor's query is
  stored, the attacker is refused (429), nothing fails;
- oversized bodies: 45 MB to the advice form is refused with 413 at once, by nginx and by Django
  (gunicorn reached directly);
- the crafted PDF of the audit (tests/document_support.py: about 30 KB, 200 pages sharing one
  compressed stream of 50,000 empty text operations), uploaded through the admin's multiple upload
  by a Spanish translator (signed in with password and two-factor code) while visitors load pages:
  the upload answers at once and no visitor's request takes more than a second.
"""

import http.client
import json
import re
import secrets
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from urllib.parse import urlencode

from reliability_stack import PYTHON, ROOT

sys.path.insert(0, str(ROOT))

from tests.document_support import crafted_pdf  # noqa: E402

ATTACKER = "127.66.0.1"
VISITORS = [f"127.10.0.{number}" for number in range(1, 13)]
ATTACK_SECONDS = 15
OVERSIZED = 45 * 1024 * 1024
QUICK_REFUSAL = 1.0
SLOWEST_ALLOWED = 1.0
JUNK = {"name": "x" * 3000, "email": "junk", "question": "<script>alert(1)</script>", "website": "http://spam.example"}

STAFF_SCRIPT = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Collection, GroupCollectionPermission
from pages.roles import translator_group_name
group = Group.objects.get(name=translator_group_name("es"))
user, _created = get_user_model().objects.get_or_create(username="reliability-translator-es",
                                                        defaults={"email": "translator-es@example.org"})
user.set_password(PASSWORD)
user.save()
user.groups.add(group)
TOTPDevice.objects.filter(user=user).delete()
device = TOTPDevice.objects.create(user=user, name="reliability", confirmed=True)
collection = (GroupCollectionPermission.objects.filter(group=group, permission__codename="add_document")
              .values_list("collection_id", flat=True).first() or Collection.get_first_root_node().pk)
print("STAFF" + json.dumps({"key": device.key, "collection": collection}))
"""


class Session:
    """A visitor or staff member through nginx: one address of their own, their cookies kept."""

    def __init__(self, port, source):
        self.port = port
        self.source = source
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, timeout=30):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout, source_address=(self.source, 0))
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response, data

    def form_post(self, path, fields, headers=None):
        token = self.cookies.get("csrftoken", "")
        return self.request("POST", path, urlencode({**fields, "csrfmiddlewaretoken": token}), {
            "Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{self.port}{path}",
            **(headers or {})})


def hidden_field(html, name):
    found = re.search(rf'name="{name}" value="([^"]*)"'.encode(), html)
    return found.group(1).decode() if found else ""


def send_query(port, path, source, valid_query, name):
    """One visitor's query through the form, from their own address; its reference, or an error."""
    visitor = Session(port, source)
    status, _response, html = visitor.request("GET", path)
    if status != 200:
        return None, f"the form answered {status}"
    form = {**valid_query, "name": name, "started": hidden_field(html, "started")}
    status, response, _body = visitor.form_post(path, form)
    if status != 302:
        return None, f"{source}: the form answered {status}"
    status, _response, html = visitor.request("GET", response.getheader("Location"))
    found = re.search(rb'advice-confirmation__reference"[^>]*>([A-Z0-9-]+)<', html)
    return (found.group(1).decode(), None) if found else (None, f"{source}: no reference ({status})")


class Attacker(threading.Thread):
    """Posts junk to the advice form from one address, as fast as it is answered, forging the client's address."""

    def __init__(self, port, path):
        super().__init__(daemon=True)
        self.port = port
        self.path = path
        self.stop = threading.Event()
        self.statuses = Counter()  # 0: no answer

    def run(self):
        attacker = Session(self.port, ATTACKER)
        attacker.request("GET", self.path)
        number = 0
        while not self.stop.is_set():
            number += 1
            forged = {"X-Real-IP": f"10.0.{number % 250}.{number % 7 + 1}",
                      "X-Forwarded-For": f"192.0.2.{number % 250}, 198.51.100.{number % 250}"}
            try:
                status = attacker.form_post(self.path, {**JUNK, "started": str(number)}, forged)[0]
            except OSError:
                status = 0
            self.statuses[status] += 1


def junk_from_one_address(stack, targets, checks, valid_query):
    """An attacker hammers the advice form from one address; visitors from others still get through."""
    path = targets["advice"][1]
    attacker = Attacker(stack.port, path)
    attacker.start()
    time.sleep(2)
    run = uuid.uuid4().hex[:8]
    sent = []
    for number, source in enumerate(VISITORS):
        sent.append((f"Visitor {run} {number}", *send_query(stack.port, path, source, valid_query, f"Visitor {run} {number}")))
        time.sleep(ATTACK_SECONDS / len(VISITORS))
    attacker.stop.set()
    attacker.join(30)
    stored = dict(stack.cluster.execute("cti", "SELECT name, reference FROM advice_advicequery WHERE name LIKE %s",
                                        [f"Visitor {run} %"]))
    checks.figure("junk from one address (forged X-Real-IP, X-Forwarded-For)",
                  f"{attacker.statuses.total()} posts, answers {dict(sorted(attacker.statuses.items()))}; "
                  f"{len(VISITORS)} visitors from other addresses meanwhile: {len(stored)} queries stored")
    check_visitors_got_through(checks, sent, stored)
    check_attacker_refused(stack, checks, attacker.statuses)


def check_visitors_got_through(checks, sent, stored):
    """Every visitor's query was stored under the reference their confirmation page showed."""
    for error in [error for _name, _reference, error in sent if error][:5]:
        print(f"    {error}")
    missing = [name for name, reference, _error in sent if reference is None or stored.get(name) != reference]
    checks.expect(not missing, f"visitors' queries not stored while one address sent junk: {missing}")


def check_attacker_refused(stack, checks, statuses):
    """The attacker was refused with 429 whatever address it forged, nothing failed, and none of its junk was stored."""
    checks.expect(statuses[429] > 0, "the attacker's junk posts were never refused with 429")
    checks.expect(not any(status == 0 or status >= 500 for status in statuses), f"junk posts failed: {dict(statuses)}")
    attacker_rows = stack.cluster.execute("cti", "SELECT count(*) FROM advice_advicequery WHERE email = %s", [JUNK["email"]])
    checks.expect(attacker_rows[0][0] == 0, "junk from the attacker was stored")


def declared_body(port, path, size, source):
    """Headers declaring `size` bytes and the first KB of them; the answer's status and how long it took."""
    import socket

    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0)) as connection:
        connection.sendall(f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                           f"Content-Length: {size}\r\nConnection: close\r\n\r\n".encode() + b"q=" + b"a" * 1022)
        answer = b""
        try:
            while b"\r\n" not in answer:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except OSError:
            pass
    status = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    return (int(status.group(1)) if status else 0), time.monotonic() - started


def oversized_bodies(stack, targets, checks):
    """45 MB to the advice form: refused with 413 at once, by nginx and by Django itself."""
    path = targets["advice"][0]
    through_nginx = declared_body(stack.port, path, OVERSIZED, "127.67.0.1")
    direct = declared_body(stack.gunicorn_port, path, OVERSIZED, "127.0.0.1")
    checks.figure("45 MB body to the advice form", f"nginx {through_nginx[0]} in {through_nginx[1] * 1000:.0f} ms, "
                  f"gunicorn directly {direct[0]} in {direct[1] * 1000:.0f} ms")
    for name, (status, seconds) in (("nginx", through_nginx), ("Django", direct)):
        checks.expect(status == 413 and seconds <= QUICK_REFUSAL,
                      f"{name} answered a 45 MB body with {status} after {seconds:.2f} s (413 within {QUICK_REFUSAL} s)")


def sign_in_translator(stack):
    """A Spanish translator, signed in through nginx with password and two-factor code."""
    from django_otp.oath import totp

    password = secrets.token_urlsafe(24)
    result = subprocess.run([PYTHON, "manage.py", "shell", "-c", f"PASSWORD = {password!r}\n{STAFF_SCRIPT}"], cwd=ROOT,
                            env=stack.env, check=True, capture_output=True, text=True)
    staff = json.loads(result.stdout.split("STAFF", 1)[1])
    translator = Session(stack.port, "127.68.0.1")
    translator.request("GET", "/admin/login/")
    status, response, _body = translator.form_post("/admin/login/", {"username": "reliability-translator-es",
                                                                     "password": password, "next": "/admin/"})
    if status != 302:
        raise RuntimeError(f"the translator's sign-in answered {status}")
    translator.request("GET", "/admin/two-factor/verify/?next=/admin/")
    code = f"{totp(bytes.fromhex(staff['key'])):06d}"
    status, response, _body = translator.form_post("/admin/two-factor/verify/", {"otp_token": code, "next": "/admin/"})
    if status != 302 or translator.request("GET", "/admin/")[0] != 200:
        raise RuntimeError(f"the translator's two-factor step answered {status}")
    return translator, staff["collection"]


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, data, content_type) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def upload_crafted_pdf(translator, collection):
    """The admin's multiple upload, as its script posts a file; (status, seconds, answer)."""
    translator.request("GET", "/admin/documents/multiple/add/")
    body, content_type = multipart(
        {"csrfmiddlewaretoken": translator.cookies.get("csrftoken", ""), "title": "crafted", "collection": collection},
        {"files[]": ("crafted.pdf", crafted_pdf(), "application/pdf")},
    )
    started = time.monotonic()
    status, _response, answer = translator.request("POST", "/admin/documents/multiple/add/", body, {
        "Content-Type": content_type, "X-Requested-With": "XMLHttpRequest", "X-CSRFToken": translator.cookies.get("csrftoken", ""),
        "Referer": f"http://127.0.0.1:{translator.port}/admin/documents/multiple/add/"}, timeout=60)
    return status, time.monotonic() - started, answer


def crafted_pdf_under_load(stack, checks, start_load, finish_load, seconds, clients):
    """Visitors load pages; meanwhile a translator uploads the crafted PDF. No visitor waits a second."""
    translator, collection = sign_in_translator(stack)
    load = start_load("pdf", seconds=seconds, clients=clients, seed=7)
    time.sleep(seconds * 0.25)
    uploaded_at = time.monotonic()
    status, upload_seconds, answer = upload_crafted_pdf(translator, collection)
    _clients_finished, answers = finish_load(load)
    during = [visit for visit in answers if visit.end >= uploaded_at]
    before = [visit for visit in answers if visit.end < uploaded_at]
    failed = [visit for visit in answers if visit.status == 0 or visit.status >= 500]
    checks.figure("crafted PDF (200 pages × 50,000 empty text operations) uploaded by a translator under load",
                  f"upload answered {status} in {upload_seconds:.2f} s; {clients} visitors' clients, "
                  f"{len(during)} requests after the upload, slowest {slowest(during) or 0:.3f} s "
                  f"(before it: {slowest(before) or 0:.3f} s), {len(failed)} failed")
    check_upload_answered_at_once(checks, status, upload_seconds, answer)
    check_visitors_unaffected_by_upload(checks, during, failed)


def slowest(visits):
    return max((visit.end - visit.start for visit in visits), default=None)


def check_upload_answered_at_once(checks, status, upload_seconds, answer):
    """The upload is accepted at once: the PDF's text is read later, by the background worker."""
    checks.expect(status == 200 and upload_accepted(answer),
                  f"the upload of the crafted PDF was not accepted ({status}: {answer[:200]!r})")
    checks.expect(upload_seconds <= 5, f"the upload of the crafted PDF took {upload_seconds:.2f} s to answer")


def check_visitors_unaffected_by_upload(checks, during, failed):
    """No visitor's request after the upload took over SLOWEST_ALLOWED, and none failed."""
    checks.expect(during and slowest(during) <= SLOWEST_ALLOWED,
                  f"a visitor's request took {slowest(during) or 0:.2f} s while the crafted PDF was read "
                  f"(at most {SLOWEST_ALLOWED} s)")
    checks.expect(not failed, f"{len(failed)} visitors' requests failed while the crafted PDF was read")


def upload_accepted(answer):
    """Whether the admin's multiple upload answered that it took the file."""
    try:
        return json.loads(answer).get("success") is True
    except ValueError:
        return False
