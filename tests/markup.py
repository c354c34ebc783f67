"""Finding elements in rendered pages with Django's own HTML parser (`django.test.html`).

For checks that `assertContains(..., html=True)` and `assertInHTML` cannot express: how many
rows a list has, the text of every heading in a section, the content of a meta tag.
"""

from django.test.html import Element, parse_html


def elements(html, tag=None, **attributes):
    """The elements in `html` with this tag (any, if None) and these attribute values, in order.

    `html` is a page, a response or an element found before. Attribute names are written as
    Python names (`aria_labelledby`, `class_`); `class_` matches one of the element's classes.
    """
    root = _root(html)
    wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attributes.items()}
    candidates = [root, *_descendants(root)] if root.name else _descendants(root)
    return [found for found in candidates if _matches(found, tag, wanted)]


def element(html, tag=None, **attributes):
    """The one element that matches, as `elements`; fails if there is none or more than one."""
    found = elements(html, tag, **attributes)
    assert len(found) == 1, f"{len(found)} elements <{tag or '*'} {attributes}>, not one"
    return found[0]


def attribute(found, name):
    """The value of an attribute of an element (None for a boolean attribute such as `hidden`)."""
    return dict(found.attributes)[name]


def text(found):
    """The text of an element, its words (and those of its children) joined by single spaces."""
    parts = []
    for child in found.children:
        parts.append(text(child) if isinstance(child, Element) else child)
    return " ".join(" ".join(parts).split())


def _root(html):
    if isinstance(html, Element):
        return html
    if hasattr(html, "content"):
        html = html.content.decode()
    return parse_html(html)


def _descendants(node):
    for child in node.children:
        if isinstance(child, Element):
            yield child
            yield from _descendants(child)


def _matches(found, tag, wanted):
    if tag is not None and found.name != tag:
        return False
    present = dict(found.attributes)
    for name, value in wanted.items():
        if name not in present:
            return False
        if name == "class":
            if value not in (present[name] or "").split():
                return False
        elif present[name] != value:
            return False
    return True
