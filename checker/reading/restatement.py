"""Restatements: an article's words written out for a claim, with each time the article leaves to its
date spelled out ("this year" -> "in 2012"), opened with a capital and closed with a full stop; and words
a speaker said, with who said them. Pure."""
import re
from collections.abc import Iterable

from .when import When

AFTER_PREPOSITION = re.compile(r"\b(?:of|by|until|till|before|after|since|from|to|in|on|for|during|through|throughout|over|within|"
                               r"across|into|against|at)\s+$", re.I)


HEDGE_AFTER = re.compile(r"\s+or\s+(?:so|more|less|thereabouts|longer|two)\b")


def written(text: str, lo: int, hi: int, whens: Iterable[When]) -> str:
    """text[lo:hi] with each time the article leaves to its date written out ("this year" -> "in 2012")."""
    pieces: list[str] = []
    at = lo
    for w in whens:
        # (a time with a hedge after it stays as written: "the past decade or so" is never "the decade to October 2010
        # or so")
        if w.relative and lo <= w.start and w.end <= hi and not HEDGE_AFTER.match(text, w.end):
            words = w.written or ""  # (a relative time is always written)
            if text[w.end:w.end + 2] in ("'s", "’s") or AFTER_PREPOSITION.search(text, max(lo, w.start - 12), w.start):
                words = re.sub(r"^(?:in|on)\s+", "", words)  # "last year's bill": "2017's bill"; "by the end of 2024"
            if re.search(r",\s+(?:in|on)\s", words) and re.match(r"\s+\w", text[w.end:w.end + 2]):
                words += ","  # "Six years ago, in 2008, the Pope ...": the writing out is an aside
            elif words[-1:].isdigit() and re.match(r"\s+[A-Z]", text[w.end:w.end + 2]):
                words += ","  # "On Sunday 5 November 2023, Prime Minister X said": the year runs into no name
            pieces += [text[at:w.start], words]
            at = w.end
    pieces.append(text[at:hi])
    return " ".join("".join(pieces).split())


def sentence_case(words: str) -> str:
    words = words.strip().rstrip(",;:").strip()
    if not words:
        return words
    words = words[0].upper() + words[1:]
    if re.search(r"[.!?][’”\"']{0,2}$", words):
        return words
    return words + "."


def restate(text: str, lo: int, hi: int, whens: Iterable[When], prefix: tuple[int, int] | None = None,
            suffix: str | None = None) -> str:
    body = written(text, lo, hi, whens)
    if prefix:
        subject = written(text, *prefix, whens).rstrip(" ,")
        # "SoftBank, its largest investor, installed ...": an appositive set off after a name closes with its comma
        appositive = re.fullmatch(r"[A-Z][\w’'.&-]*(?:\s+(?:of\s+)?[A-Z][\w’'.&-]*)*,\s+(?:its|their|his|her|the|a|an)\s[^,]+",
                                  subject) is not None  # (never a time before the subject: "Last fall, the company")
        body = subject + ("," if appositive else "") + " " + body
    if suffix:
        body = body.rstrip(" ,.;:") + " " + suffix
    return sentence_case(body)


def is_plural(subject: str) -> bool:
    subject = subject.rsplit(",", 1)[-1]  # ("During the second half of the year, rents": the subject after the setting)
    head = re.split(r"\s(?:between|of|in|on|for|from|at|by|with|to|across)\s", " " + subject + " ")[0].split()
    word = head[-1].lower() if head else ""
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "ics", "news"))


def said_words(speaker: str, words: str, mark: str = "“") -> str:
    """The claim of words a speaker said, to their full stop, in quotation marks of the article's kind
    ('Holtz said: "He showered after work."'); a closing mark at the words' end that none in them opens is the
    quotation's own, which the claim writes once."""
    words, closing = words.strip(), CLOSING.get(mark, mark)
    if mark and words.endswith(closing) and (words.count(closing) % 2 if closing == mark else words.count(closing) > words.count(mark)):
        words = words[:-1].rstrip()
    return f"{speaker[:1].upper()}{speaker[1:]} said: {mark}{words}{closing}"


CLOSING = {"“": "”", "‘": "’"}
