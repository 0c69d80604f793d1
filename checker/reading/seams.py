"""Where a sentence is cut into clauses: the seams between them (", but", "; ", ", when", ", and" before a
subject and a verb) and the role of the clause after each, with what makes a seam no seam (a list's last
item, an aside, "cannot help but"); which clauses cannot stand alone once cut (leans_back: "..., and it
seats 16,000") and what makes a clause a fact of its own (FACTISH); the list a colon announces, never cut; and the
words after which a time before is none of the clause's (LATER_EVENT); the word lists the cutting reads (REPORTING,
PAST_ONLY, MONTH_LEADS). clauses.py cuts with them."""
import re

# "told" with whom it was told: a word, or one after a determiner and perhaps an adjective, and the rest of a
# name ("told the court", "told the high court", "told the Senate Judiciary Committee", "told reporters")
REPORTING = r"said|says|told\s+(?:(?:the|a|an|his|her|their|its|our)\s+(?:[a-z][\w’'-]*\s+(?!(?:that|the|a|an|it|he|she|they|we)\b))?)?[\w’'-]+(?:\s+[A-Z][\w’'-]*)*|announced|indicated|stated|claimed|reported|estimated|warned|confirmed|insisted|argued|noted|added|predicted|wrote"
# Past forms that are no participle: a verb after "had fallen in 2012, but" in one of them has no "had" ("but rose")
PAST_ONLY = frozenset("""rose fell grew went began took gave ate drove wrote came ran became saw knew spoke broke chose flew
threw drew sank sang swam wore tore stole froze rode shook forgot hid""".split())
# Words before "May" that make it the month ("in May", "since May", "last May"), never the verb
MONTH_LEADS = frozenset("in on of since until till by from through during early late mid last next this".split())
# Past participles that do not end in "-ed", for every reading of a participle's phrase ("a bridge built in 1990",
# "a bill signed by the governor in May", ", first built in 1656, but rebuilt in 1868"): one list for all of them
PARTICIPLES = r"built|made|known|held|sold|won|taken|given|begun|done|written|drawn|brought|seen|set\s+up"

SPLIT = re.compile(r"""(?x)
    (?P<semi>\s*;\s+|\s+~\s+)
  | (?P<but>,?\s+but\s+(?:also\s+)?|,\s+yet\s+|,\s+so\s+(?=(?:the|a|an|it|they|we|he|she|this|there|its|their|our)\s))
  | (?P<rel>,\s+(?=(?:which|who|whom|whose|something)\b))
  | (?P<dash>\s+[–—-]\s+)
  | (?P<when>,\s+when\s+)
  | (?P<while>,\s+(?:while|whereas|although|though)\s+)
  | (?P<ing>,?\s+(?:before|after)\s+(?=(?:[a-z]+ly\s+)?(?!(?:[a-z]*(?:spring|morning|evening|thing)|king|ring|string|wing|ceiling|lightning)\b)[a-z]{2,}ing\b))
  | (?P<andpron>,\s+and\s+(?=(?:(?:today|now|then|later|yesterday|currently|since\s+then|in\s+recent\s+years|these\s+days),?\s+)?
                               (?:(?:it|he|she|they|we)\s+(?:[a-z]+ly\s+)?(?!(?:and|or|to|in|on|at|of|for|with|by)\b)[a-z]{2,}\b
                                  |there(?:['’](?:s|ll|d)|\s+(?:is|are|was|were|will|would|has|have|had|may|might|could))\b)))
  | (?P<andnoun>,\s+and\s+(?=(?!(?:was|has|is|does|this|its|his|hers|as|us|thus|plus|always|perhaps|sometimes|besides)\b)
                                 [a-z]{2,}[^\Ws]s\s+(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|were|are|have|had|will|would|could|rose|fell|grew|won|
                                 lost|say|said)\b))
  | (?P<andmain>,\s+and\s+(?=(?:(?:in|on|at|by|during|after|before|since|until|last|this|next|earlier|later)\s+[^,;]{1,30},\s+)?
                                 (?:[A-Z]|(?:the|a|an|its|his|her|their|our|my|your|this|these|those|some|many|most)\s)))
  | (?P<andthat>,?\s+and\s+that\s+(?!(?:is|was|are|were|has|had|will|would|could|can|may|might|should|must|does|did)\b))
  | (?P<coord>,?\s+and\s+(?=(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b))
""")
# The role of the clause after each seam: a main clause of its own (after ", and" too when a subject and
# a verb follow: "..., and the", "..., and voters backed it", "..., and it seats"; after "and that", a second thing
# said); a relative clause ("which ...") that needs its sentence to be understood; a "when" clause that takes the time
# of the clause before it; a subordinate clause (a participle's after "before" or "after" too: "rose 5% before falling
# 2%"); a coordinated clause that shares the subject of the clause before it.
SEAMS = {"semi": "main", "but": "main", "rel": "relative", "dash": "relative", "when": "when", "while": "sub", "ing": "sub",
         "andpron": "main", "andnoun": "main", "andmain": "main", "andthat": "main", "coord": "coord"}
