"""Builds the demo site from the client's brief: the English tree, then its four translations.

Idempotent: a page, image, document or snippet that already exists is left as it is, unless the
loader is asked to overwrite, so an editor's changes survive a second run.
"""

import datetime
import io
import re

from django.conf import settings
from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from advice.models import AdviceHubPage
from demo import content, images
from demo.advice_hub import ADVICE_HUB
from demo.library import LIBRARY, load_resources
from demo.translation import translate_object
from pages.models import (
    AboutPage,
    CoreStatesPage,
    FooterContent,
    GroupOfFriendsPage,
    HistoryPage,
    HomePage,
    HowCtiCanHelpPage,
    OperatingPrinciplesPage,
    SecretariatPage,
)
from resources.models import ResourceLibraryPage, ResourcePage
from treaty_status.choices import Treaty
from treaty_status.importer import UN_TREATY_COLLECTION, import_status_files
from treaty_status.models import TreatyStatus, TreatyStatusPage

# key, page model, content, parent key, the inline lists: (relation, content key)
TREE = [
    ("home", HomePage, content.HOME, None),
    ("about", AboutPage, content.ABOUT, "home"),
    ("core-states", CoreStatesPage, content.CORE_STATES, "about"),
    ("secretariat", SecretariatPage, content.SECRETARIAT, "about"),
    ("group-of-friends", GroupOfFriendsPage, content.GROUP_OF_FRIENDS, "about"),
    ("operating-principles", OperatingPrinciplesPage, content.OPERATING_PRINCIPLES, "about"),
    ("history", HistoryPage, content.HISTORY, "about"),
    ("treaty-status", TreatyStatusPage, content.TREATY_STATUS, "about"),
    ("how-cti-can-help", HowCtiCanHelpPage, content.HOW_CTI_CAN_HELP, "home"),
    ("tools-and-guides", ResourceLibraryPage, LIBRARY, "how-cti-can-help"),
    ("advice-hub", AdviceHubPage, ADVICE_HUB, "how-cti-can-help"),
]

INLINE_LISTS = {
    "aspirations": "aspirations",
    "states": "core_states",
    "team": "team_members",
    "members": "members",
    "principles": "principles",
    "entries": "entries",
    "assistance_forms": "assistance_forms",
    "services": "services",
}

# shared/data/treaty-status, copied: the status of every UN Member State as of June 2022.
TREATY_STATUS_FILES = {
    Treaty.UNCAT: settings.BASE_DIR / "demo" / "treaty_status" / "uncat.csv",
    Treaty.OPCAT: settings.BASE_DIR / "demo" / "treaty_status" / "opcat.csv",
}
TREATY_STATUS_AS_OF = datetime.date(2022, 6, 30)
TREATY_STATUS_COMPILER = "as compiled by world-politics-datalab/humanrights-treaties-ratification-status, June 2022"

LINK_PATTERN = re.compile(r'<a href="\{(page):([a-z0-9-]+)\}">')


