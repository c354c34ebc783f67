"""Template filters for the public minutes pages.

`minutes_text` is how a clerk's plain text becomes HTML: everything is escaped first, and only
paragraphs, numbered and bulleted lists and bare http(s) links are made from it. No HTML a clerk
types ever reaches a citizen as HTML.
"""

import itertools
import re

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join, urlize
from django.utils.safestring import mark_safe

from minutes import presentation

register = template.Library()

NUMBERED = re.compile(r"(\d{1,3})[.)]\s+(.*)")
BULLETED = re.compile(r"[-–•*]\s+(.*)")
# Control characters other than tab and newline have no place in a web page.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _inline(text):
    # urlize escapes all it does not link, and links only http(s)://, www. and e-mail
    # addresses: "javascript:" and the like stay plain, escaped text.
    return mark_safe(urlize(text.strip(), autoescape=True))


def _classify(line):
    """("ol", text, number), ("ul", text, None) or ("p", line, None)."""
    if numbered := NUMBERED.fullmatch(line):
        return "ol", numbered.group(2), int(numbered.group(1))
    if bulleted := BULLETED.fullmatch(line):
        return "ul", bulleted.group(1), None
    return "p", line, None


def _is_list(numbers):
    # "29. maj 2018 besluttede udvalget …" starts with a number too: a numbered list is
    # either a run counting up (3., 4., …) or starts at 1.
    counts_up = all(b == a + 1 for a, b in itertools.pairwise(numbers))
    return counts_up and (len(numbers) > 1 or numbers[0] == 1)


def _blocks(lines):
    """A paragraph's lines as runs [kind, texts, first number]: "p", "ol" or "ul".

    An indented line right after a list item continues that item.
    """
    runs = []
    for line in lines:
        kind, text, number = _classify(line)
        if kind == "p" and line[:1].isspace() and runs and runs[-1][0] != "p":
            runs[-1][1][-1] += " " + text.strip()
        elif runs and runs[-1][0] == kind:
            runs[-1][1].append(text)
            runs[-1][3].append(number)
        else:
            runs.append([kind, [text], number, [number]])
    blocks = []
    for kind, texts, first, numbers in runs:
        if kind == "ol" and not _is_list(numbers):
            kind, texts = "p", [f"{n}. {t}" for n, t in zip(numbers, texts, strict=True)]
        if kind == "p" and blocks and blocks[-1][0] == "p":
            blocks[-1][1].extend(texts)
        else:
            blocks.append((kind, texts, first))
    return blocks


def _render_block(kind, texts, first):
    if kind == "p":
        return format_html("<p>{}</p>", mark_safe("<br>".join(_inline(t) for t in texts)))
    items = format_html_join("", "<li>{}</li>", ((_inline(t),) for t in texts))
    if kind == "ol" and first != 1:
        return format_html('<ol start="{}">{}</ol>', first, items)
    return format_html("<{}>{}</{}>", kind, items, kind)


@register.filter(is_safe=True)
def minutes_text(value):
    """Plain text as safe HTML: paragraphs, `1. ` numbered lists, `- ` bullets, links."""
    text = CONTROL.sub("", str(value or "")).replace("\r\n", "\n").replace("\r", "\n")
    html = []
    for paragraph in re.split(r"\n[ \t]*\n", text):
        lines = [line.rstrip() for line in paragraph.split("\n") if line.strip()]
        html.extend(_render_block(*block) for block in _blocks(lines))
    return mark_safe("\n".join(html))


@register.filter
def meeting_title(meeting):
    """`Referat – Almenboligudvalg Hvidovre den 29. maj 2018`."""
    return presentation.meeting_title(meeting)


@register.filter
def long_date(value):
    """`29. maj 2018`."""
    return presentation.long_date(value)


@register.filter
def weekday_date(value):
    """`Tirsdag den 29. maj 2018`."""
    return presentation.weekday_date(value)


@register.filter
def nowrap(value):
    """The value in a span that never breaks over two lines (a date: "29. maj 2018")."""
    return format_html('<span class="nowrap">{}</span>', value)


@register.simple_tag
def pdf_facts(pages, size):
    """`PDF, 1,2 MB, 14 sider` for a file's stored number of pages and size."""
    return presentation.pdf_facts(pages, size)


@register.filter(is_safe=True)
def json_ld(data):
    """A dict as JSON that is safe inside <script type="application/ld+json">."""
    return presentation.json_ld(data)


@register.simple_tag(takes_context=True)
def subscription_url(context, view_name):
    """The calendar at `view_name` as a `webcal://` address: calendar apps subscribe to it (and
    poll it) instead of importing it once. Absolute, from the request, like the page's own links."""
    url = context["request"].build_absolute_uri(reverse(view_name))
    return re.sub(r"^https?://", "webcal://", url)
