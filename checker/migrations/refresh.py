"""m010: a proposal keeps the sentence it was made from, so that once `checker import --refresh`
changes the article, the workbench can tell a proposal whose sentence still stands, word for word,
from one whose sentence changed or went (proposals made before this step have none).
Frozen, like every landed step."""
from . import migrations
from .sql import quote_in_article, run


@migrations()
def m010_proposal_sentences(db):
    run(db, f"""
    ALTER TABLE proposals ADD COLUMN sentence TEXT CHECK (sentence IS NULL OR instr(sentence, quote) > 0);
    DROP TRIGGER proposals_keep_their_words;
    CREATE TRIGGER proposals_keep_their_words BEFORE UPDATE OF article_id, quote, sentence ON proposals
    BEGIN
        SELECT RAISE(ABORT, 'a proposal keeps its article, quote and sentence: propose again instead');
    END;
    CREATE TRIGGER proposals_sentence_in_article BEFORE INSERT ON proposals
    WHEN NEW.sentence IS NOT NULL AND NOT {quote_in_article('NEW.sentence', 'NEW.article_id')}
    BEGIN
        SELECT RAISE(ABORT, 'proposals.sentence must occur in the text of its article');
    END;
    """)
