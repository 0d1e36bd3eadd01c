/* healthsite search box: what the reader types, the results, "did you mean", the empty
   state, and the words a result link highlights on its page. Finding is the engine's work
   (hs-search-engine.js, loaded just before this). Both are loaded on demand by
   theme/partials/hs-search-on-demand.html. */
"use strict";

(function () {
  const box = document.querySelector(".hs-search")
  const toggle = document.getElementById("__search")
  if (!box || !toggle || box.hsSearch || !self.hsSearchEngine) return
  box.hsSearch = true

  const input = box.querySelector("input")
  const meta = box.querySelector(".md-search-result__meta")
  const list = box.querySelector(".md-search-result__list")
  const suggestion = box.querySelector(".hs-search-suggest")
  const empty = box.querySelector(".hs-search-empty")
  const status = box.querySelector(".hs-search-status")
  const text = name => box.getAttribute(`data-hs-text-${name}`)
  const indexUrl = new URL(box.getAttribute("data-hs-index"), location.href)
  const siteRoot = new URL("..", indexUrl)
  const { find, cards, fold, wordsOf } = self.hsSearchEngine(indexUrl)
  const SHOWN = 10  // results per page of results
  const escape = s => s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

  /* --- Showing results -------------------------------------------------------------------- */

  let latest = 0, lastQuery = null, shown = [], emptyTimer = 0

  async function run(query) {
    query = query.trim()
    if (query === lastQuery) return
    const ask = ++latest
    lastQuery = query
    if (wordsOf(query).join("").length < 2) return clear()
    try {
      const result = await find(query)
      if (ask !== latest) return  // a newer query is on its way
      shown = result
      await render(query, result, SHOWN)
    } catch (error) {
      if (ask !== latest) return
      lastQuery = null
      clear(text("failed"))
      console.error("healthsite search:", error)
    }
  }

  async function render(query, result, count) {
    const { ranked, suggestion: better } = result
    const top = ranked.slice(0, count)
    const pages = await cards(top)
    if (result !== shown) return
    const marker = highlighter(top.flatMap(r => r.stems))
    list.innerHTML = top.map((r, n) => {
      const [url, title, label, snippet] = pages[n]
      const href = new URL(url, siteRoot)
      href.searchParams.set("h", r.stems.join(" "))
      return `<li class="md-search-result__item"><a href="${escape(href.href)}" class="md-search-result__link">` +
        `<article class="md-search-result__article md-typeset">` +
        `<p class="hs-search-label">${escape(label)}</p><h1>${marker(title)}</h1>` +
        `<p class="md-search-result__teaser">${marker(snippet)}</p>` +
        (r.missing.length ? `<p class="md-search-result__terms">${escape(text("missing"))} ${r.missing.map(w => `<del>${escape(w)}</del>`).join(", ")}</p>` : "") +
        `</article></a></li>`
    }).join("") + (ranked.length > count
      ? `<li class="hs-search-more"><button type="button" class="md-button">${escape(text("more"))}</button></li>` : "")
    const found = ranked.length === 1 ? text("one") : text("many").replace("#", ranked.length)
    meta.textContent = ranked.length ? found : `${text("none")} “${query}”`
    suggestion.hidden = !better
    suggestion.innerHTML = better
      ? `${escape(text("suggest"))} <button type="button" class="hs-search-suggest__term">${escape(better)}</button>?` : ""
    // The empty state waits for a pause in typing: no flash of it between keystrokes
    clearTimeout(emptyTimer)
    empty.hidden = true
    if (!ranked.length) emptyTimer = setTimeout(() => { if (shown === result) empty.hidden = false }, 400)
    announce(ranked.length ? `${found}.${better ? ` ${text("suggest")} ${better}?` : ""}`
                           : `${text("none")} ${query}.${better ? ` ${text("suggest")} ${better}?` : ""}`)
  }

  function clear(message) {
    latest++
    shown = []
    list.innerHTML = ""
    suggestion.hidden = empty.hidden = true
    meta.textContent = message || text("placeholder")
    if (message) announce(message)
  }

  let announcing = 0
  function announce(message) {  // once typing pauses, so a screen reader is not talked over
    clearTimeout(announcing)
    announcing = setTimeout(() => { status.textContent = message }, 700)
  }

  // Escapes text and wraps its words that start with a matched stem in <mark>
  function highlighter(stems) {
    const unique = [...new Set(stems)].filter(s => s.length > 1)
    const word = /[\p{L}\p{N}]+/gu
    return value => {
      let html = "", last = 0
      for (const match of value.matchAll(word)) {
        const found = unique.some(s => fold(match[0]).startsWith(s))
        html += escape(value.slice(last, match.index)) + (found ? `<mark>${escape(match[0])}</mark>` : escape(match[0]))
        last = match.index + match[0].length
      }
      return html + escape(value.slice(last))
    }
  }

  /* --- The box ------------------------------------------------------------------------------ */

  input.addEventListener("input", () => run(input.value))
  input.addEventListener("keyup", () => run(input.value))
  box.querySelector("form").addEventListener("submit", event => {
    event.preventDefault()
    const first = list.querySelector("a")
    if (first) first.click()
  })
  box.querySelector("form").addEventListener("reset", () => { lastQuery = null; clear(); setTimeout(() => input.focus()) })
  suggestion.addEventListener("click", event => {
    if (!event.target.matches("button")) return
    input.value = event.target.textContent
    input.focus()
    run(input.value)
  })
  list.addEventListener("click", event => {
    if (event.target.matches(".hs-search-more button")) {
      const focusAt = list.querySelectorAll(".md-search-result__item").length
      render(lastQuery, shown, list.querySelectorAll(".md-search-result__item").length + SHOWN)
        .then(() => { const next = list.querySelectorAll(".md-search-result__item a")[focusAt]; if (next) next.focus() })
    } else if (event.target.closest("a")) {
      toggle.checked = false
    }
  })
  toggle.addEventListener("change", () => { if (toggle.checked) input.focus() })
  box.addEventListener("keydown", event => {
    const links = [...list.querySelectorAll("a")]
    const at = links.indexOf(document.activeElement)
    if (event.key === "Escape") {
      toggle.checked = false
      input.blur()
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!links.length) return
      event.preventDefault()
      const next = event.key === "ArrowDown" ? at + 1 : at - 1
      if (next < 0) input.focus()
      else links[Math.min(next, links.length - 1)].focus()
    }
  })

  /* --- Arriving from a result or a shared search ------------------------------------------------ */

  const params = new URLSearchParams(location.search)
  const words = (params.get("h") || "").split(/\s+/).filter(Boolean)
  if (words.length) markWords(document.querySelector(".md-content article"), highlighter(words.map(fold)))
  if (params.get("q")) {
    input.value = params.get("q")
    toggle.checked = true
    input.focus()
  }
  if (input.value) run(input.value)

  function markWords(article, marker) {
    if (!article) return
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: node => node.parentElement.closest("script, style, mark, .hs-search") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    })
    const nodes = []
    while (walker.nextNode()) nodes.push(walker.currentNode)
    for (const node of nodes) {
      const html = marker(node.nodeValue)
      if (html === escape(node.nodeValue)) continue
      const span = document.createElement("span")
      span.innerHTML = html
      node.replaceWith(...span.childNodes)
    }
  }
})()
