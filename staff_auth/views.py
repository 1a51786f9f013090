"""The two-factor pages of the admin: the code after the password, setting up an app, turning it off."""

from base64 import b32encode

import segno
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import DisableForm, SetupForm, VerifyForm
from .middleware import two_factor_required


def safe_next(request, default="wagtailadmin_home"):
    """The page the staff member was going to, if it is on this site; else the dashboard."""
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME) or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(default)


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


@never_cache
@sensitive_post_parameters()
def verify(request):
    """The second step of signing in. Open to a user who has given the password (see the middleware)."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if user.is_verified() or not user_has_device(user, confirmed=True):
        return redirect(safe_next(request))
    form = VerifyForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, form.device())
        return redirect(safe_next(request))
    return TemplateResponse(
        request, "staff_auth/verify.html", {"form": form, "next": safe_next(request)}, status=200
    )


def otpauth_qr_code(device):
    """The otpauth:// address as an SVG data: URI, so the admin's CSP (img-src 'self' data:) allows it."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


@never_cache
@sensitive_post_parameters()
def setup(request):
    """Set up (or replace) an authenticator app: scan the code, then type a code from the app."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = SetupForm(request, device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Two-factor authentication is on: signing in now asks for a code from your app."))
        return redirect(safe_next(request, "staff_auth_manage"))
    return TemplateResponse(
        request,
        "staff_auth/setup.html",
        {
            "form": form,
            "qr_code": otpauth_qr_code(device),
            "secret": base32_secret(device),
            "next": request.GET.get(REDIRECT_FIELD_NAME, ""),
            "replacing": confirmed_device(user) is not None,
            "required": two_factor_required(),
        },
    )


def base32_secret(device):
    """The key in the form apps accept when typed by hand, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters()
def manage(request):
    """The staff member's two-factor settings: whether it is on, set up a new app, turn it off."""
    user = request.user
    device = confirmed_device(user)
    required = two_factor_required()
    form = DisableForm(request, request.POST or None) if device and not required else None
    if request.method == "POST" and form is not None and form.is_valid():
        TOTPDevice.objects.filter(user=user).delete()
        messages.success(request, _("Two-factor authentication is off."))
        return redirect("staff_auth_manage")
    return TemplateResponse(
        request, "staff_auth/manage.html", {"device": device, "required": required, "form": form}
    )
