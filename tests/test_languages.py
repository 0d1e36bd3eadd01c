"""The Spanish edition, as a Spanish-speaking reader and a search engine meet it: pages
under /es/ at the same paths, in Spanish down to the buttons and dates, paired with the
English pages both ways (hreflang, sitemap, a switcher that keeps the page), a checklist
with its own saved answers, Spanish search that forgives missing accents, no axe
violations, and no broken links at the root or under a sub-path."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from conftest import copy_project, tags
from healthsite.render.messages import messages, untranslated
from healthsite.site.build import build_site
from test_accessibility import axe_violations

OVERVIEW = "muscle-twitches/"
DEHYDRATION = "muscle-twitches/causes/dehydration/"
CHECKLIST = "muscle-twitches/checklist/"


@pytest.fixture
def page(phone_page: Page) -> Page:
    """A phone tab whose script errors and requests outside the page fail the test."""
    errors: list[str] = []
    phone_page.on("pageerror", lambda error: errors.append(str(error)))
    phone_page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    yield phone_page
    assert errors == []


def html_of(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def alternates(site: Path, path: str) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in tags(html_of(site, path), "link")
            if (link.get("rel") or "").split() == ["alternate"] and link.get("hreflang")}


# --- Addresses and metadata -------------------------------------------------------------


@pytest.mark.parametrize("path", ["", OVERVIEW, DEHYDRATION, CHECKLIST, "about/"])
def test_each_page_and_its_translation_point_to_each_other(built_site: Path, path: str) -> None:
    english, spanish = alternates(built_site, path), alternates(built_site, "es/" + path)
    site = "https://your-org.github.io/healthsite/"
    expected = {"en": site + path, "es": site + "es/" + path, "x-default": site + path}
    assert english == expected
    assert spanish == expected
    assert tags(html_of(built_site, path), "html")[0]["lang"] == "en"
    assert tags(html_of(built_site, "es/" + path), "html")[0]["lang"] == "es"


def test_the_sitemap_lists_each_pages_translations(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(r"<url>\s*<loc>https://your-org.github.io/healthsite/es/muscle-twitches/causes/dehydration/</loc>"
                      r"(.*?)</url>", sitemap, re.S)
    assert entry is not None
    assert 'hreflang="en" href="https://your-org.github.io/healthsite/muscle-twitches/causes/dehydration/"' in entry[1]
    assert 'hreflang="x-default"' in entry[1]


def test_structured_data_says_the_pages_language(built_site: Path) -> None:
    assert '"inLanguage":"es"' in html_of(built_site, "es/" + DEHYDRATION).replace(" ", "")
    assert '"inLanguage":"en"' in html_of(built_site, DEHYDRATION).replace(" ", "")


# --- What a Spanish reader sees ---------------------------------------------------------


def test_a_spanish_page_is_in_spanish_down_to_its_buttons_and_dates(page: Page, published_url: str) -> None:
    page.goto(published_url + "es/" + DEHYDRATION)
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Deshidratación")
    about = page.locator(".hs-about-page")
    expect(about).to_contain_text("Última revisión de la página:")
    expect(about).to_contain_text("de noviembre de 2026")  # Babel's Spanish long date
    expect(about).to_contain_text("Traducción del inglés; aún no revisada por un profesional de la salud.")
    expect(page.locator(".hs-disclaimer")).to_contain_text("Información general, no consejo médico.")
    expect(page.locator(".hs-comments h2")).to_have_text("Comentarios")
    expect(page.get_by_role("link", name="Saltar a contenido")).to_have_count(1)  # Material's own words
    for english in ("Related pages", "About this page", "Page last reviewed", "Comments"):
        expect(page.locator("main")).not_to_contain_text(english)


def test_the_switcher_leads_to_the_same_page_by_keyboard(page: Page, published_url: str) -> None:
    page.goto(published_url + "es/" + DEHYDRATION)
    switcher = page.get_by_role("button", name="Seleccionar idioma")
    switcher.focus()
    page.keyboard.press("Tab")  # the menu opens while focus is inside it
    english = page.get_by_role("link", name="English")
    expect(english).to_be_focused()
    expect(english).to_have_attribute("lang", "en")
    expect(english).to_have_attribute("hreflang", "en")
    expect(page.get_by_role("link", name="Español")).to_have_attribute("aria-current", "true")
    page.keyboard.press("Enter")
    expect(page).to_have_url(published_url + DEHYDRATION)
    page.get_by_role("link", name="Español").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(published_url + "es/" + DEHYDRATION)


def test_the_spanish_checklist_works_and_keeps_its_own_answers(page: Page, published_url: str) -> None:
    page.goto(published_url + "es/" + CHECKLIST)
    page.get_by_label("Deshidratación").check()
    results = page.locator(".hs-checklist__answers")
    expect(results).to_contain_text("Usted marcó")
    expect(results.get_by_role("link", name="Hidratación")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Deshidratación")).to_be_checked()
    page.goto(published_url + CHECKLIST)
    expect(page.get_by_label("Dehydration")).not_to_be_checked()
    page.get_by_label("Fatigue", exact=True).check()
    page.goto(published_url + "es/" + CHECKLIST)
    expect(page.get_by_label("Deshidratación")).to_be_checked()
    expect(page.get_by_label("Cansancio muscular")).not_to_be_checked()


@pytest.mark.parametrize("query", ["deshidratación", "deshidratacion", "deshidratasion"])
def test_spanish_search_finds_spanish_pages_with_or_without_accents(page: Page, published_url: str, query: str) -> None:
    page.goto(published_url + "es/")
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill(query)
    page.locator("input.md-search__input").press("End")
    first = page.locator(".md-search-result__item").first
    expect(first).to_contain_text("Deshidratación")
    expect(first.locator("a").first).to_have_attribute("href", re.compile(r"/es/muscle-twitches/causes/dehydration/"))


def test_spanish_search_finds_lay_words_of_the_translation(page: Page, published_url: str) -> None:
    page.goto(published_url + "es/")
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill("calambres")
    page.locator("input.md-search__input").press("End")
    expect(page.locator(".md-search-result__item").first).to_contain_text("Espasmos musculares")


def test_the_spanish_a_to_z_leads_to_spanish_pages(page: Page, published_url: str) -> None:
    page.goto(published_url + "es/")
    page.get_by_role("link", name="Espasmos musculares").click()
    expect(page).to_have_url(published_url + "es/" + OVERVIEW)
    page.goto(published_url + "es/")
    gout = page.get_by_role("link", name="Gout")
    expect(gout.locator("xpath=..")).to_have_attribute("lang", "en")  # a screen reader says it in English
    gout.click()
    expect(page).to_have_url(published_url + "es/gout/")


def test_an_untranslated_topic_is_a_note_linking_the_original(page: Page, published_url: str, built_site: Path) -> None:
    page.goto(published_url + "es/gout/")
    expect(page.locator("main")).to_contain_text("Esta página todavía no está traducida.")
    expect(page.locator(".hs-care-card")).to_have_count(0)  # its advice is on the original, in its language
    link = page.get_by_role("link", name="Leer esta página en inglés")
    expect(link).to_have_attribute("hreflang", "en")
    link.click()
    expect(page).to_have_url(published_url + "gout/")
    assert {"name": "robots", "content": "noindex"} in tags(html_of(built_site, "es/gout/"), "meta")
    assert "es/gout/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_page_not_found_speaks_both_languages(phone_page: Page, published_url: str) -> None:
    page = phone_page
    response = page.goto(published_url + "es/no-such-page/")
    assert response is not None and response.status == 404
    page.get_by_role("heading", name="Página no encontrada").wait_for()
    page.locator("section[lang=es]").get_by_role("link").click()
    expect(page).to_have_url(published_url + "es/")


@pytest.mark.parametrize("path", ["es/", "es/" + OVERVIEW, "es/" + DEHYDRATION, "es/" + CHECKLIST, "es/gout/", "404.html"])
def test_spanish_pages_have_no_axe_violations(browser, published_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    tab.goto(published_url + path)
    assert axe_violations(tab) == []
    context.close()


def test_linkchecker_finds_no_broken_links_under_a_sub_path(published_url: str) -> None:
    assert "/healthsite/" in published_url
    linkchecker = Path(sys.executable).parent / "linkchecker"
    result = subprocess.run([str(linkchecker), "--no-status", "--no-warnings", published_url + "es/"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 errors found" in result.stdout


# --- The owner's choice for pages not translated ----------------------------------------


def test_leave_out_publishes_only_translated_pages_and_links_to_them(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("untranslated: note", "untranslated: leave out"),
                        encoding="utf-8")
    (project / "content/muscle-twitches/causes/fatigue.es.md").unlink()
    site = build_site(config_file=settings)
    assert not (site / "es/gout").exists()
    assert not (site / "es/muscle-twitches/causes/fatigue").exists()
    assert (site / "es/muscle-twitches/causes/dehydration/index.html").is_file()
    spanish = "".join(path.read_text(encoding="utf-8") for path in (site / "es").rglob("*.html"))
    assert "causes/fatigue/" not in spanish
    assert "/gout/" not in spanish


# --- The catalogue of the words around the content --------------------------------------


def test_every_word_around_the_content_is_translated_into_spanish() -> None:
    assert untranslated("es") == []


def test_the_catalogue_template_lists_every_string_in_use() -> None:
    from babel.messages.pofile import read_po

    from healthsite.render.messages import TEMPLATE_PATH

    with TEMPLATE_PATH.open("rb") as pot:
        shipped = {m.id for m in read_po(pot) if m.id}
    assert shipped == {m.id for m in messages() if m.id}, "run `healthsite messages` and translate what it lists"


@pytest.mark.parametrize("path", ["es/", "es/" + DEHYDRATION, "es/" + CHECKLIST])
def test_longer_spanish_lines_still_fit_a_small_phone(browser, published_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(published_url + path)
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_a_site_in_spanish_alone_has_its_words_in_spanish(tmp_path: Path) -> None:
    """`healthsite init --language es`: the site's own language is Spanish, with no second one."""
    from conftest import english_only

    project = copy_project(tmp_path / "project")
    english_only(project / "mkdocs.yml")
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("  language: en\n", "  language: es\n"), encoding="utf-8")
    site = build_site(config_file=settings)
    overview = html_of(site, OVERVIEW)
    assert tags(overview, "html")[0]["lang"] == "es"
    assert "Síntomas" in overview and "Sobre esta página" in overview  # a kind's heading, the theme's words
    assert not (site / "es").exists()
    assert "Página no encontrada" in (site / "404.html").read_text(encoding="utf-8")
