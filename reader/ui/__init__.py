"""The desktop window: the only package that imports PySide6.

`main.run` starts the application; `window.MainWindow` composes the
navigator (issue tree and search results), the article pane and the
menus; long work runs through `ops.OpRunner` off the UI thread.
"""
