from wagtail import hooks

from .link_handlers import LocalizedPageLinkHandler


# After Wagtail's own registration (order 0), which this replaces.
@hooks.register("register_rich_text_features", order=1)
def register_localized_page_links(features):
    features.register_link_type(LocalizedPageLinkHandler)
