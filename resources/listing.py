"""The library's listing: the resources of the visitor's language, filtered by plain GET parameters."""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from operations.caching import cached_until_publish

from resources.languages import language_name
from resources.models.resource import ResourceFile, ResourceKind, ResourcePage
from resources.models.topics import Topic
from pages.languages import site_language_order
from pages.widgets import compact_widgets
from search.query import MAX_QUERY_LENGTH, clean_query

RESOURCES_PER_PAGE = 20
# The text search narrows the listing to the best matches; past this many, a visitor refines the words.
MAX_SEARCH_MATCHES = 2000


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search the library"), required=False, max_length=MAX_QUERY_LENGTH)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    language = forms.ChoiceField(label=_("Available in"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, topics, languages, years):
        super().__init__(data)
        every = [("", _("All"))]
        self.fields["topic"].choices = every + [(topic.slug, topic.name) for topic in topics]
        self.fields["kind"].choices = every + list(ResourceKind.choices)
        self.fields["language"].choices = every + [(code, language_name(code)) for code in languages]
        self.fields["year"].choices = every + [(str(year), str(year)) for year in years]
        compact_widgets(self)

    def filters(self):
        """The valid filters; an unknown value (a topic that does not exist, a year of letters) is ignored."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


def apply_filters(resources, filters):
    if "topic" in filters:
        tagged = ResourcePage.topics.through.objects.filter(resourcepage_id=OuterRef("pk"), topic__slug=filters["topic"])
        resources = resources.filter(Exists(tagged))
    if "kind" in filters:
        resources = resources.filter(kind=filters["kind"])
    if "language" in filters:
        in_language = ResourceFile.objects.filter(page_id=OuterRef("pk"), document__language=filters["language"])
        resources = resources.filter(Exists(in_language))
    if "year" in filters:
        resources = resources.filter(publication_date__year=filters["year"])
    query = clean_query(filters.get("q"))
    if query:
        matches = ResourcePage.objects.live().only("pk").search(query, operator="and")[:MAX_SEARCH_MATCHES]
        resources = resources.filter(pk__in=[match.pk for match in matches])
    return resources


def file_languages_in_use():
    codes = set(ResourceFile.objects.values_list("document__language", flat=True).distinct())
    return sorted(codes, key=lambda code: (site_language_order(code), language_name(code)))


def publication_years():
    return [date.year for date in ResourcePage.objects.live().dates("publication_date", "year", order="DESC")]


def filter_choices():
    """The languages and years to filter by; they change only on publish, so they are cached until then."""
    return cached_until_publish(
        "resources:filter-choices", lambda: {"languages": file_languages_in_use(), "years": publication_years()}
    )


def library_listing(request, locale_id):
    """The context of the library page in a locale: the filter form, the count and one page of resources."""
    topics = Topic.for_active_language()
    choices = filter_choices()
    form = LibraryFilterForm(request.GET, topics, choices["languages"], choices["years"])
    filters = form.filters()

    resources = (
        apply_filters(ResourcePage.listed_in_locale(locale_id), filters)
        .select_related("locale")
        .prefetch_related(Prefetch("files", queryset=ResourceFile.objects.select_related("document")), "topics")
        .order_by("-publication_date", "-pk")
    )
    page = Paginator(resources, RESOURCES_PER_PAGE).get_page(request.GET.get("page"))
    topics_by_key = {topic.translation_key: topic for topic in topics}
    for resource in page.object_list:
        resource.listed_topics = resource.topics_for_visitor(topics_by_key)
        resource.is_fallback = resource.locale_id != locale_id
    return {
        "filter_form": form,
        "filters": filters,
        "resources": page,
        "result_count": page.paginator.count,
        "visitor_language": get_language(),
    }


def latest_resources(locale_id, count):
    resources = list(
        ResourcePage.listed_in_locale(locale_id)
        .select_related("locale")
        .prefetch_related(Prefetch("files", queryset=ResourceFile.objects.select_related("document")))
        .order_by("-publication_date", "-pk")[:count]
    )
    for resource in resources:
        resource.is_fallback = resource.locale_id != locale_id
    return resources
