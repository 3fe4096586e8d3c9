"""Navigation (scripts/pipeline/navigation.py): articles grouped by month and
by outlet on paginated pages of their own, the indexes of the groups, the
home page, each article page's way back and to its neighbours, and the nav
MkDocs shows; then the same in a built site."""
from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from pipeline import navigation
from pipeline.article import HANS, HANT, VARIANTS, Article, Block, Seed, Text
from pipeline.config import load_data
from pipeline.navigation import MONTHS, OUTLETS, outlet_key

WORDS = {variant: load_data("site.yml")[variant] for variant in VARIANTS}
SIZE = navigation.settings()["page_size"]


def article(slug: str, date: str | None, outlet: str | None, opening: str = "这是一篇用来测试分组的文章。第二句不该出现在列表里。",
            outlet_hant: str | None = None) -> Article:
    meta = {key: value for key, value in (("title", f"标题{slug}"), ("date", date), ("outlet", outlet)) if value}
    hant = dict(meta, title=f"標題{slug}", **({"outlet": outlet_hant or outlet} if outlet else {}))
    blocks = [Block("heading", [Text("小标题")], level=2), Block("paragraph", [Text(opening)])]
    return Article(seed=Seed(Path(f"{slug}.txt"), b""), slug=slug, meta=meta,
                   variants={HANS: blocks, HANT: blocks}, variant_meta={HANS: meta, HANT: hant})


def month_of(count: int, month: str = "2025-03") -> list[Article]:
    return [article(f"a{index:03d}", f"{month}-{1 + index % 28:02d}", "量子位") for index in range(count)]


def html(page: str) -> str:
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    return markdown.markdown(body, extensions=["attr_list"])


# --- grouping -----------------------------------------------------------------------

def test_months_newest_first_and_undated_last():
    articles = [article("a", "2024-12-30", "甲"), article("b", None, "甲"), article("c", "2025-02-01", "乙"),
                article("d", "2025-02-27", "甲"), article("e", "2025-01-15", "乙")]
    groups = navigation.months(articles)
    assert [group.key for group in groups] == ["2025-02", "2025-01", "2024-12", navigation.UNDATED]
    assert [a.slug for a in groups[0].articles] == ["d", "c"]  # newest first within the month too


def test_one_outlet_in_either_script_is_one_group():
    # a Traditional original names the outlet in its own script; zh-Hans names it alike
    hant_original = article("t", "2025-01-02", "联合早报", outlet_hant="聯合早報")
    groups = navigation.outlets([hant_original, article("s", "2025-01-01", "联合早报"), article("x", "2025-01-03", None),
                                 article("y", "2025-01-04", "The Verge")])
    assert [len(group.articles) for group in groups] == [2, 1, 1]
    assert groups[-1].key == navigation.UNKNOWN  # no outlet: last
    assert groups[0].name(HANT, WORDS[HANT]) == "聯合早報" and groups[0].name(HANS, WORDS[HANS]) == "联合早报"


def test_outlet_keys_are_ascii_stable_and_distinct():
    names = ["量子位", "網易號", "36氪", "The Verge", "Index", "unknown", "ＡＢＣ"]
    keys = [outlet_key(name) for name in names]
    assert all(re.fullmatch(r"[a-z0-9-]+", key) for key in keys), keys
    assert len(set(keys)) == len(keys)
    assert keys == [outlet_key(name) for name in names]  # the same name, the same address
    assert outlet_key("The Verge") == "the-verge" and outlet_key("ＡＢＣ") == "abc"  # Latin names read as themselves
    assert outlet_key("36氪").startswith("36-")
    assert outlet_key("Index") not in (navigation.INDEX, navigation.UNKNOWN)  # never a page the site has already
    assert outlet_key("") == navigation.UNKNOWN


# --- pagination ---------------------------------------------------------------------

def test_a_full_page_has_no_pagination():
    group = navigation.months(month_of(SIZE))[0]
    assert len(group.pages()) == 1
    page = navigation.group_page(group, 1, HANS)
    assert "pagination" not in page and page.count("](../articles/") == SIZE


