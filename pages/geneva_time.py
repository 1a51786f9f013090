"""Staff screens (the help desk, the treaty status rows) read every time in Geneva time and in one format, whatever a staff member's own time zone."""

from zoneinfo import ZoneInfo

from django.utils import timezone

# The IANA database has no zone named after Geneva: all of Switzerland keeps Zurich's clock.
GENEVA = ZoneInfo("Europe/Zurich")
GENEVA_TIME_FORMAT = "%Y-%m-%d %H:%M"


def geneva_time(value):
    """'2026-12-01 17:21' for an aware datetime, '' for None."""
    if value is None:
        return ""
    return timezone.localtime(value, GENEVA).strftime(GENEVA_TIME_FORMAT)
