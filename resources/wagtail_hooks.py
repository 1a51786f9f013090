from wagtail import hooks
from wagtail.api.v2.utils import get_restricted_collection_ids


@hooks.register("construct_document_chooser_queryset")
def hide_documents_the_user_may_not_open(documents, request):
    """The document chooser lists no document of a private collection the user is not allowed into.

    Choosing is granted on the root collection (translators link any public document), which would
    otherwise also list the documents of a collection restricted to, say, the Secretariat. Wagtail's own
    API leaves them out the same way.
    """
    restricted = get_restricted_collection_ids(request)
    return documents.exclude(collection_id__in=restricted) if restricted else documents
