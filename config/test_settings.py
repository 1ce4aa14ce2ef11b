"""Settings for the test suite: the real settings, in test mode, with throw-away storage."""

import os
import tempfile

os.environ.setdefault("SAFECOMMUNITY_ENV", "test")
os.environ.setdefault("SAFECOMMUNITY_VAR_DIR", tempfile.mkdtemp(prefix="safecommunity-test-"))
os.environ.setdefault("FOLLOW_UP_MIN_SECONDS", "0.05")

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
