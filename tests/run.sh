#!/usr/bin/env bash
# Run every test on a fresh machine: install what is missing, then pytest.
# Usage: bash tests/run.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install --quiet --disable-pip-version-check -e '.[test]'

# PyTorch is the independent oracle of tests/test_against_torch.py. Install its
# CPU build only where a local copy exists (machines of this project keep one
# in /opt/wheels); elsewhere those tests are skipped with a visible reason,
# rather than pulling several GB of CUDA wheels.
if compgen -G "/opt/wheels/torch-2.13.0+cpu-*.whl" > /dev/null; then
    python -m pip install --quiet --disable-pip-version-check 'torch==2.13.0+cpu' \
        || echo "warning: PyTorch could not be installed; the oracle tests will be skipped"
fi

exec python -m pytest "$@"
