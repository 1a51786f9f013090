"""The treaties, the statuses a State can have under them, and how it became party."""

from django.db import models
from django.utils.translation import pgettext_lazy


class Treaty(models.TextChoices):
    UNCAT = "uncat", pgettext_lazy("treaty", "Convention against Torture")
    OPCAT = "opcat", pgettext_lazy("treaty", "Optional Protocol")


class Status(models.TextChoices):
    PARTY = "party", pgettext_lazy("treaty status", "State party")
    SIGNATORY = "signatory", pgettext_lazy("treaty status", "Signatory")
    NEITHER = "neither", pgettext_lazy("treaty status", "Not yet signed or ratified")


class Action(models.TextChoices):
    UNKNOWN = "", pgettext_lazy("how a State became party", "not recorded")
    RATIFICATION = "ratification", pgettext_lazy("how a State became party", "ratification")
    ACCESSION = "accession", pgettext_lazy("how a State became party", "accession")
    SUCCESSION = "succession", pgettext_lazy("how a State became party", "succession")
