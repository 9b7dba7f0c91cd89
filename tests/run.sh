#!/usr/bin/env bash
# Run every test on a fresh machine: install what is missing, then pytest.
# Usage: bash tests/run.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

python -m pip install --quiet --disable-pip-version-check -e '.[test]'

# PyTorch is the independent oracle of tests/engine/test_against_torch.py. Install its
# CPU build only where a local copy exists (machines of this project keep one
# in /opt/wheels); elsewhere those tests are skipped with a visible reason,
# rather than pulling several GB of CUDA wheels.
if compgen -G "/opt/wheels/torch-2.13.0+cpu-*.whl" > /dev/null; then
    python -m pip install --quiet --disable-pip-version-check 'torch==2.13.0+cpu' \
        || echo "warning: PyTorch could not be installed; the oracle tests will be skipped"
fi

# The end-to-end tests drive a real Chromium (found as sitebuild/browser.py
# documents: $PLAYGROUND_CHROMIUM, then the system's chromium, then
# Playwright's own). On a Debian machine without one, install Debian's.
if [ -z "${PLAYGROUND_CHROMIUM:-}" ] && ! command -v chromium > /dev/null && [ ! -x /usr/bin/chromium ]; then
    if command -v apt-get > /dev/null && [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq chromium > /dev/null
    else
        echo "warning: no Chromium found; install it (e.g. apt-get install chromium) or set PLAYGROUND_CHROMIUM"
    fi
fi

# The smoke test in other browsers (tests/e2e/test_every_browser.py) drives Debian's Firefox ESR
# over WebDriver BiDi and WebKitGTK (Safari's engine) through webkit2gtk-driver, on a private
# Xvfb. Install what is missing on Debian; elsewhere those tests are skipped and say why.
missing=()
command -v firefox-esr > /dev/null || command -v firefox > /dev/null || [ -n "${PLAYGROUND_FIREFOX:-}" ] \
    || missing+=(firefox-esr)
command -v WebKitWebDriver > /dev/null || missing+=(webkit2gtk-driver)
command -v Xvfb > /dev/null || [ -n "${DISPLAY:-}" ] || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ] && command -v apt-get > /dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        "${missing[@]}" > /dev/null \
        || echo "warning: ${missing[*]} could not be installed; those browsers' smoke tests will be skipped"
fi

# The screenshots of the Chinese interface (test-results/) need a font with Chinese
# characters; a machine without one draws boxes. Debian's smallest is WenQuanYi Micro Hei.
if command -v fc-list > /dev/null && [ -z "$(fc-list :lang=zh)" ] && command -v apt-get > /dev/null \
        && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei > /dev/null \
        || echo "warning: no Chinese font; screenshots of the Chinese interface will show boxes"
fi

# Lint first (pyproject.toml's [tool.ruff]): a minute of tests is not spent on code that fails it.
python -m ruff check .
exec python -m pytest "$@"
