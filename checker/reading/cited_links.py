"""Which of an article's links bear on a sentence of it: the links a proposal cites. Pure."""
from collections.abc import Sequence
from typing import TypedDict

from ..text import normalise


class LinkRow(TypedDict):
    """A link of an article as the store keeps it (a row of article_links)."""

    url: str
    anchor: str | None
    sentence: str | None
    paragraph: int


def folded_sentence(text: str) -> str:
    """A sentence as link sentences are compared: normalised, its whitespace one space."""
    return " ".join(normalise(text).split())


class ArticleLinks:
    """An article's links, each sentence folded once and filed, so that finding the links of a sentence
    costs about its own length, not the article's (as a loop over every link for every proposal did).

    A link bears on a sentence when its own sentence is the same, or when one holds the other and
    both are CONTAINED or longer; a sentence no link bears on takes the links of its paragraph that
    have no sentence recorded."""

    CONTAINED = 20  # characters a folded sentence has at least for holding or being held to count

    def __init__(self, links: Sequence[LinkRow]) -> None:
        self.links = links  # in order of paragraph, then as recorded
        self.same: dict[str, list[int]] = {}  # folded sentence -> indexes of its links
        self.unplaced: dict[int, list[int]] = {}  # paragraph -> indexes of its links without a sentence
        for index, link in enumerate(links):
            if link["sentence"]:
                self.same.setdefault(folded_sentence(link["sentence"]), []).append(index)
            else:
                self.unplaced.setdefault(link["paragraph"], []).append(index)
        self.long = [folded for folded in self.same if len(folded) >= self.CONTAINED]
        self.heads: dict[str, list[str]] = {}  # the first CONTAINED characters of a long link sentence -> those
        self.words: dict[str, list[int]] = {}  # a word of a long link sentence -> those (their indexes in self.long)
        for index, folded in enumerate(self.long):
            self.heads.setdefault(folded[:self.CONTAINED], []).append(folded)
            for word in set(folded.split(" ")):
                self.words.setdefault(word, []).append(index)
        self.found: dict[tuple[str, int], list[str]] = {}

    def urls(self, sentence: str, paragraph: int) -> list[str]:
        """The URLs of the links that bear on a sentence of the given paragraph, in the links' order."""
        key = (sentence, paragraph)
        if key not in self.found:
            self.found[key] = self._urls(folded_sentence(sentence), paragraph)
        return self.found[key]

    def _urls(self, mine: str, paragraph: int) -> list[str]:
        hits = set(self.same.get(mine, ()))
        if len(mine) >= self.CONTAINED:
            width = self.CONTAINED
            for at in range(len(mine) - width + 1):  # a long link sentence inside mine opens at one of its places
                for other in self.heads.get(mine[at:at + width], ()):
                    if mine.startswith(other, at):
                        hits.update(self.same[other])
            for other in self.holding(mine):
                hits.update(self.same[other])
        if not hits:
            hits = set(self.unplaced.get(paragraph, ()))
        return list(dict.fromkeys(self.links[index]["url"] for index in sorted(hits)))

    def holding(self, mine: str) -> list[str]:
        """The long link sentences mine stands inside. A word inside mine (neither its first nor its last,
        which may be parts of words) is a whole word of any sentence holding it: only the sentences
        with the rarest such word are looked into."""
        inner = mine.split(" ")[1:-1]
        places: Sequence[int]
        if inner:
            rarest = min(inner, key=lambda word: len(self.words.get(word, ())))
            places = self.words.get(rarest, ())
        else:
            places = range(len(self.long))
        return [self.long[index] for index in places if mine in self.long[index]]
