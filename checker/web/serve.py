"""Datasette configuration for a claims database, and the command line that serves it."""
import os
import pathlib
import re
import shutil
import tempfile
import unicodedata

import yaml

from ..errors import InvalidInput
from ..urls import describe_character

CONFIG_DIR = pathlib.Path(__file__).parent
ROOT = "root"  # the actor of whoever started `checker serve`; no editor may take its name or look like it

# An editor's name as written: ASCII letters, digits, '.', '_' and '-', 1 to 64 of them, starting with
# a letter or digit. Plain ASCII leaves no look-alike letters from other scripts (Cyrillic о for o),
# no invisible characters (zero-width space, soft hyphen) and no full-width forms.
EDITOR_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
EDITOR_NAME_RULE = "1 to 64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit"
# Digits read as the letters they resemble; with case and separators set aside, 'R00T', 'r.o.o.t'
# and 'ro0t' all read as root. The ASCII rule above already refuses every non-ASCII look-alike, so
# Unicode's confusables table would add nothing here.
LOOKALIKE_DIGITS = str.maketrans("013457", "oleast")
# What `datasette hash-password` prints: the algorithm, the iterations, a salt and the hash, '$' between.
PASSWORD_HASH = re.compile(r"pbkdf2_sha256\$[0-9]+\$[^$]+\$[^$]+")
# The docs write a hash or a secret left for you to fill in as "...": copied as it is, it would leave every
# editor locked out (no password matches) or sign cookies and tokens with a secret anyone can read.
PLACEHOLDER_END = ("...", "\u2026")
MAKE_A_SECRET = "export DATASETTE_SECRET=$(python3 -c 'import secrets; print(secrets.token_hex(32))')"


def name_skeleton(name):
    """What a name reads as: NFKC (full-width letters become ASCII), case folded, look-alike digits
    as letters, '.', '_', '-' and invisible format characters (Cf) dropped. 'ＲＯＯＴ', 'R00T',
    'r_o_o_t' and 'ro\u200bot' all give 'root'."""
    folded = unicodedata.normalize("NFKC", name).casefold().translate(LOOKALIKE_DIGITS)
    return "".join(ch for ch in folded if ch not in "._-" and unicodedata.category(ch) != "Cf")


def editor_name_problem(name):
    """Why ``name`` (a key of the editors file) cannot name an editor, in words, or None when it can."""
    if not isinstance(name, str):
        return f"editor name {name!r} is not text: write it in quotes"
    if name_skeleton(name) == ROOT:
        return f"{name!r} cannot be an editor's name: it reads as {ROOT!r}, the server's own user"
    if not EDITOR_NAME.fullmatch(name):
        odd = next((ch for ch in name if not (ch.isascii() and (ch.isalnum() or ch in "._-"))), None)
        which = f" (it holds {describe_character(odd)})" if odd else ""
        return f"editor name {name!r} is not plain{which}: use {EDITOR_NAME_RULE}"
    return None


def database_name(db_path):
    """The name Datasette gives a database file: its stem."""
    return pathlib.Path(db_path).stem


def _rekeyed(path, name):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    databases = data.get("databases", {})
    if "claims" in databases and name != "claims":
        databases[name] = databases.pop("claims")
    return data


def read_editors(path):
    """Editors from a YAML file: {name: {password_hash: ..., roles: [editor]}}."""
    try:
        data = yaml.safe_load(pathlib.Path(path).read_text(encoding="utf-8")) or {}
    except UnicodeDecodeError:
        raise InvalidInput(f"cannot read editors file {path}: it is not UTF-8 text")
    except (OSError, yaml.YAMLError) as e:
        raise InvalidInput(f"cannot read editors file {path}: {' '.join(str(e).split())}")
    if not isinstance(data, dict):
        raise InvalidInput(f"editors file {path} must map each user name to its password_hash")
    seen = {}  # skeleton -> the name that has it
    for name, entry in data.items():
        problem = editor_name_problem(name)
        if problem:
            raise InvalidInput(f"editors file {path}: {problem}")
        if name_skeleton(name) in seen:
            raise InvalidInput(f"editors file {path}: {seen[name_skeleton(name)]!r} and {name!r} read as the same "
                               "name: give each editor a name of their own")
        seen[name_skeleton(name)] = name
        hashed = str(entry.get("password_hash", "")) if isinstance(entry, dict) else ""
        if not hashed.startswith("pbkdf2_sha256$"):
            raise InvalidInput(f"editor {name!r} in {path} needs a password_hash from `datasette hash-password`")
        if hashed.rstrip().endswith(PLACEHOLDER_END) or not PASSWORD_HASH.fullmatch(hashed):
            raise InvalidInput(f"editor {name!r} in {path}: password_hash {hashed!r} is a placeholder, not a whole "
                               "hash: put there what `.venv/bin/datasette hash-password` prints")
    return data


