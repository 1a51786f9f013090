from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.models.base import BasePage
from pages.navigation import open_to_everyone
from resources.page_forms import ResourcePageForm
from resources.languages import language_name

from .topics import Topic


class ResourceKind(models.TextChoices):
    TOOL = "tool", _("Tool")
    GUIDE = "guide", _("Guide")
    BRIEFING = "briefing", _("Briefing")
    REPORT = "report", _("Report")
    TREATY_TEXT = "treaty-text", _("Treaty text")
    TRAINING_TOOL = "training-tool", _("Training tool")
    TOOLKIT = "toolkit", _("Toolkit")
    STRATEGY = "strategy", _("Strategy")
    STATEMENT = "statement", _("Statement")
    PRESS_RELEASE = "press-release", _("Press release")


class ResourcePage(BasePage):
    """A tool, guide or other publication of the library, with its file in each language it exists in."""

    summary = models.TextField(_("summary"), help_text=_("Two or three sentences shown in the library and search."))
    kind = models.CharField(_("kind"), max_length=20, choices=ResourceKind.choices, default=ResourceKind.TOOL)
    publication_date = models.DateField(_("publication date"))
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True, related_name="resources")
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # The files, the date and the kind are facts about the publication, the same in every language.
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("summary"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("publication_date", overridable=False),
        SynchronizedField("topics"),
        SynchronizedField("cover_image"),
        SynchronizedField("files", overridable=False),
    ]
    content_panels = BasePage.content_panels[:1] + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("publication_date"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("cover_image"),
            ],
            heading=_("About the publication"),
        ),
        InlinePanel("files", label=_("File"), heading=_("Files by language"), min_num=1),
    ] + BasePage.content_panels[1:]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.AutocompleteField("summary"),
        index.SearchField("files_text"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
    ]

    search_result_text_field = "summary"
    search_result_label_field = "kind"
    base_form_class = ResourcePageForm
    parent_page_types = ["resources.ResourceLibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    @classmethod
    def listed_in_locale(cls, locale_id):
        """Live resources in the locale, plus each untranslated resource once, in its earliest language.

        A resource not yet translated into the visitor's language is listed in the language it
        exists in, so it never disappears from a locale's library.
        """
        live = open_to_everyone(cls.objects.live())
        translated_here = live.filter(locale_id=locale_id).values("translation_key")
        earlier_elsewhere = live.exclude(locale_id=locale_id).filter(
            translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
        )
        return live.filter(
            Q(locale_id=locale_id) | (~Q(translation_key__in=translated_here) & ~Exists(earlier_elsewhere))
        )

    @classmethod
    def shown_in_other_locales(cls, locale):
        return cls.listed_in_locale(locale.pk).exclude(locale=locale)

    def files_text(self):
        """The text of every file of the resource, for search."""
        return " ".join(
            file.document.text for file in self.files.select_related("document") if file.document.text
        )

    def files_for_visitor(self, files=None):
        """One file per language: the visitor's language first, then the site languages, then the others."""
        order = [get_language()] + [code for code, _name in settings.LANGUAGES]
        one_per_language = {}
        for file in self.files.all() if files is None else files:
            if file.document_id:
                one_per_language.setdefault(file.language, file)
        files = one_per_language.values()
        return sorted(files, key=lambda file: order.index(file.language) if file.language in order else len(order))

    def topics_for_visitor(self, topic_names=None):
        """The resource's topics named in the visitor's language (`topic_names`: translation key → topic)."""
        if topic_names is None:
            topic_names = {topic.translation_key: topic for topic in Topic.for_active_language()}
        return [topic_names.get(topic.translation_key, topic) for topic in self.topics.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files_for_visitor(self.files.select_related("document"))
        context["topics"] = self.topics_for_visitor()
        return context


class ResourceFile(Orderable):
    """One language version of a resource: a PDF in French, a Word file in Spanish, …

    Its language is its document's, set once when the document is uploaded.
    """

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Its language is the document's own, chosen when it was uploaded."),
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    @property
    def language(self):
        return self.document.language

    @property
    def language_name(self):
        return language_name(self.language)
