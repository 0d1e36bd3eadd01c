"""How long reading every file's last-updated date from git takes, for a big content history.

Run: .venv/bin/python bench/git_dates.py [FILES] [COMMITS]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from healthsite.site.dates import read_git_dates


def main(files: int = 3000, commits: int = 300) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp)
        env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b", "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@b"}
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        paths = [repo / "content" / f"topic-{n // 30}" / "causes" / f"item-{n}.md" for n in range(files)]
        for commit in range(commits):
            for path in paths[commit::commits]:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(f"edit {commit}\n")
            subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
            subprocess.run(["git", "-C", str(repo), "commit", "-qm", f"c{commit}", "--allow-empty"], check=True, env=env)
        start = time.perf_counter()
        dates = read_git_dates(repo)
        elapsed = time.perf_counter() - start
        print(f"{files} files, {commits} commits: {len(dates.by_path)} paths dated in {elapsed * 1000:.0f} ms (one git process)")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
