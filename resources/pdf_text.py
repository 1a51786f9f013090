"""The text of an uploaded PDF, so the library and site search find words inside documents."""

import logging

from pypdf import PdfReader

logger = logging.getLogger(__name__)

MAX_PAGES = 200
MAX_CHARACTERS = 200_000


def extract_text(file, extension):
    if extension.lower() == "txt":
        file.seek(0)
        data = file.read(MAX_CHARACTERS)
        file.seek(0)
        return data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    if extension.lower() != "pdf":
        return ""
    try:
        file.seek(0)
        reader = PdfReader(file)
        parts = []
        for page in reader.pages[:MAX_PAGES]:
            parts.append(page.extract_text() or "")
            if sum(len(part) for part in parts) > MAX_CHARACTERS:
                break
        return " ".join(" ".join(parts).split())[:MAX_CHARACTERS]
    except Exception:  # a damaged or encrypted PDF is still a valid upload, only not searchable
        logger.warning("Could not extract the text of %s", getattr(file, "name", "a PDF"), exc_info=True)
        return ""
    finally:
        file.seek(0)