PRONOUN_SUBJECT = re.compile(r"(?:(?:today|now|then|later|yesterday|currently|since\s+then|in\s+recent\s+years|these\s+days|"
                             r"(?:in|on|by|during)\s+[^,;]{1,25}),?\s+)?"  # (or a time of its own: "; in 2000, it was $6tn")
                             r"(?:(?:it|they|he|she|we)\s+(?!(?:said|says|told|added|wrote)\b)[a-z]|(?:its|their|his|her)\s+[a-z])", re.I)
OPENING_TAG = re.compile(r"(?:said|says|added|adds|explained|told|wrote|noted)\s+[A-Z]")
# A verb of saying, finding or assuring and its "that", perhaps past its object ("is telling businesses that", "tried to
# assure parents that"): what "and that" after it goes on with is a second thing said
SAID_THAT = re.compile(r"\b(?:sa(?:id|ys?)|tell(?:s|ing)?|told|f(?:ou|i)nds?|found|show(?:s|ed)?|reports?(?:ed)?|believes?d?|argu(?:es?|ed)|"
                       r"not(?:es?|ed)|add(?:s|ed)?|warn(?:s|ed)?|claim(?:s|ed)?|stat(?:es?|ed)|insist(?:s|ed)?|assur(?:es?|ed)|"
                       r"confirm(?:s|ed)?|acknowledg(?:es?|ed)|announc(?:es?|ed)|wr(?:ote|ites?)|explain(?:s|ed)?|"
                       r"conclud(?:es?|ed)|observ(?:es?|ed)|suggest(?:s|ed)?|indicat(?:es?|ed)|estimat(?:es?|ed)|predict(?:s|ed)?)"
                       r"(?:\s+[\w’'-]+){0,2}?\s+that\s")
REPORTED_THAT = re.compile(r"\b(?:said|says|stated|states|claimed|claims|argued|argues|reported|reports|found|finds|showed|shows|"
                           r"noted|notes|wrote|writes|insisted|insists|told\s+\w+)\s+that\b")
CONTRAST_SEAM = re.compile(r"(?:,\s+(?:whereas|while|but|although|though|yet)|;)\s*$")
# An "-ed" word after "and" that describes a noun with a verb of its own later ("and informed speculation about where it
# was going was ..."): the subject of a clause, no verb that shares the one before
ADJECTIVE_SUBJECT = re.compile(r"(?:[a-z]+ly\s+)?[a-z]{3,}ed\s+(?!(?:by|with|to|in|on|at|for|from|as|into|over|under|after|before|during|"
                               r"and|or|but|out|up|down|off|back|away|again|later|then|also|the|a|an|its|their|his|her|this|that|"
                               r"these|those|him|them|it|us|me|[a-z]+ly)\b)[a-z]{3,}\b[^,;]*?\s(?:was|were|is|are|has|have|had)\b")
# Before a participle's "before" or "after": a clause inside another, or a time it measures ("two days after")
FIGURES_APART = re.compile(r"(?i)\b(?:who|whom|which|that|whose|when|where|despite)\b|\b(?:days?|weeks?|months?|years?|hours?|minutes?|"
                           r"decades?|shortly|soon|just|long|right|especially|even|only|immediately|moments?|later|earlier|not|well)\s*$")
PARTICIPLE_SEAM = re.compile(r"\b(?:before|after|while)\s*$")  # (the seams before a clause that opens with a participle)
AFTER_SEAM = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s*$")  # (a clause of its own after ", and", ", but", "; ")
# A noun of a stretch of time, with what it is of, before ", when": the when clause says what that time was
PERIOD_NOUN = re.compile(r"\b(?:period|era|time|times|years|days|decades?|century|moment|age|epoch)(?:\s+of\s+[^,;]{1,40})?$", re.I)
# Words a "but" after which is no seam: "cannot help but feel", "all but ended", "nothing but trouble".
NO_SEAM_BEFORE_BUT = re.compile(r"\b(?:help|all|nothing|anything|everything|none|no\s+one|last)$", re.I)
COUNT = re.compile(r"(?<![\d,.])(?!(?:1[89]|20)\d\d\b)\d")  # a figure that is no year
LIST_FIGURE = re.compile(r"(?:(?:and|or|then)\s+)?[A-Z]{0,3}[^\w\s]{0,2}\d")  # "; and 52% in Abuja", "; US$4 million in 2020"
# An adjective after a determiner, before a "but" that may lead to another ("of a closed but porous state").
ADJECTIVE_BEFORE_BUT = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that)\s+(?:[a-z]+ly\s+)?[a-z][a-z-]+$", re.I)
# A quantifier standing for the subject of the clause before ("Most Republicans were silent, and many on
# Tuesday praised him"): no subject of its own, so no clause of its own.
BACK_QUANTIFIER = re.compile(r"(?:some|many|most)\s+(?:of|on|in|at|also|then|later|have|has|had|were|are|did|will|would|"
                             r"could|[a-z]+ed|[a-z]+ly)\b")
