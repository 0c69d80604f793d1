"""Datasette configuration for a claims database, and the command line that serves it."""
import os
import pathlib
import tempfile

import yaml

CONFIG_DIR = pathlib.Path(__file__).parent / "datasette"


def database_name(db_path):
    """The name Datasette gives a database file: its stem."""
    return pathlib.Path(db_path).stem


def _rekeyed(path, name):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    databases = data.get("databases", {})
    if "claims" in databases and name != "claims":
        databases[name] = databases.pop("claims")
    return data


def datasette_config(db_path):
    """The config and metadata dicts, keyed by the database's name in Datasette."""
    name = database_name(db_path)
    return _rekeyed(CONFIG_DIR / "datasette.yaml", name), _rekeyed(CONFIG_DIR / "metadata.yaml", name)


def datasette_argv(db_path, *, host="127.0.0.1", port=8001):
    """Arguments for ``datasette serve``: the database, config, metadata, and a root login link."""
    config, metadata = datasette_config(db_path)
    folder = tempfile.mkdtemp(prefix="checker-datasette-")
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
