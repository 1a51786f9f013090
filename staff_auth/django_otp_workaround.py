"""Workaround: django-otp's `OTPAuthenticationFormMixin` verifies a code against the device named by an
`otp_device` field, a choice of the user's devices. Staff here have one authenticator app and are never
asked to choose it.

The mixin finds the device through `_chosen_device(user)`, which django-otp does not document: without
a chosen device, `clean_otp` refuses every code ("Please select a device."). `OneAuthenticatorAppMixin`
answers it with the user's confirmed TOTP device, locked for update as upstream locks a chosen one, so
that two requests sending the same code cannot both verify it (`clean_otp` calls it inside its
transaction). tests/test_django_otp_workaround.py fails once `clean_otp` stops calling `_chosen_device`
that way, or once it verifies without a chosen device by itself.
"""

from django_otp.plugins.otp_totp.models import TOTPDevice


class OneAuthenticatorAppMixin:
    """Before `OTPAuthenticationFormMixin` in a form's bases: its code is checked against the user's app."""

    def _chosen_device(self, user):
        return TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
