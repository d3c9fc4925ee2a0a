"""How search reads what patients type: words, their singular and plural forms, and the lay
terms (synonyms) in them. Pure functions, no database: the rest of search builds on them."""

import itertools
import re
import unicodedata

# Only words can match anything, and the search backends quote each word into their own query
# syntax, not every character safely (a '"' broke SQLite's FTS5 MATCH, a 500). So only words
# are searched for; the query as typed is still shown.
WORD = re.compile(r"\w+")
# Words are compared for variants only from this length: "us" and "is" have no plural.
MIN_VARIANT_LENGTH = 3
# A query of many words gets promotions matched on at most this many phrasings.
MAX_PHRASINGS = 32
# The language a query is read in when none is given (settings.LANGUAGE_CODE), and Spanish.
ENGLISH = "en-us"
SPANISH = "es"
# Spanish words that carry no meaning in a search ("dolor en la espalda"). PostgreSQL's Spanish
# configuration drops them itself; SQLite's full-text search would require each one on the page.
SPANISH_STOP_WORDS = frozenset(
    {"a", "al", "con", "de", "del", "el", "en", "la", "las", "lo", "los", "mi", "mis", "o"}
    | {"para", "por", "que", "se", "sin", "su", "sus", "un", "una", "unos", "unas", "y"}
)


def words_of(text):
    return [word.lower() for word in WORD.findall(text or "")]


def fold(text):
    """`text` without its accents, as PostgreSQL's unaccent writes it: "ciática" -> "ciatica",
    "niño" -> "nino". A precomposed letter stays one letter, so positions keep their place."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def meaningful(words, language=ENGLISH):
    """`words` without the Spanish stop words, unless that would leave nothing."""
    if language != SPANISH:
        return words
    kept = [word for word in words if word not in SPANISH_STOP_WORDS]
    return kept or words


def _looks_plural(word):
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _singular_guesses(word, looks_plural, three_letter_ending):
    """The word less its "s", less its "es", and with `three_letter_ending` (ending,
    replacement) undone: ("ies", "y") makes "therapies" therapy, ("ces", "z") "luces" luz."""
    if not looks_plural(word):
        return set()
    found = {word[:-1]}
    if word.endswith("es"):
        found.add(word[:-2])
    ending, replacement = three_letter_ending
    if word.endswith(ending):
        found.add(word[:-3] + replacement)
    return {w for w in found if len(w) >= MIN_VARIANT_LENGTH}


def _singulars(word):
    return _singular_guesses(word, _looks_plural, ("ies", "y"))


def _plurals(word):
    if _looks_plural(word):
        return set()
    if word.endswith(("s", "sh", "ch", "x", "z")):
        return {word + "es"}
    if word.endswith("y") and word[-2] not in "aeiou":
        return {word + "s", word[:-1] + "ies"}
    return {word + "s"}


def _looks_plural_es(word):
    # "artritis", "crisis", "virus" end in s and are singular.
    return word.endswith("s") and not word.endswith(("is", "us"))


def _singulars_es(word):
    """ "dolores" -> dolor, "espaldas" -> espalda, "luces" -> luz (and guesses beside them)."""
    return _singular_guesses(word, _looks_plural_es, ("ces", "z"))


def _plurals_es(word):
    if word.endswith("s"):
        return set()
    if word.endswith("z"):
        return {word[:-1] + "ces"}
    if fold(word[-1]) in "aeiou":
        return {word + "s"}
    return {word + "es"}


RULES = {SPANISH: (_singulars_es, _plurals_es)}


def forms(word, language=ENGLISH):
    """The word with its singular and plural forms, sorted: every word of one family gets the
    same list, so "opioid" and "opioids" (or "therapy" and "therapies") run the same search.
    Rules, not a dictionary: a guess like "headach" beside "headache" matches nothing extra.
    Spanish has its own rules ("dolor", "dolores")."""
    if len(word) < MIN_VARIANT_LENGTH or not word.isalpha():
        return [word]
    singulars, plurals = RULES.get(language, (_singulars, _plurals))
    family, frontier = {word}, {word}
    while frontier:  # ends: plurals come only from singular-looking words, and singulars shrink
        frontier = set().union(*(singulars(w) | plurals(w) for w in frontier)) - family
        family |= frontier
    return sorted(family)


def same_word(typed, known, language=ENGLISH):
    """Whether `known` is `typed` in one of its forms, accents aside ("ciatica", "ciática")."""
    return fold(known) in {fold(form) for form in forms(typed, language)}


def phrasings(words, language=ENGLISH):
    """Every way of writing `words` with each word in any of its forms, at most MAX_PHRASINGS:
    a promotion saved for "opioids" shows for "opioid" too."""
    combos = itertools.product(*(forms(word, language) for word in words))
    return [" ".join(combo) for combo in itertools.islice(combos, MAX_PHRASINGS)]


def find_lay_terms(words, lay_terms, language=ENGLISH):
    """Split `words` into plain words and the lay terms in them, longest match first:
    [("word", "neck"), ("lay", "pinched nerve")]. A lay term matches in any word form, with or
    without its accents."""
    by_length = sorted(lay_terms, key=lambda term: (-len(term.split()), term))
    parts, position = [], 0
    while position < len(words):
        for term in by_length:
            term_words = term.split()
            span = words[position : position + len(term_words)]
            if len(span) == len(term_words) and all(
                map(same_word, span, term_words, [language] * len(span))
            ):
                parts.append(("lay", term))
                position += len(term_words)
                break
        else:
            parts.append(("word", words[position]))
            position += 1
    return parts