def secret_problem(secret):
    """Why ``secret`` ($DATASETTE_SECRET) must not sign the server's cookies and tokens, in one line, or None."""
    if secret is not None and secret.strip().endswith(PLACEHOLDER_END):
        return f"DATASETTE_SECRET is {secret!r}, a placeholder from the docs: make one of your own with {MAKE_A_SECRET}"
    return None


def with_editors(config, editors):
    """Add editors as datasette-auth-passwords accounts whose actors carry their roles."""
    accounts = config.setdefault("plugins", {}).setdefault("datasette-auth-passwords", {})
    actors = accounts.setdefault("actors", {})
    for name, entry in editors.items():
        accounts[f"{name}_password_hash"] = entry["password_hash"]
        actors[name] = {"id": str(name), "roles": list(entry.get("roles") or ["editor"])}
    return config


def datasette_config(db_path, editors=None, recheck_every=None, address=None):
    """The config and metadata dicts, keyed by the database's name in Datasette; ``recheck_every``
    (seconds) has the server recheck stale sources in the background (schedule.py); ``address``
    (http://host:port) is where a new login link points (login.py)."""
    name = database_name(db_path)
    config = _rekeyed(CONFIG_DIR / "datasette.yaml", name)
    if editors:
        with_editors(config, editors)
    if recheck_every:
        config.setdefault("plugins", {}).setdefault("checker", {})["recheck_every"] = recheck_every
    if address:
        config.setdefault("plugins", {}).setdefault("checker", {})["address"] = address
    return config, _rekeyed(CONFIG_DIR / "metadata.yaml", name)


CONFIG_FOLDER_PREFIX = "checker-datasette-"


def remove_config_folder(folder: str | None) -> None:
    """Remove the folder datasette_argv wrote the server's config to, once Datasette has read it; only
    such a folder, in the temporary folder, whatever a config file names."""
    if not folder:
        return
    path = os.path.realpath(folder)
    if os.path.dirname(path) == os.path.realpath(tempfile.gettempdir()) and \
            os.path.basename(path).startswith(CONFIG_FOLDER_PREFIX):
        shutil.rmtree(path, ignore_errors=True)


def datasette_argv(db_path, *, host="127.0.0.1", port=8001, editors=None, recheck_every=None):
    """Arguments for ``datasette serve``: the database, config, metadata, and a root login link."""
    config, metadata = datasette_config(db_path, editors, recheck_every, address=f"http://{host}:{port}")
    folder = tempfile.mkdtemp(prefix=CONFIG_FOLDER_PREFIX)
    # Datasette reads these files once, as it starts; the plugin's startup removes them (remove_config_folder),
    # so that no copy of the editors' password hashes outlives the server's start in the temporary folder
    config.setdefault("plugins", {}).setdefault("checker", {})["config_folder"] = folder
    paths = {}
    for label, data in (("datasette", config), ("metadata", metadata)):
        paths[label] = os.path.join(folder, f"{label}.yaml")
        with open(paths[label], "w", encoding="utf-8") as f:
            yaml.safe_dump(data, f, allow_unicode=True, sort_keys=False)
    return [
        "serve", os.fspath(db_path),
        "-c", paths["datasette"],
        "-m", paths["metadata"],
        "--host", host,
        "--port", str(port),
        "--root",
    ]
