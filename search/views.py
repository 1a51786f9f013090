from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale

from search.query import MAX_QUERY_LENGTH, clean_query
from search.results import describe, search_pages, with_result_texts

RESULTS_PER_PAGE = 20


def site_search(request):
    """Search the pages and resources of the visitor's language: `/<lang>/search/?q=…`."""
    query = clean_query(request.GET.get("q"))
    results, described = None, []
    if query:
        results = Paginator(search_pages(query, Locale.get_active()), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        described = describe(with_result_texts(results.object_list), query)
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query, "results": results, "described_results": described, "max_query_length": MAX_QUERY_LENGTH},
    )
