from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import views
from .middleware import two_factor_required


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", views.manage, name="staff_auth_manage"),
        path("two-factor/verify/", views.verify, name="staff_auth_verify"),
        path("two-factor/setup/", views.setup, name="staff_auth_setup"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("staff_auth_manage"),
        "label": _("Two-factor authentication"),
        "help_text": _("Ask for a code from an authenticator app on your phone when you sign in."),
    }


@hooks.register("construct_main_menu")
def only_setup_until_enrolled(request, menu_items):
    """While a required app is not set up, the menu offers nothing the middleware would refuse."""
    user = request.user
    if two_factor_required() and not user.is_verified():
        menu_items.clear()
