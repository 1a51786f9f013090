import pytest
from django.core import mail

from advice.models import AdviceQuery
from tests.advice_support import advice_hub_url, advice_settings, valid_submission  # noqa: F401

INVALID_SUBMISSIONS = {
    "missing name": {"name": ""},
    "missing position": {"position": ""},
    "missing institution": {"institution": ""},
    "missing country": {"country": ""},
    "unknown country": {"country": "XX"},
    "missing email": {"email": ""},
    "malformed email": {"email": "amina@"},
    "malformed phone": {"phone": "call me maybe"},
    "missing topic": {"topic": ""},
    "unknown topic": {"topic": "gossip"},
    "missing question": {"question": ""},
    "question too long": {"question": "x" * 5001},
    "name too long": {"name": "x" * 151},
    "position too long": {"position": "x" * 151},
    "institution too long": {"institution": "x" * 201},
    "email too long": {"email": "a" * 250 + "@example.org"},
    "phone too long": {"phone": "1" * 41},
    "missing language": {"preferred_language": ""},
    "unknown language": {"preferred_language": "de"},
    "no consent": {"consent": None},
    "newline in the name": {"name": "Amina\r\nBcc: victim@example.org"},
    "newline in the institution": {"institution": "Ministry\nX-Header: 1"},
    "tampered timestamp": {"started": "12345:forged"},
}


@pytest.mark.django_db
@pytest.mark.parametrize("overrides", INVALID_SUBMISSIONS.values(), ids=INVALID_SUBMISSIONS.keys())
def test_an_invalid_query_is_refused_with_a_message_and_keeps_what_was_typed(client, overrides):
    response = client.post(advice_hub_url(), valid_submission(**overrides))

    html = response.content.decode()
    assert response.status_code == 400
    assert "Your query was not sent" in html
    assert 'aria-invalid="true"' in html or "started" in overrides
    assert "How should our initial report to the Committee be structured?" in html or "question" in overrides
    assert 'value="Legal Adviser"' in html or "position" in overrides
    assert not AdviceQuery.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, expected",
    [
        ("es", "Introduzca una dirección de correo electrónico válida."),
        ("fr", "Saisissez une adresse de courriel valide."),
        ("ar", "أدخِل عنوان بريد إلكتروني صحيح."),
    ],
)
def test_errors_are_given_in_the_visitors_language(client, language, expected):
    response = client.post(advice_hub_url(language), valid_submission(email="amina@"))

    assert expected in response.content.decode()


@pytest.mark.django_db
def test_the_consent_checkbox_and_choices_are_kept_after_a_refusal(client):
    response = client.post(advice_hub_url(), valid_submission(email="amina@", country="CL", topic="training"))

    html = response.content.decode()
    assert '<option value="CL" selected>' in html
    assert '<option value="training" selected>' in html
    assert 'name="consent" required aria-invalid' not in html
    assert 'type="checkbox" name="consent" required id="id_consent" checked' in html


@pytest.mark.django_db
@pytest.mark.parametrize("language, chile", [("es", "Chile"), ("fr", "Chili"), ("ar", "شيلي"), ("pt", "Chile")])
def test_the_country_list_is_in_the_visitors_language(client, language, chile):
    html = client.get(advice_hub_url(language)).content.decode()

    assert f'<option value="CL">{chile}</option>' in html
