"""Every public page type meets WCAG 2.1 AA as far as axe-core can tell, and reflows at 320px."""

import pytest

from .pages import PAGE_TYPES, REFLOW_VIEWPORT
from .support import assert_no_axe_violations, assert_no_horizontal_scroll


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_type_has_no_axe_violations(page_at_width, visit, page_type):
    visit(page_at_width, page_type)

    assert_no_axe_violations(page_at_width)


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_type_reads_without_sideways_scrolling_at_320px(new_page, visit, page_type):
    page = new_page(REFLOW_VIEWPORT)
    visit(page, page_type)

    assert_no_horizontal_scroll(page)
