"""The words of a person's title ("Prime Minister", "Attorney General", "Secretary of State"), and a title
with a name after it: people.py reads a title before a name with them, relative.py and when.py a time
written just before one ("On Sunday Prime Minister X said", "In March President Y signed": a time, never
part of the title)."""
import re

CORE_TITLES = (r"Prime\s+Minister|President|Vice[\s-]President|Minister|Premier|Chancellor|King|Queen|Governor|Mayor|Senator|"
               r"Ambassador|Secretary|General|Judge|Justice|Speaker|Treasurer|Chairman|Chairwoman|Chairperson|Chair|"
               r"Director|Commissioner|Commander|Admiral|Colonel|Captain|Prince|Princess|Emperor|Pope|Chief\s+Executive|"
               r"Leader|Sheikh|Emir|Sultan|Archbishop|Bishop|Cardinal|Marshal|Attorney[\s-]General|Secretary[\s-]General")
# What follows a time that a title and a name follow: up to four capitalised words that qualify the title
# ("U.S.", "New York", "Foreign"), the title, its "of ..." ("Secretary of State"), and a capitalised name.
TITLE_AHEAD = re.compile(rf"""(?x)\s+(?:[A-Z][\w’'.-]*\s+){{0,4}}?(?:{CORE_TITLES})
    (?:\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){{1,3}}?|\s*,?\s+)(?:(?:Mr|Ms|Mrs|Dr|Sir|Dame)\.?\s+)?[A-Z][a-z]""")
