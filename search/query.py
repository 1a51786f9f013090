"""What a visitor types, made into a few plain words before any search backend sees it."""

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
QUERY_SYNTAX = str.maketrans({character: " " for character in "\"'()*:^{}[]+-~"})
# Control characters are no words either, and PostgreSQL refuses NUL in any query (a 500 otherwise).
CONTROL_CHARACTERS = str.maketrans({code: " " for code in [*range(0x20), *range(0x7F, 0xA0)]})


def clean_query(raw):
    """At most a few words of reasonable length: a huge query must not cost the server anything."""
    # Quotes and parentheses are query syntax to the search backends; visitors mean words.
    words = (raw or "")[:MAX_QUERY_LENGTH].translate(QUERY_SYNTAX).translate(CONTROL_CHARACTERS).split()
    return " ".join(words[:MAX_TERMS])
