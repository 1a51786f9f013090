from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from treaty_status.world_map import MAP_FILE
from treaty_status.world_map_build import write


class Command(BaseCommand):
    help = (
        "Project Natural Earth's admin-0 countries (a .shp file, e.g. ne_110m_admin_0_countries.shp or "
        "geopandas 0.14.4's naturalearth_lowres.shp) into treaty_status/world_map.json, the map the "
        "treaty status page draws."
    )

    def add_arguments(self, parser):
        parser.add_argument("shapefile", type=Path)

    def handle(self, *args, shapefile, **options):
        if not shapefile.exists():
            raise CommandError(f"{shapefile} does not exist.")
        data = write(shapefile)
        self.stdout.write(
            f"{MAP_FILE}: {len(data['shapes'])} shapes, {len(data['dots'])} States drawn as dots, "
            f"{MAP_FILE.stat().st_size:,} bytes."
        )
