import pytest
from django.template import Context, Template
from pytest_django.asserts import assertHTMLEqual

from minutes.templatetags.minutes_text import minutes_text
from tests.markup import attribute, element

pytestmark = pytest.mark.django_db


def test_blank_lines_separate_paragraphs_and_single_newlines_are_line_breaks():
    html = minutes_text("Første afsnit\nanden linje\n\nAndet afsnit")

    assertHTMLEqual(html, "<p>Første afsnit<br>anden linje</p><p>Andet afsnit</p>")


def test_numbered_lines_become_an_ordered_list():
    html = minutes_text("Udvalget besluttede:\n1. at godkende planen\n2. at orientere KB")

    assertHTMLEqual(
        html,
        "<p>Udvalget besluttede:</p><ol><li>at godkende planen</li><li>at orientere KB</li></ol>",
    )


def test_a_numbered_list_may_start_later_and_lines_may_continue_an_item():
    html = minutes_text("3. tredje\n   fortsat\n4. fjerde")

    assertHTMLEqual(html, '<ol start="3"><li>tredje fortsat</li><li>fjerde</li></ol>')


def test_a_date_at_the_start_of_a_line_is_not_a_list():
    html = minutes_text("29. maj 2018 besluttede udvalget at udsætte sagen.")

    assertHTMLEqual(html, "<p>29. maj 2018 besluttede udvalget at udsætte sagen.</p>")


def test_dash_lines_become_a_bulleted_list():
    html = minutes_text("- boliger\n- institutioner")

    assertHTMLEqual(html, "<ul><li>boliger</li><li>institutioner</li></ul>")


def test_bare_web_addresses_become_links():
    html = minutes_text("Se https://www.hvidovre.dk/boliger?a=1&b=2 for mere.")

    assertHTMLEqual(
        html,
        '<p>Se <a href="https://www.hvidovre.dk/boliger?a=1&amp;b=2">'
        "https://www.hvidovre.dk/boliger?a=1&amp;b=2</a> for mere.</p>",
    )


def test_html_from_a_clerk_is_escaped_never_rendered():
    html = minutes_text('<script>alert("x")</script>\n<b onclick="steal()">fed</b>')

    assert "<script>" not in html
    assert "<b " not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b onclick=&quot;steal()&quot;&gt;fed&lt;/b&gt;" in html


def test_javascript_links_stay_plain_text():
    html = minutes_text('javascript:alert(1) og <a href="javascript:alert(2)">klik</a>')

    assert "<a " not in html
    assert "javascript:alert(1)" in html
    assert "&lt;a href=&quot;javascript:alert(2)&quot;&gt;" in html


def test_a_link_cannot_smuggle_attributes():
    html = minutes_text('http://example.com/"onmouseover="alert(1)')

    assert 'onmouseover="' not in html
    link = element(html, "a")
    assert [name for name, _ in link.attributes] == ["href"]
    assert attribute(link, "href").startswith("http://example.com/")


def test_control_characters_are_dropped_and_empty_text_is_empty():
    assert minutes_text("a\x00b\x1bc") == "<p>abc</p>"
    assert minutes_text("") == ""
    assert minutes_text(None) == ""


def test_filter_output_is_safe_in_an_autoescaping_template():
    rendered = Template("{% load minutes_text %}{{ text|minutes_text }}").render(
        Context({"text": "1. <i>a</i>\n2. b"})
    )

    assertHTMLEqual(rendered, "<ol><li>&lt;i&gt;a&lt;/i&gt;</li><li>b</li></ol>")


def test_xss_in_item_text_and_remarks_is_escaped_on_the_meeting_page(client, make_meeting):
    make_meeting(
        "2018-05-29",
        remarks="<img src=x onerror=alert(1)>",
        items=[
            {
                "title": "<script>alert('titel')</script>",
                "decision": (
                    '<script>alert("beslutning")</script>\n<a href="javascript:alert(3)">x</a>'
                ),
            }
        ],
    )

    html = client.get("/referater/2018-05-29/").content.decode()

    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&quot;beslutning&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
