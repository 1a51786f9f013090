"""Workaround: wagtail-localize 1.14 has no way to save a page's translation as a draft only.

`Translation.save_target(publish=False)` writes the translated text into the page's own row, which is
what visitors are served: an unapproved translation would go live at once. Here the translation is
built with `TranslationSource.get_ephemeral_translated_instance` (what upstream's preview uses; not
saved) and kept as a new revision only, for the page's workflow to approve.

tests/test_wagtail_localize_workarounds.py holds the canaries: they fail once `save_target(publish=False)`
leaves the live page alone (then call it instead), or once `get_ephemeral_translated_instance` changes.
"""

from wagtail.models import Page


def save_draft_revision(translation, user):
    """A new revision of the translated page, leaving the published page as it is."""
    page = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    page.save_revision(user=user)
    return Page.objects.get(pk=page.pk).specific
