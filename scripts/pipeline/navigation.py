"""Navigation: the ways a reader browses the articles, in pages that stay
the same size however many articles there are. The sidebar lists sections,
never every article: the home page (the newest articles and the ways in),
the articles by month and by outlet (a page per group, paginated, and an
index of the groups with their counts), and the glossary, whose term pages
group the articles by term. Each article page ends with the groups it is
listed in and its neighbours in time.

A group's first page is <kind>/<key>.md, its page n <kind>/<key>/<n>.md:
the same address as long as the group exists. Keys are ASCII so a path is
the same in every variant, in the offline bundle and to a link checker."""
from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import render
from .article import HANS, VARIANTS, Article, Block
from .config import load_data
from .glossary import load_glossary
from .text import sentence_spans
from .write import GLOSSARY_PAGE, article_path, clip, newest_first

HOME_PAGE = "index.md"
MONTHS = "months"
OUTLETS = "outlets"
INDEX = "index"
UNDATED = "undated"  # the month group of articles without a date
UNKNOWN = "unknown"  # the outlet group of articles without an outlet
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def settings() -> dict:
    return load_data("site.yml")["navigation"]


def month_key(article: Article) -> str:
    match = _MONTH.match(article.meta.get("date") or "")
    return f"{match.group(1)}-{match.group(2)}" if match else UNDATED


def outlet_name(article: Article) -> str:
    """The outlet as zh-Hans writes it, so a Traditional and a Simplified
    original from the same outlet fall in one group."""
    return (article.variant_meta[HANS].get("outlet") or "").strip()


def outlet_key(name: str) -> str:
    """A stable ASCII path segment for an outlet: a Latin name's own letters
    (36kr, the-verge), else a short hash of the name, after the Latin letters
    it has (36kr-1a2b3c4d); never a name the site uses for something else."""
    if not name:
        return UNKNOWN
    name = unicodedata.normalize("NFKC", name)
    latin = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    if name.isascii() and latin and latin not in (INDEX, UNKNOWN):
        return latin
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return f"{latin}-{digest}" if latin else digest


def paged(items: list, size: int | None = None) -> list[list]:
    """A list in pages of `size` items (the site's page size unless given);
    an empty list is one empty page."""
    size = size or settings()["page_size"]
    return [items[start:start + size] for start in range(0, len(items), size)] or [[]]


def page_path(first: str, number: int) -> str:
    """Page `number` of a paged list whose first page is `first` (<folder>/<key>.md):
    <folder>/<key>/<number>.md from the second on."""
    return first if number == 1 else f"{first.removesuffix('.md')}/{number}.md"


@dataclass
class Group:
    kind: str  # MONTHS or OUTLETS
    key: str
    articles: list  # newest first

    def pages(self) -> list[list[Article]]:
        return paged(self.articles)

    def path(self, number: int = 1) -> str:
        """Page `number` of the group, under docs/<variant>/."""
        return page_path(f"{self.kind}/{self.key}.md", number)

    def name(self, variant: str, strings: dict) -> str:
        if self.kind == MONTHS:
            if self.key == UNDATED:
                return strings["date_unknown"]
            year, month = self.key.split("-")
            return strings["month_name"].format(year=year, month=int(month))
        if self.key == UNKNOWN:
            return strings["outlet_unknown"]
        return self.articles[0].variant_meta[variant].get("outlet") or outlet_name(self.articles[0])


def months(articles: list[Article]) -> list[Group]:
    """A group per month, newest month first; undated articles last."""
    groups = _grouped(MONTHS, articles, month_key)
    return sorted(groups, key=lambda group: (group.key != UNDATED, group.key), reverse=True)


def outlets(articles: list[Article]) -> list[Group]:
    """A group per outlet, the outlet with most articles first; no outlet last."""
    groups = _grouped(OUTLETS, articles, lambda article: outlet_key(outlet_name(article)))
    return sorted(groups, key=lambda group: (group.key == UNKNOWN, -len(group.articles), outlet_name(group.articles[0])))


def _grouped(kind: str, articles: list[Article], key_of) -> list[Group]:
    groups: dict[str, Group] = {}
    for article in newest_first(articles):
        key = key_of(article)
        groups.setdefault(key, Group(kind, key, [])).articles.append(article)
    return list(groups.values())


def opening_sentence(blocks: list[Block]) -> str:
    """The first sentence of the first paragraph, cut short when long."""
    text = next((block.text.strip() for block in blocks if block.kind == "paragraph" and block.text.strip()), "")
    if not text:
        return ""
    start, end = sentence_spans(text)[0]
    return clip(text[start:end].strip(), settings()["opening_chars"])


def opening_sentence_of(article: Article, variant: str) -> str:
    """opening_sentence() of a variant, worked out once with the article (build.derive)."""
    return article.derive(f"opening sentence {variant}", lambda: opening_sentence(article.variants[variant]))


