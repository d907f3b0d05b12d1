"""`light_markup`: user text with **bold**, *italic*, `code` and line breaks, and nothing else.

Everything is HTML-escaped first, so no markup a user types can reach the page.
"""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_CODE = re.compile(r"`([^`\n]{1,200})`")
_BOLD = re.compile(r"\*\*([^*\n]{1,200})\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*([^*\n]{1,200})\*(?![*\w])")


@register.filter
def light_markup(text: str) -> SafeString:
    html = escape(text or "")
    html = _CODE.sub(r"<code>\1</code>", html)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    html = _ITALIC.sub(r"<em>\1</em>", html)
    return mark_safe(html.replace("\n", "<br>"))  # noqa: S308 - built from escaped text only
