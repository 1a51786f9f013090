from typing import ClassVar

from django import forms
from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from django_otp.forms import OTPAuthenticationFormMixin

from .django_otp_workaround import OneAuthenticatorAppMixin


def code_field(autofocus=False):
    attrs = {"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
    if autofocus:
        attrs["autofocus"] = True
    return forms.CharField(label=_("Code from your authenticator app"), max_length=10, widget=forms.TextInput(attrs=attrs))


class VerifyForm(OneAuthenticatorAppMixin, OTPAuthenticationFormMixin, forms.Form):
    """The second step of signing in: the current code of the staff member's authenticator app.

    django-otp checks the code against the staff member's app (django_otp_workaround) and slows down
    repeated wrong codes.
    """

    otp_token = code_field(autofocus=True)
    otp_error_messages: ClassVar[dict] = dict(
        OTPAuthenticationFormMixin.otp_error_messages,
        token_required=_("Please enter the code from your authenticator app."),
        invalid_token=_("That code is not right. Please try again with the current code."),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        self.clean_otp(self.user)
        return self.cleaned_data

    def device(self):
        return self.user.otp_device


class PasswordConfirmationMixin:
    """Changing two-factor settings asks for the password again (counted by the lock-out like a login)."""

    def clean_password(self):
        password = self.cleaned_data.get("password")
        user = authenticate(self.request, username=self.request.user.get_username(), password=password)
        if user is None or user.pk != self.request.user.pk:
            raise forms.ValidationError(_("That is not your current password."))
        return password


def password_field(autofocus=False):
    attrs = {"autocomplete": "current-password"}
    if autofocus:
        attrs["autofocus"] = True
    return forms.CharField(label=_("Your current password"), strip=False, widget=forms.PasswordInput(attrs=attrs))


class SetupForm(PasswordConfirmationMixin, forms.Form):
    """Confirm a new authenticator app: the password, then a code the app shows after scanning."""

    password = password_field(autofocus=True)
    otp_token = code_field()

    def __init__(self, request, device, *args, **kwargs):
        self.request = request
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_otp_token(self):
        token = self.cleaned_data.get("otp_token", "").replace(" ", "")
        allowed, _extra = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(_("Too many wrong codes. Please wait a moment and try again."))
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("That code is not right. Please try again with the current code."))
        return token


class DisableForm(PasswordConfirmationMixin, forms.Form):
    password = password_field()

    def __init__(self, request, *args, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)
