"""Figures of speech a writer narrates with ("hammered the final nail into the coffin", "took a page from
their rivals' book", "held the upper hand"): read literally they are false, and read as meant they are the
writer's judgement of what happened, so a clause whose only content is one claims nothing to check.
A clause with a figure, a date or a speaker keeps its claim whatever its words (atomic.py decides).
Pure functions over a list of idioms written as phrases: "V:" marks a verb taken in any of its forms,
"POSS" a possessive ("their", "T1's"); other words stand as written, "/" between alternatives, "_" for a space
inside one.
"""
import functools
import re

# Verbs whose forms are not the regular ones (stem + s / ed / ing).
IRREGULAR = {
    "be": "be is are was were been being", "break": "break breaks broke broken breaking",
    "bite": "bite bites bit bitten biting", "come": "come comes came coming", "deal": "deal deals dealt dealing",
    "draw": "draw draws drew drawn drawing", "drive": "drive drives drove driven driving",
    "fall": "fall falls fell fallen falling", "get": "get gets got gotten getting", "give": "give gives gave given giving",
    "go": "go goes went gone going", "have": "have has had having", "hit": "hit hits hitting",
    "hold": "hold holds held holding", "keep": "keep keeps kept keeping", "lead": "lead leads led leading",
    "leave": "leave leaves left leaving", "let": "let lets letting", "lose": "lose loses lost losing",
    "make": "make makes made making", "put": "put puts putting", "run": "run runs ran running",
    "see": "see sees saw seen seeing", "set": "set sets setting", "shoot": "shoot shoots shot shooting",
    "sink": "sink sinks sank sunk sinking", "spill": "spill spills spilled spilt spilling",
    "steal": "steal steals stole stolen stealing", "strike": "strike strikes struck striking",
    "swing": "swing swings swung swinging", "take": "take takes took taken taking",
    "throw": "throw throws threw thrown throwing", "win": "win wins won winning",
    "blow": "blow blows blew blown blowing", "dig": "dig digs dug digging", "fight": "fight fights fought fighting",
    "pay": "pay pays paid paying", "read": "read reads reading", "bring": "bring brings brought bringing",
    "stand": "stand stands stood standing", "sit": "sit sits sat sitting", "tear": "tear tears tore torn tearing",
}

# Each a judgement dressed as an action or a state: nothing in it that a source could confirm as written.
IDIOMS = """
nail in/into the/its/their/his/her coffin
V:take a page/leaf from/out_of POSS book
V:have/hold/gain/get/seize/take the upper hand
the tip of the spear
V:breathe a/a_collective/a_huge/a_big sigh of relief
V:lead the charge
with POSS/their/the back/backs to/against the wall
with backs to/against the wall
the tipping point
V:make all the difference
V:turn the tide
the turning point
V:tip the scales
V:be on the hunt
V:face an/a uphill battle/climb/struggle/fight
V:strike at the heart of
V:weigh in
V:perk up
V:be in the driver's/driving seat
the writing on the wall
a wake-up call
the elephant in the room
a perfect storm
a double-edged sword
a game changer/game-changer
the tip of the iceberg
V:hit the ground running
V:raise the bar
V:move the needle
V:bite the bullet
V:be on thin ice
V:skate on thin ice
the ball is in POSS court
back to square one
a drop in the ocean/bucket
par for the course
V:throw in the towel
V:steal the show
V:steal the spotlight
V:set the stage
V:pave the way
V:hold the key
a level playing field
the icing on the cake
a red herring
a slippery slope
V:jump the gun
the last straw
V:add fuel to the fire/flames
V:open the floodgates
V:go down to the wire
a blessing in disguise
V:break the ice
V:get the ball rolling
V:call the shots
V:come out swinging
V:pull no punches
V:take the gloves off
V:be on the back foot
V:be on the front foot
V:drop the ball
V:fall flat
V:miss the mark
V:knock it out of the park
V:fire on all cylinders
V:run out of steam
V:leave POSS rivals/opponents/competitors in the dust
V:steal a march on
the jury is still out
only time will tell
a tall order
V:seal POSS fate
V:rise to the occasion
V:dig deep
V:dig in POSS heels
V:bury the hatchet
V:go the extra mile
V:cross the Rubicon
V:burn the midnight oil
V:rock the boat
V:test the waters
V:toe the line
V:play with fire
V:play second fiddle
V:play hardball
V:blow the whistle on
V:lose steam
V:gain momentum
V:ride the wave
V:punch above POSS weight
V:shoot POSS/themselves/himself/herself/itself in the foot
V:get off on the wrong foot
V:come full circle
V:have the last laugh
V:make waves
V:make a splash
V:stand the test of time
V:sit on the fence
V:spill the beans
V:tear a page from POSS book
V:snowball out of control
V:have the edge over
V:be a far cry from
V:be the talk of the town
V:be the name of the game
""".strip().splitlines()

POSSESSIVE = r"(?:the\s+)?(?:my|your|his|her|its|our|their|[\w’'.-]+[’']s?)"


def verb_forms(verb: str) -> list[str]:
    if verb in IRREGULAR:
        return IRREGULAR[verb].split()
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    if re.search(r"[^aeiou][aeiou][bdgmnprt]$", verb) and len(verb) <= 4:  # "drop": dropped, dropping
        return [verb, verb + "s", verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return [verb, verb + ("es" if verb.endswith(("sh", "ch", "s", "x")) else "s"), verb + "ed", verb + "ing"]


def phrase_pattern(phrase: str) -> str:
    """A phrase of IDIOMS as a regular expression: its verb in any form (with an adverb or two before
    the rest allowed: "held firmly the upper hand" is rare, "has finally turned the tide" common)."""
    parts = []
    for word in phrase.split():
        if word.startswith("V:"):
            forms = [f for v in word[2:].split("/") for f in verb_forms(v)]
            parts.append(rf"(?:{'|'.join(sorted(set(forms), key=len, reverse=True))})")
            continue
        if word == "POSS":
            parts.append(POSSESSIVE)
            continue
        choices = [re.escape(w).replace("'", "['’]").replace("_", r"\s+") for w in word.split("/")]
        parts.append(choices[0] if len(choices) == 1 else rf"(?:{'|'.join(choices)})")
    return r"\s+(?:\w+ly\s+)?".join(parts)


@functools.cache
def idiom_pattern() -> re.Pattern[str]:
    return re.compile(r"(?i)\b(?:" + "|".join(phrase_pattern(p) for p in IDIOMS) + r")\b")


def figurative(text: str, lo: int, hi: int) -> bool:
    """Whether text[lo:hi] (a clause) narrates with a figure of speech of IDIOMS."""
    return idiom_pattern().search(text, lo, hi) is not None
