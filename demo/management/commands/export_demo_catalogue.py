import polib
from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail_localize.models import StringSegment, TranslationSource

from demo.loader import DemoLoader
from demo.translation import CATALOGUE_NAME, catalogue_path


class Command(BaseCommand):
    help = (
        "Write locale/demo_content.pot from the English demo content, as wagtail-localize segments it, "
        "and add any new string to each language's catalogue for translators to fill in."
    )

    def handle(self, *args, **options):
        loader = DemoLoader(translate=False)
        loader.run()
        msgids = []
        for instance in loader.translatable_objects():
            source, created = TranslationSource.get_or_create_from_instance(instance)
            if not created:
                source.update_from_db()
            segments = StringSegment.objects.filter(source=source).order_by("order").select_related("string")
            for segment in segments:
                if segment.string.data not in msgids:
                    msgids.append(segment.string.data)

        template = polib.POFile(wrapwidth=0)
        template.metadata = {"Content-Type": "text/plain; charset=utf-8"}
        for msgid in msgids:
            template.append(polib.POEntry(msgid=msgid, msgstr=""))
        template.save(str(settings.BASE_DIR / "locale" / f"{CATALOGUE_NAME}.pot"))

        for language_code, _name in settings.LANGUAGES:
            if language_code == settings.LANGUAGE_CODE:
                continue
            path = catalogue_path(language_code)
            catalogue = polib.pofile(str(path), wrapwidth=0) if path.exists() else polib.POFile(wrapwidth=0)
            known = {entry.msgid for entry in catalogue}
            for msgid in msgids:
                if msgid not in known:
                    catalogue.append(polib.POEntry(msgid=msgid, msgstr=""))
            path.parent.mkdir(parents=True, exist_ok=True)
            catalogue.save(str(path))
            untranslated = [entry for entry in catalogue if not entry.msgstr and entry.msgid in msgids]
            self.stdout.write(f"{language_code}: {len(untranslated)} of {len(msgids)} strings to translate")