class DemoLoader:
    def __init__(self, overwrite=False, translate=True):
        self.overwrite = overwrite
        self.with_translations = translate
        self.pages = {}
        self.created = []

    def run(self):
        # Deliberately not one transaction: with the whole load in a single atomic block, the pages
        # wagtail-localize creates for the translations end up with numchild=0 in the database (their
        # children become unreachable). Each step is idempotent, so a failed run is finished by the next.
        self.english = Locale.objects.get(language_code="en")
        self.load_images()
        self.create_pages()
        # Before the pages are filled: the History timeline links to resources of the library.
        self.load_library()
        self.fill_pages()
        self.load_footer()
        self.load_treaty_status()
        if self.with_translations:
            self.translate()
        return self.created

    # Media

    def collection(self, name):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=name).first()
        return existing or root.add_child(name=name)

    def image(self, title, filename, data, collection):
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        image = Image(title=title, collection=collection, file=ImageFile(io.BytesIO(data), name=filename))
        image.save()
        self.created.append(f"image {title}")
        return image

    def load_images(self):
        collection = self.collection("Site images")
        self.banner = self.image("CTI banner: the flags of the six Core States", "cti-banner.png", images.banner_png(), collection)
        self.flags = {
            state["country_code"]: self.image(
                f"Flag of {state['name']}", f"flag-{state['country_code'].lower()}.png",
                images.flag_png(state["country_code"]), collection,
            )
            for state in content.CORE_STATES["states"]
        }

    # Pages

    def create_pages(self):
        for key, model, spec, parent_key in TREE:
            if parent_key is None:
                self.pages[key] = self.home_page(spec)
                continue
            parent = self.pages[parent_key]
            page = model.objects.child_of(parent).filter(slug=spec["slug"]).first()
            if page is None:
                page = model(title=spec["title"], slug=spec["slug"], locale=self.english, live=False)
                parent.add_child(instance=page)
                self.created.append(f"page {page.url_path}")
                page._new = True
            self.pages[key] = page

    def home_page(self, spec):
        home = HomePage.objects.filter(locale=self.english, depth=2).first()
        if home:
            return home
        root = Page.get_first_root_node()
        # Wagtail's "Welcome" page holds the slug; it is a plain Page nobody has edited.
        for welcome in root.get_children().exact_type(Page).filter(slug=spec["slug"]):
            welcome.delete()
        home = HomePage(title=spec["title"], slug=spec["slug"], locale=self.english, live=False)
        root.add_child(instance=home)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="CTI")
        else:
            site.root_page = home
            site.site_name = "CTI"
            site.save()
        self.created.append("page /home/")
        home._new = True
        return home

    def fill_pages(self):
        for key, _model, spec, _parent in TREE:
            page = self.pages[key]
            if not (getattr(page, "_new", False) or self.overwrite):
                continue
            self.fill(page, spec)
            page.show_in_menus = key in {"about", "how-cti-can-help"} or page.depth == 4
            if key == "home":
                page.banner_image = self.banner
                page.social_image = self.banner
            page.save_revision().publish()

    def fill(self, page, spec):
        for field, value in spec.items():
            if field in INLINE_LISTS:
                self.fill_inline_list(page, INLINE_LISTS[field], value)
            elif field == "body":
                page.body = [(kind, self.resolve(value)) for kind, value in value]
            elif field != "slug":
                setattr(page, field, self.resolve(value))

    def fill_inline_list(self, page, relation, items):
        manager = getattr(page, relation)
        manager.set([])
        for item in items:
            if isinstance(item, str):
                item = {"text": item}
            item = {field: self.resolve(value) for field, value in item.items()}
            if relation == "core_states":
                item["flag"] = self.flags[item["country_code"]]
            manager.add(manager.model(locale=self.english, **item))

    def resolve(self, value):
        """Turn `{page:KEY}` references into Wagtail links or pages."""
        if isinstance(value, dict):
            return {field: self.resolve(item) for field, item in value.items()}
        if not isinstance(value, str):
            return value
        if value.startswith("{page:"):
            return self.pages[value[6:-1]]
        return LINK_PATTERN.sub(self.link, value)

    def link(self, match):
        kind, key = match.groups()
        target = self.pages[key]
        return f'<a linktype="{kind}" id="{target.pk}">'

    # Snippets and other apps' content

    def load_footer(self):
        footer = FooterContent.objects.filter(locale=self.english).first()
        if footer and not self.overwrite:
            self.footer = footer
            return
        footer = footer or FooterContent(locale=self.english)
        for field, value in content.FOOTER.items():
            setattr(footer, field, value)
        footer.save()
        self.footer = footer
        self.created.append("footer")

    def load_treaty_status(self):
        if TreatyStatus.objects.exists() and not self.overwrite:
            return
        sources = {
            treaty: (f"{name}, {TREATY_STATUS_COMPILER}", url) for treaty, (name, url) in UN_TREATY_COLLECTION.items()
        }
        import_status_files(TREATY_STATUS_FILES, checked_on=TREATY_STATUS_AS_OF, sources=sources, force=self.overwrite)
        self.created.append("treaty status")

    def load_library(self):
        self.created += load_resources(self.pages["tools-and-guides"], self.overwrite)
        for resource in ResourcePage.objects.child_of(self.pages["tools-and-guides"]):
            self.pages[resource.slug] = resource

    # Translations

    def translatable_objects(self):
        """Everything the demo translates, parents before children."""
        # Fresh from the database: the in-memory pages still hold the child lists as they were built.
        pages = [Page.objects.get(pk=self.pages[key].pk).specific for key, *_rest in TREE]
        library = self.pages["tools-and-guides"]
        pages += [page.specific for page in library.get_descendants().order_by("path")]
        return pages + [self.footer]

    def translate(self):
        objects = self.translatable_objects()
        for locale in Locale.objects.exclude(pk=self.english.pk).order_by("language_code"):
            for instance in objects:
                if translate_object(instance, locale, self.overwrite):
                    self.created.append(f"{locale.language_code}: {instance}")
