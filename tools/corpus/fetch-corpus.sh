#!/usr/bin/env bash
# Brings a corpus of real third-party .xlsx files (test fixtures that other projects publish inside
# their Debian and npm packages) into .corpus/ (gitignored), for test/corpus.test.ts.
#
# Only the npm registry and Debian's archive are reachable from CI, and nothing third-party is
# committed, so the files are taken at run time from published packages, through apt and npm:
#   - Debian source packages (orig tarball, hash-checked against the signed Sources index);
#   - Debian binary packages (example workbooks in R packages' extdata);
#   - npm package tarballs that ship their test or example workbooks.
# .corpus/ATTRIBUTION.md lists every source with its version and licence; .corpus/licences/ keeps
# each package's own copyright / licence text. Files identical to one already taken are skipped.
#
# Usage: bash tools/corpus/fetch-corpus.sh   (CORPUS_DIR overrides the folder)
# Exits non-zero when fewer than CORPUS_MIN (default 300) files could be gathered; one source that
# cannot be had is reported and skipped, since the archive's mirrors do not all carry every file.
set -euo pipefail  # so no pipeline below stops its writer early (no `| head`, no awk `exit`): SIGPIPE would end the script
export DEBIAN_FRONTEND=noninteractive

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CORPUS="${CORPUS_DIR:-$ROOT/.corpus}"
# Downloads and extracted members are kept outside the work tree, so that another clone on the
# same machine (CI's) finds them; a fresh machine fetches them again.
CACHE="${CORPUS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chitieu-corpus}"
FILES="$CORPUS/files"
LIC="$CORPUS/licences"
MIN="${CORPUS_MIN:-300}"
START=$SECONDS

# A private deb-src configuration: the machine's own apt setup is left untouched.
APTDIR="$CACHE/apt"
APTO=(-o "Dir::Etc::SourceList=$APTDIR/src.sources" -o "Dir::Etc::SourceParts=$APTDIR/none"
      -o "Dir::State::Lists=$APTDIR/lists" -o "Dir::Cache=$APTDIR/cache" -o "Debug::NoLocking=1")

rm -rf "$FILES" "$LIC" "$CORPUS/ATTRIBUTION.md" "$CORPUS/.hashes"
mkdir -p "$CACHE/src" "$CACHE/npm" "$CACHE/deb" "$FILES" "$LIC" "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial" "$APTDIR/none"
touch "$CORPUS/.hashes"

{
  echo "# Third-party .xlsx corpus"
  echo
  echo "Gathered by tools/corpus/fetch-corpus.sh on $(date -u +%Y-%m-%d). Each file stays under its source's"
  echo "licence (full texts in licences/). The files are test fixtures of the projects named; they are used"
  echo "here only as input to tests and are not redistributed by this repository."
  echo
  echo "| folder | source | version | licence | files | taken from |"
  echo "| --- | --- | --- | --- | --- | --- |"
} > "$CORPUS/ATTRIBUTION.md"

note() { echo "corpus: $*" >&2; }

# The tools used below are on the machine image; xz is the one a slimmer image might lack.
command -v xz >/dev/null || apt-get install -y -qq --no-install-recommends xz-utils >/dev/null

# take FOLDER SRC_DIR FIND_ARGS…: copies the .xlsx files under SRC_DIR matching FIND_ARGS into
# files/FOLDER, named by their path below SRC_DIR (slashes as "__"), skipping files byte-identical
# to one already taken (.hashes lists the digests taken so far).
take() {
  local folder="$1" dir="$2"; shift 2
  local n=0 sum f rel
  mkdir -p "$FILES/$folder"
  declare -A seen=()
  while read -r sum; do seen[$sum]=1; done < "$CORPUS/.hashes"
  while read -r sum f; do
    [ -n "${seen[$sum]:-}" ] && continue
    seen[$sum]=1
    echo "$sum" >> "$CORPUS/.hashes"
    rel="${f#"$dir"/}"
    cp "$f" "$FILES/$folder/${rel//\//__}"
    n=$((n + 1))
  done < <(find "$dir" -type f -iname '*.xlsx' "$@" -print0 | sort -z | xargs -0 -r sha256sum)
  echo "$n"
}

attribute() { # folder source version licence count from
  echo "| $1 | $2 | $3 | $4 | $5 | $6 |" >> "$CORPUS/ATTRIBUTION.md"
  note "$1: $5 files ($2 $3, $4) [$((SECONDS - START)) s]"
}

