"""The counting board's hand check of scanned ballots against their paper (omr.md §5.4).

After the machine count the head draws sheets from a public seed (dice thrown before the board);
a member types what each paper shows; a difference stops the count until the head records what
the paper shows. Kept apart from models.py only for its length; registered through it.
"""

from typing import ClassVar

from django.conf import settings
from django.db import models


class SpotCheck(models.Model):
    """One draw: the seed typed in, how many scanned ballots it drew from, who drew it, when."""

    election = models.ForeignKey(
        "daihoi.Election", on_delete=models.CASCADE, related_name="spot_checks"
    )
    seed = models.CharField(max_length=64)
    population = models.PositiveIntegerField()  # scanned ballots drawn from
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drawn_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering: ClassVar = ["id"]


class SpotCheckSheet(models.Model):
    """A sheet drawn: what its paper shows as typed by a member, whether it differs from the
    machine's record, and, on a difference, what the head recorded the paper shows."""

    spot_check = models.ForeignKey(SpotCheck, on_delete=models.CASCADE, related_name="sheets")
    scanned = models.ForeignKey(
        "daihoi.ScannedBallot", on_delete=models.CASCADE, related_name="spot_checks"
    )
    team = models.PositiveSmallIntegerField()
    sheet = models.PositiveIntegerField()
    paper = models.JSONField(null=True, blank=True)  # the ballot as the member typed it
    differs = models.BooleanField(default=False)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    settled = models.JSONField(null=True, blank=True)  # what the head recorded the paper shows
    settled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    settled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["spot_check_id", "team", "sheet"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["spot_check", "team", "sheet"], name="spot_check_sheet_once"
            )
        ]
