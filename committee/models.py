import re

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from almenbolig.cache import forget_now_and_after_commit


class CommitteeManager(models.Manager):
    # The release is part of the key: a migration that renames the committee comes with one.
    CACHE_TIMEOUT = 60 * 60

    @staticmethod
    def cache_key():
        return f"committee:current:{settings.RELEASE}"

    def current(self):
        """
        The committee this site is for (the first, and in practice only, one), or None.

        Every page names it, so it is kept in the cache; saving or deleting a committee forgets
        it (`committee.signals`).
        """
        committee = cache.get(self.cache_key())
        if committee is None:
            committee = self.order_by("pk").first()
            if committee is not None:
                cache.set(self.cache_key(), committee, self.CACHE_TIMEOUT)
        return committee

    def forget_current(self):
        cache.delete(self.cache_key())

    FRESHNESS_KEY = "committee:freshness"

    def freshness(self):
        """
        When any committee's own content (name, history, mandate, members) last changed.

        Every committee page asks it (for its validators and its key in the page cache), so it
        is kept in the shared cache for `ARCHIVE_FRESHNESS_SECONDS`, as the archive's freshness
        is, and forgotten at once on every change (`forget_freshness`, from `committee.signals`).
        Without a shared cache another process sees a change up to that much later; 0 asks the
        database on every request.
        """
        seconds = settings.ARCHIVE_FRESHNESS_SECONDS
        if not seconds:
            return self._latest_change()
        # A site with no committee yet keeps None: get_or_set tells it apart from nothing kept.
        return cache.get_or_set(self.FRESHNESS_KEY, self._latest_change, seconds)

    def _latest_change(self):
        return self.aggregate(latest=models.Max("updated_at"))["latest"]

    def forget_freshness(self):
        """A committee changed: its freshness is read anew."""
        forget_now_and_after_commit(cache, self.FRESHNESS_KEY)


# What a document may add to a committee's name without naming another committee.
_PLACE_WORDS = {"i", "for", "hvidovre", "hvidovres", "kommune", "kommunes"}
# Danish definite and genitive endings: "udvalget", "udvalgets" are "udvalg".
_ENDINGS = ("ets", "ens", "et", "en", "s")


def _name_key(name):
    """A committee's name without the municipality and its endings, as one lower-case word."""
    stems = []
    for word in re.findall(r"\w+", name.casefold()):
        if word in _PLACE_WORDS:
            continue
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 5:
                word = word[: -len(ending)]
                break
        stems.append(word)
    return "".join(stems)


class Committee(models.Model):
    """A committee of Hvidovre Kommune: its history and when its mandate was adopted."""

    name = models.CharField("navn", max_length=200, unique=True)
    heading = models.CharField(
        "overskrift",
        max_length=200,
        help_text="Sidens overskrift, fx “Referater fra møder i Almenboligudvalget Hvidovre”.",
    )
    history = models.TextField(
        "historik", help_text="Et afsnit pr. linje. Almindelig tekst; HTML vises ikke."
    )
    established_on = models.DateField("nedsat den", null=True, blank=True)
    mandate_adopted_on = models.DateField("kommissorium vedtaget den", null=True, blank=True)
    updated_at = models.DateTimeField("senest ændret", auto_now=True)

    objects = CommitteeManager()

    class Meta:
        verbose_name = "udvalg"
        verbose_name_plural = "udvalg"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("committee:home")

    def is_named_by(self, name):
        """
        Whether `name`, as a document names its committee, is this committee: "Almenboligudvalget",
        "Almenboligudvalg" and "Almenboligudvalget i Hvidovre Kommune" are "Almenboligudvalg
        Hvidovre"; "Økonomiudvalget" is not. An empty name says nothing, so it is not another.
        """
        theirs, ours = _name_key(name), _name_key(self.name)
        return not theirs or not ours or theirs in ours or ours in theirs

    def history_paragraphs(self):
        return [p.strip() for p in self.history.splitlines() if p.strip()]

    def current_members(self):
        today = timezone.localdate()
        return self.members.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=today),
            Q(end_date__isnull=True) | Q(end_date__gte=today),
        )


class Task(models.Model):
    """One paragraph of the committee's mandate ("Udvalgets opgaver")."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="tasks", verbose_name="udvalg"
    )
    position = models.PositiveSmallIntegerField("rækkefølge", default=0)
    text = models.TextField("opgave")

    class Meta:
        verbose_name = "opgave"
        verbose_name_plural = "udvalgets opgaver"
        ordering = ["position", "id"]

    def __str__(self):
        return self.text[:80]


class Member(models.Model):
    """A member of the committee for a period, with the letter of their party."""

    class Role(models.IntegerChoices):
        # Integers so that the list sorts chair, vice-chair, members.
        CHAIR = 1, "Formand"
        VICE_CHAIR = 2, "Næstformand"
        MEMBER = 3, "Medlem"

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="members", verbose_name="udvalg"
    )
    name = models.CharField("navn", max_length=200)
    party = models.CharField(
        "partibogstav", max_length=3, blank=True, help_text="Fx A, C, F, O eller V."
    )
    role = models.PositiveSmallIntegerField("rolle", choices=Role, default=Role.MEMBER)
    start_date = models.DateField("medlem fra", null=True, blank=True)
    end_date = models.DateField("medlem til", null=True, blank=True)

    class Meta:
        verbose_name = "medlem"
        verbose_name_plural = "medlemmer"
        ordering = ["committee", "role", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="member_end_after_start",
                violation_error_message="“Medlem til” skal ligge efter “medlem fra”.",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.party})" if self.party else self.name
