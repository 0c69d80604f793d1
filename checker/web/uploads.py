"""Files uploaded to the Import page, kept on disk for `import_article` to read: only under a plain
file name of a kind import reads, in the workbench's own folder."""
import hashlib
import os
import tempfile
import unicodedata

from ..errors import InvalidInput

UPLOADS = os.path.join(tempfile.gettempdir(), "checker-uploads")
IMPORTABLE = (".html", ".htm", ".txt", ".pdf")
MAX_NAME_BYTES = 200  # with the 17-character prefix, under the 255 bytes a file name may have on disk
CONTROLS = ("Cc", "Cf", "Cs")  # control, format (such as right-to-left overrides) and lone surrogates


def visible(filename: str) -> str:
    """The name with each control character written as its code, for an error message."""
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in CONTROLS else c for c in filename)


def check_name(filename: str) -> str:
    """The upload's file name, refused (InvalidInput) unless it is a plain name import reads."""
    if any(unicodedata.category(c) in CONTROLS for c in filename):
        raise InvalidInput(f"the file's name “{visible(filename)}” holds control characters: rename the file and "
                           "upload it again")
    if "/" in filename or "\\" in filename or filename.strip(". ") == "":
        raise InvalidInput(f"“{filename}” is not a plain file name: upload the file under its own name, without a folder")
    if len(filename.encode("utf-8")) > MAX_NAME_BYTES:
        raise InvalidInput(f"the file's name is longer than {MAX_NAME_BYTES} bytes: rename the file and upload it again")
    if os.path.splitext(filename)[1].lower() not in IMPORTABLE:
        raise InvalidInput(f"{filename}: import takes {', '.join(IMPORTABLE)} files")
    return filename


def save_upload(filename: str, body: bytes) -> str:
    """Keep an uploaded file and return its path. The same bytes make the same path, so that a
    second upload is found as already imported."""
    name = hashlib.sha256(body).hexdigest()[:16] + "-" + check_name(filename)
    os.makedirs(UPLOADS, exist_ok=True)
    path = os.path.join(UPLOADS, name)
    with open(path, "wb") as f:
        f.write(body)
    return path
