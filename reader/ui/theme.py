"""Window colours for the dark theme (the article pane has its own stylesheets).

The window sets it as the application's palette, not only its own: a dialog
is a window of its own and does not inherit its parent's palette, so the
Export… and Ctrl+T dialogs, message boxes, Qt's file dialog and every scroll
bar follow the theme only that way.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2d30"), (roles.WindowText, "#e6e2d8"), (roles.Base, "#1d1f21"),
        (roles.AlternateBase, "#26282b"), (roles.Text, "#e6e2d8"), (roles.Button, "#2f3134"),
        (roles.ButtonText, "#e6e2d8"), (roles.Highlight, "#44617a"),
        (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#2b2d30"),
        (roles.ToolTipText, "#e6e2d8"), (roles.PlaceholderText, "#8c8c8c"),
    ):
        palette.setColor(role, colour)
    # Greyed out where something cannot be used now (a disabled menu entry, button or field):
    # without these the disabled texts are drawn as bright as the rest.
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, "#7d7d7d")
    palette.setColor(QPalette.ColorGroup.Disabled, roles.Button, "#2b2d30")
    return palette
