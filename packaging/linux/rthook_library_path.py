"""PyInstaller runtime hook (Linux): children get the user's library path back.

The bootloader puts the bundle's folder first on LD_LIBRARY_PATH. Programs the app
starts (xdg-open, then a browser or Zoom) would inherit it and load the bundle's Qt
and ICU instead of their own, and may crash. The dynamic loader read the variable
when this process started, so restoring it changes nothing for the app itself.
"""

import os

_original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
if _original is not None:
    os.environ["LD_LIBRARY_PATH"] = _original
else:
    os.environ.pop("LD_LIBRARY_PATH", None)
