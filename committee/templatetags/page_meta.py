"""What base.html says about every page besides its content: canonical address and link previews.

`capture` renders a block once into a variable, so that the page's title and description, written
once by each page, serve the <title>, the meta description and the OpenGraph tags alike.
"""

from django import template
from django.http import QueryDict
from django.utils.safestring import mark_safe

register = template.Library()

# The parameters that make a page another page: the page of a list, and what was searched for.
PAGE_PARAMETERS = ("q", "side")


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Already escaped by the templates it rendered; whitespace around it means nothing.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}…{% endcapture %}`: the rendered content as `name`, not output."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.simple_tag(takes_context=True)
def page_url(context):
    """The page's own absolute address: its path, and of the query only what names the page."""
    request = context.get("request")
    if request is None:
        return ""
    query = QueryDict(mutable=True)
    for name in PAGE_PARAMETERS:
        if value := request.GET.get(name):
            query[name] = value
    path = request.path + (f"?{query.urlencode()}" if query else "")
    return request.build_absolute_uri(path)
