from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control
from wagtail.models import Page

from .navigation import absolute_url, may_view, nearest_translation, open_to_everyone

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _translated_path(path, language_code):
    """The same non-page path under another language prefix, or None if it is not a local path."""
    if not path.startswith("/") or not url_has_allowed_host_and_scheme(path, allowed_hosts=None):
        return None
    segments = path.split("/", 2)
    if len(segments) > 1 and segments[1] in LANGUAGE_CODES:
        return f"/{language_code}/" + (segments[2] if len(segments) > 2 else "")
    return None


def switch_language(request, language_code):
    """Remember the visitor's explicit choice of language and take them to the same page in it.

    Where the page is not translated, the visitor lands on its nearest translated ancestor, which
    is told by `?untranslated=1` so the page can say so.
    """
    if language_code not in LANGUAGE_CODES:
        raise Http404
    target_url = None
    page_id = request.GET.get("page", "")
    if page_id.isascii() and page_id.isdigit():  # "²" is a digit to isdigit(), not to int()
        page = Page.objects.live().filter(pk=int(page_id)).first()
        # A page this visitor may not view is treated as unknown: not even its ancestors are revealed.
        if page is not None and may_view(page, request):
            target = nearest_translation(page, language_code, request)
            if target is not None:
                target_url = target.get_url(request)
                if target.translation_key != page.translation_key:
                    target_url += "?untranslated=1"
    elif "next" in request.GET:
        target_url = _translated_path(request.GET["next"], language_code)
    response = HttpResponseRedirect(target_url or f"/{language_code}/")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language_code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        httponly=getattr(settings, "LANGUAGE_COOKIE_HTTPONLY", False),
    )
    response["Cache-Control"] = "private, no-store"
    return response


@cache_control(public=True, max_age=3600)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /language/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@cache_control(public=True, max_age=3600)
def sitemap_xml(request):
    """Every live public page of every locale, each with its alternates in the other languages."""
    pages = list(open_to_everyone(Page.objects.filter(depth__gte=2).live()).select_related("locale").order_by("path"))
    locations = {page.pk: absolute_url(page, request) for page in pages}
    by_key = {}
    for page in pages:
        by_key.setdefault(page.translation_key, []).append(page)
    entries = []
    for page in pages:
        alternates = [
            {"language": other.locale.language_code, "location": locations[other.pk]}
            for other in by_key[page.translation_key]
        ]
        default = next((a for a in alternates if a["language"] == settings.LANGUAGE_CODE), None)
        entries.append(
            {
                "location": locations[page.pk],
                "last_modified": page.last_published_at,
                "alternates": alternates,
                "default": default,
            }
        )
    return render(request, "sitemap.xml", {"entries": entries}, content_type="application/xml; charset=utf-8")
