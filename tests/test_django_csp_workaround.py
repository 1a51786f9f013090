"""Canaries for operations/django_csp_workaround.py: django-csp's `CSPMiddleware.process_response` still builds
each header from `get_policy_parts(request, response, report_only)`, whose `PolicyParts.config` holds a
view's own policy, if any."""

import inspect

from csp.decorators import csp
from csp.middleware import CSPMiddleware
from csp.utils import build_policy, default_config
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory

from operations.django_csp_workaround import SiteCSPMiddleware

OWN_POLICY = {"default-src": ["'self'"], "img-src": ["https://maps.example"]}


def policy_of(path, view=lambda request: HttpResponse()):
    response = SiteCSPMiddleware(view)(RequestFactory().get(path))
    return response["Content-Security-Policy"]


def test_upstream_get_policy_parts_has_the_signature_we_override():
    parameters = inspect.signature(CSPMiddleware.get_policy_parts).parameters

    assert list(parameters) == ["self", "request", "response", "report_only"], (
        "CSPMiddleware.get_policy_parts changed its signature: update SiteCSPMiddleware.get_policy_parts "
        "in operations/django_csp_workaround.py."
    )
    assert parameters["report_only"].default is False


def test_upstream_process_response_builds_the_header_from_our_policy_parts():
    admin_policy = build_policy(config=default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]))

    assert policy_of("/admin/login/") == admin_policy != policy_of("/en/"), (
        "CSPMiddleware.process_response no longer takes the policy from get_policy_parts(...).config: "
        "re-check operations/django_csp_workaround.py."
    )


def test_upstream_policy_parts_carry_a_views_own_policy_in_config():
    view_with_its_own_policy = csp(OWN_POLICY)(lambda request: HttpResponse())

    for path in ("/admin/login/", "/en/"):
        assert "img-src https://maps.example" in policy_of(path, view_with_its_own_policy), (
            "django-csp no longer hands a view's own policy (@csp) to get_policy_parts as PolicyParts.config: "
            "SiteCSPMiddleware would replace it; re-check operations/django_csp_workaround.py."
        )
