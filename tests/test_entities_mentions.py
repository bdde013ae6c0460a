"""Speaker mentions as the extractor hands them over: appositions, role phrases that hold
the name, nameless organisations, acronyms. Sentences and names are invented.
"""

from __future__ import annotations

from claimscope.link.entities import EntityResolver, name_part


def test_apposition_comma_ends_the_role() -> None:
    # Before the comma: the role ("Sanidad" is capitalised but no name).
    assert name_part("ministra de Sanidad, Carla Benet", "es") == "Carla Benet"
    r = EntityResolver()
    assert r.resolve("La ministra de Sanidad, Carla Benet", "es").name == "Carla Benet"
    assert r.resolve("O ministro das Pescas, Rui Tavena", "pt").name == "Rui Tavena"
    paul = r.resolve("Le gouverneur de la Banque centrale, Paul Mérand", "fr")
    assert paul.kind == "person" and paul.name == "Paul Mérand"
    # A name never spans a comma, in any order.
    assert name_part("Carla Benet, Sanidad", "es") == "Carla Benet"


def test_role_phrase_holding_the_name_keeps_the_name() -> None:
    r = EntityResolver()
    ko = r.resolve(
        "미하일 소콜 라도니아 외무부 대변인", "ko", speaker_name="미하일 소콜",
        role="미하일 소콜 라도니아 외무부 대변인",
    )  # fmt: skip
    assert ko.kind == "person"
    en = r.resolve("Mikhail Sokol", "en")
    assert en.id == ko.id
    # Only titles left: still no name.
    assert r.resolve("the spokesman", "en", role="spokesman").kind == "anonymous"


def test_known_name_with_a_leading_genitive_links_the_full_name() -> None:
    r = EntityResolver()
    # An invented country in the genitive stays in the first, bare mention.
    first = r.resolve("Премьер-министр Тавории Борис Кельман", "ru")
    assert r.resolve("Boris Kelman", "en").id == first.id
    assert r.resolve("Борис Кельман", "ru").id == first.id
    # Another given name is another person, even with that surname.
    assert r.resolve("Anna Kelman", "en").id != first.id


def test_nameless_organisation_is_the_one_its_article_named() -> None:
    doc = (
        "Veldia's Central Audit Board published its report on Monday. "
        "The board said the accounts were incomplete."
    )
    r = EntityResolver()
    board = r.resolve("The board", "en", document=doc)
    assert board.kind == "organisation"
    assert board.id == r.resolve("Veldia's Central Audit Board", "en").id
    # An official of it is an anonymous source, not the board.
    assert r.resolve("an official of the board", "en", document=doc).kind == "anonymous"
    # Without an article naming it, "the board" says nothing: anonymous as before.
    assert EntityResolver().resolve("The board", "en").kind == "anonymous"
    # In another language too: "la commission" is the Commission named before.
    fr_doc = "La Commission électorale de Veldie a publié les résultats. La commission a dit…"
    fr = EntityResolver().resolve("La commission", "fr", document=fr_doc)
    assert fr.kind == "organisation"


def test_acronym_is_an_organisation_not_a_person() -> None:
    r = EntityResolver()
    assert r.resolve("A spokesperson for the UN", "en").kind == "organisation"
    assert r.resolve("ООН", "ru").kind == "organisation"
    assert r.resolve("Boris Kelman", "en").kind == "person"