# ---- Debian source packages ----
cat > "$APTDIR/src.sources" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
apt-get "${APTO[@]}" update -qq >/dev/null 2>&1 || note "apt-get update (deb-src) failed"

# debsrc FOLDER PACKAGE LICENCE UPSTREAM TAR_GLOB [EVERY [SAMPLED]]: the orig tarball's members
# matching TAR_GLOB; EVERY=n keeps every n-th of the files whose path matches the regex SAMPLED
# (default: all) and keeps all the others. Samples keep the run short where files are alike: the
# Excel::Writer::XLSX regression files are ~800 small Excel 2007 files, LibreOffice's chart2 ones
# are charts over a few cells.
debsrc() {
  local folder="$1" pkg="$2" licence="$3" upstream="$4" glob="$5" every="${6:-1}" sampled="${7:-.}"
  local uris orig orig_hash deb deb_hash version work n
  uris=$(apt-get "${APTO[@]}" source --print-uris "$pkg" 2>/dev/null) || { note "$pkg: no source package"; return 0; }
  version=$(apt-cache "${APTO[@]}" showsrc "$pkg" 2>/dev/null | awk '!v && /^Version:/ {v = $2} END {print v}')
  # The main orig tarball (not the -component ones) and the Debian packaging (for debian/copyright).
  read -r orig orig_hash < <(echo "$uris" | awk -F"'" '!o && $2 ~ /_[^_\/]*\.orig\.tar\.[a-z]+$/ {split($3, a, " "); o = $2 " " a[3]} END {print o}')
  read -r deb deb_hash < <(echo "$uris" | awk -F"'" '!d && $2 ~ /\.debian\.tar\.[a-z]+$/ {split($3, a, " "); d = $2 " " a[3]} END {print d}')
  if [ -z "${orig:-}" ]; then note "$pkg: no orig tarball"; return 0; fi
  for u in "$orig|$orig_hash" "$deb|$deb_hash"; do
    local url="${u%%|*}" hash="${u#*|}" dest
    dest="$CACHE/src/$(basename "$url")"
    [ -s "$dest" ] && continue
    /usr/lib/apt/apt-helper download-file "$url" "$dest.part" "$hash" >/dev/null 2>&1 \
      && mv "$dest.part" "$dest" || { rm -f "$dest.part"; note "$pkg: cannot download $(basename "$url")"; return 0; }
  done
  # Extracting from the big xz tarballs is the slow part: the members are kept in the cache.
  work="$CACHE/extract/$(basename "$orig")"
  if [ ! -f "$work/.done" ]; then
    rm -rf "$work" && mkdir -p "$work"
    tar -xf "$CACHE/src/$(basename "$orig")" -C "$work" --wildcards --no-anchored "$glob" 2>/dev/null || true
    tar -xf "$CACHE/src/$(basename "$deb")" -C "$work" debian/copyright 2>/dev/null || true
    touch "$work/.done"
  fi
  [ -f "$work/debian/copyright" ] && cp "$work/debian/copyright" "$LIC/$folder.copyright"
  # Paths below the tarball's top folder name the files.
  local top; top=$(find "$work" -mindepth 1 -maxdepth 1 -type d ! -name debian -print -quit)
  local pick=("${top:-$work}")
  if [ "$every" -gt 1 ]; then
    # Every n-th file, by sorted path: the same sample on every machine.
    pick=("$(mktemp -d)")
    find "${top:-$work}" -type f -iname '*.xlsx' | sort | awk -v e="$every" -v re="$sampled" '$0 !~ re || (++k % e) == 1' | while read -r f; do
      mkdir -p "${pick[0]}/$(dirname "${f#"${top:-$work}"/}")"; cp "$f" "${pick[0]}/${f#"${top:-$work}"/}"
    done
  fi
  n=$(take "$folder" "${pick[0]}")
  [ "$every" -gt 1 ] && rm -rf "${pick[0]}"
  local from="Debian source package \`$pkg\` ($glob"
  if [ "$every" -gt 1 ]; then
    if [ "$sampled" = . ]; then from="$from, one file in $every"; else from="$from, one file in $every of $sampled"; fi
  fi
  attribute "$folder" "$upstream" "$version" "$licence" "$n" "$from)"
}

debsrc poi libapache-poi-java "Apache-2.0" "Apache POI test-data" 'test-data/spreadsheet/*.xlsx'
debsrc libreoffice libreoffice "MPL-2.0" "LibreOffice Calc / chart2 QA documents" '*/qa/*.xlsx' 2 '/chart2/'
debsrc orcus liborcus "MPL-2.0" "liborcus test documents" 'test/*.xlsx'
debsrc excel-writer-xlsx libexcel-writer-xlsx-perl "Artistic-1.0 or GPL-1.0+ (same terms as Perl)" \
  "Excel::Writer::XLSX regression files (saved by Excel)" 't/regression/xlsx_files/*.xlsx' 8

# ---- Debian binary packages ----
# debbin FOLDER PACKAGE LICENCE UPSTREAM
debbin() {
  local folder="$1" pkg="$2" licence="$3" upstream="$4" deb work n version
  deb=$(find "$CACHE/deb" -name "${pkg}_*.deb" -print -quit)
  if [ -z "$deb" ]; then
    (cd "$CACHE/deb" && apt-get download -qq "$pkg" >/dev/null 2>&1) || { note "$pkg: cannot download"; return 0; }
    deb=$(find "$CACHE/deb" -name "${pkg}_*.deb" -print -quit)
  fi
  version=$(dpkg-deb -f "$deb" Version)
  work=$(mktemp -d)
  dpkg-deb -x "$deb" "$work"
  cp "$work/usr/share/doc/$pkg/copyright" "$LIC/$folder.copyright" 2>/dev/null || true
  n=$(take "$folder" "$work")
  rm -rf "$work"
  attribute "$folder" "$upstream" "$version" "$licence" "$n" "Debian package \`$pkg\`"
}

debbin r-openxlsx r-cran-openxlsx "MIT" "R package openxlsx (extdata)"
debbin r-readxl r-cran-readxl "MIT" "R package readxl (extdata)"

# ---- npm packages that publish their test or example workbooks ----
# npmpkg FOLDER NAME@VERSION: the package's tarball (fetched beforehand by one `npm pack`).
npmpkg() {
  local folder="$1" spec="$2" tgz work n licence version
  tgz="$CACHE/npm/$(echo "${spec%@*}" | sed 's/^@//; s#/#-#')-${spec##*@}.tgz"
  [ -f "$tgz" ] || { note "$spec: cannot download"; return 0; }
  work=$(mktemp -d)
  tar -xzf "$tgz" -C "$work"
  licence=$(node -e 'const p=require(process.argv[1]);console.log(p.license||(p.licenses||[]).map(l=>l.type||l).join(" or ")||"see licence file")' "$work/package/package.json")
  version=$(node -e 'console.log(require(process.argv[1]).version)' "$work/package/package.json")
  { echo "npm package $spec (licence field: $licence)"; echo
    for f in "$work"/package/LICEN[CS]E* "$work"/package/licen[cs]e* "$work"/package/COPYING*; do [ -f "$f" ] && cat "$f"; done
    true; } > "$LIC/$folder.licence"
  # node_modules folders some tarballs carry are other packages: not taken.
  n=$(take "$folder" "$work/package" -not -path '*/node_modules/*')
  rm -rf "$work"
  attribute "$folder" "npm \`${spec%@*}\`" "$version" "$licence" "$n" "npm package tarball"
}

NPM_PACKAGES=(
  xlsx-populate@1.21.0 xlsx-stream-reader@1.1.1 xlsx-chart@0.4.3 simple-excel-to-json@2.3.0 xlsx2json@1.0.0
  excel@1.0.1 convert-excel-to-json@1.7.0 excel-parser@0.2.2 excel-stream@1.1.1 xlsx-to-json-lc@0.5.0
)
missing=()
for spec in "${NPM_PACKAGES[@]}"; do [ -f "$CACHE/npm/${spec%@*}-${spec##*@}.tgz" ] || missing+=("$spec"); done
if [ ${#missing[@]} -gt 0 ]; then
  (cd "$CACHE/npm" && npm pack --silent "${missing[@]}" >/dev/null 2>&1) || note "npm pack failed for some of: ${missing[*]}"
fi
for spec in "${NPM_PACKAGES[@]}"; do npmpkg "${spec%@*}" "$spec"; done

total=$(find "$FILES" -type f -iname '*.xlsx' | wc -l)
{ echo; echo "Total: $total files."; } >> "$CORPUS/ATTRIBUTION.md"
note "$total files in $FILES ($((SECONDS - START)) s)"
if [ "$total" -lt "$MIN" ]; then
  note "fewer than $MIN files: the corpus is incomplete"
  exit 1
fi
