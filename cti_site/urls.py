from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from operations import views as operations_views
from pages import views as page_views
from search import views as search_views

handler400 = "operations.views.bad_request"
handler500 = "operations.views.server_error"

urlpatterns = [
    path("healthz", operations_views.healthz, name="healthz"),
    path("readyz", operations_views.readyz, name="readyz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("language/<str:language_code>/", page_views.switch_language, name="switch_language"),
    path("robots.txt", page_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", page_views.sitemap_xml, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.site_search, name="search"),
    path("", include(wagtail_urls)),
)
