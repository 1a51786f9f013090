"""The staff roles of the site map, as Wagtail groups and permissions. Safe to apply again."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from pages.languages import SITE_LANGUAGES

SECRETARIAT_EDITORS = "Secretariat editors"
ADMINISTRATORS = "Administrators"
HELP_DESK = "Help desk"
TRANSLATORS_PREFIX = "Translators – "

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
MEDIA_PERMISSIONS = {
    "wagtaildocs": ["add_document", "change_document", "delete_document", "choose_document"],
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
}
TRANSLATOR_MEDIA_PERMISSIONS = {
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
    "wagtailimages": ["choose_image"],
}

# Model permissions per role, as "app_label.codename". Other apps extend these lists
# (the advice hub's queries belong to the Secretariat only).
EDITOR_MODEL_PERMISSIONS = [
    "wagtailadmin.access_admin",
    "wagtail_localize.submit_translation",
    "pages.add_footercontent",
    "pages.change_footercontent",
    "pages.delete_footercontent",
    "pages.publish_footercontent",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
    # The advice hub's confidential queries: the Secretariat and administrators only.
    "advice.view_advicequery",
    "advice.change_advicequery",
    "advice.view_referralpartner",
    "advice.add_referralpartner",
    "advice.change_referralpartner",
    "advice.delete_referralpartner",
    # The library's topics (resources themselves are pages, covered by the page permissions).
    "resources.add_topic",
    "resources.change_topic",
    "resources.delete_topic",
    # Where States stand on the Convention: rows are corrected, never deleted (a deleted row reads as "no data").
    "treaty_status.add_treatystatus",
    "treaty_status.change_treatystatus",
]
# No wagtail_localize.submit_translation for translators: wagtail-localize's "Translate this page" and
# "Sync translated pages" act on every language (and can publish them all). A translator syncs their
# own language through translation_workflow's sync view, which asks only for edit rights on that page.
TRANSLATOR_MODEL_PERMISSIONS = ["wagtailadmin.access_admin"]
# The help desk reads and answers the advice hub's queries (assign, status, notes), and nothing else.
HELP_DESK_MODEL_PERMISSIONS = ["wagtailadmin.access_admin", "advice.view_advicequery", "advice.change_advicequery"]


def translator_group_name(language_code):
    return f"{TRANSLATORS_PREFIX}{SITE_LANGUAGES[language_code]}"


def translator_collection_name(language_code):
    """The collection of a language's documents, where its translators upload."""
    return f"Documents – {SITE_LANGUAGES[language_code]}"


def model_permissions(names):
    permissions = []
    for name in names:
        app_label, codename = name.split(".")
        permissions.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return permissions


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=page_permission(codename))


def grant_collection(group, collection, permissions_by_app):
    for app_label, codenames in permissions_by_app.items():
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def setup_roles():
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()

    editors, _created = Group.objects.get_or_create(name=SECRETARIAT_EDITORS)
    editors.permissions.add(*model_permissions(EDITOR_MODEL_PERMISSIONS))
    grant_pages(editors, root_page, EDITOR_PAGE_PERMISSIONS)
    grant_collection(editors, root_collection, MEDIA_PERMISSIONS)

    help_desk, _created = Group.objects.get_or_create(name=HELP_DESK)
    help_desk.permissions.set(model_permissions(HELP_DESK_MODEL_PERMISSIONS))

    administrators, _created = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.set(Permission.objects.all())
    grant_pages(administrators, root_page, EDITOR_PAGE_PERMISSIONS)
    grant_collection(administrators, root_collection, MEDIA_PERMISSIONS)

    for language_code, _name in settings.LANGUAGES:
        if language_code == settings.LANGUAGE_CODE:
            continue
        setup_translator_group(language_code, root_collection)

    setup_moderation(editors)


def setup_translator_group(language_code, root_collection):
    group, _created = Group.objects.get_or_create(name=translator_group_name(language_code))
    group.permissions.set(model_permissions(TRANSLATOR_MODEL_PERMISSIONS))
    home = Page.objects.filter(depth=2, locale__language_code=language_code).first()
    if home is not None:
        grant_pages(group, home, TRANSLATOR_PAGE_PERMISSIONS)
    documents = root_collection.get_children().filter(name=translator_collection_name(language_code)).first()
    if documents is None:
        documents = root_collection.add_child(name=translator_collection_name(language_code))
    grant_collection(group, documents, TRANSLATOR_MEDIA_PERMISSIONS)
    grant_collection(group, root_collection, {"wagtaildocs": ["choose_document"], "wagtailimages": ["choose_image"]})
    return group


def setup_moderation(editors):
    """Translators submit for moderation; the Secretariat approves and publishes."""
    task, _created = GroupApprovalTask.objects.get_or_create(name="Secretariat approval")
    task.groups.set([editors])
    workflow, _created = Workflow.objects.get_or_create(name="Secretariat approval")
    # Through WorkflowTask itself: Workflow is a ClusterableModel, whose workflow_tasks.create() only
    # adds the task in memory, leaving a workflow with no task that publishes every submission at once.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=Page.get_first_root_node(), defaults={"workflow": workflow})
