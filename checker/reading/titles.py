"""The words of a person's title ("Prime Minister", "Attorney General", "Secretary of State", "Gov."), the
words written before one that say how its holder held it ("former", "ex-", "then-", "the late"), and a
title with a name after it: people.py reads a title before a name with them, relative.py and when.py a
time written just before one ("On Sunday Prime Minister X said", "In March President Y signed": a time,
never part of the title)."""
import re

CORE_TITLES = (r"Prime\s+Minister|President|Vice[\s-]President|Minister|Premier|Chancellor|King|Queen|Governor|Mayor|Senator|"
               r"Ambassador|Secretary|General|Judge|Justice|Speaker|Treasurer|Chairman|Chairwoman|Chairperson|Chair|"
               r"Director|Commissioner|Commander|Admiral|Colonel|Captain|Prince|Princess|Emperor|Pope|Chief\s+Executive|"
               r"Leader|Sheikh|Emir|Sultan|Archbishop|Bishop|Cardinal|Marshal|Attorney[\s-]General|Secretary[\s-]General|"
               r"Manager|Officer|Coordinator|Superintendent|Inspector|Spokes(?:man|woman|person)")
# Titles as news agencies shorten them before a name ("Gov. Gavin Newsom", "Lt. Gov. Kathy Hochul", "Sen.
# Elizabeth Warren"), and the words they stand for, which a claim writes out
WRITTEN_OUT = {"Lt": "Lieutenant", "Maj": "Major", "Brig": "Brigadier", "Atty": "Attorney", "Gov": "Governor",
               "Sen": "Senator", "Gen": "General", "Adm": "Admiral", "Col": "Colonel", "Capt": "Captain",
               "Cmdr": "Commander", "Amb": "Ambassador", "Pres": "President"}
SHORT_TITLES = r"(?:(?:Lt|Maj|Brig|Atty)\.\s*)?(?:Gov|Sen|Gen|Adm|Col|Capt|Cmdr|Amb|Pres)\.(?=\s)"
TITLE_WORDS = rf"{SHORT_TITLES}|{CORE_TITLES}"
# Words before a title that say when or how its holder held it, written apart or joined by a hyphen
# ("former President", "ex-President", "Then-President", "the late Prime Minister", "former-Minister");
# "ex" is "former". A two-letter piece after "Ex-" is a name's ("Ex-Im Bank President X"), not a title's.
HOLDING = r"former|ex|then|late|acting|interim|outgoing|incoming|slain|murdered|fallen|deceased"
HYPHEN = r"[-‐‑]"
AFTER_HOLDING = rf"(?:\s+|{HYPHEN}(?![A-Z][a-z]\b))"
# Words that make a title another office, in either case ("deputy Prime Minister", "vice-President"): the
# title's own words, never to be left off it
RANKS = r"deputy|vice|assistant|associate|lieutenant"
# A capitalised word that qualifies a title ("Russian", "Foreign", "Deputy-", "Lieutenant-"), never one
# that says the holder no longer holds it ("On Sunday Former President X", "In March Then President Y":
# no part of the title; "Acting" may be)
QUALIFIER = rf"(?!(?i:former|ex|then|late){AFTER_HOLDING})(?:[A-Z][\w’'-]*?|(?:[A-Z]\.){{2,}})(?:\s+|-(?=[A-Z]))"  # ("U.S. Sen.")
# What follows a time that a title and a name follow: how it was held, up to four capitalised words that
# qualify the title ("U.S.", "New York", "Foreign", "Lieutenant-"), the title, its "of ..." ("Secretary of
# State"), and a capitalised name.
TITLE_AHEAD = re.compile(rf"""(?x)\s+(?:(?i:{HOLDING}){AFTER_HOLDING})?(?:[A-Z][\w’'.-]*?(?:\s+|-(?=[A-Z]))){{0,4}}?(?:{TITLE_WORDS})
    (?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){{1,3}}?|\s*,?\s+)(?:(?:Mr|Ms|Mrs|Dr|Sir|Dame)\.?\s+)?[A-Z][a-z]""")


def written_out(title: str) -> str:
    """A title with its shortened words written out ("Lt. Gov." -> "Lieutenant Governor")."""
    return re.sub(r"\b([A-Z][a-z]+)\.(?=\s|$)", lambda m: WRITTEN_OUT.get(m.group(1), m.group()), title)
