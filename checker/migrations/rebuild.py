"""Changes ALTER TABLE cannot make (a table's constraints), keeping every row, index, trigger and view.

SQLite's documented procedure: with foreign keys off and inside one transaction, create the new
table, copy the rows, drop the old table, rename the new one into its place, then recreate the
indexes, triggers and views, and check the foreign keys before committing. Steps that use it are
registered with ``transactional=False``, since foreign keys cannot be switched off inside one."""
import contextlib


class Schema:
    """The schema during a rebuild: its triggers and views are set aside until the step is done."""

    def __init__(self, db):
        self.db = db
        self.set_aside = db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') AND sql IS NOT NULL"
            " ORDER BY rowid").fetchall()
        self.retired = set()
        for kind, name, _ in self.set_aside:
            db.execute(f'DROP {kind.upper()} "{name}"')

    def replace_table(self, name, create_sql):
        """Give table ``name`` the definition ``create_sql`` (a CREATE TABLE of that name), keeping
        its rows (the columns both definitions have) and its indexes."""
        indexes = self.db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", [name]
        ).fetchall()
        old_columns = [r[1] for r in self.db.execute(f'PRAGMA table_info("{name}")')]
        temporary = f"_{name}_rebuilt"
        head, _, rest = create_sql.strip().partition("(")
        if head.split()[-1].strip('"') != name:
            raise ValueError(f"the new definition is not of table {name}")
        self.db.execute(f'CREATE TABLE "{temporary}" ({rest}')
        new_columns = [r[1] for r in self.db.execute(f'PRAGMA table_info("{temporary}")')]
        kept = ", ".join(f'"{c}"' for c in old_columns if c in new_columns)
        self.db.execute(f'INSERT INTO "{temporary}" ({kept}) SELECT {kept} FROM "{name}"')
        self.db.execute(f'DROP TABLE "{name}"')
        self.db.execute(f'ALTER TABLE "{temporary}" RENAME TO "{name}"')
        for (sql,) in indexes:
            self.db.execute(sql)

    def retire(self, *names):
        """Triggers or views this step replaces or removes: not put back when it is done."""
        self.retired.update(names)

    def put_back(self):
        present = {name for (name,) in self.db.execute("SELECT name FROM sqlite_master")}
        for _, name, sql in self.set_aside:
            if name not in self.retired and name not in present:
                self.db.execute(sql)


@contextlib.contextmanager
def rebuilding(db):
    """One transaction, foreign keys off, triggers and views set aside and put back afterwards."""
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            schema = Schema(db)
            yield schema
            schema.put_back()
            broken = db.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the rebuild would break foreign keys: {broken[:3]}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    finally:
        db.execute("PRAGMA foreign_keys = ON")

