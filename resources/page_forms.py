"""The resource page's admin form: the topics of the page's own language, and one file per language."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from resources.languages import language_name


class ResourcePageForm(WagtailAdminPageForm):
    """The resource's form: the topics of the page's own language, and one file per language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "topics" in self.fields:
            self.offer_topics_of_page_locale()

    def offer_topics_of_page_locale(self):
        from resources.models import Topic

        topics = Topic.objects.filter(locale_id=self.instance.locale_id)
        self.fields["topics"].queryset = topics
        if not self.is_bound and self.instance.pk:
            # A page may carry another language's topics (copied by a translation): show their equivalents.
            chosen = self.initial.get("topics") or []
            keys = set(
                Topic.objects.filter(pk__in=[getattr(topic, "pk", topic) for topic in chosen]).values_list(
                    "translation_key", flat=True
                )
            )
            self.initial["topics"] = [topic.pk for topic in topics if topic.translation_key in keys]

    def clean(self):
        cleaned_data = super().clean()
        files = self.formsets.get("files")
        if files is None:
            return cleaned_data
        languages = {}
        for form in files.forms:
            if not form.is_valid() or (files.can_delete and form.cleaned_data.get("DELETE")):
                continue
            document = form.cleaned_data.get("document")
            if document is None:
                continue
            if document.language in languages:
                message = _(
                    "There is already a file in %(language)s. Each language can have only one file: "
                    "remove one of them, or correct the language of the document."
                ) % {"language": language_name(document.language)}
                form.add_error("document", message)
                self.add_error(None, message)
            languages.setdefault(document.language, form)
        return cleaned_data
