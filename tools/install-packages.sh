# Sourced by ./lade and ./test: lade_install_packages WHO LIST... installs the Debian packages named in
# the LIST files (one per line, # comments) that are not installed yet, with sudo when not root.
lade_install_packages() {
  local who="$1" pkg; shift
  local missing=()
  while read -r pkg; do
    [ -z "$pkg" ] && continue
    [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" = "install ok installed" ] || missing+=("$pkg")
  done < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$@")
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$who: these Debian packages are needed: ${missing[*]} (no apt-get here: install them by hand)" >&2
    return 1
  fi
  echo "$who: installing ${missing[*]}" >&2
  local sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
