from django.utils.translation import gettext_lazy as _

from .base import BasePage


class StandardPage(BasePage):
    """A generic content page for anything the fixed page types do not cover."""

    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
