from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from operations.caching import cached_until_publish


@register_snippet
class Topic(TranslatableMixin, models.Model):
    """A subject of the library (ratification, safeguards, …), translated; its slug is the same in every locale."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Used in the library's filter links; the same in every language.")
    )
    sort_order = models.PositiveSmallIntegerField(_("position in the list"), default=0)

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @classmethod
    def for_active_language(cls):
        """Every topic, named in the visitor's language where translated, else in the default language.

        Cached until the next change of published content (saving a topic purges too).
        """
        return cached_until_publish(f"resources:topics:{get_language()}", cls._for_active_language)

    @classmethod
    def _for_active_language(cls):
        preference = [get_language(), settings.LANGUAGE_CODE]

        def rank(topic):
            code = topic.locale.language_code
            return preference.index(code) if code in preference else len(preference)

        topics = {}
        for topic in cls.objects.select_related("locale"):
            current = topics.get(topic.translation_key)
            if current is None or rank(topic) < rank(current):
                topics[topic.translation_key] = topic
        return sorted(topics.values(), key=lambda topic: (topic.sort_order, topic.name))
