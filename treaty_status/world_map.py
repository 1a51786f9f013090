"""The world map of the treaty status page, as `manage.py build_world_map` made it (`world_map_build.py`):
one SVG path per UN Member State in whole pixels, and dots for the States too small to draw."""

import json
from functools import cache
from pathlib import Path

MAP_FILE = Path(__file__).with_name("world_map.json")


@cache
def world_map():
    return json.loads(MAP_FILE.read_text())
