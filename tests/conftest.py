"""Settings for every test."""

from hypothesis import settings

# Tests check behaviour, never speed (bench/ measures that): a busy machine must not fail
# a property test for taking longer than Hypothesis's default 200 ms per example.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")
