"""The site's settings plus the submission stages of ``stages.py`` (the benchmark's server only)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "stages"
