"""The writer's appraisal as a clause's whole point ("Roberts is a tough questioner", "Road conditions were not
great", "Wei looked more comfortable", "some of the most riveting exchanges"): words of worth, taste or mood
that no source can confirm as written, said as the predicate of the clause or ranked ("the most ..."). An
adjective that only colours an event ("after an incredible ceremony, the teams ...") leaves the event to check,
and words that state a fact ("guilty", "controversial", "fair", "significant", "outstanding") are no appraisal.
A clause with a figure, a date or a speaker keeps its claim whatever its words (atomic.py decides).
Pure functions.
"""
import re

from .seams import REPORTING
from .speech import open_quotation, without_quotations

# Words of worth, taste or mood: how the writer sees it, never a property a record holds.
APPRAISAL_WORDS = """
great good bad fine terrible awful dreadful horrible excellent superb splendid wonderful marvellous marvelous
fantastic fabulous amazing incredible astonishing stunning spectacular remarkable impressive extraordinary
brilliant magnificent glorious riveting gripping thrilling exciting fascinating compelling captivating boring
dull tedious bland disappointing underwhelming lacklustre lackluster mediocre dismal abysmal woeful sloppy
clumsy shaky tough formidable fierce dramatic tense comfortable uncomfortable confident nervous beautiful ugly
elegant graceful charming lovely nice pleasant unpleasant hollow strange odd weird bizarre curious surprising
unsurprising shocking ridiculous absurd silly stupid foolish clever wise naive unstoppable unbeatable
invincible flawless immaculate memorable unforgettable forgettable iconic legendary storied glittering dazzling
sublime masterful masterly heartbreaking heartwarming inspiring inspirational touching worthy unworthy
deserving stellar smart funny hilarious witty
""".split()
WORDS = "|".join(sorted(APPRAISAL_WORDS, key=len, reverse=True))
DEGREE = r"(?:(?:very|so|too|quite|rather|pretty|particularly|especially|truly|simply|just|really|hardly|far|" \
         r"much|even|all|that|more|less|increasingly|genuinely|downright|utterly|remarkably|surprisingly)\s+)"
# a linking verb and what it says its subject is: "is a tough questioner", "were not great", "looked more
# comfortable", "became unstoppable", "rang hollow"; or what it had: "has had a pretty stellar year"
LINKING = r"(?:is|are|was|were|be|been|being|am|looks?|looked|seems?|seemed|remains?|remained|became|becomes|" \
          r"proved|proves|felt|feels|sounded|sounds|rang|rings|appears?|appeared|got|gets)"
PREDICATE = re.compile(rf"(?i)\b(?:{LINKING}\s+|(?:has|have|had)\s+(?:had\s+)?(?=an?\s))(?:not\s+|n['’]t\s+|never\s+)?{DEGREE}*(?:(?:a|an|the)\s+{DEGREE}*)?"
                       rf"(?:{WORDS})\b")
PREDICATE_NEGATED = re.compile(rf"(?i)\b(?:isn|aren|wasn|weren)['’]t\s+{DEGREE}*(?:(?:a|an)\s+{DEGREE}*)?(?:{WORDS})\b")
# the writer ranking by their own taste: "some of the most riveting exchanges", "the least memorable final"
RANKED = re.compile(rf"(?i)\b(?:most|least)\s+(?:{WORDS})\b")
# the items of a list before its "and" ("issues such as abortion, vaccines, and all manner of ..."), whose commas
# part no aside that may hold a fact
LIST = re.compile(r"(?:\b[\w’'-]+(?:\s+[\w’'-]+){0,2},\s+)+(?:and|or)\s+")
ASIDE = re.compile(r"[,;:(–—]|\s-\s")
# a phrase that sets the scene before the subject ("From the bench, Roberts is a tough questioner")
OPENER = re.compile(r"^\s*[^,;:()–—]+,\s*")
# someone's view reported ("said it is important", "believe the plan is bold"): theirs to check, not the writer's
REPORTED = re.compile(rf"\b(?:{REPORTING}|thinks?|thought|believes?|believed|feels?\s+that|felt\s+that|considers?|"
                      rf"considered|calls?|called|describes?|described)\b")


def appraises(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a clause) says, in the writer's own words, what the writer makes of something:
    an appraisal as its predicate, or a ranking by taste. Words quoted or reported ("“J.J. Abrams is amazing.”",
    "Hispanics said it is more important that ...") are someone's statement, not the writer's."""
    if open_quotation(text, lo, hi) is not None:
        return False
    clause = without_quotations(text, lo, hi)
    if REPORTED.search(clause):
        return False
    for pattern in (PREDICATE, PREDICATE_NEGATED, RANKED):
        m = pattern.search(clause)
        # the clause is the appraisal and nothing more: no aside before it ("Roberts, who served in the
        # solicitor general's office, was a superb advocate") nor a clause after it ("... weren't remarkable –
        # he has used the same barbs throughout the trial"), either of which may hold a fact
        before = LIST.sub(" ", OPENER.sub("", clause[:m.start()], count=1)) if m else ""  # (a list's commas part no aside)
        if m and not ASIDE.search(before) and not ASIDE.search(clause[m.end():]):
            return True
    return False
