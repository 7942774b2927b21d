"""Sets metadata.language_info of the given notebooks to the `.net-csharp` kernel's, changing nothing else in the file
(byte-for-byte: only the language_info block is replaced, so concurrent edits of cells merge cleanly).
Usage: python3 set_language_info.py notebooks/*.ipynb"""
import json
import re
import sys

LANGUAGE_INFO = {"name": "C#", "version": "14.0", "mimetype": "text/x-csharp", "file_extension": ".cs",
                 "pygments_lexer": "csharp", "codemirror_mode": "text/x-csharp"}

for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    # The notebook-level block: indented one level inside "metadata" at the end of the file (cells have no language_info).
    match = re.search(r'^(  )"language_info": \{[^{}]*\}', text, re.MULTILINE)
    if not match:
        sys.exit(f"{path}: no language_info block found")
    block = json.dumps({"language_info": LANGUAGE_INFO}, indent=1, ensure_ascii=False)[2:-2]
    block = "\n".join(match.group(1) + line[1:] if i else line[1:] for i, line in enumerate(block.splitlines()))
    updated = text[:match.start()] + match.group(1) + block.lstrip() + text[match.end():]
    json.loads(updated)  # still valid JSON
    if json.loads(updated)["metadata"]["language_info"] != LANGUAGE_INFO:
        sys.exit(f"{path}: the edit did not land in metadata.language_info")
    open(path, "w", encoding="utf-8").write(updated)
    print(f"{path}: language_info set")
