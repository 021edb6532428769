"""The interactive page's scripts, loaded once the first view is on screen (issue 22): Dash sends
them as script tags that a phone on a slow line fetches (about 0.9 MB) before it paints anything.
Here the page keeps Dash's tags inside a `<template>` (inert: nothing fetched, nothing run), and
one small inline script — in the place of Dash's renderer script, so the security policy's hash
of it is Dash's own — adds them in order after the first paint, then starts Dash."""

from __future__ import annotations

import re

SCRIPT = re.compile(r'<script src="[^"]+"></script>')
# Dash lists the DataTable's bundle for every page, though no page draws a DataTable: not loaded.
UNUSED = re.compile(r'<script src="[^"]*/dash_table/[^"]*"></script>')
LIST_ID = "gealc-scripts"
# Runs in place of Dash's `var renderer = new DashRenderer();`, with the same effect at the end.
LOADER = (
    "(function(){"
    f'var t=document.getElementById("{LIST_ID}").content;'
    "function load(){"
    't.querySelectorAll("link").forEach(function(l){document.head.appendChild(l.cloneNode());});'
    'var s=t.querySelectorAll("script[src]");'
    "s.forEach(function(o,i){"
    'var e=document.createElement("script");e.src=o.getAttribute("src");e.async=false;'
    "if(i===s.length-1){e.onload=function(){window.renderer=new DashRenderer();};}"
    "document.body.appendChild(e);});}"
    "function later(){requestAnimationFrame(function(){setTimeout(load,0);});}"
    'if(document.readyState==="complete"){later();}else{window.addEventListener("load",later);}'
    "})();"
)


def deferred(scripts: str, preload: list[str]) -> str:
    """Dash's script tags, in their order, kept for the loader, with the scripts worth fetching
    meanwhile (`preload`: a chunk Dash asks for only once the page is drawn); Dash's inline
    scripts (clientside callbacks) stay where they are."""
    used = SCRIPT.findall(UNUSED.sub("", scripts))
    links = "".join(f'<link rel="preload" as="script" href="{href}">' for href in preload)
    rest = SCRIPT.sub("", UNUSED.sub("", scripts)).strip()
    return f'<template id="{LIST_ID}">{links}{"".join(used)}</template>{rest}'
