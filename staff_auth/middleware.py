"""Two-factor authentication for staff, with django-otp's time-based codes (TOTP).

A staff member who has an authenticator app set up must type its code after the password before
reaching anything but the sign-in pages; with STAFF_TWO_FACTOR_REQUIRED (production's default) one
who has none is sent to set it up first. Must come after django_otp's OTPMiddleware.
"""

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse
from django_otp import user_has_device

# Reachable with the password alone: signing in and out, the code page, and what they load.
ALWAYS_ALLOWED = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "staff_auth_verify",
}
# Reachable with the password alone by a staff member who has no authenticator app yet.
ALLOWED_WITHOUT_DEVICE = {"staff_auth_setup"}


def has_admin_access(user):
    return user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")


def two_factor_required():
    return getattr(settings, "STAFF_TWO_FACTOR_REQUIRED", False)


def url_name(request):
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.check(request)
        return response if response is not None else self.get_response(request)

    def check(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified() or not has_admin_access(user):
            return None
        name = url_name(request)
        if name in ALWAYS_ALLOWED:
            return None
        if user_has_device(user, confirmed=True):
            return redirect_to_login(request.get_full_path(), reverse("staff_auth_verify"), REDIRECT_FIELD_NAME)
        if two_factor_required() and name not in ALLOWED_WITHOUT_DEVICE:
            return redirect_to_login(request.get_full_path(), reverse("staff_auth_setup"), REDIRECT_FIELD_NAME)
        return None
