"""Thin views, one module per audience: public pages, accounts, candidates."""
