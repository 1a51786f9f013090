from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from resources.file_checks import file_content_problem
from resources.languages import FILE_LANGUAGE_CHOICES, LANGUAGE_FIELD_HELP, language_name


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
        if not self.file:
            # Wagtail's multiple upload validates the details form before it attaches the file, which
            # its upload form has already checked (extension and content).
            return
        super().clean()
        if self.has_new_file():
            problem = file_content_problem(self.file, self.file_extension)
            if problem:
                raise ValidationError({"file": problem})

    def save(self, *args, queue_text_extraction=True, **kwargs):
        """Save; a new file's text is read for search by a background task (see resources.tasks).

        `queue_text_extraction=False`: the caller has set `text` itself (the demo's own sample files).
        """
        new_file = self.has_new_file() and not kwargs.get("update_fields")
        if new_file:
            self._set_document_file_metadata()
            if queue_text_extraction:
                self.text = ""
        super().save(*args, **kwargs)
        if new_file and queue_text_extraction:
            from resources.tasks import extract_document_text

            extract_document_text.enqueue(self.pk, self.file.name)

    def has_new_file(self):
        """True when a file was just uploaded or assigned, rather than loaded from the database."""
        return bool(self.file) and (self.pk is None or getattr(self.file, "_file", None) is not None)