# A count standing for a noun of the clause before ("; two have been flown to land", ", but three were released")
ELIDED = re.compile(r"(?i)(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|"
                    r"thousands|half|several|none|the\s+(?:rest|others|remainder))\s+(?:(?:of\s+(?:them|those|these)|others|more)\s+)?"
                    r"(?:will|would|have|has|had|were|was|are|is|could|may|might|must|can|did|remain|remained|died|survived)\b")
BOTH = re.compile(r"\b(?:both|between|either)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+,?$", re.I)  # "both X and Y": one thing
# Items of a list, each with an apposition ("the Nordlys, a tanker, and Santa Rosa, a freighter"): the one before
# an ", and", and the one after it.
APPOSED_BEFORE = re.compile(r",\s+(?:a|an)\s+[^,;]{1,60}$")
APPOSED_PARTICIPLE = re.compile(rf",\s+(?:a|an)\s+[^,;]{{0,40}}?\b(?:[a-z]{{3,}}ed|{PARTICIPLES})\b[^,;]*$")  # (", a startup announced Monday")
APPOSED_AFTER = re.compile(r"(?:the\s+)?[A-Z][^,;]{0,60},\s+(?:a|an)\s")
# A clause opened by a comparison ("but more than the program received", "and fewer than in 2019"): what the clause
# before is compared with
COMPARATIVE_OPENING = re.compile(r"(?i)(?:(?:but|and|yet|or)\s+)?(?:(?:far|much|still|even|slightly|well)\s+)?"
                                 r"(?:more|less|fewer|higher|lower|greater|bigger|smaller|better|worse)\s+than\b")


def leans_back(text: str, lo: int, start: int) -> bool:
    """Whether the clause at `start`, in the sentence begun at `lo`, cannot stand alone: after a seam, with a bare
    pronoun for its subject or its subject's owner ("The arena opened in 2019, and it seats 16,000 people", "...,
    while its price fell 3 per cent"), or a speaker's tag after a
    quotation with what they did ("“...,” said Nancy as she welcomed 220 passengers"). Its claim is the sentence up
    to its end, with the words that say who or what the pronoun is (never a guess at its antecedent: "The council
    approved the budget, and it passed" is the budget, not the council)."""
    if lo < start and (OPENING_TAG.match(text, start) or (REPORTED_THAT.search(text, lo, start) and CONTRAST_SEAM.search(text, lo, start))):
        return True  # (or a clause of what someone reported: "the post stated that A, whereas for B it had been falling")
    if lo < start and PARTICIPLE_SEAM.search(text, lo, start) and re.match(r"(?:[a-z]+ly\s+)?[a-z]{2,}ing\b", text[start:start + 40]):
        return True  # "Prices rose 5% in 2019 before falling 2%": the subject of "falling" is the clause's before
    return PRONOUN_SUBJECT.match(text, start) is not None and AFTER_SEAM.search(text, lo, start) is not None


# Between two figures of a list: an "and" (of two nouns, or of two verbs: series.verb_next tells), and another noun's
# "of" that makes the second figure that noun's ("a loss of $304.7 million on revenue of $807.3 million"), no item
NOUN_AND = re.compile(r"\s+and\s+")
# The whole or the plan a figure is part of ("sold 2.6 billion euros out of a planned 3 billion"): no item of a list
OUT_OF_WHOLE = re.compile(r"\bout\s+of\s+(?:(?:a|an|the|its|their)\s+)?(?:[a-z]+\s+)?$")
# A figure of a whole the one before counts a share of ("36 percent of Afghanistan's 30 million people", "12% of
# the city's 800,000 residents"): the whole is named in the share's phrase, no item of its own.
POSSESSED_COUNT = re.compile(r"\sof\s+(?P<whole>(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?[\w.-]+['’]s?\s+"
                             r"(?:(?!(?:and|or|but)\b)[a-z-]+\s+){0,2})$")
