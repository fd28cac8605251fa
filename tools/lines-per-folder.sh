#!/usr/bin/env bash
# Lines of C# per folder (two levels deep) at a commit, as the README's before/after table counts them:
#   tools/lines-per-folder.sh [COMMIT]     (default HEAD)
set -euo pipefail
commit="${1:-HEAD}"
git ls-tree -r --name-only "$commit" | grep '\.cs$' | while read -r file; do
  printf '%s %s\n' "$(cut -d/ -f1-2 <<<"$file")" "$(git show "$commit:$file" | wc -l)"
done | awk '{lines[$1] += $2; top[substr($1, 1, index($1 "/", "/") - 1)] += $2}
  END {for (k in lines) print k, lines[k]; for (k in top) print k " (all)", top[k]}' | sort