def test_one_more_than_a_page_makes_a_second_page_at_its_own_address():
    articles = month_of(SIZE + 1)
    pages = navigation.pages(articles)
    assert f"{HANS}/{MONTHS}/2025-03.md" in pages and f"{HANS}/{MONTHS}/2025-03/2.md" in pages
    assert f"{HANS}/{MONTHS}/2025-03/3.md" not in pages
    first, second = html(pages[f"{HANS}/{MONTHS}/2025-03.md"]), html(pages[f"{HANS}/{MONTHS}/2025-03/2.md"])
    assert first.count('href="../articles/') == SIZE and second.count('href="../../articles/') == 1
    # real links with a rel and a label saying where they go
    assert re.search(r'<a aria-label="下一页：第 2 页" href="2025-03/2\.md" rel="next">', first), first
    assert re.search(r'<a aria-label="上一页：第 1 页" href="\.\./2025-03\.md" rel="prev">', second), second
    assert '<span aria-current="page">2</span>' in second and 'rel="next"' not in second and 'rel="prev"' not in first
    assert re.search(r'<p aria-label="分页" class="pagination" role="navigation">', first)


def test_every_article_once_across_the_pages_newest_first():
    articles = month_of(2 * SIZE + 3)
    group = navigation.months(articles)[0]
    listed = []
    for number in range(1, len(group.pages()) + 1):
        listed += re.findall(r"articles/(a\d+)\.md", navigation.group_page(group, number, HANT))
    assert sorted(listed) == sorted(a.slug for a in articles) and len(listed) == len(set(listed))
    dates = [a.meta["date"] for a in group.articles]
    assert dates == sorted(dates, reverse=True)


def test_long_groups_show_a_window_of_page_numbers():
    assert navigation._page_numbers(1, 2) == [1, 2]
    assert navigation._page_numbers(6, 12) == [1, None, 4, 5, 6, 7, 8, None, 12]
    assert navigation._page_numbers(12, 12) == [1, None, 10, 11, 12]


@pytest.mark.parametrize("variant", VARIANTS)
def test_group_pages_in_the_variants_own_words(variant):
    other = HANT if variant == HANS else HANS
    pages = navigation.pages(month_of(SIZE + 1))
    second = pages[f"{variant}/{MONTHS}/2025-03/2.md"]
    for key in ("previous_page", "pagination_label", "months_title"):
        assert WORDS[variant][key] in second
        assert WORDS[other][key] == WORDS[variant][key] or WORDS[other][key] not in second
    assert "# " + WORDS[variant]["page_title"].format(name="2025年3月", page=2) in second
    index = pages[f"{variant}/{OUTLETS}/index.md"]
    assert "# " + WORDS[variant]["outlets_title"] in index


# --- lists, indexes and the home page -----------------------------------------------

def test_a_listed_article_shows_title_outlet_date_and_opening_sentence():
    item = navigation.article_item(article("a", "2025-03-04", "量子位", "他说：“够了。”随后离开。第二句。"), HANS, WORDS[HANS], "../")
    assert item.startswith("- [标题a](../articles/a.md)")
    assert "量子位 · 2025-03-04" in item and "他说：“够了。”随后离开。" in item and "第二句" not in item


def test_a_long_opening_sentence_is_cut_short():
    long = "，".join(["世界模型预测行动的后果"] * 20) + "。"
    opening = navigation.opening_sentence([Block("paragraph", [Text(long)])])
    assert 0 < len(opening) <= navigation.settings()["opening_chars"] + 2 and opening.endswith("……")


def test_indexes_list_every_group_with_its_count():
    articles = [*month_of(3, "2024-11"), article("z", "2025-01-05", "Reuters"), article("u", None, None)]
    pages = navigation.pages(articles)
    months_index = pages[f"{HANT}/{MONTHS}/index.md"]
    assert months_index.index("2025-01.md") < months_index.index("2024-11.md") < months_index.index("undated.md")
    assert "[2024年11月](2024-11.md) · " + WORDS[HANT]["article_count"].format(count=3) in months_index
    assert "## " + WORDS[HANT]["year_name"].format(year=2025) in months_index
    outlets_index = pages[f"{HANS}/{OUTLETS}/index.md"]
    assert f"[量子位]({outlet_key('量子位')}.md) · 3 篇" in outlets_index
    assert "[Reuters](reuters.md)" in outlets_index and f"[{WORDS[HANS]['outlet_unknown']}](unknown.md)" in outlets_index


