"""Whether quoted words are a name in title case (a show, a book, a song), never words someone said: speech.py
asks before it takes a quotation for a claim. Pure functions."""
import re

# Words a title leaves in lower case ("Like a Rolling Stone", "The Lord of the Rings").
TITLE_SMALL_WORDS = frozenset("a an the and or nor but of in on at to for by with from as vs".split())


def is_title(words: str) -> bool:
    """Whether quoted words are a name in title case (a show, a book, a song: "Wait, Wait … Don't Tell
    Me!"), never words said: every word capitalised but the small ones, and not all in capitals."""
    tokens = re.findall(r"[^\W\d_][\w’'-]*", words)
    if not tokens or all(t.isupper() for t in tokens if len(t) > 1):
        return False
    return all(t[0].isupper() or t.lower() in TITLE_SMALL_WORDS for t in tokens) and tokens[0][0].isupper()
