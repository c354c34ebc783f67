import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def committee(db):
    """The committee as the seed migration loads it."""
    from committee.models import Committee

    return Committee.objects.get(name="Almenboligudvalg Hvidovre")


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def pdf_file():
    """A real PDF upload whose text layer holds the given paragraphs."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from minutes.demo import make_pdf

    def build(*paragraphs, title="Referat", name="referat.pdf"):
        return SimpleUploadedFile(name, make_pdf(title, paragraphs), "application/pdf")

    return build


@pytest.fixture
def make_meeting(committee, media_root):
    """Create a meeting (published unless said otherwise) with agenda items given as dicts."""
    import datetime

    from minutes.models import AgendaItem, Meeting

    def build(date="2018-05-29", *, published=True, items=(), **fields):
        meeting = Meeting(
            committee=committee,
            date=datetime.date.fromisoformat(str(date)),
            start_time=fields.pop("start_time", datetime.time(17, 0)),
            place=fields.pop("place", "Rådhuset, mødelokale 1"),
            **fields,
        )
        if published:
            meeting.publish()
        meeting.save()
        for number, item in enumerate(items, start=1):
            AgendaItem.objects.create(meeting=meeting, number=item.pop("number", number), **item)
        return meeting

    return build
