from django.utils.translation import gettext_lazy as _

from pages.models.base import BasePage, SingletonPerLocaleMixin
from resources.listing import library_listing


class ResourceLibraryPage(SingletonPerLocaleMixin, BasePage):
    """The library of tools and guides: every resource of the visitor's language, filtered and paginated."""

    parent_page_types = ["pages.HowCtiCanHelpPage"]
    subpage_types = ["resources.ResourcePage"]

    class Meta:
        verbose_name = _("resource library page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(library_listing(request, self.locale_id))
        return context
