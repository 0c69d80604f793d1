"""What stands beside a story's pictures, charts and embedded posts rather than in its text: a photo's
caption with its credit ("... in Surabaya (EPA)", "(AP Photo/Jane Doe) ...", "... Photograph: X/Reuters"),
a slideshow's counter ("1 of 4."), a credit line ("Credit: NASA/ESA View full size image"), a chart's
title and footnotes ("Deaths on the roads: 1990 - 2020 (per 100,000)", "* Includes ..."), and the
signature of an embedded social post ("— Jane Doe (@janedoe) March 3, 2021"). Pure; furniture.py
counts these among a page's furniture."""
import re

# Who a picture is credited to: the wires and picture agencies, by the names captions give them.
AGENCY = (r"(?:AP|AFP|EPA(?:-EFE)?|PA(?:\s+(?:Wire|Images|Media))?|DPA|AAP|ANSA|ANP|UPI|IANS|PTI|ANI|TASS|Xinhua|Kyodo|"
          r"Yonhap|Anadolu(?:\s+Agency)?|Reuters|REUTERS|Bloomberg|Getty(?:\s+Images)?|Shutterstock|Alamy|Corbis|"
          r"Rex(?:\s+Features)?|NurPhoto|SOPA(?:\s+Images)?|ZUMA(?:\s+(?:Press|Wire))?|Sipa(?:\s+USA)?|Polaris|Redux|"
          r"(?:The\s+)?Associated\s+Press|(?:The\s+)?Canadian\s+Press|Press\s+Association|Agence\s+France[\s-]Presse)")
PICTURE = r"(?i:photo(?:graph)?s?|pictures?|pics?|images?|credits?|photo\s+credit|illustration|video|graphic)"
# ... and as a label that ends a caption, capitalised as credits are ("Photograph: ...", "Image: ...")
LABEL = r"(?:Photo(?:graph)?s?|PHOTO(?:GRAPH)?S?|Picture|PICTURE|Pic|Image|IMAGE|Credit|CREDIT|Photo\s+credit|Illustration)"
NAMES = r"[A-Z][\w.'’&-]*(?:\s+(?:[A-Z][\w.'’&-]*|of|de|van|von|da|al))*"
# a credit as it stands in brackets: an agency (with its photographer after a slash), a file or handout
# picture, a labelled credit, or a photographer's name and, after a slash, an agency or a picture desk
CREDIT = (rf"(?:{AGENCY}(?:\s+(?i:photo|images?|pictures?|pool|file))?(?:\s*/\s*[^()/]{{1,60}})?"
          rf"|(?i:file|handout|pool|courtesy)\b[^()]{{0,60}}"
          rf"|{PICTURE}\s*(?::|\bby\b)\s*[^()]{{1,60}}"
          rf"|[A-Z][^()/]{{0,40}}/\s*(?:{AGENCY}|[^()/]{{0,30}}\b(?:Images|Photos?|Pictures|Pool|Handout|Press|Media)\b[^()/]{{0,20}}))")
# ... as it ends a caption without brackets: "Photograph: Jane Doe/AP", "REUTERS/Jane Doe", "AP Photo/Jane Doe"
CREDIT_TAIL = (rf"(?:{LABEL}\s*:\s*[^.!?]{{1,60}}(?:\.[A-Za-z]{{2,6}}\b[^.!?]{{0,30}})?"
               rf"|(?:{AGENCY}(?:\s+(?i:photo|images|pictures|pool))?|(?i:file|handout)(?:\s+(?:photo|\d{{4}}))?)"
               rf"\s*/\s*{NAMES})")
MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
POST_DATE = rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}})"
# an embedded post's signature: its author and handle, then its date ("— Jane Doe (@janedoe) March 3, 2021")
SIGNATURE = (rf"[—–-]{{1,2}}\s*[^—–()]{{0,60}}?\(\s*@\w{{1,30}}\s*\)\s*(?:on\s+)?{POST_DATE}"
             r"(?:\s*(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]m)?\s*[A-Z]{0,4})?")

# a chart's title: what it plots, then the years it spans, then perhaps its unit
CHART_LABEL = r"[^.!?:\d\n]{3,100}?"  # (no figure: a sentence with one says something of it)
YEARS = r"(?:19|20)\d{2}\s*(?:[-–—]|to)\s*(?:(?:19|20)\d{2}|present|today)"
CHART_UNIT = (r"\((?i:(?:rate\s+)?per\s+(?:million|thousand|hundred|capita|\d[\d,]*)|in\s+(?:thousands|millions|billions|"
              r"\$|us\$|£|€|%)|%|percent|per\s+cent|thousands|millions|billions|index|\$|us\$|£|€)[^()]{0,30}\)")

