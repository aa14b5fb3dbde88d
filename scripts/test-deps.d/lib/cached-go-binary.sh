# Sourced by the test-deps scripts that build a Go binary into the user's cache directory: the
# `--print-path` flag, the cache check, the lock that keeps two suites starting at once on a fresh
# machine from building into one directory together, and the move that puts only a complete binary
# at the cached path. (Not a test-deps step itself: scripts/test.mjs runs only the *.sh files of
# scripts/test-deps.d/, not those of this folder.)
#
#   cached_go_binary NAME BINARY "$@"
#
# NAME prefixes the messages; BINARY is the cached path. The caller defines `build_into PARTIAL`,
# which builds the binary at the path PARTIAL, its output going to the log it is handed on stdout
# and stderr; it returns non-zero on failure.
cached_go_binary() {
  local name="$1" binary="$2"
  shift 2
  case "${1:-}" in
    --print-path) echo "${binary}"; exit 0 ;;
    "") ;;
    *) echo "${name}: unknown argument ${1} (expected --print-path)" >&2; exit 2 ;;
  esac

  if [[ -x "${binary}" ]]; then
    echo "${name}: cached in ${binary}" >&2
    exit 0
  fi
  command -v go >/dev/null || { echo "${name}: the build needs a Go toolchain on PATH" >&2; exit 1; }

  local dir
  dir="$(dirname "$(dirname "${binary}")")"
  mkdir -p "${dir}/bin"
  exec 9>"${dir}/.lock"
  flock 9
  if [[ -x "${binary}" ]]; then
    echo "${name}: built by a concurrent run: ${binary}" >&2
    exit 0
  fi

  local started=${SECONDS} log="${dir}/build.log" partial="${dir}/$(basename "${binary}").partial"
  rm -f -- "${partial}"
  if ! build_into "${partial}" >"${log}" 2>&1; then
    echo "${name}: build failed:" >&2
    tail -n 40 "${log}" >&2
    exit 1
  fi
  mv -f -- "${partial}" "${binary}"
  echo "${name}: built in $((SECONDS - started)) s: ${binary}" >&2
}
