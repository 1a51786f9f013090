"""One menu in every language: the default language's tree decides the order of pages among their
siblings and whether each page shows in menus.

Wagtail keeps each locale's tree apart, and wagtail-localize synchronises a page's fields but not its
place among its siblings; "Show in menus" was not synchronised at all. So a Secretariat editor who
sorted the English menu, or took a page out of it, left the four other languages as they were. Here
a reorder (the explorer's "Sort menu order") or a publish in the default language is carried over to
every translation at once; a translator's own reorder is undone by the next one in English.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Page
from wagtail.signals import page_published, post_page_move

from operations.caching import purge_page_cache

DISPATCH_UID = "pages.menu_order"


def is_default_language(page):
    return page.locale.language_code == settings.LANGUAGE_CODE


def desired_order(children, position_in_source):
    """The children with those that exist in the source in the source's order, each in the slot one of
    them held; a page that exists only in this language keeps its slot."""
    slots = [index for index, child in enumerate(children) if child.translation_key in position_in_source]
    in_source_order = sorted(
        (children[index] for index in slots), key=lambda child: position_in_source[child.translation_key]
    )
    wanted = list(children)
    for slot, child in zip(slots, in_source_order, strict=True):
        wanted[slot] = child
    return wanted


def reorder_children(parent, wanted):
    """Move the children of `parent` into the `wanted` order, one move for each page out of place."""
    current = list(parent.get_children().values_list("pk", flat=True))
    for index, page in enumerate(wanted):
        if current[index] == page.pk:
            continue
        # Each move renumbers the siblings' paths: fetch both pages afresh.
        Page.objects.get(pk=page.pk).move(Page.objects.get(pk=current[index]), pos="left")
        current.remove(page.pk)
        current.insert(index, page.pk)


def align_children_order(source_parent):
    """Order the children of every translation of `source_parent` as its own children are ordered.

    Returns the number of parents whose children were reordered."""
    keys = source_parent.get_children().values_list("translation_key", flat=True)
    position_in_source = {key: index for index, key in enumerate(keys)}
    reordered = 0
    for parent in source_parent.get_translations().order_by("pk"):
        children = list(parent.get_children())
        wanted = desired_order(children, position_in_source)
        if [child.pk for child in wanted] != [child.pk for child in children]:
            with transaction.atomic():
                reorder_children(parent, wanted)
            reordered += 1
    return reordered


def align_show_in_menus(page):
    """Give the translations of a default-language page its "Show in menus", or give a translation
    the value of its default-language page. Returns the number of pages changed."""
    source = page if is_default_language(page) else (
        Page.objects.filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE).first()
    )
    if source is None:
        return 0
    return (
        Page.objects.filter(translation_key=source.translation_key)
        .exclude(show_in_menus=source.show_in_menus)
        .update(show_in_menus=source.show_in_menus)
    )


def page_moved(sender, instance, parent_page_after, **kwargs):
    if is_default_language(instance) and align_children_order(parent_page_after):
        purge_page_cache()


def page_was_published(sender, instance, **kwargs):
    if align_show_in_menus(instance):
        purge_page_cache()


def connect():
    post_page_move.connect(page_moved, dispatch_uid=f"{DISPATCH_UID}.move")
    page_published.connect(page_was_published, dispatch_uid=f"{DISPATCH_UID}.publish")
