"""The advice hub page's request handling: the form, its refusal reasons and the confirmation."""

from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from advice.emails import send_query_emails
from advice.forms import ALREADY_SENT, AdviceQueryForm, started_token
from advice.models import AdviceQueryChange
from advice.ratelimit import over_limit

SESSION_KEY = "advice_reference"
SENT_PARAMETER = "sent"


def save_once(form):
    """The query, or None when the same form token won a race to send another (the form says so)."""
    try:
        with transaction.atomic():
            query = form.save()
            AdviceQueryChange.objects.create(query=query, status=query.status)
    except IntegrityError:
        form.add_error("started", ALREADY_SENT)
        return None
    return query


def serve_advice_hub(page, request, *args, **kwargs):
    status = 200
    reference = None
    if request.method == "POST":
        form = AdviceQueryForm(request.POST)
        if over_limit(request):
            status = 429
            form.is_valid()
            form.add_error(
                None, _("You have sent several queries in a short time. Please try again later.")
            )
        elif form.is_valid() and (query := save_once(form)):
            send_query_emails(query)
            request.session[SESSION_KEY] = query.reference
            return HttpResponseRedirect(f"{page.url}?{SENT_PARAMETER}=1")
        else:
            status = 400
        form.data = form.data.copy()
        form.data["started"] = started_token()
    elif SENT_PARAMETER in request.GET and request.session.get(SESSION_KEY):
        form = None
        reference = request.session[SESSION_KEY]
    else:
        form = AdviceQueryForm()

    context = page.get_context(request, *args, **kwargs)
    context.update({"form": form, "reference": reference})
    response = TemplateResponse(request, page.get_template(request, *args, **kwargs), context, status=status)
    # Each visitor gets their own CSRF token: the page must never come from a shared cache.
    add_never_cache_headers(response)
    return response
