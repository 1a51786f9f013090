from wagtail import hooks

from treaty_status.admin_views import TreatyStatusViewSet


@hooks.register("register_admin_viewset")
def register_treaty_status_viewset():
    return TreatyStatusViewSet()
