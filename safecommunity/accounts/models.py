from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A staff member or volunteer of a coalition partner. The public never has accounts."""

    preferred_language = models.CharField(max_length=16, blank=True)

    class Meta:
        ordering = ["username"]
