from wagtail import hooks

from advice.admin_views import AdviceHubViewSetGroup


@hooks.register("register_admin_viewset")
def register_advice_hub_viewsets():
    return AdviceHubViewSetGroup()
