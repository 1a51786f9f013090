"""django-csp's middleware, with the Wagtail admin's own policy and the public policy for previews.

django-csp 4 chooses one policy for the whole site from settings, or one per view by decorator;
Wagtail's admin views cannot be decorated from here, and a preview is rendered through a dummy
request for the public URL. This overrides `CSPMiddleware.get_policy_parts`, the hook django-csp's
migration guide shows for custom policies; how `process_response` calls it, and the `PolicyParts` it
returns, are specified nowhere else: tests/test_django_csp_workaround.py fails when they change.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    """The strict public policy everywhere, but the Wagtail admin's own (it needs inline code), and previews
    framed by the admin."""

    def process_response(self, request, response):
        if getattr(request, "is_preview", False):
            # Before X_FRAME_OPTIONS is applied (XFrameOptionsMiddleware leaves a header it finds).
            response.setdefault("X-Frame-Options", "SAMEORIGIN")
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin_policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", None)
        if report_only or parts.config is not None:
            return parts
        if getattr(request, "is_preview", False):
            # Wagtail renders a preview through a dummy request for the public URL, shown in the
            # admin's frame: the public policy (translated content gets no inline script), framable
            # by the admin only.
            parts.config = default_config(
                {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "frame-ancestors": ["'self'"]}
            )
        elif admin_policy and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = default_config(admin_policy["DIRECTIVES"])
        return parts
