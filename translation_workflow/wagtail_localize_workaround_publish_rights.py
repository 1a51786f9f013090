"""Workaround: in wagtail-localize 1.14, actions that change what is live ask for less than publish rights.

- "Convert to alias page" (`convert.convert_to_alias`, the translation editor's footer button and the
  edit view's action menu item) asks only that the user may edit the page: a translator replaces a live
  translated page with the source page, and deletes its translation record, in two clicks. Here it
  needs publish rights on the page (its language's tree), is refused otherwise with a message, and
  neither button is offered to those who may not.
- "Sync translated pages" with "Publish immediately" (`update_translations.UpdateTranslationsView`)
  publishes every language with whatever its translator last saved, approved or not. Here a language
  is published only if its page is live, the user may publish it, and every string and link override
  in it was either in the revision now live (which someone with publish rights approved) or saved
  since by someone with publish rights; the others keep their live version, and the user is told
  which. Translations of snippets are published as upstream does: only staff with the snippet's
  permissions can translate them.

`tests/test_alias_conversion_needs_publish_rights.py` and `tests/test_translation_drafts_kept_by_sync.py`
hold canary tests that fail once upstream checks these itself, so that this module can be removed.
"""

import contextlib
import html
import json
import re

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page
from wagtail_localize.models import SegmentOverride, StringTranslation
from wagtail_localize.views import convert, update_translations

CONVERT_TO_ALIAS_MENU_ITEM = "localize-convert-to-alias"
EDITOR_PROPS = re.compile(r'(class="js-translation-editor" data-props=")([^"]*)(")')


def may_publish(user, page):
    return page.permissions_for_user(user).can_publish()


def convert_to_alias(request, page_id):
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied
    if not permissions.can_publish():
        messages.error(
            request,
            _("Only someone who may publish in %(language)s can replace this translation with the source page.")
            % {"language": page.locale.get_display_name()},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return convert.convert_to_alias(request, page_id)


def hide_convert_to_alias_menu_item(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and not may_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != CONVERT_TO_ALIAS_MENU_ITEM]


def edit_translation_without_convert_to_alias(request, page):
    """wagtail-localize's own `before_edit_page`, with the editor's "Convert to alias page" button
    left out for those who may not publish (the editor draws it from `links.convertToAliasUrl`)."""
    # Imported here: importing wagtail-localize's hooks module registers its hooks, and its admin URLs
    # must stay registered after this app's, which replace some of them.
    from wagtail_localize.wagtail_hooks import before_edit_page

    response = before_edit_page(request, page)
    if response is None or response.status_code != 200 or may_publish(request.user, page):
        return response
    content = response.content.decode()
    match = EDITOR_PROPS.search(content)
    if match is None:
        return response
    props = json.loads(html.unescape(match.group(2)))
    props["links"]["convertToAliasUrl"] = None
    escaped = html.escape(json.dumps(props), quote=True)
    response.content = (content[: match.start(2)] + escaped + content[match.end(2) :]).encode()
    return response


def has_unapproved_changes(translation, page):
    """Whether a string or link override of this translation was saved after its live revision was
    created by someone who may not publish the page."""
    approved_until = page.live_revision.created_at
    changes = [
        *StringTranslation.objects.filter(
            locale=translation.target_locale,
            context__object_id=translation.source.object_id,
            updated_at__gt=approved_until,
        ).select_related("last_translated_by"),
        *SegmentOverride.objects.filter(
            locale=translation.target_locale,
            context__object_id=translation.source.object_id,
            updated_at__gt=approved_until,
        ).select_related("last_translated_by"),
    ]
    publishers = {}
    for change in changes:
        author = change.last_translated_by
        if author is None:
            return True
        if author.pk not in publishers:
            publishers[author.pk] = may_publish(author, page)
        if not publishers[author.pk]:
            return True
    return False


def may_publish_translation(user, translation):
    if not issubclass(translation.source.specific_content_type.model_class(), Page):
        return True
    try:
        page = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    if not page.live or page.live_revision is None or not may_publish(user, page):
        return False
    return not has_unapproved_changes(translation, page)


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    publish_help_text = gettext_lazy(
        "Apply the updates and publish at once, in the original language until translated. Only live "
        "translations whose text has all been approved are published; the others keep their live version "
        "until their translation is approved."
    )

    def get_form(self):
        form = super().get_form()
        form.fields["publish_translations"].help_text = self.publish_help_text
        return form

    @transaction.atomic
    def form_valid(self, form):
        if not form.cleaned_data["publish_translations"]:
            return super().form_valid(form)
        # Upstream's sync without publishing (the source updated, the view restrictions copied), then
        # the publication of the languages that may be published.
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        kept = []
        for translation in self.object.translations.filter(enabled=True).select_related("source", "target_locale"):
            if may_publish_translation(self.request.user, translation):
                with contextlib.suppress(ValidationError):
                    translation.save_target(user=self.request.user, publish=True)
            else:
                kept.append(translation.target_locale.get_display_name())
        if kept:
            messages.warning(
                self.request,
                _(
                    "Not published: %(languages)s. These translations have changes that no one who may "
                    "publish has approved yet, or have never been published; they keep their live version "
                    "and the new text waits in their translation."
                )
                % {"languages": ", ".join(kept)},
            )
        return response
