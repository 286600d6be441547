"""Single-leg hip thrust tools: pure Python, no I/O.

Every module here runs unchanged on CPython (tests, MkDocs macros) and in Pyodide (the browser
tools). Nothing imports ``js`` or ``pyodide``; the browser talks to :mod:`hipthrust.web` only.
"""

__version__ = "0.1.0"
