#!/bin/sh
# Check that the C sources are as clang-format 14 (Debian's clang-format-14,
# pinned: other versions format differently) writes them with the
# repository's .clang-format.  Exit 77 (a skipped Meson test) when that
# clang-format is not installed; 1 with the files and lines it would change.
#
#     tools/check-format.sh [SRCDIR]        check
#     tools/check-format.sh --fix [SRCDIR]  reformat in place
set -u
fix=0
[ "${1:-}" = --fix ] && { fix=1; shift; }
cd "${1:-$(dirname "$0")/..}" || exit 2
cf=$(command -v clang-format-14) || {
	echo "check-format: clang-format-14 not installed: skipped" >&2
	exit 77
}
files=$(ls src/*.c src/*.h src/*.h.in tests/*.c tests/fuzz/*.c tests/fuzz/*.h 2>/dev/null | grep -v '\.in$')
if [ $fix = 1 ]; then
	"$cf" -i $files
	exit $?
fi
status=0
tmp=$(mktemp) || exit 2
for f in $files; do
	if ! "$cf" "$f" | diff -u "$f" - >"$tmp" 2>&1; then
		n=$(grep -c '^+[^+]' "$tmp")
		echo "check-format: $f: $n lines differ from clang-format-14 (tools/check-format.sh --fix)"
		head -n 20 "$tmp"
		status=1
	fi
done
rm -f "$tmp"
exit $status
