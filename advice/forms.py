"""The visitor's query form, with its honeypot, minimum fill time and single-use, expiring form token."""

import secrets

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import RegexValidator
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from advice.models import AdviceQuery
from pages.widgets import compact_widgets

TIMESTAMP_SALT = "advice.form-started"
# How long a form shown to a visitor may be sent: long enough to write a query, short enough that a
# harvested token is soon worthless.
STARTED_TOKEN_MAX_AGE = 4 * 60 * 60
SINGLE_LINE = RegexValidator(r"^[^\x00-\x1f\x7f]*$", _("Please write this on a single line."))
PHONE = RegexValidator(r"^\+?[0-9 ()./-]{5,40}$", _("Please enter a phone number using digits, spaces and + ( ) - only."))
# What no keyboard sends: C1 control characters, and U+FFFD, which stands for bytes that were not UTF-8.
READABLE = RegexValidator(r"[\x80-\x9f\ufffd]", inverse_match=True)
# A query may run over several lines, but holds no other control character.
NO_CONTROL_CHARACTERS = RegexValidator(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", inverse_match=True)
# Bidirectional embeddings, overrides and isolates: pasted text sometimes carries them, and in the admin
# they would reorder whatever follows (a name shown reversed). Dropped: the text reads the same without.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
FREE_TEXT_FIELDS = ("name", "position", "institution", "question")

# django-countries ships Brazilian and European Portuguese, not plain "pt".
COUNTRY_NAME_LANGUAGE = {"pt": "pt-br"}


ALREADY_SENT = _(
    "This form has already been sent, and we have received that query. To send another query, check your "
    "answers and send the form again."
)


def country_choices():
    language = translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(COUNTRY_NAME_LANGUAGE.get(language, language)):
        return [("", _("Choose a country"))] + [(code, str(name)) for code, name in countries]


def language_choices():
    return [("", _("Choose a language"))] + list(settings.LANGUAGES)


def started_token():
    """A tamper-proof record of when the form was shown: refuses forms sent faster than a person can, or
    hours later, and its random nonce lets one token send one query only (see AdviceQuery.form_nonce)."""
    return signing.TimestampSigner(salt=TIMESTAMP_SALT).sign(secrets.token_hex(16))


class AdviceQueryForm(forms.ModelForm):
    country = forms.TypedChoiceField(label=_("Country"), choices=country_choices)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language for the answer"), choices=language_choices
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that the CTI Secretariat uses my details to answer my query."),
        error_messages={"required": _("Please agree to the privacy notice so that we can answer you.")},
    )
    # A field people never see; bots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    started = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)

    class Meta:
        model = AdviceQuery
        fields = ["name", "position", "institution", "country", "email", "phone", "topic", "question",
                  "preferred_language"]
        labels = {
            "name": _("Name"),
            "position": _("Position"),
            "institution": _("Institution"),
            "email": _("Email"),
            "phone": _("Phone (optional)"),
            "topic": _("Topic"),
            "question": _("Your question"),
        }
        help_texts = {
            "position": _("Your job title or role, for example Legal Adviser."),
            "institution": _("The ministry, national institution or organisation you work for."),
            "email": _("We send the acknowledgement and our answer to this address."),
            "phone": _("With the country code, if you would like us to call you."),
            "question": _("Up to 5,000 characters. Please do not include sensitive personal data about third parties."),
        }
        widgets = {"question": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "position", "institution"):
            self.fields[name].validators.append(SINGLE_LINE)
        for name in FREE_TEXT_FIELDS:
            self.fields[name].validators.append(READABLE)
        self.fields["question"].validators.append(NO_CONTROL_CHARACTERS)
        self.fields["phone"].validators.append(PHONE)
        self.fields["topic"].choices = [("", _("Choose a topic"))] + list(AdviceQuery.Topic.choices)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["started"].initial = started_token()
        compact_widgets(self, fixed_choices=True)
        required = _("This field is required.")
        for field in self.fields.values():
            field.error_messages.setdefault("required", required)

    def clean_started(self):
        signer = signing.TimestampSigner(salt=TIMESTAMP_SALT)
        token = self.cleaned_data["started"]
        try:
            nonce = signer.unsign(token, max_age=STARTED_TOKEN_MAX_AGE)
        except signing.BadSignature:
            raise forms.ValidationError(_("The form had expired. Please check your answers and send it again."))
        if self.sent_too_quickly(signer, token):
            raise forms.ValidationError(
                _("The form was sent too quickly. Please check your answers and send it again.")
            )
        if AdviceQuery.objects.filter(form_nonce=nonce).exists():
            raise forms.ValidationError(ALREADY_SENT)
        self.instance.form_nonce = nonce
        return token

    @staticmethod
    def sent_too_quickly(signer, token):
        """Whether the token is younger than a person needs to fill in the form."""
        if not settings.ADVICE_MIN_FILL_SECONDS:
            return False
        try:
            signer.unsign(token, max_age=settings.ADVICE_MIN_FILL_SECONDS)
        except signing.SignatureExpired:
            return False
        return True

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("website"):
            # Said to no field in particular, and without saying why: nothing a bot can learn from.
            raise forms.ValidationError(_("Your query could not be accepted. Please try again later."))
        for name in FREE_TEXT_FIELDS:
            if isinstance(cleaned_data.get(name), str):
                cleaned_data[name] = cleaned_data[name].translate(BIDI_CONTROLS).strip()
        return cleaned_data

    def save(self, commit=True):
        self.instance.consent_given_at = timezone.now()
        return super().save(commit=commit)
