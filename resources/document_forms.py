"""The admin's document form (every upload screen) and where an uploader's documents go."""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import Collection

from pages.roles import ADMINISTRATORS, SECRETARIAT_EDITORS, translator_collection_name, translator_group_name
from resources.languages import ALL_LANGUAGE_NAMES

LIBRARY_COLLECTION_NAME = "Library"


def library_collection():
    """The collection of the library's documents, under the root (created when first needed)."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=LIBRARY_COLLECTION_NAME).first() or root.add_child(
        name=LIBRARY_COLLECTION_NAME
    )


def translator_language(user):
    """The language of a translator (in one "Translators – …" group and in no editing group), else None."""
    if user is None or not user.is_authenticated or user.is_superuser:
        return None
    group_names = set(user.groups.values_list("name", flat=True))
    if group_names & {SECRETARIAT_EDITORS, ADMINISTRATORS}:
        return None
    languages = [
        code
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE and translator_group_name(code) in group_names
    ]
    return languages[0] if len(languages) == 1 else None


def uploader_language(user):
    """The language a new document of this user is in: a translator's own, else the admin's language."""
    language = translator_language(user)
    if language:
        return language
    language = (get_language() or "").split("-")[0]
    return language if language in ALL_LANGUAGE_NAMES else settings.LANGUAGE_CODE


def uploader_collection(user):
    """Where a new document of this user goes unless they choose: a translator's collection, else the library's."""
    language = translator_language(user)
    if language:
        collection = Collection.objects.filter(name=translator_collection_name(language)).first()
        if collection is not None:
            return collection
    return library_collection()


class LibraryDocumentBaseForm(BaseDocumentForm):
    """Every document form of the admin (WAGTAILDOCS_DOCUMENT_FORM_BASE).

    The language is preset from the uploader and a translator cannot change it; the multiple-upload
    screen, which sends only the file, the title and the collection, gets the same preset. A document
    never lands in the root collection: "Root" (the upload screen's first choice) means the
    uploader's own collection.
    """

    def __init__(self, *args, **kwargs):
        self.uploader = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if "language" in self.fields:
            self.preset_language()
        if "collection" in self.fields:
            self.keep_out_of_root()

    def preset_language(self):
        field = self.fields["language"]
        field.required = False
        if self.instance._state.adding:
            self.initial["language"] = uploader_language(self.uploader)
        if translator_language(self.uploader):
            field.disabled = True
            field.help_text = _("The language of your translations. Only the Secretariat can change it.")

    def clean_language(self):
        return self.cleaned_data.get("language") or uploader_language(self.uploader)

    def keep_out_of_root(self):
        root = Collection.get_first_root_node()
        field = self.fields["collection"]
        already_in_root = not self.instance._state.adding and self.instance.collection_id == root.pk
        if not already_in_root and field.queryset.exclude(pk=root.pk).exists():
            field.queryset = field.queryset.exclude(pk=root.pk)
        if not self.instance._state.adding:
            return
        default = uploader_collection(self.uploader)
        if not field.queryset.filter(pk=default.pk).exists():
            default = field.queryset.first()
        self.initial["collection"] = default.pk
        key = self.add_prefix("collection")
        if self.is_bound and self.data.get(key) in (None, "", str(root.pk)):
            self.data = self.data.copy()
            self.data[key] = str(default.pk)
