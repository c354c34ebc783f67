import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format
from pytest_django.asserts import assertContains, assertInHTML

from tests.consent.pages import button, form_of
from visits.charts import bar_chart, nice_ceiling
from visits.models import DailyVisitor, PageView

pytestmark = pytest.mark.django_db

URL = "/admin/visits/pageview/"


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def statistics(today):
    yesterday = today - datetime.timedelta(days=1)
    PageView.objects.bulk_create(
        [
            PageView(day=today, path="/", views=7),
            PageView(day=yesterday, path="/", views=5),
            PageView(day=today, path="/referater/2018-05-29/", views=9),
            PageView(day=yesterday, path="/referater/2019-01-15/", views=4),
            PageView(day=today, path="/cookies/", views=2),
            PageView(day=today - datetime.timedelta(days=400), path="/gammel/", views=99),
        ]
    )
    DailyVisitor.objects.bulk_create(
        [DailyVisitor(day=today, visitor_hash=f"{n:064x}") for n in range(3)]
        + [DailyVisitor(day=yesterday, visitor_hash=f"{n:064x}") for n in range(2)]
    )


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("referent", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_pageview"))
    return user


def test_staff_with_view_permission_see_the_statistics_page(django_app, staff, statistics):
    page = django_app.get(URL, user=staff)

    assertContains(page, "<h1>Statistik over sidevisninger</h1>", html=True)
    for section in (
        '<h2 id="besoegende-pr-dag">Besøgende pr. dag</h2>',
        '<h2 id="mest-laeste-sider">Mest læste sider</h2>',
        '<h2 id="mest-laeste-moeder">Mest læste møder</h2>',
        "<div><dt>Sidevisninger</dt><dd>27</dd></div>",
        "<div><dt>Besøgende (lagt sammen dag for dag)</dt><dd>5</dd></div>",
    ):
        assertContains(page, section, html=True)


def test_most_read_pages_are_summed_over_the_period_and_sorted(client, staff, statistics):
    client.force_login(staff)

    top = client.get(URL).context["top_pages"]

    assert [(row["path"], row["total"]) for row in top] == [
        ("/", 12),
        ("/referater/2018-05-29/", 9),
        ("/referater/2019-01-15/", 4),
        ("/cookies/", 2),
    ]


def test_most_read_meetings_are_named_by_their_date(django_app, staff, statistics):
    page = django_app.get(URL, user=staff)

    meetings = page.context["top_meetings"]
    assert [(row["meeting_path"], row["total"]) for row in meetings] == [
        ("/referater/2018-05-29/", 9),
        ("/referater/2019-01-15/", 4),
    ]
    assert meetings[0]["date"] == datetime.date(2018, 5, 29)
    assertInHTML(
        '<tr><td><a href="/referater/2018-05-29/">Mødet den 29. maj 2018</a></td>'
        '<td class="number">9</td></tr>',
        page.text,
    )


def test_every_page_that_belongs_to_a_meeting_counts_for_it(client, staff, statistics, today):
    # Item pages (/punkt-3/) and corrections pages belong to their meeting (MinutesConfig).
    PageView.objects.bulk_create(
        [
            PageView(day=today, path="/referater/2019-01-15/punkt-3/", views=4),
            PageView(day=today, path="/referater/2019-01-15/punkt-4/", views=3),
            PageView(day=today, path="/referater/2020-02-04/punkt-1/", views=1),
        ]
    )
    client.force_login(staff)

    meetings = client.get(URL).context["top_meetings"]

    assert [(row["date"], row["meeting_path"], row["total"]) for row in meetings] == [
        (datetime.date(2019, 1, 15), "/referater/2019-01-15/", 11),
        (datetime.date(2018, 5, 29), "/referater/2018-05-29/", 9),
        (datetime.date(2020, 2, 4), "/referater/2020-02-04/", 1),
    ]


def test_pages_of_a_meeting_that_are_not_declared_as_its_pages_do_not_count_for_it(
    client, staff, today
):
    PageView.objects.bulk_create(
        [
            PageView(day=today, path="/referater/2018-05-29/", views=2),
            PageView(day=today, path="/referater/2018-05-29/referat.pdf", views=5),
            PageView(day=today, path="/referater/2018/", views=7),
            PageView(day=today, path="/referater/2018-05-29/data.json", views=6),
            PageView(day=today, path="/referater/2018-02-30/", views=8),
        ]
    )
    client.force_login(staff)

    meetings = client.get(URL).context["top_meetings"]

    assert [(row["date"], row["total"]) for row in meetings] == [(datetime.date(2018, 5, 29), 2)]


def test_meetings_with_as_many_views_are_listed_latest_first(client, staff, today):
    PageView.objects.bulk_create(
        [
            PageView(day=today, path="/referater/2018-05-29/", views=3),
            PageView(day=today, path="/referater/2019-01-15/", views=3),
        ]
    )
    client.force_login(staff)

    meetings = client.get(URL).context["top_meetings"]

    assert [row["date"].year for row in meetings] == [2019, 2018]


def test_visitors_per_day_are_a_table_and_an_svg_chart(django_app, staff, statistics, today):
    page = django_app.get(URL, user=staff)

    days = {row["day"]: (row["visitors"], row["views"]) for row in page.context["days"]}
    assert len(days) == 30
    assert days[today] == (3, 18)
    assert days[today - datetime.timedelta(days=1)] == (2, 9)
    assert days[today - datetime.timedelta(days=2)] == (0, 0)
    chart = page.html.select_one("#content-main svg.stats-chart")
    assert chart["role"] == "img"
    assert len(chart.select("rect.bar")) == 30
    assert page.html.select("#content-main script") == []
    assertInHTML(
        f'<tr><th scope="row">{date_format(today, "D j. F Y")}</th>'
        '<td class="number">3</td><td class="number">18</td></tr>',
        page.text,
    )


def test_chart_coordinates_use_a_decimal_point_in_danish(django_app, staff, statistics):
    # Danish number formatting would write 12,5, which is no SVG coordinate.
    chart = django_app.get(URL, user=staff).html.select_one("svg.stats-chart")

    coordinates = [
        value
        for element in chart.find_all(["rect", "line", "text"])
        for name, value in element.attrs.items()
        if name in {"x", "y", "x1", "x2", "y1", "y2", "width", "height"}
    ]
    assert len(coordinates) > 4 * 30
    assert [value for value in coordinates if not re.fullmatch(r"\d+(\.\d+)?", value)] == []
    assert any("." in value for value in coordinates)  # there are fractions to write


def test_a_chosen_period_limits_the_statistics(django_app, staff, statistics, today):
    old = today - datetime.timedelta(days=400)
    page = django_app.get(URL, user=staff)
    form = form_of(page, button(page, "Vis periode"))
    assert form.method.upper() == "GET"
    form["fra"] = form["til"] = old.isoformat()

    page = form.submit(user=staff)

    assert page.context["total_views"] == 99
    assert [row["path"] for row in page.context["top_pages"]] == ["/gammel/"]


@pytest.mark.parametrize(
    "query",
    [
        {"fra": "2024-02-01", "til": "2024-01-01"},
        {"fra": "2020-01-01", "til": "2024-01-01"},
        {"fra": "ikke-en-dato", "til": "2024-01-01"},
        {"fra": "2024-02-30"},
    ],
)
def test_a_bad_period_falls_back_to_the_last_30_days_with_a_danish_message(
    client, staff, statistics, query
):
    client.force_login(staff)

    response = client.get(URL, query)

    assert len(response.context["days"]) == 30
    assert response.context["form"].errors
    assertContains(response, "siden viser de seneste 30 dage")


def test_statistics_are_read_only_in_admin(client, staff, statistics):
    client.force_login(staff)

    assert client.get(URL + "add/").status_code == 403
    row = PageView.objects.first()
    assert client.post(URL + f"{row.pk}/delete/").status_code == 403


def test_staff_without_view_permission_are_refused(client, django_user_model):
    user = django_user_model.objects.create_user("anden", is_staff=True)
    client.force_login(user)

    assert client.get(URL).status_code == 403


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_report_is_listed_in_the_admin_index(django_app, staff):
    index = django_app.get("/admin/", user=staff)

    link = index.html.find("a", href=URL)
    assert link is not None
    assert link.text == "Sidevisninger"
    assertContains(index, "Besøgsstatistik")


def test_nice_ceiling_rounds_up_to_one_two_or_five_times_a_power_of_ten():
    assert [nice_ceiling(v) for v in (0, 1, 3, 7, 12, 20, 21, 480, 501)] == [
        1,
        1,
        5,
        10,
        20,
        20,
        50,
        500,
        1000,
    ]


def test_bar_chart_scales_bars_to_the_plot():
    chart = bar_chart([("a", 0), ("b", 5), ("c", 10)], height=220, top=10, bottom=28)

    heights = [bar.height for bar in chart.bars]
    assert heights == [0, 91, 182]
    assert all(bar.y + bar.height == chart.baseline for bar in chart.bars)
    assert [tick.text for tick in chart.y_ticks] == ["0", "5", "10"]
    assert [tick.text for tick in chart.x_ticks] == ["a", "b", "c"]


def test_bar_chart_of_no_days_is_empty():
    chart = bar_chart([])

    assert chart.bars == []
    assert chart.x_ticks == []


def test_views_counted_from_real_visits_show_up_for_staff(client, staff):
    # Each browser's first page tells it about cookies and counts nothing.
    for path in ("/", "/", "/cookies/", "/cookies/", "/tilgaengelighed/"):
        client.get(path)
    second = Client()
    second.get("/cookies/")
    second.get("/cookies/")
    refusing = Client()
    refusing.cookies["cookie_consent"] = "statistik=-1"
    refusing.get("/cookies/")

    admin = Client()
    admin.force_login(staff)
    response = admin.get(URL)

    top = {row["path"]: row["total"] for row in response.context["top_pages"]}
    assert top == {"/cookies/": 3, "/": 1, "/tilgaengelighed/": 1}
    assert response.context["total_visitors"] == 2
