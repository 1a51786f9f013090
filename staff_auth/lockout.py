"""django-axes helpers: the page shown to a locked-out sign-in.

The address of an attempt is the site's one client address (operations.client_address, named by
AXES_CLIENT_IP_CALLABLE in the settings).
"""

import math

from django.conf import settings


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of the admin when a username is locked out from an address (HTTP 429)."""
    from axes.helpers import get_cool_off, get_failure_limit
    from django.shortcuts import render

    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    response = render(
        request,
        "staff_auth/locked_out.html",
        {"failure_limit": get_failure_limit(request, credentials), "minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Cache-Control"] = "private, no-store"
    return response
