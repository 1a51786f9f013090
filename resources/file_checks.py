"""Uploads are checked by what they contain, not only by their name: an HTML page renamed `.pdf` is refused."""

from django.utils.translation import gettext_lazy as _

PDF = (b"%PDF-",)
ZIP = (b"PK\x03\x04",)  # docx, xlsx, pptx and the OpenDocument formats are zip archives
OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # the older Microsoft Office formats
RTF = (b"{\\rtf",)

SIGNATURES = {
    "pdf": PDF,
    "doc": OLE,
    "xls": OLE,
    "ppt": OLE,
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
    "epub": ZIP,
    "rtf": RTF,
}
HEAD_SIZE = 4096


def read_head(file):
    file.seek(0)
    head = file.read(HEAD_SIZE)
    file.seek(0)
    return head if isinstance(head, bytes) else head.encode()


def file_content_problem(file, extension):
    """A message saying why the file's content does not match its extension, or None when it does."""
    extension = extension.lower()
    head = read_head(file)
    if extension == "txt":
        return plain_text_problem(head)
    signatures = SIGNATURES.get(extension)
    if signatures is None:
        return _("This type of file is not accepted.")
    if not head.startswith(signatures):
        return _("The file's content is not a .%(extension)s document. Export it again from the program that made it.") % {
            "extension": extension
        }
    return None


def plain_text_problem(head):
    if b"\x00" in head:
        return _("This file is not plain text.")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<"):
        return _("Web pages and images (HTML, SVG, XML) cannot be uploaded as documents.")
    return None
