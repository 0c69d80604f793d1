# Sourced by the other scripts: make .venv on first use, and reinstall when pyproject.toml changes.
# Usage: . scripts/venv.sh main|test|mutation   ("test" adds the test extra, "mutation" also mutmut; always name one, since a sourced
# script would otherwise see the caller's own arguments)
extra="$1"
spec="."
[ "$extra" = "test" ] && spec=".[test]"
[ "$extra" = "mutation" ] && spec=".[test,mutation]"
stamp=".venv/.installed-$extra"
want="$(cat pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"
  echo "$want" > "$stamp"
fi
