from wagtail import hooks

from advice.admin_views import AdviceHubViewSetGroup, UnassignedQueriesPanel, may_handle_queries


@hooks.register("register_admin_viewset")
def register_advice_hub_viewsets():
    return AdviceHubViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_unassigned_queries_panel(request, panels):
    """Only for those who handle queries: nobody else may learn that a query exists."""
    if may_handle_queries(request.user):
        panels.append(UnassignedQueriesPanel())
