from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

UNPREFIXED_APPS = ("/admin/", "/documents/", "/language/")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, without its language-prefix redirect for 404s of unprefixed apps.

    Wagtail's page pattern matches any path, so Django redirected an admin API 404 such as
    /admin/api/main/pages/12/ to /es/admin/api/main/pages/12/, an HTML page where wagtail-localize's
    translation editor expected JSON. `/` and other public paths still get their prefix.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_APPS):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
