from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from resources.file_checks import file_content_problem
from resources.languages import FILE_LANGUAGE_CHOICES, LANGUAGE_FIELD_HELP, language_name
from resources.pdf_text import extract_text


class LibraryDocument(AbstractDocument):
    """A Wagtail document that knows its language, has a description, tells its size and keeps its text."""

    language = models.CharField(
        _("language"), max_length=5, choices=FILE_LANGUAGE_CHOICES, default="en", help_text=LANGUAGE_FIELD_HELP
    )
    description = models.TextField(_("description"), blank=True)
    text = models.TextField(_("text"), blank=True, editable=False, help_text=_("Extracted from the file for search."))

    admin_form_fields = Document.admin_form_fields + ("language", "description")
    search_fields = AbstractDocument.search_fields + [index.SearchField("description"), index.SearchField("text")]

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

    def clean(self):
        super().clean()
        if self.has_new_file():
            problem = file_content_problem(self.file, self.file_extension)
            if problem:
                raise ValidationError({"file": problem})

    def save(self, *args, **kwargs):
        if self.has_new_file() and not kwargs.get("update_fields"):
            self._set_document_file_metadata()
            self.text = extract_text(self.file, self.file_extension)
        super().save(*args, **kwargs)

    def has_new_file(self):
        """True when a file was just uploaded or assigned, rather than loaded from the database."""
        return bool(self.file) and (self.pk is None or getattr(self.file, "_file", None) is not None)
