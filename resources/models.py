from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document

from pages.models.base import BasePage, SingletonPerLocaleMixin

from .languages import FILE_LANGUAGE_CHOICES, LANGUAGE_FIELD_HELP, language_name


class LibraryDocument(AbstractDocument):
    """A Wagtail document that knows its language, has a description and tells its size."""

    language = models.CharField(
        _("language"), max_length=5, choices=FILE_LANGUAGE_CHOICES, default="en", help_text=LANGUAGE_FIELD_HELP
    )
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = Document.admin_form_fields + ("language", "description")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def language_name(self):
        return language_name(self.language)

    @property
    def format_label(self):
        return self.file_extension.upper()

    @property
    def readable_size(self):
        return filesizeformat(self.file_size) if self.file_size else ""


class ResourceLibraryPage(SingletonPerLocaleMixin, BasePage):
    """The library of tools and guides."""

    parent_page_types = ["pages.HowCtiCanHelpPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource library page")
