/* healthsite search engine: finds pages for a query in the split index, in the reader's
   browser; nothing typed leaves it. The search box (hs-search.js) uses it.

   The index is split into small files (healthsite/site/search/index.py says how); a query
   fetches the vocabulary file of each word's first letters, the postings of the stems it
   matches and the page files of the results it shows. The build did the linguistics
   (folding, stemming, stop words); here words are only compared: exactly, as a stem, as a
   prefix while typing, and within one or two typing errors. Lay words ("throwing up") also
   search for what pages call them ("vomiting"). */
"use strict";

self.hsSearchEngine = function (indexUrl) {
  const WORD = /[\p{L}\p{N}]+/gu
  const fold = s => s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
  const wordsOf = s => fold(s).match(WORD) || []

  /* --- Index files, each fetched once --------------------------------------------------- */

  const fetched = new Map()
  function load(path) {
    if (!fetched.has(path))
      fetched.set(path, fetch(new URL(path, indexUrl), { cache: path === "index.json" ? "no-cache" : "default" })
        .then(response => { if (!response.ok) throw new Error(`${path}: ${response.status}`); return response.json() }))
    return fetched.get(path)
  }
  const shard = async path => load(`${(await load("index.json")).version}/${path}`)

  // The vocabulary file holding words that start like `word` (by one letter, or by two or
  // three where there are many such words), or null
  async function vocabulary(word) {
    const prefixes = (await load("index.json")).prefixes
    const key = [word.slice(0, 3), word.slice(0, 2), word[0]].find(k => k in prefixes)
    if (key === undefined) return null
    const file = await shard(`v/${prefixes[key]}.json`)
    if (!file.stems) {  // first use: look-ups by word (the build sorted them) and by stem
      file.keys = file.words.map(entry => entry[0])
      file.stems = new Map(file.terms.map((term, n) => [term[0], n]))
    }
    return file
  }

  /* --- Matching one typed word ---------------------------------------------------------- */

  // Candidate terms for a folded word, best first: [{term, quality, form, fuzzy, extra}]
  function candidates(word, file, { fuzzy = true, typing = false, anyStart = false } = {}) {
    const found = new Map()
    const add = (termIndex, quality, form, fuzzy = false, extra = false) => {
      const term = file.terms[termIndex]
      const known = found.get(term)
      if (!known || known.quality < quality) found.set(term, { term, quality, form, fuzzy, extra })
    }
    const at = lowerBound(file.keys, word)
    if (file.keys[at] === word) {
      add(file.words[at][1], 1, file.words[at])
      if (file.words[at].length > 3) add(file.words[at][3], 1, file.words[at], false, true)  // the word as typed, in titles
    }
    // An inflected form of a stem the site uses: "stressed" -> "stress", "worried" -> "worri"
    for (let end = word.length - 1; end >= Math.max(3, Math.ceil(word.length * 0.6)); end--) {
      const stem = word.slice(0, end)
      if (file.stems.has(stem)) { add(file.stems.get(stem), 0.9, null); break }
    }
    // Type-ahead: the start of a longer word ("caffe" -> "caffeine"); words of 3 or 4
    // letters stay whole ("als" is not "alcohol"), unless being typed ("caff")
    if (word.length >= 5 || (word.length === 4 && typing))
      for (let n = at; n < file.keys.length && file.keys[n].startsWith(word); n++)
        if (file.keys[n] !== word) add(file.words[n][1], 0.6 + 0.2 * word.length / file.keys[n].length, file.words[n])
    // Typing errors: one in a word of 5-7 letters, two from 8 letters on
    if (fuzzy && word.length >= 5 && ![...found.values()].some(c => c.quality >= 0.9)) {
      const allowed = word.length >= 8 ? 2 : 1
      for (const entry of file.words) {
        const form = entry[0]
        if ((form[0] !== word[0] && !anyStart) || Math.abs(form.length - word.length) > allowed || form.length < 4) continue
        const distance = editDistance(word, form, allowed)
        if (distance <= allowed) add(entry[1], distance === 1 ? 0.5 : 0.35, entry, true)
      }
      // The word being typed, with an error already in it: "dehid" -> "dehyd(ration)"
      if (typing)
        for (const entry of file.words) {
          const form = entry[0]
          if (form[0] === word[0] && form.length > word.length + allowed && editDistance(word, form.slice(0, word.length), allowed) <= allowed)
            add(entry[1], 0.3, entry, true)
        }
    }
    // A word found whole is most likely the word meant: longer words it starts count less
    if (file.keys[at] === word) found.forEach(c => { if (c.quality < 1) c.quality *= 0.4 })
    return [...found.values()].sort((a, b) => b.quality - a.quality || b.term[3] - a.term[3]).slice(0, 24)
  }

  function lowerBound(keys, word) {
    let low = 0, high = keys.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (keys[mid] < word) low = mid + 1; else high = mid
    }
    return low
  }

  // Damerau-Levenshtein (adjacent swaps count once), giving up past `limit`
  function editDistance(a, b, limit) {
    let before = null, previous = Array.from({ length: b.length + 1 }, (_, j) => j)
    for (let i = 1; i <= a.length; i++) {
      const row = [i]
      let best = i
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1
        row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          row[j] = Math.min(row[j], before[j - 2] + 1)
        best = Math.min(best, row[j])
      }
      if (best > limit) return limit + 1
      before = previous
      previous = row
    }
    return previous[b.length]
  }

  /* --- A whole query ---------------------------------------------------------------------- */

  // The query as units to find, each with alternative word lists: the reader's words, what
  // a lay phrase means (stems the index resolved: [stem, file, place, pages]), a split
  // word joined ("head ache" -> "headache").
  function units(words, files, stopWords) {
    const result = []
    for (let i = 0; i < words.length;) {
      const file = files.get(words[i])
      let lay = null
      for (const [phrase, means] of (file && file.lay) || [])
        if (phrase.every((w, k) => words[i + k] === w) && (!lay || phrase.length > lay[0].length)) lay = [phrase, means]
      if (lay) {
        const own = lay[0].filter(w => !stopWords.has(w))
        const means = lay[1].map(meaning => meaning.map(n => file.terms[n]))
        result.push({ typed: lay[0], lay: true, own: own.length > 0, alternatives: [...(own.length ? [own] : []), ...means] })
        i += lay[0].length
        continue
      }
      const next = words[i + 1]
      if (next && file && !stopWords.has(words[i]) && !stopWords.has(next) && file.keys[lowerBound(file.keys, words[i] + next)] === words[i] + next) {
        result.push({ typed: [words[i], next], alternatives: [[words[i], next], [words[i] + next]] })
        i += 2
        continue
      }
      if (!stopWords.has(words[i])) result.push({ typed: [words[i]], alternatives: [[words[i]]] })
      i += 1
    }
    return result
  }

  // A word's candidates; where vocabulary files go by two or three letters and the word
  // has none, also in the files a slip in those letters hides: "cholchicine" (col),
  // "umscle" (mus)
  async function lookUp(word, file, options) {
    const found = file ? candidates(word, file, options) : []
    if (!options.fuzzy || word.length < 5 || found.some(c => c.quality >= 0.5)) return found
    const slips = [word[0] + word.slice(2), word.slice(0, 2) + word.slice(3),  // a letter too many
      word[1] + word[0] + word.slice(2), word[0] + word[2] + word[1] + word.slice(3)]  // two letters swapped
    const others = await Promise.all(slips.map(vocabulary))
    for (const other of new Set(others.filter(f => f && f !== file)))
      found.push(...candidates(word, other, { ...options, anyStart: true }))
    return found.sort((a, b) => b.quality - a.quality || b.term[3] - a.term[3]).slice(0, 24)
  }

  const keyOf = w => (typeof w === "string" ? w : `=${w[0]}`)  // a typed word, or a stem the index named

  async function find(query) {
    const index = await load("index.json")
    const stopWords = new Set(index.stopWords)
    const typed = wordsOf(query)
    const files = new Map(await Promise.all(typed.map(async w => [w, await vocabulary(w)])))
    const wanted = units(typed, files, stopWords)
    // Words of a lay phrase are spelled right: no typing errors for them
    const spelledRight = new Set(wanted.filter(unit => unit.lay).flatMap(unit => unit.typed))
    const matches = new Map()  // word -> candidates
    for (const unit of wanted)
      for (const alternative of unit.alternatives)
        for (const w of alternative) {
          const key = keyOf(w)
          if (matches.has(key)) continue
          if (typeof w !== "string") matches.set(key, [{ term: w, quality: 1, form: null, fuzzy: false, extra: false }])
          else matches.set(key, await lookUp(w, files.get(w), { fuzzy: !spelledRight.has(w), typing: w === typed[typed.length - 1] }))
        }
    const postings = new Map()
    await Promise.all([...new Set([...matches.values()].flat().map(c => c.term[1]))].map(async bucket => {
      const file = await shard(`p/${bucket}.json`)
      postings.set(bucket, file.postings)
    }))
    const scores = new Map()  // page -> {score, units, stems}
    wanted.forEach((unit, u) => {
      unit.alternatives.forEach((alternative, a) => {
        // A lay phrase is its meaning ("pain tablets" are painkillers), more than its words
        const weight = unit.lay && unit.own && a === 0 && unit.typed.length > 1 ? 0.8 : 1
        const perPage = new Map()
        for (const w of alternative) {
          const key = keyOf(w)
          for (const c of matches.get(key)) {
            const list = postings.get(c.term[1])[c.term[2]]
            for (let k = 0, page = 0; k < list.length; k += 2) {
              page += list[k]
              const entry = perPage.get(page) || perPage.set(page, { words: new Map(), stems: new Set(), extra: 0 }).get(page)
              const score = c.quality * list[k + 1]
              if (c.extra) entry.extra += score
              else if ((entry.words.get(key) || 0) < score) entry.words.set(key, score)
              if (!c.extra) entry.stems.add(c.term[0])
            }
          }
        }
        for (const [page, entry] of perPage) {
          const complete = entry.words.size === alternative.length
          const score = weight * [...entry.words.values()].reduce((s, v) => s + v, entry.extra) / alternative.length
          const total = scores.get(page) || scores.set(page, { score: 0, units: new Map(), stems: new Set(), partly: new Set() }).get(page)
          const previous = total.units.get(u) || { score: 0, complete: false }
          if (complete > previous.complete || (complete === previous.complete && score > previous.score))
            total.units.set(u, { score, complete })
          // Highlight what a page matched whole: not the "much" of "drinking too much"
          entry.stems.forEach(s => (complete ? total.stems : total.partly).add(s))
        }
      })
    })
    const ranked = [...scores.entries()].map(([page, s]) => {
      const parts = [...s.units.values()]
      const missing = wanted.filter((unit, u) => !(s.units.get(u) || {}).complete).flatMap(unit => unit.typed)
      return { page, stems: [...(s.stems.size ? s.stems : s.partly)], missing, complete: parts.filter(p => p.complete).length,
               score: parts.reduce((sum, p) => sum + p.score, 0) }
    }).sort((a, b) => b.complete - a.complete || b.score - a.score || a.page - b.page)
    return { ranked, suggestion: suggest(typed, matches, wanted) }
  }

  // "Did you mean": each word found only through a typing error, spelled as the site's
  // titles, aliases and headings spell it.
  function suggest(typed, matches, wanted) {
    let changed = false
    const words = typed.map(w => {
      const found = matches.get(w) || []
      if (found.some(c => !c.fuzzy) || !wanted.some(unit => !unit.lay && unit.typed.includes(w))) return w
      const spelled = found.find(c => c.fuzzy && c.form && c.form[2])
      if (!spelled) return w
      changed = true
      return spelled.form[2]
    })
    return changed ? words.join(" ") : null
  }

  // The cards of these results: [address, title, "Cause · Gout", snippet]
  async function cards(results) {
    const index = await load("index.json")
    return Promise.all(results.map(async r => {
      const file = await shard(`d/${Math.floor(r.page / index.pagesPerFile)}.json`)
      return file[r.page % index.pagesPerFile]
    }))
  }

  return { find, cards, fold, wordsOf }
}
