"""Site search (its own Django app, label `search`): the results page at /search/, suggestions
as you type at /search-suggestions/, the synonyms editors keep, the spelling vocabulary behind
"Did you mean", and the count of what patients search for (with nothing personal in it)."""