def test_the_home_page_shows_the_newest_few_and_the_ways_in():
    newest = navigation.settings()["home_newest"]
    articles = month_of(newest + 5)
    home = navigation.pages(articles)[f"{HANS}/index.md"]
    listed = re.findall(r"\]\(articles/(a\d+)\.md\)", home)
    assert listed == [a.slug for a in navigation.newest_first(articles)[:newest]]
    for target in ("months/index.md", "outlets/index.md", "glossary.md"):
        assert f"]({target})" in home


def test_the_home_page_counts_months_and_outlets_not_the_unknown_groups():
    articles = [article("a", "2025-03-02", "甲"), article("b", None, "甲"), article("c", "2025-04-01", None)]
    for variant in VARIANTS:
        home = navigation.pages(articles)[f"{variant}/index.md"]
        assert WORDS[variant]["months_count"].format(count=2) in home  # March and April, not the undated group
        assert WORDS[variant]["outlets_count"].format(count=1) in home  # 甲, not the unknown outlet


def test_a_site_without_articles_still_has_its_ways_in():
    pages = navigation.pages([])
    assert set(pages) == {f"{v}/{path}" for v in VARIANTS for path in ("index.md", "months/index.md", "outlets/index.md")}
    assert navigation.article_footers([]) == {}


# --- an article's footer --------------------------------------------------------------

def test_an_article_leads_to_its_groups_page_and_its_neighbours():
    articles = month_of(SIZE + 1)  # the oldest is on the month's second page
    footers = navigation.article_footers(articles)
    ordered = navigation.newest_first(articles)
    oldest, middle = ordered[-1], ordered[1]
    footer = html(footers[f"{HANS}/articles/{oldest.slug}.md"])
    assert 'href="../months/2025-03/2.md"' in footer and f'href="../outlets/{outlet_key("量子位")}/2.md"' in footer
    assert 'rel="prev"' not in footer and f'href="{ordered[-2].slug}.md" rel="next"' in footer
    footer = html(footers[f"{HANT}/articles/{middle.slug}.md"])
    assert f'href="{ordered[2].slug}.md" rel="prev"' in footer and f'href="{ordered[0].slug}.md" rel="next"' in footer
    assert 'href="../months/2025-03.md"' in footer and WORDS[HANT]["previous_article"] in footer


def test_an_undated_neighbour_is_never_called_earlier_or_later():
    dated, undated = article("a", "2025-03-02", "甲"), article("b", None, "甲")
    footers = navigation.article_footers([dated, undated])
    for variant in VARIANTS:
        words = WORDS[variant]
        footer = footers[f"{variant}/articles/{dated.slug}.md"]
        assert f"{words['previous_article_undated']}：" in footer
        assert words["previous_article"] not in footer and words["next_article"] not in footer
        assert f"{words['next_article_undated']}：" in footers[f"{variant}/articles/{undated.slug}.md"]


# --- the nav ---------------------------------------------------------------------------

def test_the_nav_lists_sections_never_articles(tmp_path):
    for name in ("index.md", "2024-11.md", "2025-02.md", "undated.md"):
        (tmp_path / MONTHS).mkdir(exist_ok=True)
        (tmp_path / MONTHS / name).write_text("# x\n", encoding="utf-8")
    nav = navigation.site_nav(tmp_path)
    section = WORDS[HANS]["months_title"]
    assert nav == ["index.md", {section: ["months/index.md", "months/2025-02.md", "months/2024-11.md", "months/undated.md"]},
                   "outlets/index.md", "glossary.md"]
    assert navigation.nav_translations(HANT) == {section: WORDS[HANT]["months_title"]}