def article_item(article: Article, variant: str, strings: dict, root: str) -> str:
    """An article in a list: its title (the link), outlet and date, and its
    opening sentence; `root` leads from the listing page to docs/<variant>/."""
    meta = article.variant_meta[variant]
    byline = " · ".join([render.escape(meta.get("outlet") or strings["outlet_unknown"]), meta.get("date") or strings["date_unknown"]])
    lines = [f"- [{render.escape(meta['title'])}]({root}{article_path(article)})", f"  {byline}"]
    opening = opening_sentence_of(article, variant)
    if opening:
        lines.append("  " + render.escape_line_start(render.escape(opening)))
    return "  \n".join(lines)


def _link(text: str, target: str, **attributes: str) -> str:
    """A Markdown link with attributes (attr_list): rel, aria-label."""
    shown = " ".join(f'{name.replace("_", "-")}="{render.attribute(value)}"' for name, value in attributes.items())
    return f"[{render.escape(text)}]({target})" + (f"{{ {shown} }}" if shown else "")


def _page_numbers(current: int, last: int) -> list[int | None]:
    """The page numbers a pagination row shows: the first, the last and two
    either side of the current one; None where numbers are left out."""
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    out: list[int | None] = []
    for number in shown:
        if out and number - out[-1] > 1:
            out.append(None)
        out.append(number)
    return out


def pagination(first: str, number: int, last: int, strings: dict) -> str:
    """Links to the other pages of a paged list whose first page is `first`,
    as a navigation landmark; relative to page `number`'s own path."""
    here = posixpath.dirname(page_path(first, number))

    def target(page: int) -> str:
        return posixpath.relpath(page_path(first, page), here)

    parts = []
    if number > 1:
        parts.append(_link("← " + strings["previous_page"], target(number - 1), rel="prev",
                           aria_label=f"{strings['previous_page']}：{strings['page_number'].format(page=number - 1)}"))
    for page in _page_numbers(number, last):
        if page is None:
            parts.append("…")
        elif page == number:
            parts.append(f'<span aria-current="page">{page}</span>')
        else:
            parts.append(_link(str(page), target(page), aria_label=strings["page_number"].format(page=page)))
    if number < last:
        parts.append(_link(strings["next_page"] + " →", target(number + 1), rel="next",
                           aria_label=f"{strings['next_page']}：{strings['page_number'].format(page=number + 1)}"))
    label = render.attribute(strings["pagination_label"])
    return " · ".join(parts) + f'\n{{ .pagination role="navigation" aria-label="{label}" }}\n'


def group_page(group: Group, number: int, variant: str) -> str:
    strings = load_data("site.yml")[variant]
    pages = group.pages()
    name = group.name(variant, strings)
    title = name if number == 1 else strings["page_title"].format(name=name, page=number)
    root = "../" * group.path(number).count("/")
    index = f"{root}{group.kind}/{INDEX}.md"
    summary = strings["group_summary"].format(count=len(group.articles))
    if len(pages) > 1:
        summary += strings["page_position"].format(page=number, pages=len(pages))
    out = [
        # listed, not searched: the articles themselves are in the index
        render.front_matter({"title": title, "description": f"{name}：{summary}", "search": {"exclude": True}}),
        f"# {render.escape(title)}\n",
        summary + "\n",
        *(article_item(article, variant, strings, root) for article in pages[number - 1]),
        "",
    ]
    if len(pages) > 1:
        out.append(pagination(group.path(), number, len(pages), strings))
    title_key = "months_title" if group.kind == MONTHS else "outlets_title"
    out.append(f"[{strings[title_key]}]({index})\n")
    return "\n".join(out)


def months_index(groups: list[Group], variant: str) -> str:
    """Every month with its count, under a heading per year."""
    strings = load_data("site.yml")[variant]
    out = [render.front_matter({"title": strings["months_title"]}), f"# {strings['months_title']}\n",
           strings["months_intro"] + "\n"]
    year = None
    for group in groups:
        heading = strings["date_unknown"] if group.key == UNDATED else strings["year_name"].format(year=group.key[:4])
        if heading != year:
            year = heading
            out.append(f"\n## {render.escape(heading)}\n")
        out.append(f"- [{render.escape(group.name(variant, strings))}]({group.key}.md) · "
                   + strings["article_count"].format(count=len(group.articles)))
    return "\n".join(out) + "\n"


def outlets_index(groups: list[Group], variant: str) -> str:
    strings = load_data("site.yml")[variant]
    out = [render.front_matter({"title": strings["outlets_title"]}), f"# {strings['outlets_title']}\n",
           strings["outlets_intro"] + "\n"]
    for group in groups:
        out.append(f"- [{render.escape(group.name(variant, strings))}]({group.key}.md) · "
                   + strings["article_count"].format(count=len(group.articles)))
    return "\n".join(out) + "\n"


