"""LinkChecker's command line, but never switching to the `nobody` user.

Started as root, LinkChecker drops to `nobody` after reading its settings
and before loading its plugins. Under a private checkout (a clone in a 0700
folder, as a fresh `mktemp -d` makes) `nobody` cannot list the plugin folder
in the virtual environment, so the AnchorCheck plugin is silently missing and
no broken anchor is ever reported. The tests' server is their own; there is
nothing to protect by dropping privileges here."""
import sys

from linkcheck.command import linkchecker as command

command.drop_privileges = lambda: None

if __name__ == "__main__":
    sys.exit(command.linkchecker())