# --- in the built site (the session's five seeds) ----------------------------------------

from conftest import make_project, mkdocs_build  # noqa: E402
from htmltext import page_links  # noqa: E402
from sitelinks import check_site  # noqa: E402
from test_site import SLUGS, VARIANT_ROOT  # noqa: E402


def sidebar(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', text, flags=re.S).group(0)


def listed_articles(site: Path, folder: str, suffix: str = "/") -> list[str]:
    """The article each link in the content of every page under folder leads to."""
    found = []
    for page in sorted((site / folder).rglob("*.html")):
        if page.parent == site / folder and page.name == "index.html":
            continue  # the index of the groups
        for link in page_links(page, "md-content"):
            match = re.search(rf"articles/([^/#]+?){re.escape(suffix)}$", link.get("href", ""))
            if match:
                found.append(match.group(1))
    return found


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_an_article_sidebar_lists_sections_not_articles(site, variant):
    root = site / VARIANT_ROOT[variant]
    bars = {slug: sidebar(root / "articles" / slug / "index.html") for slug in SLUGS}
    for slug, bar in bars.items():
        assert "articles/" not in bar, slug
        for target in ('href="../../months/"', 'href="../../outlets/"', 'href="../../glossary/"'):
            assert target in bar, (slug, target)
        assert WORDS[variant]["months_title"] in bar
    assert len(set(bars.values())) == 1  # the same sidebar on every article: it does not grow with them


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_month_and_outlet_pages_list_every_article_once(site, variant):
    for folder in (MONTHS, OUTLETS):
        listed = listed_articles(site / VARIANT_ROOT[variant], folder)
        assert sorted(listed) == sorted(SLUGS), (folder, listed)
        index = site / VARIANT_ROOT[variant] / folder / "index.html"
        groups = [a["href"] for a in page_links(index, "md-content") if not a["href"].startswith("#")]
        assert groups and all((index.parent / href / "index.html").is_file() for href in groups), groups


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_an_article_leads_back_to_the_groups_that_list_it(site, variant):
    root = site / VARIANT_ROOT[variant]
    for slug in SLUGS:
        page = root / "articles" / slug / "index.html"
        groups = [a["href"] for a in page_links(page, "md-content") if re.search(r"(months|outlets)/", a.get("href", ""))]
        assert len(groups) == 2, (slug, groups)
        for href in groups:
            listing = (page.parent / href / "index.html").resolve()
            assert any(a.get("href", "").endswith(f"articles/{slug}/") for a in page_links(listing, "md-content")), (slug, href)


def test_group_pages_switch_variant_and_are_in_the_sitemap(site):
    month = sorted(p.parent.name for p in (site / MONTHS).glob("*/index.html"))[0]
    page = site / MONTHS / month / "index.html"
    switch = [a["href"] for a in page_links(page) if a.get("hreflang") == HANT]
    assert switch and (page.parent / switch[0] / "index.html").resolve() == (site / "zh-Hant" / MONTHS / month / "index.html")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(rf"<url>\s*<loc>[^<]*/{MONTHS}/{month}/</loc>(.*?)</url>", sitemap, flags=re.S)
    assert entry and f"zh-Hant/{MONTHS}/{month}/" in entry.group(1)
    assert re.search(r"<loc>[^<]*/articles/[^<]+/</loc>", sitemap)  # articles out of the nav stay in the sitemap


@pytest.mark.parametrize("variant", VARIANT_ROOT)
def test_search_finds_the_indexes_not_the_lists_or_an_articles_neighbours(site, variant):
    import json
    docs = json.loads((site / VARIANT_ROOT[variant] / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {doc["location"].split("#")[0] for doc in docs}
    assert f"{MONTHS}/" in locations and f"{OUTLETS}/" in locations
    assert not any(re.match(rf"({MONTHS}|{OUTLETS})/[^/]+/", location) for location in locations), locations
    articles = [doc for doc in docs if doc["location"].startswith("articles/")]
    assert articles
    for doc in articles:
        assert WORDS[variant]["filed_under"] not in doc["text"] and WORDS[variant]["previous_article"] not in doc["text"]


# --- a month longer than a page, built as the offline bundle (links end in .html) --------

LEADS = ["读书会第{n}次聚会讨论了世界模型能否从视频里学会物体的持久性。", "第{n}期通讯整理了几位研究者对世界模型与自监督学习的看法。",
         "这份第{n}号笔记记下了一场关于世界模型和机器人规划的午间讲座。"]
POOL = ["有人认为只靠文字训练的模型缺少对物理世界的直觉。", "也有人提醒，预测像素的每个细节既昂贵又没有必要。",
        "讨论最后落在如何评估一个系统是否真的理解了场景。", "一位工程师分享了在仓库里测试抓取算法的经历。",
        "大家同意，数据的多样性往往比数据的数量更重要。", "会后有人整理了一份入门阅读清单，供新成员参考。",
        "主持人提到，开源的训练代码让小团队也能复现实验。", "几位学生提出，应该把失败的实验也写进报告。"]


@pytest.fixture(scope="module")
def paged_bundle(tmp_path_factory) -> Path:
    """SIZE + 1 short seeds of one month and one outlet, built offline."""
    import yaml
    seeds = tmp_path_factory.mktemp("paged-seeds")
    metadata = {}
    for n in range(SIZE + 1):
        body = [LEADS[n % 3].format(n=n + 1)] + [POOL[(n + k) % len(POOL)] for k in (0, 2, 5)]
        (seeds / f"note{n:02d}.txt").write_text("\n\n".join(body) + "\n", encoding="utf-8")
        metadata[f"note{n:02d}.txt"] = {"title": f"研读笔记之{n + 1}", "outlet": "读书会通讯", "date": f"2025-03-{n + 1:02d}"}
    (seeds / "metadata.yml").write_text(yaml.safe_dump(metadata, allow_unicode=True), encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("paged-project"), seeds)
    mkdocs_build(project, project / "site", env={"OFFLINE": "true"})
    return project / "site"


def test_a_long_month_is_paged_and_every_article_listed_once(paged_bundle):
    slugs = sorted(p.stem for p in (paged_bundle / "articles").glob("*.html"))
    assert len(slugs) == SIZE + 1
    for variant, folder in ((v, f"{VARIANT_ROOT[v]}{kind}") for v in VARIANT_ROOT for kind in (MONTHS, OUTLETS)):
        listed = listed_articles(paged_bundle, folder, ".html")
        assert sorted(listed) == slugs, folder
        second = next((paged_bundle / folder).glob("*/2.html"))
        links = page_links(second, "md-content")
        previous = [a for a in links if a.get("rel") == "prev"]
        assert previous and previous[0]["aria-label"] == f"{WORDS[variant]['previous_page']}：{WORDS[variant]['page_number'].format(page=1)}"
        assert (second.parent / previous[0]["href"]).resolve() == second.parent.with_suffix(".html")


def test_a_term_every_article_mentions_lists_each_once(paged_bundle):
    slugs = sorted(p.stem for p in (paged_bundle / "articles").glob("*.html"))
    for variant in VARIANT_ROOT:
        glossary = paged_bundle / VARIANT_ROOT[variant] / "glossary"
        pages = [glossary / "world-model.html", *sorted((glossary / "world-model").glob("*.html"))]
        listed = [re.search(r"articles/([^/#]+)\.html#mention-world-model$", a["href"]).group(1)
                  for page in pages for a in page_links(page, "md-content") if "#mention-world-model" in a.get("href", "")]
        assert sorted(listed) == slugs, variant


def test_the_paged_bundle_has_no_broken_link(paged_bundle):
    broken, checked = check_site(paged_bundle)
    assert not broken, "\n".join(map(str, broken))
    assert checked > 100


def test_a_paged_article_sidebar_stays_small(paged_bundle):
    for variant in VARIANT_ROOT:
        page = next((paged_bundle / VARIANT_ROOT[variant] / "articles").glob("*.html"))
        assert "articles/" not in sidebar(page)
