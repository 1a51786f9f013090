import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from pages.ui_strings import project_strings

PLURAL_FORMS = {
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "pt": "nplurals=2; plural=(n != 1);",
}


class Command(BaseCommand):
    help = "Add new interface strings to locale/<lang>/LC_MESSAGES/django.po (no GNU gettext needed)."

    def handle(self, *args, **options):
        strings = project_strings()
        for language_code, plural_forms in PLURAL_FORMS.items():
            path = settings.BASE_DIR / "locale" / language_code / "LC_MESSAGES" / "django.po"
            catalogue = polib.pofile(str(path), wrapwidth=0) if path.exists() else polib.POFile(wrapwidth=0)
            catalogue.metadata.update(
                {
                    "Content-Type": "text/plain; charset=UTF-8",
                    "Language": language_code,
                    "Plural-Forms": plural_forms,
                }
            )
            known = {entry.msgid: entry for entry in catalogue}
            nplurals = int(plural_forms.split("nplurals=")[1].split(";")[0])
            for text, source in strings.items():
                msgid, plural = text if isinstance(text, tuple) else (text, None)
                if msgid in known:
                    known[msgid].obsolete = False
                    continue
                entry = polib.POEntry(msgid=msgid, msgstr="", occurrences=[(source, "")])
                if plural:
                    entry.msgid_plural = plural
                    entry.msgstr_plural = {index: "" for index in range(nplurals)}
                catalogue.append(entry)
            path.parent.mkdir(parents=True, exist_ok=True)
            catalogue.save(str(path))
            missing = sum(1 for entry in catalogue if not entry.translated())
            self.stdout.write(f"{language_code}: {len(strings)} strings, {missing} to translate")
