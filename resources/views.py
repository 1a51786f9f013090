from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale

from resources import search

RESULTS_PER_PAGE = 20


def site_search(request):
    """Search the pages and resources of the visitor's language: `/<lang>/search/?q=…`."""
    query = search.clean_query(request.GET.get("q"))
    results, described = None, []
    if query:
        results = Paginator(search.search_pages(query, Locale.get_active()), RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        described = search.describe(search.with_result_texts(results.object_list), query)
    return TemplateResponse(
        request, "resources/search.html", {"query": query, "results": results, "described_results": described}
    )
