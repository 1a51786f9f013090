"""Find every interface string the project marks for translation, without GNU gettext.

Used by the catalogue completeness test and by `make_ui_catalogue`, so that a fresh machine
needs no xgettext to check or refresh the catalogues.
"""

import ast
import re
from pathlib import Path

from django.conf import settings
from django.template.base import Lexer, TokenType

PROJECT_APPS = ["pages", "resources", "advice", "operations", "translation_workflow", "staff_auth", "cti_site"]
GETTEXT_FUNCTIONS = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy"}
TRANSLATE_TAG = re.compile(r"""^(?:translate|trans)\s+(?:_\()?(?P<quote>["'])(?P<text>.*?)(?P=quote)""")
BLOCK_TAG = re.compile(r"^(?:blocktranslate|blocktrans)\b")
END_BLOCK_TAG = re.compile(r"^(?:endblocktranslate|endblocktrans)\b")
PLURAL_TAG = re.compile(r"^plural\b")
VARIABLE = re.compile(r"^\s*([\w.]+)")
# _("…") as an argument of any tag or variable ({% panel heading=_("…") %}, {{ _("…")|lower }}), as makemessages finds it.
INLINE_GETTEXT = re.compile(r"""(?<![\w.])_\(\s*(?P<quote>["'])(?P<text>.*?)(?P=quote)\s*\)""")


def template_strings(path):
    strings = []
    in_block, block_text = False, []
    for token in Lexer(Path(path).read_text(encoding="utf-8")).tokenize():
        content = token.contents.strip()
        if in_block:
            if token.token_type == TokenType.BLOCK and END_BLOCK_TAG.match(content):
                text = "".join(block_text)
                if "trimmed" in block_opening:
                    text = " ".join(text.split())
                strings.append((singular, text) if singular is not None else text)
                in_block = False
            elif token.token_type == TokenType.BLOCK and PLURAL_TAG.match(content):
                singular = "".join(block_text)
                if "trimmed" in block_opening:
                    singular = " ".join(singular.split())
                block_text = []
            elif token.token_type == TokenType.VAR:
                block_text.append(f"%({VARIABLE.match(content).group(1)})s")
            else:
                block_text.append(token.contents)
            continue
        if token.token_type not in (TokenType.BLOCK, TokenType.VAR):
            continue
        match = TRANSLATE_TAG.match(content) if token.token_type == TokenType.BLOCK else None
        if match:
            strings.append(match.group("text"))
        elif token.token_type == TokenType.VAR or not BLOCK_TAG.match(content):
            strings.extend(inline.group("text") for inline in INLINE_GETTEXT.finditer(content))
        elif BLOCK_TAG.match(content):
            in_block, block_text, block_opening, singular = True, [], content, None
    return strings


def python_strings(path):
    strings = []
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name not in GETTEXT_FUNCTIONS:
            continue
        arguments = node.args[1:] if name.startswith("pgettext") else node.args
        texts = [a.value for a in arguments[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if name.startswith("ngettext") and len(texts) == 2:
            strings.append(tuple(texts))
        elif texts:
            strings.append(texts[0])
    return strings


def project_strings():
    """Every marked string (a (singular, plural) pair for plurals), with the first file that marks it."""
    base = Path(settings.BASE_DIR)
    found = {}
    template_dirs = [base / "templates"] + [base / app / "templates" for app in PROJECT_APPS]
    for template_dir in template_dirs:
        for template in sorted(template_dir.rglob("*")):
            if template.suffix in {".html", ".txt", ".xml"}:
                for text in template_strings(template):
                    found.setdefault(text, str(template.relative_to(base)))
    for app in PROJECT_APPS:
        for source in sorted((base / app).rglob("*.py")):
            if "migrations" in source.parts:
                continue
            for text in python_strings(source):
                found.setdefault(text, str(source.relative_to(base)))
    found.pop("", None)
    return found
