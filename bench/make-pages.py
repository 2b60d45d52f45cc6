#!/usr/bin/env python3
"""Saved news pages at the weight real ones have, for bench/reader.sh.

Each page is one of the project's fixture articles (tests/fixtures/pages/)
wrapped the way outlets' pages are: a few hundred KB of inline scripts,
menus, related-article lists and comments around a few paragraphs. Real
saved pages cannot be shipped (their text is the outlets'); these keep the
structure that costs time (markup, scripts) without their copy.

    make-pages.py N DIR
"""
import pathlib
import random
import sys

n, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
here = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "pages"
bases = [(here / name).read_text(encoding="utf-8") for name in ("fr-news.html", "en-news.html")]
rng = random.Random(7)


def script(k):
    lines = [f"var cfg{k}_{i} = {{id: {rng.randrange(10**9)}, path: '/s/{i}', flag: {i % 2 == 0}}};" for i in range(400)]
    return "<script>" + "\n".join(lines) + "</script>"


def menu(k):
    items = "".join(f'<li><a href="/rubrique/{k}/{i}">Rubrique {i}</a></li>' for i in range(120))
    return f'<nav class="menu-{k}"><ul>{items}</ul></nav>'


def related(k):
    items = "".join(f'<li><a href="/a/{k}/{i}">Titre d\'un autre article numéro {i} sur la région</a></li>' for i in range(40))
    return f'<aside class="related"><h2>À lire aussi</h2><ul>{items}</ul></aside>'


for i in range(n):
    page = bases[i % len(bases)]
    head_extra = "".join(script(f"{i}_{j}") for j in range(6))
    body_extra = menu(i) + related(i) + "".join(f"<!-- tracking {rng.random()} -->" for _ in range(50))
    page = page.replace("</head>", head_extra + "</head>", 1).replace("<body", "<body data-n=\"%d\"" % i, 1)
    page = page.replace("</footer>", "</footer>" + body_extra, 1)
    # One distinct sentence per page, so that no two texts are equal.
    page = page.replace("</p>\n  </div>", f" (Édition {i}.)</p>\n  </div>", 1)
    (out / f"page-{i:05d}.html").write_text(page, encoding="utf-8")
