from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail.snippets.models import register_snippet

from pages.panels import TranslationStatusPanel


@register_snippet
class FooterContent(PreviewableMixin, DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """The footer of every page: the Secretariat's contact details and a short statement.

    Edited as a draft, previewed and published like a page; the public site shows the live version."""

    about_text = models.TextField(_("about text"), blank=True)
    contact_heading = models.CharField(_("contact heading"), max_length=100)
    address = models.TextField(_("address"))
    email = models.EmailField(_("email"))
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    credits = RichTextField(_("credits"), features=["link", "italic"], blank=True)

    panels = [
        TranslationStatusPanel(heading=_("Languages")),
        FieldPanel("about_text"),
        FieldPanel("contact_heading"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("credits"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return f"{self._meta.verbose_name} ({self.locale})"

    @classmethod
    def for_active_language(cls):
        """The live footer in the visitor's language, falling back to the default locale's."""
        footers = {footer.locale.language_code: footer for footer in cls.objects.filter(live=True).select_related("locale")}
        return footers.get(get_language()) or footers.get(settings.LANGUAGE_CODE)

    def get_preview_template(self, request, mode_name):
        return "pages/footer_preview.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "preview_footer": self}

    def serve_preview(self, request, mode_name):
        """The preview in the footer's own language and direction, whatever the editor's admin language."""
        with translation.override(self.locale.language_code):
            response = super().serve_preview(request, mode_name)
            response.render()
        return response
