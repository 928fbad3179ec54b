#!/bin/sh
# The graphical kiosk, started by museum-kiosk-cage.service: cage (a Wayland compositor that
# shows one full-screen window) runs foot (a terminal that draws Sixel pictures), and foot runs
# the kiosk. Arguments are passed on to the kiosk.
#
# Why a script: cage 0.1.4 (Debian / Raspberry Pi OS Bookworm) always exits 0, whatever its
# window did, so systemd could not tell a staff exit (10) from anything else. The kiosk's exit
# status is written to a file inside cage and handed back to systemd here.
#
# This script stays the unit's main process but says nothing to systemd: the kiosk itself sends
# READY=1 and the watchdog's pings (NotifyAccess=all and MUSEUM_KIOSK_WATCHDOG=unit in
# museum-kiosk-cage.service; cage and foot pass the environment on to it unchanged).
set -u

APP="${MUSEUM_KIOSK_HOME:-/opt/museum-kiosk}"
STATUS="${RUNTIME_DIRECTORY:-/run/museum-kiosk}/status"

if [ "${1-}" = "--in-cage" ]; then
    # Cage's one client: foot, running the kiosk. foot exits with the kiosk's status (or 230 if
    # foot itself fails); note it for the outer script.
    shift
    foot --config="$APP/deploy/foot.ini" "$APP/venv/bin/kiosk" "$@"
    status=$?
    echo "$status" > "$STATUS"
    exit "$status"
fi

rm -f "$STATUS"
# systemctl stop signals this script: pass it on as SIGHUP, on which cage closes cleanly (cage
# 0.1.4 can abort on SIGTERM); foot then hangs up and the kiosk ends on SIGHUP, status 0.
cage=""
stopping=""
trap 'stopping=yes; [ -n "$cage" ] && kill -HUP "$cage" 2>/dev/null' TERM HUP INT
# -d: no window decorations. Without -s, cage keeps Ctrl+Alt+F1..F12 from switching consoles.
# (A background job's stdin would be /dev/null: hand cage the terminal explicitly.)
exec 3<&0
cage -d -- /bin/sh "$0" --in-cage "$@" <&3 3<&- &
cage=$!
wait "$cage"
wait "$cage" 2>/dev/null  # again, if a signal interrupted the first wait
if [ -n "$stopping" ]; then
    exit 0  # stopped on purpose: a clean stop, whatever cage and foot said on the way out
fi
if read -r status < "$STATUS" 2>/dev/null; then
    exit "$status"
fi
exit 70  # no status: cage, foot or the kiosk died without a word; restart (exhibit/exits.py)
