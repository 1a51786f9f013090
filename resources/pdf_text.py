"""The text of an uploaded PDF, so the library and site search find words inside documents.

A PDF is a program of sorts: a 32 KB file whose 200 pages share one compressed stream of 50,000
empty text operations takes minutes to read. So an uploaded file is read in a process of its own
(`extract_text_with_limits`, run by the background worker, never in a request), with a memory limit
and a CPU limit set by the process on itself and a wall-clock timeout enforced by its parent. Within
half its time it stops between pages and hands back the text read so far; past its time it is killed
and the document is simply not searchable by its content.

    python -m resources.pdf_text EXTENSION SECONDS MEGABYTES < file > text

This module imports no Django: the child process starts in a fraction of a second.
"""

import io
import logging
import resource
import subprocess
import sys
import time
from pathlib import Path

from pypdf import PdfReader

logger = logging.getLogger(__name__)

MAX_PAGES = 200
MAX_CHARACTERS = 200_000
PROJECT_DIRECTORY = Path(__file__).resolve().parents[1]


def extract_text(data, extension, deadline=None):
    """The text of a file's bytes (PDF or plain text), in this process: for files the site made itself.

    `deadline` (a time.monotonic() value): no page is begun after it.
    """
    extension = extension.lower()
    if extension == "txt":
        return data[:MAX_CHARACTERS].decode("utf-8", "replace")
    if extension != "pdf":
        return ""
    try:
        reader = PdfReader(io.BytesIO(data))
        parts, length = [], 0
        for page in reader.pages[:MAX_PAGES]:
            if deadline is not None and time.monotonic() > deadline:
                break
            part = page.extract_text() or ""
            parts.append(part)
            length += len(part)
            if length > MAX_CHARACTERS:
                break
        return " ".join(" ".join(parts).split())[:MAX_CHARACTERS]
    except MemoryError:
        raise  # past the reading process's memory limit: it ends, and its parent logs why
    except Exception:  # a damaged or encrypted PDF is still a valid upload, only not searchable
        logger.warning("Could not extract the text of a PDF", exc_info=True)
        return ""


def extract_text_with_limits(data, extension, seconds, megabytes):
    """The text of an uploaded file, read by a child process limited in time and memory; "" past a limit."""
    if extension.lower() not in ("pdf", "txt"):
        return ""
    command = [sys.executable, "-m", "resources.pdf_text", extension, str(seconds), str(megabytes)]
    try:
        finished = subprocess.run(
            command, input=data, capture_output=True, timeout=seconds, cwd=PROJECT_DIRECTORY, check=False
        )
    except subprocess.TimeoutExpired:
        logger.warning("Reading a document's text took more than %s s: stopped, the document has no text", seconds)
        return ""
    if finished.returncode != 0:
        logger.warning(
            "Reading a document's text failed (exit status %s): %s",
            finished.returncode,
            finished.stderr.decode("utf-8", "replace")[-500:],
        )
        return ""
    return finished.stdout.decode("utf-8", "replace")


def limit_this_process(seconds, megabytes):
    memory = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def main(arguments):
    extension, seconds, megabytes = arguments[0], int(arguments[1]), int(arguments[2])
    started = time.monotonic()
    limit_this_process(seconds, megabytes)
    data = sys.stdin.buffer.read()
    text = extract_text(data, extension, deadline=started + seconds / 2)
    sys.stdout.buffer.write(text.encode("utf-8"))


if __name__ == "__main__":
    main(sys.argv[1:])
