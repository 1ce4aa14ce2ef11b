"""Community programmes: each sub-package is a Django app (see docs/decisions/0005-programmes-as-several-apps.md)."""
