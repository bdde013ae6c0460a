"""Stories at scale: look-alike articles about other actors stay in their own story.

Generated or real, many concurrent stories share a template ("X accused of supplying
drones to Y"); only the names tell them apart. Text similarity alone chained them
into a few huge stories on the scale bench (72 stories for 10,000 generated).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from claimscope.link import stories
from claimscope.link.embed import HashingEmbedder
from claimscope.link.stories import StoryIndex, article_entities, article_lead
from claimscope.model import Article
from claimscope.store import Store

# invented actors, per story: (country, target, minister, spokesperson, town)
CASTS = [
    ("Varnesia", "Tolkaria", "Edmund Prask", "Ilse Morvan", "Ostrel"),
    ("Quelland", "Brisova", "Hector Zamul", "Nadia Fenwick", "Karvo"),
    ("Drumenia", "Palterra", "Osric Velde", "Tamsin Gorr", "Lisk"),
    ("Shenvar", "Monteluce", "Bertil Achter", "Rosa Quint", "Dunhalt"),
    ("Ytterland", "Caspira", "Goran Wilk", "Mirela Stoch", "Feyn"),
    ("Halvoria", "Remoxa", "Jasper Nukko", "Ottilie Brand", "Serrat"),
]
TEMPLATE = (
    "{a} accused of supplying drones to {t}. Defence minister {m} said on Monday that {a}"
    " supplies drones to {t} from the border town of {town}. Spokesperson {s} denied that"
    " {a} supplies drones to {t}. Talks between {a} and {t} are expected next week, {s} said."
)


def _articles() -> list[dict]:
    rows = []
    for k in range(3):  # three articles per story, all stories in the same week
        for s, (a, t, m, sp, town) in enumerate(CASTS):
            text = TEMPLATE.format(a=a, t=t, m=m, s=sp, town=town)
            day = date(2025, 3, 3 + k).isoformat()
            rows.append({"id": f"{s}-{k}", "title": "", "text": text, "published": day,
                         "language": "en", "gold": s})  # fmt: skip
    return rows


def _link(tmp_path) -> dict[str, int]:
    embedder = HashingEmbedder()
    with Store(tmp_path / "s.db") as store:
        index = StoryIndex(store.conn, embedder)
        found = {}
        for row in _articles():
            vector = embedder.embed([article_lead(row)])[0]
            entities = article_entities(store.conn, row, [])
            found[row["id"]], _ = index.assign(
                row["id"], vector, stories.day_of(row["published"]), entities, "en", None
            )
    return found


def test_look_alike_stories_about_other_actors_stay_apart(tmp_path):
    found = _link(tmp_path)
    by_gold = {s: {found[f"{s}-{k}"] for k in range(3)} for s in range(len(CASTS))}
    assert all(len(ids) == 1 for ids in by_gold.values())  # each story holds together
    assert len(set(found.values())) == len(CASTS)  # and none merges with a look-alike


def test_without_the_name_check_the_template_chains_stories(tmp_path, monkeypatch):
    """The test above can fail: text similarity alone merges look-alike stories."""
    monkeypatch.setattr(stories, "STRANGER_PENALTY", 0.0)
    assert len(set(_link(tmp_path).values())) < len(CASTS)


@pytest.mark.parametrize(
    ("shared", "names", "expected"),
    [(0, 6, True), (2, 6, True), (3, 6, False), (1, 3, True), (2, 3, False), (0, 2, False)],
)
def test_strangers_allows_a_few_colliding_name_keys(shared, names, expected):
    story = stories.Story(id=1, centroid=None)  # type: ignore[arg-type]
    story.entities = Counter({f"name:S{i}": 1 for i in range(10)})
    mine = {f"name:S{i}" for i in range(shared)} | {f"name:A{i}" for i in range(names - shared)}
    assert stories._strangers(mine, story) is expected


# A look-alike cast whose every name collides with CASTS[0]'s under `name_key` (four
# consonant classes: V/B, R/L, M/N, T/D, K/G, S/Z fall together) but is spelled otherwise.
LOOK_ALIKE = ("Balmezia", "Dorgalia", "Etnunt Vlazg", "Irze Nolfam", "Ozdler")


def _link_pair(tmp_path) -> tuple[dict[str, int], StoryIndex]:
    """Three reports each of CASTS[0] and LOOK_ALIKE in one week, through `link_stories`."""
    store = Store(tmp_path / "pair.db")
    rows, names = [], {}
    for k in range(3):
        for s, (a, t, m, sp, town) in enumerate((CASTS[0], LOOK_ALIKE)):
            article = Article(
                text=TEMPLATE.format(a=a, t=t, m=m, s=sp, town=town) + f" ({k + 1} of 3)",
                origin=f"test:{s}:{k}", format="text", published=date(2025, 3, 3 + k).isoformat(),
                language="en",
            )  # fmt: skip
            store.add_article(article, None)
            names[article.id] = f"{s}-{k}"
            rows.append({"id": article.id, "title": "", "text": article.text, "rowid": len(rows),
                         "published": article.published, "language": "en"})  # fmt: skip
    embedder = HashingEmbedder()
    stories.link_stories(store.conn, embedder, rows, StoryIndex(store.conn, embedder))
    found = store.conn.execute("SELECT article_id, story_id FROM article_stories").fetchall()
    # a new index reloads what link_stories flushed
    return {names[a]: sid for a, sid in found}, StoryIndex(store.conn, embedder)


def test_names_that_collide_only_in_their_keys_are_other_actors(tmp_path):
    keys = [stories.mentions(" x " + " ".join(c), "en") for c in (CASTS[0], LOOK_ALIKE)]
    assert keys[0] == keys[1]  # the coarse keys alone cannot tell the casts apart
    found, reloaded = _link_pair(tmp_path)
    by_cast = [{found[f"{s}-{k}"] for k in range(3)} for s in range(2)]
    assert all(len(ids) == 1 for ids in by_cast)
    assert by_cast[0] != by_cast[1]
    # the spellings are stored with the story and read back
    story = reloaded.stories[next(iter(by_cast[0]))]
    assert story.spellings["name:" + stories.name_key("Varnesia")] == {"vrns"}


def test_without_spellings_colliding_keys_merge_the_look_alikes(tmp_path, monkeypatch):
    """The test above can fail: with name keys alone the two casts are one story."""
    monkeypatch.setattr(stories, "name_spellings", lambda text, language: {})
    found, _ = _link_pair(tmp_path)
    assert len(set(found.values())) == 1


def test_spelling_compares_latin_spellings_only():
    assert stories.name_key("Zinel") == stories.name_key("Jenel")
    assert stories.spelling("Zinel") != stories.spelling("Jenel")
    assert stories.spelling("Kestria") == stories.spelling("Kestrian") == "kstr"
    assert stories.spelling("Peskov") == stories.spelling("Peskow")
    assert stories.spelling("Кестрии") == ""  # other scripts: the coarse key decides
    story = stories.Story(id=1, centroid=None)  # type: ignore[arg-type]
    story.spellings = {"name:KSTR": {"kstr"}}
    assert stories._same_name("name:KSTR", story, {"name:KSTR": frozenset({""})})
    assert not stories._same_name("name:KSTR", story, {"name:KSTR": frozenset({"kstl"})})
    assert stories._same_name("name:KSTR", story, None)


def test_candidates_rank_stories_sharing_a_name_then_the_nearest(tmp_path):
    """Blocking at scale: more stories in the window than MAX_CANDIDATES."""
    store = Store(tmp_path / "c.db")
    index = StoryIndex(store.conn, HashingEmbedder())
    day = date(2025, 3, 20).toordinal()
    for sid in range(1, 151):
        last = day + (sid % 41) - 20
        index.stories[sid] = stories.Story(id=sid, centroid=None, last_day=last)  # type: ignore[arg-type]
        index.by_day.setdefault(last, set()).add(sid)
    index.by_entity["name:KSTR"] = {7, 140}  # far in time, but they share a name
    index.stories[140].last_day = day + 300
    found = index.candidates(day, Counter({"name:KSTR": 1}))
    assert len(found) == stories.MAX_CANDIDATES
    assert {7, 140} <= set(found)
    gaps = sorted(abs(day - s.last_day) for s in index.stories.values() if s.id not in (7, 140))
    assert (
        max(abs(day - index.stories[s].last_day) for s in found if s not in (7, 140))
        == gaps[stories.MAX_CANDIDATES - 3]
    )