def home_page(articles: list[Article], variant: str, month_groups: list[Group], outlet_groups: list[Group]) -> str:
    """The newest articles and the ways in: by month, by outlet, by term."""
    strings = load_data("site.yml")[variant]
    newest = newest_first(articles)[: settings()["home_newest"]]
    out = [render.front_matter({"title": strings["home_title"]}), f"# {strings['home_title']}\n",
           strings["home_intro"].strip() + "\n", f"## {strings['newest']}\n",
           *(article_item(article, variant, strings, "") for article in newest), ""]
    if len(articles) > len(newest):
        out.append(f"[{strings['more_by_month']}]({MONTHS}/{INDEX}.md)\n")
    out += [
        f"## {strings['ways_in']}\n",
        f"- [{strings['months_title']}]({MONTHS}/{INDEX}.md) · " + strings["months_count"].format(count=sum(g.key != UNDATED for g in month_groups)),
        f"- [{strings['outlets_title']}]({OUTLETS}/{INDEX}.md) · " + strings["outlets_count"].format(count=sum(g.key != UNKNOWN for g in outlet_groups)),
        f"- [{strings['glossary_title']}]({GLOSSARY_PAGE}) · " + strings["terms_count"].format(count=len(load_glossary()))
        + "  \n  " + strings["terms_intro"],
        "",
    ]
    return "\n".join(out)


def article_footers(articles: list[Article]) -> dict[str, str]:
    """The end of each article page (path under docs/ -> Markdown): the month
    and outlet pages that list it, and the articles before and after it in time."""
    ordered = newest_first(articles)
    size = settings()["page_size"]
    listed_on = {}  # (kind, slug) -> (group, the number of its page that lists the article)
    for group in [*months(articles), *outlets(articles)]:
        for position, article in enumerate(group.articles):
            listed_on[(group.kind, article.slug)] = (group, position // size + 1)
    out = {}
    for variant in VARIANTS:
        strings = load_data("site.yml")[variant]
        for position, article in enumerate(ordered):
            filed = " · ".join(_link(group.name(variant, strings), "../" + group.path(number))
                               for group, number in (listed_on[(kind, article.slug)] for kind in (MONTHS, OUTLETS)))
            # kept out of the search index: a search for one article must not find its neighbours
            parts = [f"{strings['filed_under']}：{filed}\n{{ .article-groups data-search-exclude }}\n"]
            neighbours = []
            older = ordered[position + 1] if position + 1 < len(ordered) else None
            newer = ordered[position - 1] if position > 0 else None
            for other, label, rel in ((older, "previous_article", "prev"), (newer, "next_article", "next")):
                if other is not None:
                    title = other.variant_meta[variant]["title"]
                    # "earlier" and "later" only when both dates are known; undated articles come last
                    dated = bool(article.meta.get("date") and other.meta.get("date"))
                    neighbours.append(_link(f"{strings[label if dated else label + '_undated']}：{title}", f"{other.slug}.md", rel=rel))
            if neighbours:
                label = render.attribute(strings["neighbours_label"])
                parts.append(" · ".join(neighbours) + f'\n{{ .article-neighbours role="navigation" aria-label="{label}" data-search-exclude }}\n')
            out[f"{variant}/{article_path(article)}"] = "\n" + "\n".join(parts)
    return out


def pages(articles: list[Article]) -> dict[str, str]:
    """The home page, every page of every month and outlet, and the two
    indexes, in both variants, keyed by path under docs/."""
    month_groups, outlet_groups = months(articles), outlets(articles)
    out = {}
    for variant in VARIANTS:
        out[f"{variant}/{HOME_PAGE}"] = home_page(articles, variant, month_groups, outlet_groups)
        out[f"{variant}/{MONTHS}/{INDEX}.md"] = months_index(month_groups, variant)
        out[f"{variant}/{OUTLETS}/{INDEX}.md"] = outlets_index(outlet_groups, variant)
        for group in [*month_groups, *outlet_groups]:
            for number in range(1, len(group.pages()) + 1):
                out[f"{variant}/{group.path(number)}"] = group_page(group, number, variant)
    return out


def site_nav(variant_docs: Path) -> list:
    """The nav MkDocs shows, from a variant's generated pages: the home page,
    the months (a section: its index, then each month), the outlets' and the
    glossary's indexes. Section titles are zh-Hans words; nav_translations()
    gives the other variants theirs."""
    keys = sorted((path.stem for path in (Path(variant_docs) / MONTHS).glob("*.md") if path.stem != INDEX),
                  key=lambda key: (key != UNDATED, key), reverse=True)
    section = load_data("site.yml")[HANS]["months_title"]
    return [HOME_PAGE, {section: [f"{MONTHS}/{INDEX}.md", *(f"{MONTHS}/{key}.md" for key in keys)]},
            f"{OUTLETS}/{INDEX}.md", GLOSSARY_PAGE]


def nav_translations(variant: str) -> dict[str, str]:
    """The nav's section titles in a variant's words (static-i18n's nav_translations)."""
    hans, own = load_data("site.yml")[HANS], load_data("site.yml")[variant]
    return {hans["months_title"]: own["months_title"]} if variant != HANS else {}
