/* healthsite search worker: Material's own search worker, plus stemmed type-ahead.
 *
 * Material appends "*" to every query word so results appear while the reader
 * types, and lunr skips its pipeline (and so the stemmer) for such words. With a
 * stemmed index, "hydrated*" then misses the token "hydrat" and even "hydration*"
 * finds nothing. Here each trailing-wildcard word is stemmed first and then
 * matched as a prefix: "hydrated" -> "hydrat*", "stressed" -> "stress*".
 *
 * Material lets a site swap its search worker (the "search" URL in its config
 * block, see overrides/main.html); this one loads Material's worker, named in the
 * "material" query parameter, and changes only how query words are stemmed.
 * It lives next to Material's worker so the relative paths inside it still work.
 */
"use strict"

const materialWorker = new URL(self.location.href).searchParams.get("material") || ""
if (!/^search\.[0-9a-f]+\.min\.js$/.test(materialWorker))
  throw new Error(`healthsite search: unexpected Material worker name "${materialWorker}"`)
importScripts(materialWorker)

/* The search pipeline of the index just built: the stemmer and stop words the site configured. */
let searchPipeline = null
const build = lunr.Builder.prototype.build
lunr.Builder.prototype.build = function () {
  searchPipeline = this.searchPipeline
  return build.call(this)
}

/* "hydrated*" -> "hydrat*". Stop words and other wildcards are left as typed. */
function stemPrefix(term) {
  if (!searchPipeline || !/^[^*]+\*$/.test(term))
    return term
  const [stem] = searchPipeline.runString(term.slice(0, -1))
  return stem ? `${stem}*` : term
}

/* Every query clause passes through here, both for searching and for Material's highlighting. */
const clause = lunr.Query.prototype.clause
lunr.Query.prototype.clause = function (spec) {
  if (typeof spec.term === "string")
    spec.term = stemPrefix(spec.term)
  return clause.call(this, spec)
}
