"""Duplicates: the same article reposted by two outlets is published once."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.build import build

BODY = [
    "在上海普陀区的一个老小区，六层的居民楼终于装上了电梯。",
    "牵头的退休教师孙阿姨说，为了让十二户人家都签字，她前后跑了两年。",
    "一楼住户最初担心采光和噪音，后来在社区协调下，获得了一笔补偿。",
    "如今，住在六楼的八十岁老人又能下楼晒太阳了。",
    "据统计，截至2025年9月，全市已累计完成加装电梯超过一万台。",
]


def write(folder: Path, name: str, lines: list) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_repost_is_published_once_and_credited(tmp_path):
    seeds = tmp_path / "seeds"
    write(seeds, "a-original.txt", ["老旧小区加装电梯：一栋楼十二户，签了整整两年", "澎湃新闻记者 王丽", "2025-10-21 08:30 来源：澎湃新闻", *BODY])
    write(seeds, "b-repost.txt", ["老旧小区加装电梯 十二户签了两年", "2025-10-22 来源：城市快报", *BODY, "责任编辑：李娜"])
    write(seeds, "c-other.txt", ["另一篇文章的标题在这里", "2025-10-22 来源：城市快报",
                                 "今年秋天，城市里新开了三家社区食堂。", "食堂的菜价比外面便宜三成，老人还有折扣。"])
    result = build(seeds, tmp_path / "docs", tmp_path / "reports")
    assert sorted(a.seed.path.name for a in result.articles) == ["a-original.txt", "c-other.txt"]
    [duplicate] = result.duplicates
    assert (duplicate.seed, duplicate.kept, duplicate.credit) == ("b-repost.txt", "a-original.txt", "城市快报")
    assert duplicate.similarity >= 0.9
    page = (tmp_path / "docs" / "zh-Hans" / "articles" / "a-original.md").read_text(encoding="utf-8")
    assert "亦载于城市快报" in page
    hant = (tmp_path / "docs" / "zh-Hant" / "articles" / "a-original.md").read_text(encoding="utf-8")
    assert "亦載於" in hant
    assert not (tmp_path / "docs" / "zh-Hans" / "articles" / "b-repost.md").exists()
    summary = (tmp_path / "reports" / "summary.txt").read_text(encoding="utf-8")
    assert "b-repost.txt: duplicate of a-original.txt" in summary


def test_a_traditional_repost_of_a_simplified_article_is_a_duplicate(tmp_path):
    import opencc

    seeds = tmp_path / "seeds"
    write(seeds, "a.txt", ["老旧小区加装电梯：一栋楼十二户，签了整整两年", *BODY])
    convert = opencc.OpenCC("s2t").convert
    write(seeds, "b.txt", [convert("老旧小区加装电梯：一栋楼十二户，签了整整两年"), *map(convert, BODY)])
    result = build(seeds, tmp_path / "docs")
    assert [a.seed.path.name for a in result.articles] == ["a.txt"]
    assert [d.seed for d in result.duplicates] == ["b.txt"]


def test_half_the_same_is_not_a_duplicate(tmp_path):
    seeds = tmp_path / "seeds"
    write(seeds, "a.txt", ["标题甲在这里出现", *BODY])
    write(seeds, "b.txt", ["标题乙在这里出现", *BODY[:2], "这一段完全不同，讲的是另一件事情和另一些人。", "还有这一段也完全不同，讲的是天气和交通。"])
    result = build(seeds, tmp_path / "docs")
    assert len(result.articles) == 2 and result.duplicates == []


@pytest.mark.parametrize("few", [0, 1000])
def test_the_shortcuts_find_what_comparing_every_pair_finds(monkeypatch, few):
    """publish_once skips pairs whose sizes alone rule a match out, and (with
    many new bodies) pairs sharing none of a body's rarest passages; on bodies
    of many sizes and overlaps it decides as comparing every pair would."""
    import random

    from pipeline import duplicates
    from pipeline.article import Article, Seed
    from pipeline.config import load_data
    from pipeline.duplicates import publish_once, shingles, similarity

    rng = random.Random(7)
    bases = [BODY, [line[::-1] for line in BODY], [line[3:] + line[:3] for line in BODY]]
    articles = []
    for k in range(24):
        # a base body with up to three of its lines dropped and maybe a line of another
        base = rng.choice(bases)
        body = [line for line in base if rng.random() > 0.6 * (k % 4) / 3] or base[:1]
        if rng.random() < 0.4:
            body.append(rng.choice(rng.choice(bases)))
        articles.append(Article(seed=Seed(path=Path(f"seed{k:02d}.txt"), raw=b""), slug=f"seed{k:02d}",
                                body=[(n, line) for n, line in enumerate(body, 1)], meta={"outlet": f"报{k}"}))
    threshold = float(load_data("duplicates.yml")["same_body"])
    monkeypatch.setattr(duplicates, "FEW_NEW_BODIES", few)
    kept, expected = [], []
    for index, article in enumerate(articles):
        match = next((other for other in kept if similarity(shingles(article), shingles(articles[other])) >= threshold), None)
        if match is None:
            kept.append(index)
        else:
            expected.append((article.slug, articles[match].seed.path.name))
    published, found = publish_once(articles)
    assert [a.slug for a in published] == [articles[i].slug for i in kept]
    assert [(d.slug, d.kept) for d in found] == expected
    assert expected and len(kept) > 1  # both outcomes occur


def test_pairs_compared_by_an_earlier_build_are_not_compared_again(tmp_path, monkeypatch):
    import copy

    from pipeline import duplicates
    from pipeline.article import Article, Seed
    from pipeline.cache import Cache

    def article(k: int, body: list) -> Article:
        return Article(seed=Seed(path=Path(f"seed{k}.txt"), raw=b""), slug=f"seed{k}",
                       body=[(n, line) for n, line in enumerate(body, 1)], meta={"outlet": f"报{k}"})

    articles = [article(0, BODY), article(1, [line[::-1] for line in BODY]), article(2, BODY + ["转载自另一家报纸。"]),
                article(3, [line[::-1] for line in BODY] + ["编辑：小王"])]
    compared = []
    original = duplicates.similarity
    monkeypatch.setattr(duplicates, "similarity", lambda a, b: compared.append(1) or original(a, b))

    def outcome(batch, cache):
        published, found = duplicates.publish_once(copy.deepcopy(batch), cache)
        return [a.slug for a in published], [(d.slug, d.kept, d.similarity) for d in found]

    expected = outcome(articles, None)
    assert expected[1]  # some are duplicates
    compared.clear()
    assert outcome(articles, Cache(tmp_path)) == expected and compared
    compared.clear()
    assert outcome(articles, Cache(tmp_path)) == expected and compared == []
    edited = articles[:3] + [article(3, BODY[:-1] + ["据统计，截至2025年10月，全市已累计完成加装电梯超过两万台。"])]
    expected = outcome(edited, None)
    compared.clear()
    assert outcome(edited, Cache(tmp_path)) == expected
    assert 0 < len(compared) <= len(expected[0])  # the edited body against the published ones, no other pair


def test_many_new_bodies_are_compared_as_bit_strings_of_their_shared_passages(monkeypatch):
    """A cold build compares bodies by their shared passages' bits, not as sets,
    and finds the same shares: a repost with a line added is still found."""
    from pipeline import duplicates
    from pipeline.article import Article, Seed

    compared = []
    original = duplicates.similarity
    monkeypatch.setattr(duplicates, "similarity", lambda a, b: compared.append(1) or original(a, b))
    bodies = [[f"第{k}篇文章讲的是第{k}个城市的交通和天气，内容各不相同，编号{k * 7919}。", *BODY[k % 2:]] for k in range(20)]
    bodies.append(bodies[3] + ["（转载）"])
    articles = [Article(seed=Seed(path=Path(f"seed{k:02d}.txt"), raw=b""), slug=f"seed{k:02d}",
                        body=[(n, line) for n, line in enumerate(body, 1)], meta={"outlet": f"报{k}"})
                for k, body in enumerate(bodies)]
    sets = [duplicates.shingles(article) for article in articles]
    bits = duplicates.shared_bits(sets)
    assert all((bits[a] & bits[b]).bit_count() == len(sets[a] & sets[b]) for a in range(21) for b in range(21) if a != b)
    published, found = duplicates.publish_once(articles)
    assert compared == []
    assert ("seed20", "seed03.txt") in [(d.slug, d.kept) for d in found]


def test_a_rebuild_with_the_same_bodies_in_the_same_order_compares_nothing(tmp_path, monkeypatch):
    from pipeline import duplicates
    from pipeline.article import Article, Seed
    from pipeline.cache import Cache

    def batch():
        return [Article(seed=Seed(path=Path(f"seed{k}.txt"), raw=b""), slug=f"seed{k}",
                        body=[(n, line) for n, line in enumerate(body, 1)], meta={"outlet": f"报{k}"})
                for k, body in enumerate([BODY, BODY + ["转载自另一家报纸。"], [line[::-1] for line in BODY]])]

    first = duplicates.publish_once(batch(), Cache(tmp_path))
    monkeypatch.setattr(duplicates, "matches", lambda *args: pytest.fail("bodies compared again"))
    again = duplicates.publish_once(batch(), Cache(tmp_path))
    assert [(d.slug, d.kept) for d in again[1]] == [(d.slug, d.kept) for d in first[1]] == [("seed1", "seed0.txt")]
    with pytest.raises(pytest.fail.Exception):
        duplicates.publish_once(batch()[::-1], Cache(tmp_path))  # another order is compared
