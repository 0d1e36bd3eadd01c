/* healthsite search worker: Material's worker plus stemmed type-ahead ("hydrated" -> "hydrat*").
   Why and how: overrides/main.html. Served to every reader, so kept short. Material's engine
   loads only with the first message, the index, which comes when the reader opens search
   (overrides/partials/hs-search-on-demand.html). */
"use strict"

const materialWorker = new URL(self.location.href).searchParams.get("material") || ""
if (!/^search\.[0-9a-f]+\.min\.js$/.test(materialWorker))
  throw new Error(`healthsite search: unexpected Material worker name "${materialWorker}"`)

/* The reader's own words by their stems. Material names the query words a result lacks
   ("Missing: eye") by the query's terms, which are now stems ("ey"), so those go back to
   the page as typed. Found terms stay stems: they become the result link's ?h= words,
   and "hydrat" highlights both "hydrated" and "hydration" on the page. */
const typedWords = new Map()
const RESULT = 3  // Material's message type for search results

const postResults = self.postMessage.bind(self)
self.postMessage = function (message) {
  if (message && message.type === RESULT)
    for (const group of message.data.items)
      for (const result of group)
        result.terms = Object.fromEntries(
          Object.entries(result.terms || {}).map(([term, found]) => [found ? term : typedWords.get(term) || term, found]))
  postResults(message)
}

addEventListener("message", function loadEngine(event) {
  removeEventListener("message", loadEngine)
  importScripts(materialWorker)  // adds Material's own message listener
  stemTypeAhead(lunr)
  dispatchEvent(new MessageEvent("message", { data: event.data }))
})

function stemTypeAhead(lunr) {
  /* The index's own pipeline (stemmer, stop words) */
  let searchPipeline = null
  const build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    searchPipeline = this.searchPipeline
    return build.call(this)
  }

  function stemPrefix(term) {
    if (!searchPipeline || !/^[^*]+\*$/.test(term))
      return term
    const word = term.slice(0, -1)
    const [stem] = searchPipeline.runString(word)
    if (!stem)
      return term
    typedWords.set(stem, word)
    // A short word is whole, not the start of one: "ALS" (stem "al") must not find "alcohol".
    return word.length < 4 ? stem : `${stem}*`
  }

  /* Every clause, for search and highlighting */
  const clause = lunr.Query.prototype.clause
  lunr.Query.prototype.clause = function (spec) {
    if (typeof spec.term === "string")
      spec.term = stemPrefix(spec.term)
    return clause.call(this, spec)
  }
}
