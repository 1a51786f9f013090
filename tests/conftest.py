import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command

from pages.roles import SECRETARIAT_EDITORS, translator_group_name


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The whole demo site, in all five languages, loaded once for the session."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
        call_command("setup_roles", verbosity=0)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: fragments cached by one test would outlive its rolled-back data."""
    for alias in ("default", "counters"):
        caches[alias].clear()
    yield
    for alias in ("default", "counters"):
        caches[alias].clear()


def make_user(username, *group_names, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="correct-horse-battery", **extra
    )
    for name in group_names:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def editor(db):
    return make_user("editor", SECRETARIAT_EDITORS)


@pytest.fixture
def translator_for(db):
    def factory(language_code):
        return make_user(f"translator-{language_code}", translator_group_name(language_code))

    return factory


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
