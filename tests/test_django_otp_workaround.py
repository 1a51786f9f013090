"""Canaries for staff_auth/django_otp_workaround.py: django-otp's `OTPAuthenticationFormMixin.clean_otp`
still needs a chosen device, and still asks `_chosen_device` for it, inside its transaction."""

import pytest
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff_auth.forms import VerifyForm
from tests.conftest import make_user
from tests.test_staff_two_factor import code

DEVICE_TABLE = TOTPDevice._meta.db_table


class UpstreamVerifyForm(OTPAuthenticationFormMixin, forms.Form):
    """VerifyForm without the workaround: a code, and no `otp_device` field."""

    otp_token = forms.CharField()

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        super().clean()
        self.clean_otp(self.user)
        return self.cleaned_data


@pytest.fixture
def device(db):
    return TOTPDevice.objects.create(user=make_user("two-factor-staff"), name="Phone", confirmed=True)


def test_upstream_still_refuses_a_right_code_without_a_chosen_device(device):
    form = UpstreamVerifyForm(device.user, {"otp_token": code(device)})

    assert not form.is_valid()
    assert form.has_error(NON_FIELD_ERRORS, "device_required"), (
        "django-otp now verifies a code without a chosen device: staff_auth/django_otp_workaround.py may go, "
        f"if upstream also locks the device while it verifies ({form.errors})."
    )


def test_upstream_verifies_against_the_device_chosen_by_our_mixin_inside_its_transaction(device):
    user, token = device.user, code(device)
    with CaptureQueriesContext(connection) as captured:
        form = VerifyForm(user, {"otp_token": token})
        valid = form.is_valid()

    assert valid and user.otp_device == device, (
        "OTPAuthenticationFormMixin.clean_otp no longer verifies against _chosen_device(user): every code is "
        f"refused at sign-in; re-check staff_auth/django_otp_workaround.py ({form.errors})."
    )
    sql = [query["sql"] for query in captured.captured_queries]
    locked = next(i for i, query in enumerate(sql) if "FOR UPDATE" in query and DEVICE_TABLE in query)
    verified = next(i for i, query in enumerate(sql) if query.startswith(f'UPDATE "{DEVICE_TABLE}"'))
    assert any(query.startswith("SAVEPOINT") for query in sql[:locked]) and locked < verified, (
        "clean_otp no longer calls _chosen_device inside the transaction in which it verifies the code: the "
        "device's lock no longer stops two requests from using one code; re-check staff_auth/django_otp_workaround.py."
    )
