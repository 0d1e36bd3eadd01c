"""Synthetic articles in the sample's shape, for the scale test and bench/scale.py.

Each article is plain text like examples/muscle-twitches.txt: a title, an
introduction, numbered symptoms, causes and treatments, and closing words. Every
topic gets its own made-up words, so titles spread over the alphabet and the
search index grows as a real library's would. Sentences are short and plain, so
the pages pass the reading-grade check.
"""

from __future__ import annotations

import random
from pathlib import Path

_SYLLABLES = ("ba", "ce", "di", "fo", "gu", "ha", "ki", "lo", "mu", "ne", "po", "ra", "si", "tu", "ve", "zo",
              "an", "el", "in", "or", "ur", "ya", "we", "qui")
_KINDS = ("pain", "rash", "cough", "cramps", "itch", "swelling", "fever", "ache", "spots", "sores")


def write_articles(folder: Path, *, count: int, symptoms: int = 2, causes: int = 5, treatments: int = 5,
                   seed: int = 9) -> list[Path]:
    """`count` articles, one file each, named after their topic."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    paths = []
    for _ in range(count):
        word = _unique_word(rng, used)
        title = f"{word.capitalize()} {rng.choice(_KINDS)}"
        path = folder / f"{word}.txt"
        path.write_text(article(title, rng=rng, symptoms=symptoms, causes=causes, treatments=treatments), encoding="utf-8")
        paths.append(path)
    return paths


def article(title: str, *, rng: random.Random, symptoms: int, causes: int, treatments: int) -> str:
    words = [_word(rng) for _ in range(max(symptoms, causes, treatments) * 2)]
    lines = [
        f"{title}: Symptoms, Causes, and Treatment",
        "",
        f"{title}, also known as {_word(rng)} {title.split()[1]}, is a common problem. It can come and go. "
        "Most of the time it is not serious. It often gets better on its own in a few days.",
        "",
        f"Symptoms of {title}:",
        "",
        "Some common symptoms include:",
        "",
        *(f"  {n}. {w.capitalize()} feeling: You may feel {w} in the skin. It can last for a few hours."
          for n, w in enumerate(words[:symptoms], start=1)),
        "",
        f"Common Causes of {title}:",
        "",
        "Here are some common causes:",
        "",
        *(f"  {n}. Low {w}: Too little {w} in the body can bring it on. This is easy to check."
          for n, w in enumerate(words[:causes], start=1)),
        "",
        f"Treatment Options for {title}:",
        "",
        "Here are some ways to manage it:",
        "",
        *(f"  {n}. {w.capitalize()} care: Eat food with {w} and drink water. Rest when you can."
          for n, w in enumerate(words[:treatments], start=1)),
        "",
        f"{title} is usually not serious. See a doctor if it does not get better in two weeks.",
        "",
    ]
    return "\n".join(lines)


def _unique_word(rng: random.Random, used: set[str]) -> str:
    while (word := _word(rng)) in used:
        pass
    used.add(word)
    return word


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
