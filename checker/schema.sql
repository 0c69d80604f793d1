CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);

CREATE TABLE article_links (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        url TEXT NOT NULL CHECK ((url GLOB 'http://?*' OR url GLOB 'https://?*') AND url NOT GLOB '*[' || ' ' || char(9) || char(10) || char(13) || char(160) || ']*'),
        anchor TEXT,
        sentence TEXT,
        paragraph INTEGER NOT NULL CHECK (paragraph >= 0),
        UNIQUE (article_id, url, paragraph, anchor)
    );

CREATE TABLE article_versions (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        text TEXT NOT NULL,
        replaced_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

CREATE TABLE articles (
        id TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
        title TEXT NOT NULL CHECK (trim(title, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        author TEXT CHECK (author IS NULL OR trim(author, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        publisher TEXT CHECK (publisher IS NULL OR trim(publisher, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        published TEXT CHECK (published IS NULL OR date(published, '+0 days') IS published),
        url TEXT CHECK (url IS NULL OR ((url GLOB 'http://?*' OR url GLOB 'https://?*') AND url NOT GLOB '*[' || ' ' || char(9) || char(10) || char(13) || char(160) || ']*')),
        text TEXT NOT NULL CHECK (trim(text, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    , imported_from TEXT CHECK (imported_from IS NULL OR trim(imported_from, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''), imported_at TEXT, locale TEXT CHECK (locale IS NULL OR (locale GLOB '[a-z][a-z]*' AND locale NOT GLOB '*[^A-Za-z0-9-]*' AND length(locale) <= 35)), locale_from TEXT CHECK (locale_from IN ('lang', 'domain', 'currency') AND locale IS NOT NULL OR locale_from IS NULL AND locale IS NULL));

CREATE TABLE "checks" (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    elapsed_ms INTEGER NOT NULL CHECK (elapsed_ms >= 0),
    requested_url TEXT NOT NULL CHECK ((requested_url GLOB 'http://?*' OR requested_url GLOB 'https://?*') AND requested_url NOT GLOB '*[' || ' ' || char(9) || char(10) || char(13) || char(160) || ']*'),
    final_url TEXT CHECK (final_url IS NULL OR ((final_url GLOB 'http://?*' OR final_url GLOB 'https://?*') AND final_url NOT GLOB '*[' || ' ' || char(9) || char(10) || char(13) || char(160) || ']*')),
    redirects TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(redirects) AND json_type(redirects) = 'array'),
    http_status INTEGER CHECK (http_status IS NULL OR http_status BETWEEN 100 AND 599),
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'not_modified', 'soft_404', 'not_found', 'gone', 'blocked', 'rate_limited', 'server_error', 'timeout', 'dns_error', 'connection_error', 'tls_error', 'too_many_redirects', 'too_large', 'unsupported_type', 'robots_disallowed', 'refused_address', 'invalid_url')),
    error TEXT,
    content_type TEXT,
    bytes INTEGER,
    etag TEXT,
    last_modified TEXT,
    snapshot_id INTEGER REFERENCES snapshots(id),
    via_archive INTEGER NOT NULL DEFAULT 0 CHECK (via_archive IN (0, 1)),
    archive_url TEXT CHECK (archive_url IS NULL OR ((archive_url GLOB 'http://?*' OR archive_url GLOB 'https://?*') AND archive_url NOT GLOB '*[' || ' ' || char(9) || char(10) || char(13) || char(160) || ']*')),
    archive_timestamp TEXT,
    CHECK (via_archive = 1 OR (archive_url IS NULL AND archive_timestamp IS NULL)),
    CHECK (outcome NOT IN ('ok', 'not_modified') OR snapshot_id IS NOT NULL)
);

CREATE TABLE "claim_health" (
        claim_id INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
        health TEXT NOT NULL CHECK (health IN ('supported', 'contradicted', 'at_risk', 'unsupported', 'unchecked')),
        verdict TEXT NOT NULL,  -- the claim's, copied so that counts by verdict and health read one index
        supporting INTEGER NOT NULL DEFAULT 0,
        latest_check_at TEXT,
        last_change_id INTEGER REFERENCES claim_health_log(id) ON DELETE SET NULL,
        worsened INTEGER NOT NULL DEFAULT 0 CHECK (worsened IN (0, 1)),
        assessed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    , unreachable INTEGER NOT NULL DEFAULT 0, unreachable_since TEXT);

CREATE TABLE "claim_health_log" (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        health TEXT NOT NULL CHECK (health IN ('supported', 'contradicted', 'at_risk', 'unsupported', 'unchecked')),
        previous_health TEXT NOT NULL CHECK (previous_health IN ('supported', 'contradicted', 'at_risk', 'unsupported', 'unchecked')),
        evidence_id INTEGER REFERENCES evidence(id) ON DELETE SET NULL,
        source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('ok', 'not_modified', 'soft_404', 'not_found', 'gone', 'blocked', 'rate_limited', 'server_error', 'timeout', 'dns_error', 'connection_error', 'tls_error', 'too_many_redirects', 'too_large', 'unsupported_type', 'robots_disallowed', 'refused_address', 'invalid_url')),
        support TEXT CHECK (support IS NULL OR support IN ('supports', 'contradicts', 'partial', 'missing', 'unreachable')),
        previous_support TEXT CHECK (previous_support IS NULL OR previous_support IN ('supports', 'contradicts', 'partial', 'missing', 'unreachable')),
        diff TEXT,
        CHECK (health <> previous_health)
    );

CREATE TABLE claim_sources (
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        relation TEXT NOT NULL CHECK (relation IN ('cited', 'supports', 'contradicts', 'context')),
        passage TEXT CHECK (passage IS NULL OR trim(passage, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        note TEXT CHECK (note IS NULL OR trim(note, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), passage_found_at TEXT
        CHECK (passage_found_at IS NULL OR ((passage_found_at GLOB 'http://?*' OR passage_found_at GLOB 'https://?*') AND passage_found_at NOT GLOB '*[' || ' ' || char(9) || char(10) || char(13) || char(160) || ']*')), passage_checked_on TEXT
        CHECK (passage_checked_on IS NULL OR date(passage_checked_on, '+0 days') IS passage_checked_on), passage_read_in TEXT
        CHECK (passage_read_in IS NULL OR (passage_read_in IN ('live_page', 'stored_copy', 'archive_capture')
               AND passage IS NOT NULL AND passage_found_at IS NOT NULL)),
        PRIMARY KEY (claim_id, source_id)
    );

CREATE TABLE "claims" (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id),
    quote TEXT NOT NULL CHECK (trim(quote, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
    claim TEXT NOT NULL CHECK (trim(claim, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
    kind TEXT NOT NULL CHECK (kind IN ('trade_figure', 'visit_date', 'meeting_count', 'first_visit', 'attribution', 'quote', 'membership', 'title', 'historical', 'prediction', 'percentage', 'money', 'count', 'other')),
    verdict TEXT NOT NULL DEFAULT 'unrated' CHECK (verdict IN ('unrated', 'accurate', 'mostly_accurate', 'partly_accurate', 'inaccurate', 'unverifiable')),
    verdict_note TEXT CHECK (verdict_note IS NULL OR trim(verdict_note, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
    verdict_at TEXT CHECK (verdict_at IS NULL OR trim(verdict_at, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
    verdict_by TEXT CHECK (verdict_by IS NULL OR trim(verdict_by, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
    value NUMERIC CHECK (value IS NULL OR (typeof(value) IN ('integer', 'real') AND value BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308)),
    unit TEXT CHECK (unit IS NULL OR trim(unit, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
    date_start TEXT CHECK (date_start IS NULL OR date_start GLOB '[0-9][0-9][0-9][0-9]' OR (length(date_start) = 7 AND date(date_start || '-01', '+0 days') IS date_start || '-01') OR date(date_start, '+0 days') IS date_start),
    date_end TEXT CHECK (date_end IS NULL OR date_end GLOB '[0-9][0-9][0-9][0-9]' OR (length(date_end) = 7 AND date(date_end || '-01', '+0 days') IS date_end || '-01') OR date(date_end, '+0 days') IS date_end),
    added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    added_by TEXT CHECK (added_by IS NULL OR trim(added_by, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
    seed_key TEXT UNIQUE CHECK (seed_key IS NULL OR trim(seed_key, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''), status TEXT NOT NULL DEFAULT 'unstarted' CHECK (status IN ('unstarted', 'in_progress', 'in_review', 'published')), assignee TEXT CHECK (assignee IS NULL OR (length(assignee) BETWEEN 1 AND 64 AND assignee GLOB '[A-Za-z0-9]*' AND assignee NOT GLOB '*[^A-Za-z0-9._-]*')), workflow_at TEXT, workflow_by TEXT CHECK (workflow_by IS NULL OR length(workflow_by) > 0),
    CHECK ((value IS NULL) = (unit IS NULL)),
    CHECK (value IS NULL OR kind NOT IN ('trade_figure', 'meeting_count') OR value > 0),
    CHECK (date_end IS NULL OR date_start IS NOT NULL),
    CHECK (date_end IS NULL OR substr(date_end, 1, min(length(date_start), length(date_end)))
           >= substr(date_start, 1, min(length(date_start), length(date_end))))
);

CREATE VIRTUAL TABLE "claims_fts" USING FTS5 (
    "quote", "claim", "verdict_note",
    content="claims"
);

CREATE TABLE 'claims_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'claims_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'claims_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'claims_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE "evidence" (
    id INTEGER PRIMARY KEY,
    check_id INTEGER NOT NULL REFERENCES checks(id) ON DELETE CASCADE,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    snapshot_id INTEGER REFERENCES snapshots(id),
    support TEXT NOT NULL CHECK (support IN ('supports', 'contradicts', 'partial', 'missing', 'unreachable')),
    score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
    facts_found TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(facts_found) AND json_type(facts_found) = 'array'),
    facts_missing TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(facts_missing) AND json_type(facts_missing) = 'array'),
    snippet TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), facts_where TEXT NOT NULL DEFAULT '[]'
               CHECK (json_valid(facts_where) AND json_type(facts_where) = 'array'),
    CHECK (support = 'unreachable' OR snapshot_id IS NOT NULL)
);

CREATE TABLE link_removals (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL,
        source_id INTEGER NOT NULL,
        relation TEXT NOT NULL,
        passage TEXT,
        note TEXT,
        removed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        removed_by TEXT CHECK (removed_by IS NULL OR trim(removed_by, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        reason TEXT CHECK (reason IS NULL OR trim(reason, ' ' || char(9) || char(10) || char(13) || char(160)) <> '')
    );

CREATE TABLE proposal_history (
        id INTEGER PRIMARY KEY,
        proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        changed_by TEXT NOT NULL CHECK (length(changed_by) > 0),
        from_status TEXT NOT NULL CHECK (from_status IN ('proposed', 'accepted', 'rejected')),
        to_status TEXT NOT NULL CHECK (to_status IN ('proposed', 'accepted', 'rejected')),
        reason TEXT
    );

CREATE TABLE "proposals" (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        quote TEXT NOT NULL CHECK (trim(quote, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        kind TEXT NOT NULL CHECK (kind IN ('trade_figure', 'visit_date', 'meeting_count', 'first_visit', 'attribution', 'quote', 'membership', 'title', 'historical', 'prediction', 'percentage', 'money', 'count', 'other')),
        claim TEXT NOT NULL CHECK (trim(claim, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        value NUMERIC CHECK (value IS NULL OR (typeof(value) IN ('integer', 'real') AND value BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308)),
        unit TEXT CHECK (unit IS NULL OR trim(unit, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        date_start TEXT CHECK (date_start IS NULL OR date_start GLOB '[0-9][0-9][0-9][0-9]' OR (length(date_start) = 7 AND date(date_start || '-01', '+0 days') IS date_start || '-01') OR date(date_start, '+0 days') IS date_start),
        date_end TEXT CHECK (date_end IS NULL OR date_end GLOB '[0-9][0-9][0-9][0-9]' OR (length(date_end) = 7 AND date(date_end || '-01', '+0 days') IS date_end || '-01') OR date(date_end, '+0 days') IS date_end),
        score REAL NOT NULL CHECK (score BETWEEN 0 AND 1),
        cited_urls TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(cited_urls) AND json_type(cited_urls) = 'array'),
        repeats TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(repeats) AND json_type(repeats) = 'array'),
        status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected')),
        claim_id INTEGER REFERENCES claims(id),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), sentence TEXT CHECK (sentence IS NULL OR instr(sentence, quote) > 0), decided_by TEXT CHECK (decided_by IS NULL OR length(decided_by) > 0), decided_at TEXT, rejected_because TEXT
        CHECK (rejected_because IS NULL OR (status = 'rejected' AND trim(rejected_because, ' ' || char(9) || char(10) || char(13) || char(160)) <> '')),
        CHECK ((value IS NULL) = (unit IS NULL)),
        CHECK (date_end IS NULL OR date_start IS NOT NULL),
        CHECK ((status = 'accepted') = (claim_id IS NOT NULL)),
        UNIQUE (article_id, quote, claim)
    );

CREATE TABLE "snapshots" (
    id INTEGER PRIMARY KEY,
    text_hash TEXT NOT NULL UNIQUE,
    content_type TEXT,
    title TEXT,
    canonical_url TEXT CHECK (canonical_url IS NULL OR ((canonical_url GLOB 'http://?*' OR canonical_url GLOB 'https://?*') AND canonical_url NOT GLOB '*[' || ' ' || char(9) || char(10) || char(13) || char(160) || ']*')),
    text TEXT NOT NULL,
    body BLOB,
    body_encoding TEXT CHECK (body_encoding IN ('zlib')),
    body_bytes INTEGER,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
, locale TEXT CHECK (locale IS NULL OR (locale GLOB '[a-z][a-z]*' AND locale NOT GLOB '*[^A-Za-z0-9-]*' AND length(locale) <= 35)), locale_from TEXT CHECK (locale_from IN ('lang', 'domain', 'currency') AND locale IS NOT NULL OR locale_from IS NULL AND locale IS NULL));

CREATE TABLE "source_state" (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('alive', 'failing', 'dead', 'blocked')),
    latest_check_id INTEGER NOT NULL,
    latest_outcome TEXT NOT NULL,
    latest_http_status INTEGER,
    latest_check_at TEXT NOT NULL,
    consecutive_failures INTEGER NOT NULL,
    failing_since TEXT,
    archive_check_id INTEGER,
    archive_url TEXT CHECK (archive_url IS NULL OR ((archive_url GLOB 'http://?*' OR archive_url GLOB 'https://?*') AND archive_url NOT GLOB '*[' || ' ' || char(9) || char(10) || char(13) || char(160) || ']*')),
    archive_timestamp TEXT,
    unreachable_since TEXT
);

CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE CHECK ((url GLOB 'http://?*' OR url GLOB 'https://?*') AND url NOT GLOB '*[' || ' ' || char(9) || char(10) || char(13) || char(160) || ']*'),
        title TEXT CHECK (title IS NULL OR trim(title, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        publisher TEXT CHECK (publisher IS NULL OR trim(publisher, ' ' || char(9) || char(10) || char(13) || char(160)) <> ''),
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

CREATE VIRTUAL TABLE "sources_fts" USING FTS5 (
    "title", "url",
    content="sources"
);

CREATE TABLE 'sources_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'sources_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'sources_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'sources_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE verdict_history (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL,
        changed_by TEXT,
        from_verdict TEXT CHECK (from_verdict IS NULL OR from_verdict IN ('unrated', 'accurate', 'mostly_accurate', 'partly_accurate', 'inaccurate', 'unverifiable')),
        to_verdict TEXT NOT NULL CHECK (to_verdict IN ('unrated', 'accurate', 'mostly_accurate', 'partly_accurate', 'inaccurate', 'unverifiable')),
        note TEXT
    );

CREATE TABLE workflow_history (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        changed_by TEXT NOT NULL CHECK (length(changed_by) > 0),
        from_status TEXT NOT NULL CHECK (from_status IN ('unstarted', 'in_progress', 'in_review', 'published')),
        to_status TEXT NOT NULL CHECK (to_status IN ('unstarted', 'in_progress', 'in_review', 'published')),
        from_assignee TEXT,
        to_assignee TEXT
    );

CREATE INDEX article_links_article ON article_links(article_id, paragraph);

CREATE INDEX article_versions_article ON article_versions(article_id, id);

CREATE UNIQUE INDEX articles_imported_from ON articles(imported_from) WHERE imported_from IS NOT NULL;

CREATE INDEX checks_source_live ON checks(source_id, via_archive, id);

CREATE INDEX checks_started_at ON checks(started_at);

CREATE INDEX claim_health_health ON claim_health(health);

CREATE INDEX claim_health_log_claim ON claim_health_log(claim_id, id);

CREATE INDEX claim_health_verdict_health ON claim_health(verdict, health);

CREATE INDEX claim_health_worsened ON claim_health(claim_id) WHERE worsened = 1;

CREATE INDEX claim_sources_source_id ON claim_sources(source_id);

CREATE INDEX claims_article_id ON claims(article_id);

CREATE INDEX claims_assignee ON claims(assignee, status) WHERE assignee IS NOT NULL;

CREATE INDEX claims_kind ON claims(kind);

CREATE INDEX claims_status ON claims(status);

CREATE INDEX claims_verdict ON claims(verdict);

CREATE INDEX evidence_check ON evidence(check_id);

CREATE INDEX evidence_link ON evidence(claim_id, source_id, check_id);

CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");

CREATE INDEX link_removals_claim ON link_removals(claim_id, id);

CREATE INDEX proposal_history_proposal ON proposal_history(proposal_id, id);

CREATE INDEX proposals_article ON proposals(article_id, status);

CREATE INDEX source_state_state ON source_state(state);

CREATE INDEX verdict_history_claim ON verdict_history(claim_id, id);

CREATE INDEX workflow_history_claim ON workflow_history(claim_id, id);

CREATE VIEW claim_health_now AS
SELECT
    claim_id,
    CASE
        WHEN count(evidence_id) = 0 THEN 'unchecked'
        WHEN sum(support = 'contradicts') > 0 THEN 'contradicted'
        WHEN sum(backs AND ever_supported AND evidence_id IS NOT NULL AND support <> 'supports') > 0 THEN 'at_risk'
        WHEN sum(backs AND support = 'supports') > 0 AND sum(backs AND support = 'supports' AND NOT lost) = 0 THEN 'at_risk'
        WHEN sum(backs AND support = 'supports') > 0 THEN 'supported'
        ELSE 'unsupported'
    END AS health,
    coalesce(sum(backs AND support = 'supports' AND NOT lost), 0) AS supporting,
    max(latest_check_at) AS latest_check_at,
    coalesce(sum(unreachable_since IS NOT NULL), 0) AS unreachable,
    min(unreachable_since) AS unreachable_since
FROM (
    SELECT claim_id, evidence_id, support, ever_supported, latest_check_at, unreachable_since,
           relation <> 'contradicts' AS backs,
           (source_state = 'dead' AND read_from_archive = 0) AS lost
    FROM link_status
)
GROUP BY claim_id;

CREATE VIEW claim_status AS
SELECT
    c.id AS claim_id,
    c.article_id,
    c.kind,
    c.claim,
    (SELECT count(*) FROM claim_sources WHERE claim_sources.claim_id = c.id) AS sources,
    coalesce(h.supporting, 0) AS supporting,
    coalesce(h.unreachable, 0) AS unreachable,
    h.unreachable_since,
    h.latest_check_at,
    coalesce(h.health, 'unchecked') AS health,
    c.verdict,
    c.verdict_note,
    c.verdict_at
FROM claims c LEFT JOIN claim_health h ON h.claim_id = c.id;

CREATE VIEW health_changes AS
    SELECT
        l.id,
        l.claim_id,
        c.claim,
        c.verdict,
        l.previous_health,
        l.health,
        l.changed_at,
        l.source_id,
        s.url AS source_url,
        l.outcome,
        l.previous_support,
        l.support,
        l.diff,
        'checker:health:' || l.id AS atom_id,
        'Claim ' || c.id || ': ' || replace(l.previous_health, '_', ' ') || ' to ' || replace(l.health, '_', ' ') AS atom_title,
        l.changed_at AS atom_updated,
        c.claim || char(10) || 'Source: ' || coalesce(s.url, '(none)') || char(10)
            || 'Support: ' || coalesce(l.previous_support, 'none') || ' to ' || coalesce(l.support, 'none')
            || coalesce(char(10) || 'Change: ' || l.diff, '') AS atom_content,
        '/-/claim/' || c.id AS atom_link
    FROM claim_health_log l
    JOIN claims c ON c.id = l.claim_id
    LEFT JOIN sources s ON s.id = l.source_id
    ORDER BY l.id DESC;

CREATE VIEW link_status AS
SELECT
    cs.claim_id, cs.source_id, cs.relation, cs.passage, cs.note,
    e.id AS evidence_id, e.check_id, e.snapshot_id, e.support, e.score, e.snippet,
    e.facts_found, e.facts_missing, e.created_at AS assessed_at,
    k.started_at AS read_at,
    coalesce(k.via_archive, 0) AS read_from_archive,
    k.archive_url AS read_archive_url,
    k.outcome,
    coalesce(ss.state, 'unchecked') AS source_state,
    ss.latest_outcome, ss.latest_check_at, ss.unreachable_since,
    EXISTS (SELECT 1 FROM evidence p WHERE p.claim_id = cs.claim_id AND p.source_id = cs.source_id
            AND p.support = 'supports') AS ever_supported
FROM claim_sources cs
LEFT JOIN source_state ss ON ss.source_id = cs.source_id
LEFT JOIN evidence e ON e.id = (
    SELECT id FROM (
        SELECT x.id, x.check_id,
               CASE WHEN ss.state = 'dead' THEN xc.via_archive ELSE 1 - xc.via_archive END AS preferred
        FROM evidence x JOIN checks xc ON xc.id = x.check_id
        WHERE x.claim_id = cs.claim_id AND x.source_id = cs.source_id AND x.support <> 'unreachable')
    ORDER BY preferred DESC, check_id DESC, id DESC
    LIMIT 1)
LEFT JOIN checks k ON k.id = e.check_id;

CREATE VIEW review_queue AS
    SELECT
        c.id AS claim_id,
        c.claim,
        c.verdict,
        c.verdict_at,
        l.previous_health,
        l.health,
        l.changed_at,
        l.source_id,
        s.url AS source_url,
        l.outcome,
        l.previous_support,
        l.support,
        l.diff,
        'checker:review:' || l.id AS atom_id,
        'Claim ' || c.id || ' (' || replace(c.verdict, '_', ' ') || '): ' || replace(l.previous_health, '_', ' ')
            || ' to ' || replace(l.health, '_', ' ') AS atom_title,
        l.changed_at AS atom_updated,
        c.claim || char(10) || 'Source: ' || coalesce(s.url, '(none)') || char(10)
            || 'Support: ' || coalesce(l.previous_support, 'none') || ' to ' || coalesce(l.support, 'none')
            || coalesce(char(10) || 'Change: ' || l.diff, '') AS atom_content,
        '/-/claim/' || c.id AS atom_link
    FROM claim_health h
    JOIN claim_health_log l ON l.id = h.last_change_id
    JOIN claims c ON c.id = h.claim_id
    LEFT JOIN sources s ON s.id = l.source_id
    WHERE h.worsened = 1
      AND julianday(l.changed_at) > coalesce(julianday(c.verdict_at), 0)
    ORDER BY l.changed_at DESC, l.id DESC;

CREATE VIEW source_health AS
    SELECT
        sources.id AS source_id,
        sources.url,
        coalesce(s.state, 'unchecked') AS state,
        s.latest_outcome,
        s.latest_http_status,
        s.latest_check_at,
        s.latest_check_id,
        coalesce(s.consecutive_failures, 0) AS consecutive_failures,
        s.failing_since,
        s.archive_url,
        s.archive_timestamp
    FROM sources LEFT JOIN source_state s ON s.source_id = sources.id;

CREATE TRIGGER article_links_url_shows_what_it_is BEFORE INSERT ON article_links
    WHEN NEW.url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'article_links.url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER article_links_url_shows_what_it_is_on_update BEFORE UPDATE OF url ON article_links
    WHEN NEW.url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'article_links.url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER article_versions_never_deleted BEFORE DELETE ON article_versions
    BEGIN
        SELECT RAISE(ABORT, 'article_versions is a record of what happened: it is never deleted');
    END;

CREATE TRIGGER article_versions_never_rewritten BEFORE UPDATE ON article_versions
    BEGIN
        SELECT RAISE(ABORT, 'article_versions is a record of what happened: it is never rewritten');
    END;

CREATE TRIGGER article_versions_replaced_now BEFORE INSERT ON article_versions
    WHEN NEW.replaced_at IS NOT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    BEGIN
        SELECT RAISE(ABORT, 'article_versions.replaced_at is set by the server: the moment the text is replaced');
    END;

CREATE TRIGGER articles_added_at_is_the_insert BEFORE INSERT ON articles
    WHEN NEW.added_at IS NOT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    BEGIN
        SELECT RAISE(ABORT, 'articles.added_at is set by the server: the moment the row is added');
    END;

CREATE TRIGGER articles_added_at_kept BEFORE UPDATE OF added_at ON articles
    WHEN NEW.added_at IS NOT OLD.added_at
    BEGIN
        SELECT RAISE(ABORT, 'articles.added_at is set by the server when the row is added, and never changes');
    END;

CREATE TRIGGER articles_imported_at_is_now BEFORE INSERT ON articles
    WHEN NEW.imported_at IS NOT NULL AND NOT (NEW.imported_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z' AND julianday(NEW.imported_at) IS NOT NULL AND julianday('now') - julianday(NEW.imported_at) BETWEEN -0.5 / 86400 AND 10 / 86400.0)
    BEGIN
        SELECT RAISE(ABORT, 'articles.imported_at is set by the server: the moment of the import');
    END;

CREATE TRIGGER articles_imported_at_is_now_on_update BEFORE UPDATE OF imported_at ON articles
    WHEN NEW.imported_at IS NOT OLD.imported_at AND (NEW.imported_at IS NULL OR NOT (NEW.imported_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]*Z' AND julianday(NEW.imported_at) IS NOT NULL AND julianday('now') - julianday(NEW.imported_at) BETWEEN -0.5 / 86400 AND 10 / 86400.0))
    BEGIN
        SELECT RAISE(ABORT, 'articles.imported_at is set by the server: the moment of the import');
    END;

CREATE TRIGGER articles_text_keeps_its_versions AFTER UPDATE OF text ON articles
    WHEN NEW.text IS NOT OLD.text AND NOT EXISTS (
        SELECT 1 FROM article_versions v
        WHERE v.id = (SELECT max(id) FROM article_versions WHERE article_id = NEW.id)
          AND v.text IS OLD.text AND v.replaced_at IS (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
    BEGIN
        INSERT INTO article_versions (article_id, text) VALUES (NEW.id, OLD.text);
    END;

CREATE TRIGGER articles_text_keeps_quotes BEFORE UPDATE OF text ON articles
    WHEN EXISTS (SELECT 1 FROM claims WHERE claims.article_id = NEW.id AND NOT (instr(NEW.text, claims.quote) > 0 OR instr(replace(replace(replace(replace(replace(NEW.text, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), replace(replace(replace(replace(replace(claims.quote, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), '')) > 0))
    BEGIN
        SELECT RAISE(ABORT, 'articles.text must still contain the quote of every claim on it');
    END;

CREATE TRIGGER articles_url_shows_what_it_is BEFORE INSERT ON articles
    WHEN NEW.url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'articles.url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER articles_url_shows_what_it_is_on_update BEFORE UPDATE OF url ON articles
    WHEN NEW.url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'articles.url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER checks_archive_url_shows_what_it_is BEFORE INSERT ON checks
    WHEN NEW.archive_url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'checks.archive_url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER checks_are_append_only BEFORE UPDATE ON checks
    BEGIN
        SELECT RAISE(ABORT, 'checks are append-only: record a new check instead');
    END;

CREATE TRIGGER checks_final_url_shows_what_it_is BEFORE INSERT ON checks
    WHEN NEW.final_url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'checks.final_url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER checks_keep_archive_capture AFTER INSERT ON checks
    WHEN NEW.via_archive = 1 AND NEW.outcome = 'ok'
    BEGIN
        UPDATE source_state SET archive_check_id = NEW.id, archive_url = NEW.archive_url,
               archive_timestamp = NEW.archive_timestamp
        WHERE source_id = NEW.source_id;
    END;

CREATE TRIGGER checks_keep_source_state AFTER INSERT ON checks WHEN NEW.via_archive = 0
BEGIN
    INSERT INTO source_state (source_id, state, latest_check_id, latest_outcome, latest_http_status,
                              latest_check_at, consecutive_failures, failing_since, unreachable_since)
    VALUES (
        NEW.source_id,
        CASE WHEN NEW.outcome IN ('ok', 'not_modified', 'unsupported_type') THEN 'alive'
             WHEN NEW.outcome IN ('blocked', 'robots_disallowed', 'refused_address') THEN 'blocked' ELSE 'failing' END,
        NEW.id, NEW.outcome, NEW.http_status, NEW.started_at,
        CASE WHEN NEW.outcome IN ('ok', 'not_modified', 'unsupported_type', 'blocked', 'robots_disallowed', 'refused_address') THEN 0 ELSE 1 END,
        CASE WHEN NEW.outcome IN ('ok', 'not_modified', 'unsupported_type', 'blocked', 'robots_disallowed', 'refused_address') THEN NULL ELSE NEW.started_at END,
        CASE WHEN NEW.outcome IN ('ok', 'not_modified') THEN NULL ELSE NEW.started_at END
    )
    ON CONFLICT (source_id) DO UPDATE SET
        latest_check_id = excluded.latest_check_id,
        latest_outcome = excluded.latest_outcome,
        latest_http_status = excluded.latest_http_status,
        latest_check_at = excluded.latest_check_at,
        consecutive_failures = CASE WHEN excluded.consecutive_failures = 0 THEN 0
                                    ELSE source_state.consecutive_failures + 1 END,
        failing_since = CASE WHEN excluded.consecutive_failures = 0 THEN NULL
                             ELSE coalesce(source_state.failing_since, excluded.failing_since) END,
        unreachable_since = CASE WHEN excluded.unreachable_since IS NULL THEN NULL
                                 ELSE coalesce(source_state.unreachable_since, excluded.unreachable_since) END,
        state = CASE
            WHEN excluded.state <> 'failing' THEN excluded.state
            WHEN source_state.consecutive_failures + 1 >= 3
                 AND julianday(excluded.latest_check_at)
                     - julianday(coalesce(source_state.failing_since, excluded.latest_check_at)) >= 3 THEN 'dead'
            ELSE 'failing' END;
END;

CREATE TRIGGER checks_never_deleted BEFORE DELETE ON checks
BEGIN
    SELECT RAISE(ABORT, 'checks is a record of what happened: it is never deleted');
END;

CREATE TRIGGER checks_requested_url_shows_what_it_is BEFORE INSERT ON checks
    WHEN NEW.requested_url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'checks.requested_url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER claim_health_log_never_deleted BEFORE DELETE ON claim_health_log
BEGIN
    SELECT RAISE(ABORT, 'claim_health_log is a record of what happened: it is never deleted');
END;

CREATE TRIGGER claim_health_log_never_rewritten BEFORE UPDATE ON claim_health_log
BEGIN
    SELECT RAISE(ABORT, 'claim_health_log is a record of what happened: it is never rewritten');
END;

CREATE TRIGGER claim_sources_added_at_is_the_insert BEFORE INSERT ON claim_sources
    WHEN NEW.added_at IS NOT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    BEGIN
        SELECT RAISE(ABORT, 'claim_sources.added_at is set by the server: the moment the row is added');
    END;

CREATE TRIGGER claim_sources_added_at_kept BEFORE UPDATE OF added_at ON claim_sources
    WHEN NEW.added_at IS NOT OLD.added_at
    BEGIN
        SELECT RAISE(ABORT, 'claim_sources.added_at is set by the server when the row is added, and never changes');
    END;

CREATE TRIGGER claim_sources_archive_capture_is_not_the_source BEFORE INSERT ON claim_sources
    WHEN NEW.passage_read_in = 'archive_capture'
     AND NEW.passage_found_at = (SELECT url FROM sources WHERE sources.id = NEW.source_id)
    BEGIN
        SELECT RAISE(ABORT, 'claim_sources.passage_found_at of an archive capture is the capture''s own address, not the source''s');
    END;

CREATE TRIGGER claim_sources_archive_capture_is_not_the_source_on_update
        BEFORE UPDATE OF passage_read_in, passage_found_at, source_id ON claim_sources
    WHEN NEW.passage_read_in = 'archive_capture'
     AND NEW.passage_found_at = (SELECT url FROM sources WHERE sources.id = NEW.source_id)
    BEGIN
        SELECT RAISE(ABORT, 'claim_sources.passage_found_at of an archive capture is the capture''s own address, not the source''s');
    END;

CREATE TRIGGER claim_sources_passage_found_at_shows_what_it_is BEFORE INSERT ON claim_sources
    WHEN NEW.passage_found_at GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'claim_sources.passage_found_at must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER claim_sources_passage_found_at_shows_what_it_is_on_update BEFORE UPDATE OF passage_found_at ON claim_sources
    WHEN NEW.passage_found_at GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'claim_sources.passage_found_at must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER claim_sources_removed_on_record BEFORE DELETE ON claim_sources
    WHEN NOT EXISTS (SELECT 1 FROM link_removals r WHERE r.id = (SELECT max(id) FROM link_removals)
                     AND r.claim_id = OLD.claim_id AND r.source_id = OLD.source_id)
    BEGIN
        SELECT RAISE(ABORT, 'a source leaves a claim only through its removal: record it in link_removals first');
    END;

CREATE TRIGGER "claims_ad" AFTER DELETE ON "claims" BEGIN
  INSERT INTO "claims_fts" ("claims_fts", rowid, "quote", "claim", "verdict_note") VALUES('delete', old.rowid, old."quote", old."claim", old."verdict_note");
END;

CREATE TRIGGER claims_added_at_is_the_insert BEFORE INSERT ON claims
    WHEN NEW.added_at IS NOT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    BEGIN
        SELECT RAISE(ABORT, 'claims.added_at is set by the server: the moment the row is added');
    END;

CREATE TRIGGER claims_added_at_kept BEFORE UPDATE OF added_at ON claims
    WHEN NEW.added_at IS NOT OLD.added_at
    BEGIN
        SELECT RAISE(ABORT, 'claims.added_at is set by the server when the row is added, and never changes');
    END;

CREATE TRIGGER claims_added_by_its_writer BEFORE INSERT ON claims
    WHEN checker_actor() IS NOT NULL AND NEW.added_by IS NOT NULL AND NEW.added_by IS NOT checker_actor()
    BEGIN
        SELECT RAISE(ABORT, 'added_by is set by the server: it is whoever adds the claim');
    END;

CREATE TRIGGER claims_added_by_kept BEFORE UPDATE OF added_by ON claims
    WHEN NEW.added_by IS NOT OLD.added_by
         AND NOT (OLD.added_by IS NULL AND NEW.added_by IS checker_actor() AND OLD.added_at IS (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))
    BEGIN
        SELECT RAISE(ABORT, 'added_by is set by the server when the claim is added, and never changes');
    END;

CREATE TRIGGER claims_added_by_stamp AFTER INSERT ON claims
    WHEN NEW.added_by IS NULL AND checker_actor() IS NOT NULL
    BEGIN
        UPDATE claims SET added_by = checker_actor() WHERE id = NEW.id;
    END;

CREATE TRIGGER "claims_ai" AFTER INSERT ON "claims" BEGIN
  INSERT INTO "claims_fts" (rowid, "quote", "claim", "verdict_note") VALUES (new.rowid, new."quote", new."claim", new."verdict_note");
END;

CREATE TRIGGER claims_au AFTER UPDATE OF quote, claim, verdict_note ON claims BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, quote, claim, verdict_note) VALUES('delete', old.rowid, old.quote, old.claim, old.verdict_note);
      INSERT INTO claims_fts (rowid, quote, claim, verdict_note) VALUES (new.rowid, new.quote, new.claim, new.verdict_note);
    END;

CREATE TRIGGER claims_new_verdict_goes_back_to_review AFTER UPDATE OF verdict, verdict_note ON claims
    WHEN (NEW.verdict IS NOT OLD.verdict OR NEW.verdict_note IS NOT OLD.verdict_note) AND (OLD.status = 'published' OR (OLD.status = 'in_review' AND NEW.verdict = 'unrated'))
    BEGIN
        UPDATE claims SET status = CASE WHEN NEW.verdict = 'unrated' THEN 'in_progress' ELSE 'in_review' END,
                          workflow_by = coalesce(checker_actor(), NEW.verdict_by)
        WHERE id = NEW.id;
    END;

CREATE TRIGGER claims_published_by_a_second_editor BEFORE UPDATE OF status, verdict, verdict_note ON claims
    WHEN NEW.status = 'published' AND OLD.status IS NOT 'published' AND (
        coalesce(checker_actor(), NEW.workflow_by) IS NEW.verdict_by OR (NEW.verdict IS NOT OLD.verdict OR NEW.verdict_note IS NOT OLD.verdict_note))
    BEGIN
        SELECT RAISE(ABORT, 'a verdict is published by a second editor: whoever set it cannot publish it');
    END;

CREATE TRIGGER claims_published_from_review BEFORE UPDATE OF status ON claims
    WHEN NEW.status = 'published' AND OLD.status IS NOT 'published' AND OLD.status IS NOT 'in_review'
    BEGIN
        SELECT RAISE(ABORT, 'a claim is published from review: send it to review first');
    END;

CREATE TRIGGER claims_quote_in_article_insert BEFORE INSERT ON claims
    WHEN NEW.quote IS NOT NULL AND EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id)
         AND NOT EXISTS (SELECT 1 FROM articles WHERE articles.id = NEW.article_id AND (instr(articles.text, NEW.quote) > 0 OR instr(replace(replace(replace(replace(replace(articles.text, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), replace(replace(replace(replace(replace(NEW.quote, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), '')) > 0))
    BEGIN
        SELECT RAISE(ABORT, 'claims.quote must occur in the text of its article');
    END;

CREATE TRIGGER claims_quote_in_article_update BEFORE UPDATE OF quote, article_id ON claims
    WHEN NEW.quote IS NOT NULL AND EXISTS (SELECT 1 FROM articles WHERE id = NEW.article_id)
         AND NOT EXISTS (SELECT 1 FROM articles WHERE articles.id = NEW.article_id AND (instr(articles.text, NEW.quote) > 0 OR instr(replace(replace(replace(replace(replace(articles.text, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), replace(replace(replace(replace(replace(NEW.quote, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), '')) > 0))
    BEGIN
        SELECT RAISE(ABORT, 'claims.quote must occur in the text of its article');
    END;

CREATE TRIGGER claims_review_needs_a_verdict BEFORE UPDATE OF status ON claims
    WHEN NEW.status IS NOT OLD.status AND NEW.status IN ('in_review', 'published') AND NEW.verdict = 'unrated'
    BEGIN
        SELECT RAISE(ABORT, 'a claim goes to review, or is published, only with a verdict set');
    END;

CREATE TRIGGER claims_said_once BEFORE INSERT ON claims
WHEN EXISTS (SELECT 1 FROM claims c WHERE c.article_id = NEW.article_id AND c.quote = NEW.quote AND c.claim = NEW.claim)
BEGIN
    SELECT RAISE(ABORT, 'this article already has this claim with this quote');
END;

CREATE TRIGGER claims_start_unrated BEFORE INSERT ON claims
    WHEN NEW.verdict IS NOT 'unrated' OR NEW.verdict_note IS NOT NULL OR NEW.verdict_at IS NOT NULL
         OR NEW.verdict_by IS NOT NULL
    BEGIN
        SELECT RAISE(ABORT, 'a new claim starts unrated: its verdict is set once it is added');
    END;

CREATE TRIGGER claims_start_unstarted BEFORE INSERT ON claims
    WHEN NEW.status IS NOT 'unstarted' OR NEW.assignee IS NOT NULL OR NEW.workflow_at IS NOT NULL
         OR NEW.workflow_by IS NOT NULL
    BEGIN
        SELECT RAISE(ABORT, 'a new claim starts unstarted and unassigned: take it once it is added');
    END;

CREATE TRIGGER claims_verdict_by_its_writer BEFORE UPDATE OF verdict, verdict_note, verdict_at, verdict_by ON claims
    WHEN (NEW.verdict IS NOT OLD.verdict OR NEW.verdict_note IS NOT OLD.verdict_note) AND (
        NEW.verdict_at IS NOT OLD.verdict_at
        OR (checker_actor() IS NOT NULL AND NEW.verdict_by IS NOT OLD.verdict_by AND NEW.verdict_by IS NOT checker_actor()))
    BEGIN
        SELECT RAISE(ABORT, 'verdict_at and verdict_by are set by the server: send the verdict and its note');
    END;

CREATE TRIGGER claims_verdict_history AFTER UPDATE OF verdict, verdict_note ON claims
    WHEN (NEW.verdict IS NOT OLD.verdict OR NEW.verdict_note IS NOT OLD.verdict_note)
    BEGIN
        INSERT INTO verdict_history (claim_id, changed_at, changed_by, from_verdict, to_verdict, note)
        VALUES (NEW.id, (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), coalesce(checker_actor(), NEW.verdict_by), OLD.verdict, NEW.verdict, NEW.verdict_note);
        UPDATE claims SET verdict_at = (SELECT changed_at FROM verdict_history WHERE id = (SELECT max(id) FROM verdict_history WHERE claim_id = NEW.id)),
                          verdict_by = (SELECT changed_by FROM verdict_history WHERE id = (SELECT max(id) FROM verdict_history WHERE claim_id = NEW.id))
        WHERE id = NEW.id;
    END;

CREATE TRIGGER claims_verdict_named BEFORE UPDATE OF verdict, verdict_note ON claims
    WHEN (NEW.verdict IS NOT OLD.verdict OR NEW.verdict_note IS NOT OLD.verdict_note) AND coalesce(checker_actor(), NEW.verdict_by) IS NULL
    BEGIN
        SELECT RAISE(ABORT, 'a verdict is set by someone: name them in verdict_by');
    END;

CREATE TRIGGER claims_verdict_needs_a_new_note BEFORE UPDATE OF verdict ON claims
    WHEN NEW.verdict IS NOT OLD.verdict AND (NEW.verdict_note IS NULL OR NEW.verdict_note IS OLD.verdict_note)
    BEGIN
        SELECT RAISE(ABORT, 'a new verdict needs a new note that says why');
    END;

CREATE TRIGGER claims_verdict_stamp_is_its_history BEFORE UPDATE OF verdict_at, verdict_by ON claims
    WHEN NOT (NEW.verdict IS NOT OLD.verdict OR NEW.verdict_note IS NOT OLD.verdict_note) AND (NEW.verdict_at IS NOT OLD.verdict_at OR NEW.verdict_by IS NOT OLD.verdict_by)
         AND NOT EXISTS (SELECT 1 FROM verdict_history h WHERE h.id = (SELECT max(id) FROM verdict_history WHERE claim_id = NEW.id)
                         AND h.changed_at IS NEW.verdict_at AND h.changed_by IS NEW.verdict_by)
    BEGIN
        SELECT RAISE(ABORT, 'verdict_at and verdict_by are set by the server, and change only with the verdict');
    END;

CREATE TRIGGER claims_verdict_to_health AFTER UPDATE OF verdict ON claims
    BEGIN
        UPDATE claim_health SET verdict = NEW.verdict WHERE claim_id = NEW.id;
    END;

CREATE TRIGGER claims_workflow_by_its_writer BEFORE UPDATE OF status, assignee, workflow_at, workflow_by ON claims
    WHEN (NEW.status IS NOT OLD.status OR NEW.assignee IS NOT OLD.assignee) AND (
        NEW.workflow_at IS NOT OLD.workflow_at
        OR (checker_actor() IS NOT NULL AND NEW.workflow_by IS NOT OLD.workflow_by
            AND NEW.workflow_by IS NOT checker_actor()))
    BEGIN
        SELECT RAISE(ABORT, 'workflow_at and workflow_by are set by the server: send the status or the assignee');
    END;

CREATE TRIGGER claims_workflow_history AFTER UPDATE OF status, assignee ON claims
    WHEN (NEW.status IS NOT OLD.status OR NEW.assignee IS NOT OLD.assignee)
    BEGIN
        INSERT INTO workflow_history (claim_id, changed_at, changed_by, from_status, to_status, from_assignee, to_assignee)
        VALUES (NEW.id, (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), coalesce(checker_actor(), NEW.workflow_by), OLD.status, NEW.status, OLD.assignee, NEW.assignee);
        UPDATE claims SET workflow_at = (SELECT changed_at FROM workflow_history WHERE id = (SELECT max(id) FROM workflow_history WHERE claim_id = NEW.id)),
                          workflow_by = (SELECT changed_by FROM workflow_history WHERE id = (SELECT max(id) FROM workflow_history WHERE claim_id = NEW.id))
        WHERE id = NEW.id;
    END;

CREATE TRIGGER claims_workflow_named BEFORE UPDATE OF status, assignee ON claims
    WHEN (NEW.status IS NOT OLD.status OR NEW.assignee IS NOT OLD.assignee) AND coalesce(checker_actor(), NEW.workflow_by) IS NULL
    BEGIN
        SELECT RAISE(ABORT, 'a change of status or assignee is made by someone: name them in workflow_by');
    END;

CREATE TRIGGER claims_workflow_stamp_is_its_history BEFORE UPDATE OF workflow_at, workflow_by ON claims
    WHEN NOT (NEW.status IS NOT OLD.status OR NEW.assignee IS NOT OLD.assignee) AND (NEW.workflow_at IS NOT OLD.workflow_at OR NEW.workflow_by IS NOT OLD.workflow_by)
         AND NOT EXISTS (SELECT 1 FROM workflow_history h WHERE h.id = (SELECT max(id) FROM workflow_history WHERE claim_id = NEW.id)
                         AND h.changed_at IS NEW.workflow_at AND h.changed_by IS NEW.workflow_by)
    BEGIN
        SELECT RAISE(ABORT, 'workflow_at and workflow_by are set by the server, and change only with the status or assignee');
    END;

CREATE TRIGGER evidence_never_deleted BEFORE DELETE ON evidence
BEGIN
    SELECT RAISE(ABORT, 'evidence is a record of what happened: it is never deleted');
END;

CREATE TRIGGER evidence_never_rewritten BEFORE UPDATE ON evidence
BEGIN
    SELECT RAISE(ABORT, 'evidence is a record of what happened: it is never rewritten');
END;

CREATE TRIGGER evidence_source_is_the_checks BEFORE INSERT ON evidence
    WHEN NEW.source_id IS NOT (SELECT source_id FROM checks WHERE id = NEW.check_id)
    BEGIN
        SELECT RAISE(ABORT, 'evidence.source_id must be the source of its check');
    END;

CREATE TRIGGER link_removals_never_deleted BEFORE DELETE ON link_removals
    BEGIN
        SELECT RAISE(ABORT, 'link_removals is a record of what happened: it is never deleted');
    END;

CREATE TRIGGER link_removals_never_rewritten BEFORE UPDATE ON link_removals
    BEGIN
        SELECT RAISE(ABORT, 'link_removals is a record of what happened: it is never rewritten');
    END;

CREATE TRIGGER proposal_history_never_deleted BEFORE DELETE ON proposal_history
    BEGIN
        SELECT RAISE(ABORT, 'proposal_history is a record of what happened: it is never deleted');
    END;

CREATE TRIGGER proposal_history_never_rewritten BEFORE UPDATE ON proposal_history
    BEGIN
        SELECT RAISE(ABORT, 'proposal_history is a record of what happened: it is never rewritten');
    END;

CREATE TRIGGER proposals_cite_only_http BEFORE INSERT ON proposals
    WHEN EXISTS (SELECT 1 FROM json_each(NEW.cited_urls) WHERE type <> 'text' OR NOT ((value GLOB 'http://?*' OR value GLOB 'https://?*') AND value NOT GLOB '*[' || ' ' || char(9) || char(10) || char(13) || char(160) || ']*') OR value GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
    BEGIN
        SELECT RAISE(ABORT, 'proposals.cited_urls holds only absolute http(s) URLs');
    END;

CREATE TRIGGER proposals_cite_only_http_on_update BEFORE UPDATE OF cited_urls ON proposals
    WHEN EXISTS (SELECT 1 FROM json_each(NEW.cited_urls) WHERE type <> 'text' OR NOT ((value GLOB 'http://?*' OR value GLOB 'https://?*') AND value NOT GLOB '*[' || ' ' || char(9) || char(10) || char(13) || char(160) || ']*') OR value GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
    BEGIN
        SELECT RAISE(ABORT, 'proposals.cited_urls holds only absolute http(s) URLs');
    END;

CREATE TRIGGER proposals_created_at_is_the_insert BEFORE INSERT ON proposals
    WHEN NEW.created_at IS NOT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    BEGIN
        SELECT RAISE(ABORT, 'proposals.created_at is set by the server: the moment the row is added');
    END;

CREATE TRIGGER proposals_created_at_kept BEFORE UPDATE OF created_at ON proposals
    WHEN NEW.created_at IS NOT OLD.created_at
    BEGIN
        SELECT RAISE(ABORT, 'proposals.created_at is set by the server when the row is added, and never changes');
    END;

CREATE TRIGGER proposals_decided_by_someone BEFORE UPDATE OF status ON proposals
    WHEN NEW.status IS NOT OLD.status AND coalesce(checker_actor(), NEW.decided_by) IS NULL
    BEGIN
        SELECT RAISE(ABORT, 'a proposal is accepted, rejected or reopened by someone: name them in decided_by');
    END;

CREATE TRIGGER proposals_decision_history AFTER UPDATE OF status ON proposals
    WHEN NEW.status IS NOT OLD.status
    BEGIN
        INSERT INTO proposal_history (proposal_id, changed_at, changed_by, from_status, to_status, reason)
        VALUES (NEW.id, (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), coalesce(checker_actor(), NEW.decided_by), OLD.status, NEW.status, NEW.rejected_because);
        UPDATE proposals SET decided_by = coalesce(checker_actor(), NEW.decided_by),
                             decided_at = (SELECT changed_at FROM proposal_history
                                           WHERE id = (SELECT max(id) FROM proposal_history WHERE proposal_id = NEW.id))
        WHERE id = NEW.id;
    END;

CREATE TRIGGER proposals_keep_their_words BEFORE UPDATE OF article_id, quote, sentence ON proposals
    BEGIN
        SELECT RAISE(ABORT, 'a proposal keeps its article, quote and sentence: propose again instead');
    END;

CREATE TRIGGER proposals_move_forward BEFORE UPDATE OF status, claim_id ON proposals
    WHEN NOT (
        (NEW.status IS OLD.status AND NEW.claim_id IS OLD.claim_id)
        OR (OLD.status = 'proposed' AND NEW.status = 'rejected' AND NEW.claim_id IS NULL)
        OR (OLD.status = 'rejected' AND NEW.status = 'proposed' AND NEW.claim_id IS NULL)
        OR (OLD.status = 'proposed' AND NEW.status = 'accepted'
            AND EXISTS (SELECT 1 FROM claims c WHERE c.id = NEW.claim_id AND c.article_id = NEW.article_id
                        AND julianday('now') - julianday(c.added_at) < 60 / 86400.0
                        AND (instr(replace(replace(replace(replace(replace(coalesce(NEW.sentence, NEW.quote), ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), replace(replace(replace(replace(replace(c.quote, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), '')) > 0
                             OR instr(replace(replace(replace(replace(replace(c.quote, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), replace(replace(replace(replace(replace(NEW.quote, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), '')) > 0))
            AND NOT EXISTS (SELECT 1 FROM proposals p WHERE p.claim_id = NEW.claim_id AND p.id <> NEW.id)))
    BEGIN
        SELECT RAISE(ABORT, 'a proposal goes from proposed to rejected or back, or to accepted as the claim just made from it, and no further');
    END;

CREATE TRIGGER proposals_quote_in_article BEFORE INSERT ON proposals
    WHEN NOT EXISTS (SELECT 1 FROM articles WHERE articles.id = NEW.article_id AND (instr(articles.text, NEW.quote) > 0 OR instr(replace(replace(replace(replace(replace(articles.text, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), replace(replace(replace(replace(replace(NEW.quote, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), '')) > 0))
    BEGIN
        SELECT RAISE(ABORT, 'proposals.quote must occur in the text of its article');
    END;

CREATE TRIGGER proposals_rejected_for_a_reason BEFORE UPDATE OF status, rejected_because ON proposals
    WHEN (NEW.status = 'rejected' AND OLD.status IS NOT 'rejected'
          AND trim(coalesce(NEW.rejected_because, ''), ' ' || char(9) || char(10) || char(13) || char(160)) = '')
         OR (NEW.status IS NOT 'rejected' AND NEW.rejected_because IS NOT NULL)
    BEGIN
        SELECT RAISE(ABORT, 'a proposal is rejected for a reason: say why in rejected_because (an undo clears it)');
    END;

CREATE TRIGGER proposals_sentence_in_article BEFORE INSERT ON proposals
    WHEN NEW.sentence IS NOT NULL AND NOT EXISTS (SELECT 1 FROM articles WHERE articles.id = NEW.article_id AND (instr(articles.text, NEW.sentence) > 0 OR instr(replace(replace(replace(replace(replace(articles.text, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), ''), replace(replace(replace(replace(replace(NEW.sentence, ' ', ''), char(9), ''), char(10), ''), char(13), ''), char(160), '')) > 0))
    BEGIN
        SELECT RAISE(ABORT, 'proposals.sentence must occur in the text of its article');
    END;

CREATE TRIGGER proposals_start_proposed BEFORE INSERT ON proposals
    WHEN NEW.status IS NOT 'proposed' OR NEW.claim_id IS NOT NULL
    BEGIN
        SELECT RAISE(ABORT, 'a proposal starts proposed: it is accepted or rejected afterwards');
    END;

CREATE TRIGGER snapshots_canonical_url_shows_what_it_is BEFORE INSERT ON snapshots
    WHEN NEW.canonical_url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'snapshots.canonical_url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER snapshots_never_deleted BEFORE DELETE ON snapshots
BEGIN
    SELECT RAISE(ABORT, 'snapshots is a record of what happened: it is never deleted');
END;

CREATE TRIGGER snapshots_never_rewritten BEFORE UPDATE ON snapshots
BEGIN
    SELECT RAISE(ABORT, 'snapshots is a record of what happened: it is never rewritten');
END;

CREATE TRIGGER source_state_archive_url_shows_what_it_is BEFORE INSERT ON source_state
    WHEN NEW.archive_url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'source_state.archive_url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER source_state_archive_url_shows_what_it_is_on_update BEFORE UPDATE OF archive_url ON source_state
    WHEN NEW.archive_url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'source_state.archive_url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER "sources_ad" AFTER DELETE ON "sources" BEGIN
  INSERT INTO "sources_fts" ("sources_fts", rowid, "title", "url") VALUES('delete', old.rowid, old."title", old."url");
END;

CREATE TRIGGER sources_added_at_is_the_insert BEFORE INSERT ON sources
    WHEN NEW.added_at IS NOT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    BEGIN
        SELECT RAISE(ABORT, 'sources.added_at is set by the server: the moment the row is added');
    END;

CREATE TRIGGER sources_added_at_kept BEFORE UPDATE OF added_at ON sources
    WHEN NEW.added_at IS NOT OLD.added_at
    BEGIN
        SELECT RAISE(ABORT, 'sources.added_at is set by the server when the row is added, and never changes');
    END;

CREATE TRIGGER "sources_ai" AFTER INSERT ON "sources" BEGIN
  INSERT INTO "sources_fts" (rowid, "title", "url") VALUES (new.rowid, new."title", new."url");
END;

CREATE TRIGGER "sources_au" AFTER UPDATE ON "sources" BEGIN
  INSERT INTO "sources_fts" ("sources_fts", rowid, "title", "url") VALUES('delete', old.rowid, old."title", old."url");
  INSERT INTO "sources_fts" (rowid, "title", "url") VALUES (new.rowid, new."title", new."url");
END;

CREATE TRIGGER sources_url_shows_what_it_is BEFORE INSERT ON sources
    WHEN NEW.url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'sources.url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER sources_url_shows_what_it_is_on_update BEFORE UPDATE OF url ON sources
    WHEN NEW.url GLOB '*[' || char(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
    BEGIN
        SELECT RAISE(ABORT, 'sources.url must not hold invisible or bidirectional control characters');
    END;

CREATE TRIGGER verdict_history_never_deleted BEFORE DELETE ON verdict_history
BEGIN
    SELECT RAISE(ABORT, 'verdict_history is a record of what happened: it is never deleted');
END;

CREATE TRIGGER verdict_history_never_rewritten BEFORE UPDATE ON verdict_history
BEGIN
    SELECT RAISE(ABORT, 'verdict_history is a record of what happened: it is never rewritten');
END;

CREATE TRIGGER workflow_history_never_deleted BEFORE DELETE ON workflow_history
    BEGIN
        SELECT RAISE(ABORT, 'workflow_history is a record of what happened: it is never deleted');
    END;

CREATE TRIGGER workflow_history_never_rewritten BEFORE UPDATE ON workflow_history
    BEGIN
        SELECT RAISE(ABORT, 'workflow_history is a record of what happened: it is never rewritten');
    END;
