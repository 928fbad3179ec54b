"""Exit statuses, so that a supervisor can tell why the kiosk stopped."""

OK = 0
BROKEN_EXHIBIT = 1
"""The exhibit file has errors; nothing to show. Fix it; restarting will not help."""
USAGE = 2
"""A wrong command-line argument (argparse's own status)."""
STAFF_EXIT = 10
"""Staff typed the exit sequence: do not restart (systemd: RestartPreventExitStatus=10)."""
CRASHED = 70
"""The kiosk could not recover from an error; restart it (EX_SOFTWARE)."""
