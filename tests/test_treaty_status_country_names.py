"""The UN's names and regions of the 193 Member States come from the packages' own files, never the network."""

import subprocess
import sys

from django.conf import settings

from countries.un import member_states, region_name

NO_NETWORK = """
import os, socket, sys
def refuse(*args, **kwargs):
    raise OSError("network used")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cti_site.settings.test")
import django
django.setup()
from countries.un import member_states
assert len(member_states()) == 193, len(member_states())
print(member_states()["CI"].name("fr"))
"""


def test_the_names_load_without_the_network():
    result = subprocess.run(
        [sys.executable, "-c", NO_NETWORK], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "Côte d'Ivoire"


def test_names_and_regions_are_the_uns_in_each_language():
    turkiye, bolivia = member_states()["TR"], member_states()["BO"]

    assert turkiye.names == {"ar": "تركيا", "en": "Türkiye", "es": "Türkiye", "fr": "Türkiye", "pt": "Turquia"}
    assert bolivia.name("es") == "Bolivia (Estado Plurinacional de)"
    assert region_name(bolivia.sub_region, "fr") == "Amérique latine et Caraïbes"
    assert region_name(bolivia.region, "ar") == "الأمريكتان"
