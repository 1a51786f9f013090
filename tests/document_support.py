"""Wagtail's multiple-upload screen (Documents → Add a document), as its script drives it.

The screen posts each chosen file on its own (`files[]`, a title, the collection chosen on the
screen, if any); the answer carries the details form of the new document, which "Update" posts back.
"""

import json
import re

from django.core.files.uploadedfile import SimpleUploadedFile

ADD_URL = "/admin/documents/multiple/add/"


def upload(client, name, data, collection=None):
    """Post one file as the screen does; the JSON answer."""
    fields = {"title": name.rsplit(".", 1)[0], "files[]": SimpleUploadedFile(name, data)}
    if collection is not None:
        fields["collection"] = collection.pk
    response = client.post(ADD_URL, fields, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200, response.content[:2000]
    return json.loads(response.content)


def details_form(answer):
    """The details form's action and the values a browser would send (disabled fields are not sent)."""
    html = re.sub(r"<(input|select|textarea)[^>]*\sdisabled[^>]*>", "", answer["form"])
    action = re.search(r'<form[^>]*action="([^"]+)"', html).group(1)
    values = {}
    for match in re.finditer(r'<input[^>]*name="([^"]+)"[^>]*>', html):
        value = re.search(r'value="([^"]*)"', match.group(0))
        if "type=\"checkbox\"" not in match.group(0):
            values[match.group(1)] = value.group(1) if value else ""
    for match in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)"[^>]*selected', match.group(2))
        values[match.group(1)] = selected.group(1) if selected else ""
    for match in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        values[match.group(1)] = match.group(2).strip()
    return action, values


def update(client, answer, **changes):
    """Fill in the details form of an uploaded document (changes by field name, unprefixed) and Update."""
    action, values = details_form(answer)
    for name, value in changes.items():
        key = next(key for key in values if key.endswith(f"-{name}"))
        values[key] = value
    response = client.post(action, values, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response.status_code == 200, response.content[:2000]
    return json.loads(response.content)


def crafted_pdf(pages=200, operations=50_000, content=None):
    """The PDF of the audit: ~32 KB, every page drawing one shared compressed stream of empty text operations.

    Reading its text takes about a second a page with pypdf: minutes for the whole file. `content`: the
    shared stream's bytes instead (a small file that decompresses into a huge one, say).
    """
    import io
    import zlib

    stream = zlib.compress(content if content is not None else b"BT () Tj ET\n" * operations, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + i) for i in range(pages)) + b"] /Count %d >>" % pages,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>"] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()
