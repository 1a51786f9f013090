"""Page routing in two queries, whatever the depth of the page.

Wagtail's own routing looks up the locale's root page (three queries) and then walks down the tree
one level at a time (two queries a level). The root path of each language's home page is already
cached by Wagtail (`Site.get_site_root_paths`), and a page's `url_path` is the chain of its
ancestors' slugs, so every page on the requested path can be fetched in one query by `url_path`.
The result is handed to Wagtail's own `serve` view through the attribute it caches routes in, so
view restrictions, `before_serve_page` hooks and `Page.serve` run exactly as before.
"""

import hashlib

from django.http import Http404
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from operations.caching import cached_until_publish


def language_root_path(site, language_code):
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk and root.language_code == language_code:
            return root.root_path
    return None


def site_for_request(request):
    """Wagtail's Site for the request's host, from the shared cache; Wagtail then reuses it for the request."""
    if not hasattr(request, "_wagtail_site"):
        host = hashlib.md5(request._get_raw_host().encode(), usedforsecurity=False).hexdigest()
        request._wagtail_site = cached_until_publish(f"pages:site:{host}", lambda: Site.find_for_request(request))
    return request._wagtail_site


def route(request, path):
    """Wagtail's RouteResult for the path in the active language, or None for a 404."""
    site = site_for_request(request)
    if site is None:
        return None
    root_path = language_root_path(site, translation.get_language())
    if root_path is None:
        return Page.route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    url_paths = [root_path + "".join(f"{component}/" for component in components[:depth]) for depth in range(len(components) + 1)]
    chain = list(Page.objects.filter(url_path__in=url_paths).order_by("depth"))
    if not chain or chain[0].url_path != root_path:
        return Page.route_for_request(request, path)
    # Slugs are unique among siblings, so each url_path names one page; stop at the first gap.
    matched = 1
    while matched < len(chain) and chain[matched].url_path == url_paths[matched]:
        matched += 1
    chain = chain[:matched]
    page = chain[-1].specific
    if len(chain) > 1:
        page._cached_parent_obj = chain[-2]
    try:
        result = page.route(request, components[matched - 1 :])
    except Http404:
        return None
    # The breadcrumb shows these; they were fetched anyway.
    page.route_ancestors = chain[:-1]
    return result


def serve(request, path):
    request._wagtail_route_for_request = route(request, path)
    return wagtail_serve(request, path)