OTHER_NOUN_OF = re.compile(r"\s(?:on|in|for|with|from|against|versus|and)\s+(?:(?:a|an|the|its|their)\s+)?(?:[a-z]+\s+){1,2}of\s*$")


# The rest of a list after an aside of its first item: names, without a verb, to the end (", India and Japan.")
LIST_TAIL = re.compile(r",\s+(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*(?:,\s+(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)*,?\s+(?:and|or)\s+"
                       r"(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*\W*$")
# An aside of participles about the subject before a "but" ("..., first built in 1656, but rebuilt in 1868, ..."): one aside
PARTICIPLE_ASIDE = re.compile(rf",\s+(?:(?:first|originally|once|later|[a-z]+ly)\s+)?(?:[a-z]{{3,}}ed|[a-z]*(?:{PARTICIPLES}))\b[^,;]*,?$")
BARE_PARTICIPLE = re.compile(rf"(?:(?:later|then|since|again|[a-z]+ly)\s+)?(?:[a-z]{{3,}}ed|[a-z]*(?:{PARTICIPLES}))\b")
# A verb of finding after one of examining ("examined Disney's website, ..., and saw that every toy ..."): what was
# found is of what was examined, no clause of its own
EXAMINED = re.compile(r"(?i)(?:examined|analy[sz]ed|surveyed|studied|reviewed|tested|tracked|followed|interviewed|compared|"
                      r"looked|polled|sampled|audited|measured|monitored|scanned|checked)$")
FOUND = re.compile(r"(?i)(?:found|saw|showed|shown|concluded|discovered|revealed|noted|observed|determined|identified|estimated)$")
# A name that a relative clause after it plainly tells of: one after a word that lists examples ("including Lake
# Chad, which"); never one after a preposition ("a plant in Ghana, which": the plant's) nor a verb's object ("hired A,
# who led the bank, in 2019": what follows may be the verb's).
ANTECEDENT = re.compile(r"\b(?P<lead>[a-z]+)\s+(?P<name>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|\d+\b|(?:del|de|da|van|von|al)(?=\s+[A-Z])))*)"
                        r"\s*,\s*$")
EXAMPLE_LEADS = frozenset("including include includes especially notably particularly namely like as".split())
SAYING_LEADS = frozenset("says said writes wrote adds added explains explained recalls recalled notes noted".split())
# A time that opens a sentence, before its comma ("In 2010, ...", "On Monday, ...", "Last year, ...")
FRONTED_TIME = re.compile(r"(?:In|During|By|On|Since|From|After|Last|This|Early|Late)\s+[^,;]{0,25}?(?:\d|day|week|month|year|January|February|March|"
                          r"April|May|June|July|August|September|October|November|December)[^,;]{0,15},\s+")
# A time counted back from the one a sentence names ("a year earlier", "the previous quarter").
EARLIER = re.compile(r"\b(?:(?:a|an|one|two|three|\d+)\s+(?:years?|months?|quarters?|weeks?)\s+(?:earlier|before|previously|prior)"
                     r"|(?:the|a)\s+(?:previous|prior|preceding|year-earlier)\s+(?:year|month|quarter|period|week))\b")
# The last item of a list whose items a semicolon parts ("...; a cafe; and a big lobby", "...; or dissolved")
SEMICOLON_LIST = re.compile(r";\s+(?:and|or)\s")
# A colon that announces a list by its count ("three tiers of nuclear attacks: those carried out with ...; nuclear bombs
# ...; and dirty bombs", "two camps: those who ... — and those who ..."): the items after it are one whole, never cut
ANNOUNCED_LIST = re.compile(r"(?i)\b(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:[\w’'-]+\s+){0,2}?"
                            r"[\w’'-]+s(?:\s+of\s+[^:;,]{1,40})?:\s")
# Words after which what a clause tells comes later than a time before them ("three increases in 2019 before the rate
# levels off at 3.0 percent"): that time is none of a figure after them
LATER_EVENT = re.compile(r"\b(?:before|until|till|once|then)\b[^,;]*$")  # (never "In 2019, before the crisis, it was 3.5%")

# A number, a rank or a superlative: what makes a clause a fact of its own even with no figure read
# ("was arrested at 16", "finished third", "the lowest reading"); a name with digits ("T1") or a format
# ("5v5", "3x3") is none.
FACTISH = re.compile(r"(?i)(?<![^\W\d_])\d(?!\d*[a-z]\d)|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
                     r"hundred|thousand|million|billion|dozens?|first|second|third|fourth|fifth|last|only|record|"
                     r"most|least|best|worst|(?:larg|bigg|high|low|small|great|fast|slow|old|young|long|short|strong|weak|rich|poor|"
                     r"deadli|earli|clos|wid|bus|hott|cold|heavi|wealthi|tall|deep)est)\b")
