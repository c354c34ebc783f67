"""
Open data beside the public pages: each published meeting as JSON, the lists of them (a year's,
and all), one CSV row per agenda item, and the page that explains them (/data/).

The JSON uses OParl 1.1's types and field names (Meeting, AgendaItem, File, Person,
Organization), so that tools written for German council information systems read most of it.
Where OParl has no field for what Danish minutes hold, the field carries the prefix `hvidovre:`,
as OParl asks of vendor extensions; /data/ lists every such field and every other difference.

Nothing here reaches item content but through the models' public accessors and the querysets
that already serve the public pages: a closed item is its number, "Lukket punkt" and any public
decision, here as everywhere. Drafts are never data, not even for clerks (no preview here).
"""

import csv
import datetime
import json

from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.http import (
    Http404,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from .caching import archive_page
from .models import CLOSED_ITEM_TITLE, AgendaItem, Meeting, Participant, Vote
from .presentation import meeting_start, meeting_title
from .views import file_slug, find_meeting, meeting_view

OPARL = "https://schema.oparl.org/1.1/"
EXTENSION = "hvidovre:"
# The terms /data/ states. The municipality decides them; until it says otherwise, CC BY 4.0:
# free re-use, commercial too, with the source named.
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
MEETINGS_PER_PAGE = 100
SCHEMAS = {
    "meeting": "data/moede.schema.json",
    "year": "data/aar.schema.json",
    "archive": "data/referater.schema.json",
}
# A vote's position (as stored) and its key in the JSON.
VOTE_KEYS = {
    Vote.Position.FOR.value: "for",
    Vote.Position.AGAINST.value: "against",
    Vote.Position.ABSTAINED.value: "abstained",
    Vote.Position.AWAITING.value: "awaiting",
}
CSV_HEADER = [
    "Dato",
    "Mødetype",
    "Punkt",
    "Titel",
    "Udfald",
    "For",
    "Imod",
    "Undlod at stemme",
    "Afventer",
    "Beslutning",
    "Link",
]
# Excel reads a cell that starts with one of these as a formula (a decision that begins with a
# dash becomes #NAVN?, and a cell like =HYPERLINK(…) would run): such text gets a leading
# apostrophe, as OWASP recommends against CSV injection. /data/ says so.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def ext(name):
    return EXTENSION + name


def moment(value):
    """A point in time in Danish time with its offset, like the meeting's start."""
    return timezone.localtime(value).isoformat()


# The documents ---------------------------------------------------------------------------------


class Documents:
    """Builds the JSON documents of one request: absolute URLs come from its scheme and host."""

    def __init__(self, request):
        self.request = request
        self.url = request.build_absolute_uri

    def meeting_id(self, meeting):
        return self.url(reverse("minutes:meeting_data", kwargs={"date": meeting.date}))

    def organization(self, committee):
        home = self.url(committee.get_absolute_url())
        return {
            "id": home,
            "type": OPARL + "Organization",
            "name": committee.name,
            "classification": "Udvalg",
            "web": home,
        }

    def person(self, participant, meeting_id):
        """A member with a stable id across meetings; anyone else known only to this meeting."""
        if participant.member_id:
            committee_url = self.url(reverse("committee:home"))
            person_id = f"{committee_url}#medlem-{participant.member_id}"
        else:
            person_id = f"{meeting_id}#deltager-{participant.pk}"
        member = participant.member if participant.member_id else None
        person = {
            "id": person_id,
            "type": OPARL + "Person",
            "name": participant.name or member.name,
        }
        if party := participant.party or (member.party if member else ""):
            person[ext("party")] = party
        return person

    def minutes_file(self, meeting, meeting_id):
        committee = meeting.committee
        document = {
            "id": f"{meeting_id}#pdf",
            "type": OPARL + "File",
            "name": meeting_title(meeting),
            "fileName": f"{meeting.kind}-{file_slug(committee.name)}-{meeting.date}.pdf",
            "mimeType": "application/pdf",
            "accessUrl": self.url(meeting.get_pdf_url()),
        }
        if meeting.minutes_pdf_size is not None:
            document["size"] = meeting.minutes_pdf_size
        return document

    def attachment(self, attachment, item, meeting, meeting_id):
        document = {
            "id": f"{meeting_id}#bilag-{attachment.pk}",
            "type": OPARL + "File",
            "name": attachment.title,
        }
        if attachment.file:
            # The name the attachment's own URL gives it (views.attachment).
            name = file_slug(attachment.title)[:60].strip("-") or attachment.pk
            url = reverse("minutes:attachment", kwargs={"date": meeting.date, "pk": attachment.pk})
            document["fileName"] = f"bilag-{item.number}-{name}.pdf"
            document["mimeType"] = "application/pdf"
            if attachment.file_size is not None:
                document["size"] = attachment.file_size
            document["accessUrl"] = self.url(url)
        return document

    def agenda_item(self, item, meeting, meeting_id, *, sections):
        document = {
            "id": f"{meeting_id}#{item.anchor}",
            "type": OPARL + "AgendaItem",
            "meeting": meeting_id,
            "number": str(item.number),
            "order": item.number,
            "name": item.public_title,
            "public": not item.is_closed,
        }
        if item.public_outcome:
            document["result"] = item.public_outcome
        public_sections = item.public_sections()
        decision = next((s.text for s in public_sections if s.field == "decision"), "")
        if decision:
            document["resolutionText"] = decision
        if votes := item.public_votes:
            tally = {key: [] for key in VOTE_KEYS.values()}
            for vote in votes:
                tally[VOTE_KEYS[vote.position]].append(vote.party)
            document[ext("vote")] = tally
        if sections and public_sections:
            document[ext("section")] = [
                {"name": section.heading, "text": section.text} for section in public_sections
            ]
        if files := item.public_attachments:
            document["auxiliaryFile"] = [
                self.attachment(file, item, meeting, meeting_id) for file in files
            ]
        document["web"] = self.url(
            reverse("minutes:item", kwargs={"date": meeting.date, "number": item.number})
        )
        return document

    def meeting(self, meeting, *, sections=True):
        """A published meeting as an OParl Meeting; `sections=False` for the lists."""
        meeting_id = self.meeting_id(meeting)
        document = {
            "id": meeting_id,
            "type": OPARL + "Meeting",
            "name": meeting_title(meeting),
            "meetingState": meeting.kind,
            ext("date"): meeting.date.isoformat(),
        }
        if start := meeting_start(meeting):
            document["start"] = start.isoformat()
        if meeting.place:
            document["location"] = {
                "id": f"{meeting_id}#sted",
                "type": OPARL + "Location",
                "description": meeting.place,
            }
        document["organization"] = [self.organization(meeting.committee)]
        participants = meeting.participants.all()
        present = [p for p in participants if p.status == Participant.Status.PRESENT]
        absent = [p for p in participants if p.status == Participant.Status.ABSENT]
        document["participant"] = [self.person(p, meeting_id) for p in present]
        if absent:
            document[ext("absentParticipant")] = [self.person(p, meeting_id) for p in absent]
        if meeting.remarks:
            document[ext("remarks")] = meeting.remarks
        if meeting.minutes_pdf:
            role = "invitation" if meeting.kind == Meeting.Kind.AGENDA else "resultsProtocol"
            document[role] = self.minutes_file(meeting, meeting_id)
        document["agendaItem"] = [
            self.agenda_item(item, meeting, meeting_id, sections=sections)
            for item in meeting.items.all()
        ]
        document["license"] = LICENSE_URL
        document["web"] = self.url(meeting.get_absolute_url())
        document["created"] = moment(meeting.created_at)
        document["modified"] = moment(meeting.updated_at)
        if meeting.first_published_at:
            document[ext("published")] = moment(meeting.first_published_at)
        if meeting.corrected_at:
            document[ext("corrected")] = moment(meeting.corrected_at)
        return document

    def meeting_list(self, meetings, *, list_url, web_url):
        """One page (?side=N) of an OParl external object list of meetings; 404 past the end."""
        paginator = Paginator(meetings, MEETINGS_PER_PAGE)
        try:
            page = paginator.page(self.request.GET.get("side") or 1)
        except InvalidPage as error:
            raise Http404("Siden findes ikke.") from error
        base = self.url(list_url)

        def page_url(number):
            return base if number == 1 else f"{base}?side={number}"

        links = {"first": page_url(1), "self": page_url(page.number)}
        if page.has_previous():
            links["prev"] = page_url(page.previous_page_number())
        if page.has_next():
            links["next"] = page_url(page.next_page_number())
        links["last"] = page_url(paginator.num_pages)
        links["web"] = self.url(web_url)
        return {
            "data": [self.meeting(meeting, sections=False) for meeting in page.object_list],
            "pagination": {
                "totalElements": paginator.count,
                "elementsPerPage": MEETINGS_PER_PAGE,
                "currentPage": page.number,
                "totalPages": paginator.num_pages,
            },
            "links": links,
        }


def published_meetings():
    """Every published meeting with what its data shows, newest first, in a fixed number of
    queries; closed items' attachments and votes stay in the database (`with_public_content`)."""
    return Meeting.objects.published().with_public_content().order_by("-date", "-id")


def data_response(request, document, schema):
    """JSON in UTF-8 as it is (ensure_ascii off), readable from any site's scripts."""
    response = JsonResponse(
        document,
        content_type="application/json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False},
    )
    schema_url = request.build_absolute_uri(static(SCHEMAS[schema]))
    response["Link"] = f'<{schema_url}>; rel="describedby"'
    open_to_other_sites(response)
    return response


def open_to_other_sites(response):
    # Open data is for other sites' scripts too (OParl requires CORS). Nothing here depends on
    # who asks, and no credentials are allowed, so a browser never reads a clerk's copy for them.
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"


# Views -----------------------------------------------------------------------------------------


@meeting_view
def meeting_data(request, date):
    """/referater/2018-05-29/data.json: one published meeting; a moved date redirects."""
    meeting = find_meeting(request, date, published_meetings(), previewable=False)
    return data_response(request, Documents(request).meeting(meeting), "meeting")


@archive_page
def year_data(request, year):
    """/referater/2018/data.json: one year's published meetings; a year without any is a 404."""
    if int(year) < datetime.MINYEAR:  # "0000": no such year, and no date to filter by
        raise Http404("Der er ingen offentliggjorte møder fra dette år.")
    meetings = published_meetings().filter(date__year=int(year))
    document = Documents(request).meeting_list(
        meetings,
        list_url=reverse("minutes:year_data", kwargs={"year": year}),
        web_url=reverse("minutes:year", kwargs={"year": year}),
    )
    if not document["data"]:
        raise Http404("Der er ingen offentliggjorte møder fra dette år.")
    return data_response(request, document, "year")


@archive_page
def archive_data(request):
    """/referater/data.json: all published meetings, newest first, 100 to a page."""
    document = Documents(request).meeting_list(
        published_meetings(),
        list_url=reverse("minutes:archive_data"),
        web_url=reverse("minutes:archive"),
    )
    return data_response(request, document, "archive")


class _Echo:
    """What csv.writer writes to: hands each line back instead of keeping it."""

    def write(self, value):
        return value


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def decision_rows(base_url, meetings=None):
    """
    Every agenda item of the published meetings (or of `meetings`) as a CSV row, oldest
    meeting first, in two queries whatever their number: the items, and the votes of the open
    ones, read side by side in the same order.

    A closed item's title and decision are replaced in the query itself, so they never reach
    Python: its row has its number, "Lukket punkt" and any public decision.
    """
    items = AgendaItem.objects.filter(meeting__is_published=True)
    votes = Vote.objects.filter(item__meeting__is_published=True, item__is_closed=False)
    if meetings is not None:
        items = items.filter(meeting__in=meetings)
        votes = votes.filter(item__meeting__in=meetings)
    closed = models.Q(is_closed=True)
    items = (
        items.annotate(
            public_title=models.Case(
                models.When(closed, then=models.Value(CLOSED_ITEM_TITLE)), default="title"
            ),
            public_outcome=models.Case(
                models.When(closed, then=models.Value("")), default="outcome"
            ),
            public_text=models.Case(
                models.When(closed, then="public_decision"), default="decision"
            ),
        )
        .order_by("meeting__date", "meeting_id", "number")
        .values_list(
            "id",
            "meeting__date",
            "meeting__kind",
            "number",
            "public_title",
            "public_outcome",
            "public_text",
        )
    )
    votes = votes.order_by(
        "item__meeting__date", "item__meeting_id", "item__number", "party"
    ).values_list("item_id", "position", "party")
    kinds = dict(Meeting.Kind.choices)
    outcomes = dict(AgendaItem.Outcome.choices)
    vote_iter = votes.iterator()
    pending = next(vote_iter, None)
    for item_id, date, kind, number, title, outcome, text in items.iterator():
        tally = {position: [] for position in VOTE_KEYS}
        # Both queries run in item order: this item's votes are the next ones, if any.
        while pending is not None and pending[0] == item_id:
            tally[pending[1]].append(pending[2])
            pending = next(vote_iter, None)
        url = base_url + reverse("minutes:item", kwargs={"date": date, "number": number})
        yield [
            date.isoformat(),
            kinds.get(kind, kind),
            number,
            _cell(title),
            outcomes.get(outcome, outcome),
            *(", ".join(parties) for parties in tally.values()),
            _cell(text),
            url,
        ]


def csv_lines(rows):
    """The CSV as text lines, header first, for Excel set up for Danish.

    Semicolons, because Danish Excel splits a double-clicked .csv on its list separator, which
    is ";" where the decimal separator is ","; with commas every row would land in column A.
    The byte order mark is how Excel knows the file is UTF-8 (without it, "ø" becomes "Ã¸").
    No "sep=;" line: Excel then ignores the mark, and other readers take it for a row.
    """
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(CSV_HEADER)
    for row in rows:
        yield writer.writerow(row)


@archive_page
def decisions_csv(request):
    """/referater/beslutninger.csv: one row per agenda item of every published meeting,
    streamed, so that its size never weighs on the server."""
    base_url = request.build_absolute_uri("/").rstrip("/")
    response = StreamingHttpResponse(
        (line.encode() for line in csv_lines(decision_rows(base_url))),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="beslutninger.csv"'
    open_to_other_sites(response)
    return response


@archive_page
def about(request):
    """/data/: what the data are, the terms of re-use, and an example from the newest meeting."""
    newest = (
        published_meetings()
        .filter(models.Exists(AgendaItem.objects.filter(meeting=models.OuterRef("pk"))))
        .first()
    )
    context = {
        "example": newest,
        "schemas": {name: static(path) for name, path in SCHEMAS.items()},
        "license_url": LICENSE_URL,
        "per_page": MEETINGS_PER_PAGE,
        "csv_header": CSV_HEADER,
    }
    if newest is not None:
        document = Documents(request).meeting(newest, sections=False)
        context["example_json"] = json.dumps(document, indent=2, ensure_ascii=False)
        base_url = request.build_absolute_uri("/").rstrip("/")
        lines = csv_lines(decision_rows(base_url, meetings=[newest.pk]))
        context["example_csv"] = "".join(lines).lstrip("\ufeff")
    return render(request, "pages/open_data.html", context)
