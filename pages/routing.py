"""Wagtail's page routing, with the pages on the rest of a path fetched in one query.

Wagtail's `Page.route` finds each child in two queries (the page, then its specific type), so a page
five levels down costs ten. `BasePage.route`, Wagtail's documented place to change how a page routes,
calls `route_below` instead: it fetches every page left on the path at once and hands each child the
pages below it, so each page's own `route()` still runs in turn, and Wagtail's `serve` view, its Site
lookup, localisation and view restrictions run unchanged.
"""

from django.http import Http404
from wagtail.models import Page


def route_below(page, request, path_components):
    """`page.route()` for a path naming one of its descendants (`path_components` is not empty)."""
    below = getattr(page, "pages_below_on_path", None)
    if below is None:
        below = pages_on_path(page, path_components)
    if not below:
        raise Http404
    child = below[0].specific if len(path_components) == 1 else below[0].specific_deferred
    # As Page.route does: the child's get_parent(), for the breadcrumb, needs no query.
    child._cached_parent_obj = page
    child.pages_below_on_path = below[1:]
    return child.route(request, path_components[1:])


def pages_on_path(page, path_components):
    """The descendants of `page` that `path_components` name, top down, up to the first missing one."""
    candidates = Page.objects.filter(
        path__startswith=page.path,
        depth__gt=page.depth,
        depth__lte=page.depth + len(path_components),
        slug__in=path_components,
    )
    by_parent_and_slug = {(candidate.path[: -Page.steplen], candidate.slug): candidate for candidate in candidates}
    chain, parent_path = [], page.path
    for slug in path_components:
        child = by_parent_and_slug.get((parent_path, slug))
        if child is None:
            break
        chain.append(child)
        parent_path = child.path
    return chain
