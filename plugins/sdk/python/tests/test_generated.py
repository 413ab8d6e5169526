"""The committed stubs in src/polyconnect_sdk/_generated are what generate.sh makes from proto/."""

import subprocess
from pathlib import Path

SDK = Path(__file__).resolve().parents[1]


def test_generated_stubs_match_the_protos():
    result = subprocess.run(["bash", str(SDK / "generate.sh"), "--check"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