CAPTIONS = {
    # a caption that ends in its credit, in brackets or after a label or a slash
    "caption": re.compile(
        rf"(?:[^()]|\([^()]*\)){{3,600}}?\s*\(\s*(?P<credit>{CREDIT})\s*\)\s*\.?"
        rf"|.{{3,600}}?[\s.]{CREDIT_TAIL}\s*\.?"
        # ... or opens with it ("(AP Photo/Jane Doe) Fans queue ..."): never a bare agency, which is a dateline's
        rf"|\(\s*(?:{AGENCY}\s*/[^()]{{1,60}}|{AGENCY}\s+(?i:photo|images)[^()]{{0,60}}|(?i:file|handout|pool|courtesy)\b[^()]{{0,60}}"
        rf"|{PICTURE}\s*(?::|\bby\b)\s*[^()]{{1,60}}|Getty\s+Images)\s*\)\s+[A-Z\"“'‘].*"
        # ... or says what the picture shows: "In this March 3, 2021, file photo, ...", "The telescope snapped this shot ..."
        r"|(?i:in\s+this\s+(?:[\w.,]+\s+){0,5}(?:photo|photograph|picture|image|still|frame\s+grab|handout)(?![\w-]).*)"
        r"|(?i:this\s+(?:photo|photograph|picture|image)\s+(?:shows|showing|was\s+taken|taken|provided|released|obtained)\b.*)"
        r"|(?i:this\s+(?:undated\s+|handout\s+|file\s+|aerial\s+|satellite\s+|composite\s+)+(?:photo|photograph|picture|image)\b.*)"
        r"|(?i:.{0,120}\b(?:snapped|took|captured)\s+this\s+(?:shot|photo|photograph|picture|image|selfie)\b.*)"
        # ... or a viewer's chrome around it ("Credit: Jane Doe, NASA View full size image ...")
        r"|(?i:.{0,300}\bview\s+(?:full[\s-]+size|larger|full)\s+(?:image|photo|picture)s?\b.*)"
        rf"|(?i:(?:photo\s+|image\s+)?credits?)\s*:\s*[A-Z0-9@]\S*(?:\s+\S+){{0,7}}"),
    # a slideshow's counter, with the caption it heads ("1 of 4. Rescuers search ...", "Photo 3 of 12")
    "slideshow": re.compile(
        r"(?i:(?:photo|image|picture|slide|gallery|item)s?\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}(?:\s*[.:|)–—-]\s*.{0,600}|\s*)"),
    # a chart's title and footnotes: a label with a span of years ("Road deaths: 1990 - 2020 (per 100,000)",
    # "Unemployment rate, 2000-2014") and a starred note that defines, includes or leaves out
    "chart": re.compile(
        rf"{CHART_LABEL}[:,]\s*{YEARS}(?:\s*\([^()]{{1,40}}\))?\.?"
        rf"|{CHART_LABEL}\s+(?i:since|from)\s*:\s*(?:19|20)\d{{2}}\.?"
        rf"|{CHART_LABEL}\s+{YEARS}\s*{CHART_UNIT}\.?"
        r"|(?:\*{1,3}|[†‡])\s*(?:\S+\s+){0,3}?(?i:refers?\s+to|includes?|excludes?|(?:does|do)\s+not\s+include|means|defined\s+as|"
        r"estimated?|provisional|as\s+of|adjusted|figures?\s+(?:are|for)|data\s+(?:are|for))\b.*"),
    # an embedded social post: its signature line, or the whole post ending in it or in its picture link
    "embedded post": re.compile(
        rf"(?:.{{0,600}}?\s)?{SIGNATURE}\.?"
        r"|.{0,600}?(?i:\bpic\.twitter\.com/\w+)(?:\s*[—–-]{1,2}.{0,120})?\.?"
        r"|.{0,600}?\bA\s+(?:photo|video|post)\s+shared\s+by\s+.{1,60}?\(@[\w.]{1,30}\)\s+on\s+.{3,60}"),
}
MAX_WORDS_OF = {"caption": 100, "slideshow": 100, "chart": 60, "embedded post": 90}


def caption_kind(text: str) -> str | None:
    """The kind of picture, chart or post furniture a paragraph (whitespace made single) is, or None."""
    words = len(text.split())
    for kind, pattern in CAPTIONS.items():
        if words > MAX_WORDS_OF[kind]:
            continue
        m = pattern.fullmatch(text)
        if m and not (kind == "caption" and m.group("credit") and (spelt_out(text, m.start("credit"), m.group("credit"))
                                                                   or signed_off(text, m.start("credit"), m.group("credit")))):
            return kind
    return None


def signed_off(text: str, at: int, credit: str) -> bool:
    """Whether a bare agency in brackets ends a wire story's words ("... this difficult passage”. (IANS)"): after a
    quotation or what someone said, it signs the story off; a picture's caption says what it shows."""
    return re.fullmatch(AGENCY, credit.strip()) is not None and re.search(r"[”\"]|\b(?:said|says|told)\b", text[:at]) is not None


def spelt_out(text: str, at: int, credit: str) -> bool:
    """Whether a bracketed abbreviation is the name just before it, spelt out ("the Associated Press (AP)",
    "the Environmental Protection Agency (EPA)"): a definition, not a picture's credit."""
    letters = credit.strip()
    if not re.fullmatch(r"[A-Z]{2,6}", letters):
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w'’]*", text[max(0, at - 120):at]) if w.lower() not in LINKING]
    return "".join(w[0] for w in words[-len(letters):]).upper() == letters


LINKING = frozenset("of and for the de du des la le".split())  # words a name's abbreviation leaves out
