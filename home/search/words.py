"""How search reads what patients type: words, their singular and plural forms, and the lay
terms (synonyms) in them. Pure functions, no database: the rest of search builds on them."""

import itertools
import re

# Only words can match anything, and the search backends quote each word into their own query
# syntax, not every character safely (a '"' broke SQLite's FTS5 MATCH, a 500). So only words
# are searched for; the query as typed is still shown.
WORD = re.compile(r"\w+")
# Words are compared for variants only from this length: "us" and "is" have no plural.
MIN_VARIANT_LENGTH = 3
# A query of many words gets promotions matched on at most this many phrasings.
MAX_PHRASINGS = 32


def words_of(text):
    return [word.lower() for word in WORD.findall(text or "")]


def _looks_plural(word):
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _singulars(word):
    if not _looks_plural(word):
        return set()
    found = {word[:-1]}
    if word.endswith("es"):
        found.add(word[:-2])
    if word.endswith("ies"):
        found.add(word[:-3] + "y")
    return {w for w in found if len(w) >= MIN_VARIANT_LENGTH}


def _plurals(word):
    if _looks_plural(word):
        return set()
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return {word + "es"}
    if word.endswith("y") and word[-2] not in "aeiou":
        return {word + "s", word[:-1] + "ies"}
    return {word + "s"}


def forms(word):
    """The word with its singular and plural forms, sorted: every word of one family gets the
    same list, so "opioid" and "opioids" (or "therapy" and "therapies") run the same search.
    Rules, not a dictionary: a guess like "headach" beside "headache" matches nothing extra."""
    if len(word) < MIN_VARIANT_LENGTH or not word.isalpha():
        return [word]
    family, frontier = {word}, {word}
    while frontier:  # ends: plurals come only from singular-looking words, and singulars shrink
        frontier = set().union(*(_singulars(w) | _plurals(w) for w in frontier)) - family
        family |= frontier
    return sorted(family)


def same_word(typed, known):
    return known == typed or known in forms(typed)


def phrasings(words):
    """Every way of writing `words` with each word in any of its forms, at most MAX_PHRASINGS:
    a promotion saved for "opioids" shows for "opioid" too."""
    combos = itertools.product(*(forms(word) for word in words))
    return [" ".join(combo) for combo in itertools.islice(combos, MAX_PHRASINGS)]


def find_lay_terms(words, lay_terms):
    """Split `words` into plain words and the lay terms in them, longest match first:
    [("word", "neck"), ("lay", "pinched nerve")]. A lay term matches in any word form."""
    by_length = sorted(lay_terms, key=lambda term: (-len(term.split()), term))
    parts, position = [], 0
    while position < len(words):
        for term in by_length:
            term_words = term.split()
            span = words[position : position + len(term_words)]
            if len(span) == len(term_words) and all(map(same_word, span, term_words)):
                parts.append(("lay", term))
                position += len(term_words)
                break
        else:
            parts.append(("word", words[position]))
            position += 1
    return parts
