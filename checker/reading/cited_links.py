"""Which of an article's links bear on a sentence of it: the links a proposal cites. Pure."""
from ..text import normalise


def folded_sentence(text):
    """A sentence as link sentences are compared: normalised, its whitespace one space."""
    return " ".join(normalise(text).split())


class ArticleLinks:
    """An article's links, each sentence folded once and filed, so that finding the links of a sentence
    costs about its own length, not the article's (as a loop over every link for every proposal did).

    A link bears on a sentence when its own sentence is the same, or when one holds the other and
    both are CONTAINED or longer; a sentence no link bears on takes the links of its paragraph that
    have no sentence recorded."""

    CONTAINED = 20  # characters a folded sentence has at least for holding or being held to count

    def __init__(self, links):
        self.links = links  # in order of paragraph, then as recorded
        self.same = {}  # folded sentence -> indexes of its links
        self.unplaced = {}  # paragraph -> indexes of its links without a sentence
        for index, link in enumerate(links):
            if link["sentence"]:
                self.same.setdefault(folded_sentence(link["sentence"]), []).append(index)
            else:
                self.unplaced.setdefault(link["paragraph"], []).append(index)
        self.long = [folded for folded in self.same if len(folded) >= self.CONTAINED]
        self.heads = {}  # the first CONTAINED characters of a long link sentence -> those sentences
        self.words = {}  # a word of a long link sentence -> those sentences (their indexes in self.long)
        for index, folded in enumerate(self.long):
            self.heads.setdefault(folded[:self.CONTAINED], []).append(folded)
            for word in set(folded.split(" ")):
                self.words.setdefault(word, []).append(index)
        self.found = {}

    def urls(self, sentence, paragraph):
        """The URLs of the links that bear on a sentence of the given paragraph, in the links' order."""
        key = (sentence, paragraph)
        if key not in self.found:
            self.found[key] = self._urls(folded_sentence(sentence), paragraph)
        return self.found[key]

    def _urls(self, mine, paragraph):
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
            hits = self.unplaced.get(paragraph, ())
        return list(dict.fromkeys(self.links[index]["url"] for index in sorted(hits)))

    def holding(self, mine):
        """The long link sentences mine stands inside. A word inside mine (neither its first nor its last,
        which may be parts of words) is a whole word of any sentence holding it: only the sentences
        with the rarest such word are looked into."""
        inner = mine.split(" ")[1:-1]
        if inner:
            rarest = min(inner, key=lambda word: len(self.words.get(word, ())))
            places = self.words.get(rarest, ())
        else:
            places = range(len(self.long))
        return [self.long[index] for index in places if mine in self.long[index]]
