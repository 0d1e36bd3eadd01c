"""Site search: the index the build writes (index.py) and the lay thesaurus it carries (lay_words.py).
The browser side is theme/assets/hs-search-engine.js."""
