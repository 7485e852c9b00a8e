"""A launch that only claims the single-instance lock (no window): prints "first" and
stays up for ARGV[2] seconds counting activations, or prints "forwarded".

Usage: python instance_probe.py DATA_DIR SECONDS
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from chatassist.ui import single_instance


def main() -> int:
    app = QCoreApplication([])
    instance = single_instance.claim(Path(sys.argv[1]))
    if instance is None:
        print("forwarded", flush=True)
        return 0
    print("first", flush=True)
    activations = []
    instance.activated.connect(lambda: activations.append(1))
    QTimer.singleShot(int(float(sys.argv[2]) * 1000), app.quit)
    app.exec()
    instance.close()
    print(f"activated {len(activations)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
