"""Shipped policy packs (YAML); installed as the package safegen._packs."""
