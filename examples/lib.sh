# Sourced by the examples' run.sh scripts. `iptwin ARGS…` prints the command
# (as a terminal transcript would) and runs the iptwin CLI of this checkout on
# a private state directory: a fresh temporary one unless IPTWIN_STATE is set,
# never ./.iptwin. IPTWIN_CMD overrides the command (e.g. "npx iptwin").
EXAMPLES=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
: "${IPTWIN_CMD:=node $EXAMPLES/../bin/iptwin.js}"
if [ -z "${IPTWIN_STATE:-}" ]; then
  IPTWIN_STATE=$(mktemp -d "${TMPDIR:-/tmp}/iptwin-example.XXXXXX")/state
  echo "# state: $IPTWIN_STATE (iptwin --state $IPTWIN_STATE -H HOST … to go on)"
fi
export IPTWIN_STATE

# Words that need quotes are shown in double quotes.
_iptwin_show() {
  line='$ iptwin'
  for w in "$@"; do
    case $w in
      *[!A-Za-z0-9_./:=,@+%-]* | '') line="$line \"$w\"" ;;
      *) line="$line $w" ;;
    esac
  done
  printf '%s\n' "$line"
}

iptwin() {
  _iptwin_show "$@"
  $IPTWIN_CMD "$@"
  _iptwin_status=$?
  [ "$_iptwin_status" -eq 0 ] || echo "(exit status $_iptwin_status)"
  echo
  return 0
}
