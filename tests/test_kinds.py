"""The kinds registry: every kind of item page is one entry, read by every stage. A new kind
is one registry entry (this test touches no other module), and the seven shipped kinds say
the right things in schema.org."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import TOPIC_MD, copy_project, item_md, tags, write
from healthsite.cli import main
from healthsite.content.kinds import KINDS, ExtraField, Kind, Link, Vocabulary
from healthsite.content.loader import load_library
from healthsite.importer.headings import classify_heading
from healthsite.site.build import build_site
from test_trust_site import json_ld

MEDICINES = Kind(
    folder="medicines", command="medicine", singular="medicine", plural="Medicines",
    list_title="Medicines for {topic}", intro="Medicines a doctor may suggest.", about="About medicines",
    schema_type="Drug", condition_property="drug",
    links=(Link(target="causes", label="Causes it is used for", reverse_label="Medicines for it",
                description="Slugs of causes this medicine is used for."),),
    extra_fields=(ExtraField(name="prescription", type=bool, description="true if it needs a prescription.", default=False),),
    headings=Vocabulary(strong=(r"\bpills\b",)),
)


@pytest.fixture
def eighth_kind() -> Iterator[Kind]:
    KINDS.register(MEDICINES)
    yield MEDICINES
    KINDS.unregister(MEDICINES)


def test_an_eighth_kind_is_one_registry_entry(tmp_path: Path, eighth_kind: Kind) -> None:
    content = tmp_path / "content"
    write(content / "twitch" / "topic.md", TOPIC_MD)
    write(content / "twitch" / "causes" / "stress.md", item_md("Stress"))
    write(content / "twitch" / "medicines" / "magnesium.md", item_md("Magnesium", "A mineral supplement.",
                                                                      causes="[stress]", prescription="false"))
    topic = load_library(content).topics[0]
    assert [kind.folder for kind in topic.kinds()] == ["causes", "medicines"]
    assert topic.of_kind(eighth_kind)[0].extra == (("prescription", False),)
    assert classify_heading("Pills that help").kind is eighth_kind  # the importer knows its headings

    site = build_site(config_file=copy_project(tmp_path / "project", content=content) / "mkdocs.yml")
    overview = (site / "twitch" / "index.html").read_text(encoding="utf-8")
    assert ">Medicines</h2>" in overview and "medicines/magnesium/" in [a["href"] for a in tags(overview, "a")]
    assert "Medicines for muscle twitches" in (site / "twitch" / "medicines" / "index.html").read_text(encoding="utf-8")
    cause_page = (site / "twitch" / "causes" / "stress" / "index.html").read_text(encoding="utf-8")
    assert ">Medicines for it</h3>" in cause_page  # the reverse link, derived
    assert json_ld(site / "twitch" / "index.html")["about"]["drug"] == [{"@type": "Drug", "name": "Magnesium"}]
    assert json_ld(site / "twitch" / "medicines" / "magnesium" / "index.html")["about"]["@type"] == "Drug"

    fields = CliRunner().invoke(main, ["fields"]).output
    assert "#### Medicines: `content/<topic>/medicines/<slug>.md`" in fields and "| `prescription` |" in fields
    new = CliRunner().invoke(main, ["new", "medicine", "Vitamin D", "--topic", "twitch", "--content", str(content)])
    assert new.exit_code == 0, new.output
    assert "prescription: false\n" in (content / "twitch" / "medicines" / "vitamin-d.md").read_text(encoding="utf-8")


def test_an_unknown_kind_folder_is_named_with_a_suggestion(content: Path) -> None:
    write(content / "twitch" / "risk-factor" / "age.md", item_md("Age"))
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 1
    assert ("content/twitch/risk-factor: stray file or folder (did you mean 'risk-factors'?); expected topic.md and the "
            "folders symptoms/, causes/, risk-factors/, complications/, diagnosis/, treatments/ and prevention/") in result.output


def test_a_link_to_an_unknown_item_names_the_field_and_the_kind(content: Path) -> None:
    write(content / "twitch" / "prevention" / "sleep.md", item_md("Sleep", risk_factors="[tiredness]"))
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 1
    assert ("content/twitch/prevention/sleep.md:4: risk_factors: unknown risk factor 'tiredness'; "
            "expected the name of a file in twitch/risk-factors/") in result.output


def test_new_writes_every_kind_with_its_link_fields(content: Path) -> None:
    result = CliRunner().invoke(main, ["new", "risk-factor", "Family history", "--topic", "twitch", "--content", str(content)])
    assert result.exit_code == 0, result.output
    text = (content / "twitch" / "risk-factors" / "family-history.md").read_text(encoding="utf-8")
    assert "# Choose from: stress\ncauses: []\n" in text
    assert "# Choose from: (no complications yet)\ncomplications: []\n" in text


def test_new_and_import_give_a_title_the_same_slug(content: Path, tmp_path: Path) -> None:
    CliRunner().invoke(main, ["new", "cause", "Stress & Anxiety", "--topic", "twitch", "--content", str(content)])
    article = write(tmp_path / "article.md", "# Twitch\n\n## Causes\n\n- **Stress & Anxiety**: worry.\n")
    CliRunner().invoke(main, ["import", str(article), "--topic", "imported", "--content", str(content)])
    assert (content / "twitch" / "causes" / "stress-and-anxiety.md").is_file()
    assert (content / "imported" / "causes" / "stress-and-anxiety.md").is_file()


# --- schema.org: every property where schema.org allows it, with a value of its range ------

MEDICAL_ENTITY = {"MedicalCondition", "MedicalSignOrSymptom", "MedicalCause", "MedicalRiskFactor", "MedicalTest", "MedicalTherapy"}
# Types, with what they inherit (MedicalSignOrSymptom is a MedicalCondition).
PARENTS = {"MedicalSignOrSymptom": "MedicalCondition"}
# property -> (types it may appear on, types its values may be; "Text" for plain names)
PROPERTIES = {
    "signOrSymptom": ({"MedicalCondition"}, {"MedicalSignOrSymptom"}),
    "cause": ({"MedicalCondition"}, {"MedicalCause"}),
    "riskFactor": ({"MedicalCondition"}, {"MedicalRiskFactor"}),
    "possibleComplication": ({"MedicalCondition"}, {"Text"}),
    "typicalTest": ({"MedicalCondition"}, {"MedicalTest"}),
    "possibleTreatment": ({"MedicalCondition"}, {"MedicalTherapy"}),
    "primaryPrevention": ({"MedicalCondition"}, {"MedicalTherapy"}),
    "causeOf": ({"MedicalCause"}, MEDICAL_ENTITY),
    "increasesRiskOf": ({"MedicalRiskFactor"}, MEDICAL_ENTITY),
    "usedToDiagnose": ({"MedicalTest"}, {"MedicalCondition", "MedicalSignOrSymptom"}),
}
COMMON = {"@type", "name", "alternateName", "description"}


def check_entity(entity: dict, where: str) -> None:
    kind = entity["@type"]
    types = {kind, PARENTS.get(kind, kind)}
    for prop, values in entity.items():
        if prop in COMMON:
            continue
        domain, value_range = PROPERTIES[prop]
        assert types & domain, f"{where}: {kind} has no property {prop}"
        for value in values:
            value_type = "Text" if isinstance(value, str) else value["@type"]
            assert value_type in value_range, f"{where}: {kind}.{prop} takes {value_range}, got {value_type}"
            if isinstance(value, dict):
                check_entity(value, where)


def test_every_kind_is_declared_with_valid_schema_org(built_site: Path) -> None:
    gout = built_site / "gout"
    condition = json_ld(gout / "index.html")["about"]
    assert {kind.condition_property for kind in KINDS} <= set(condition)
    assert condition["riskFactor"][0]["@type"] == "MedicalRiskFactor"
    assert condition["typicalTest"][0]["@type"] == "MedicalTest"
    assert all(isinstance(name, str) for name in condition["possibleComplication"])
    for page in sorted(p for p in built_site.rglob("index.html") if "assets" not in p.parts):
        data = json_ld(page)
        if data["about"]["@type"] != "Thing":
            check_entity(data["about"], page.relative_to(built_site).as_posix())
    test = json_ld(gout / "diagnosis" / "joint-fluid-test" / "index.html")["about"]
    assert test["usedToDiagnose"] == [{"@type": "MedicalCondition", "name": "Gout"}]
    risk = json_ld(gout / "risk-factors" / "alcohol" / "index.html")["about"]
    assert risk["increasesRiskOf"][0] == {"@type": "MedicalCondition", "name": "Gout"}
    assert {"@type": "MedicalCause", "name": "Too much uric acid in the blood"} in risk["increasesRiskOf"]


def test_shipped_sample_has_a_page_for_every_kind(built_site: Path) -> None:
    topic = next(t for t in load_library(Path(__file__).parent.parent / "content").topics if t.slug == "gout")
    assert topic.kinds() == tuple(KINDS)
    assert "not clinically reviewed" in topic.reviewed.by and len(topic.sources) >= 3
    for kind in KINDS:
        assert (built_site / "gout" / kind.folder / "index.html").is_file()
        for item in topic.of_kind(kind):
            assert (built_site / "gout" / kind.folder / item.slug / "index.html").is_file()
    complication = (built_site / "gout" / "complications" / "kidney-stones" / "index.html").read_text(encoding="utf-8")
    assert ">Causes it can come from</h3>" in complication and ">Ways to prevent it</h3>" in complication
