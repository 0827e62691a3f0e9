"""Importing documents into a library: new sources, attaching texts to known ones, review.

``import_document`` / ``import_batch`` read files and write each in its own transaction;
``review_suggestions`` proposes passages and events from a source's text, and nothing is linked
until ``accept_suggestion`` is called on a person's word. Pure Python, no Qt.
``review`` (accept and reject many at once) is imported from ``accepting``: its name is also
that of the ``review`` module.

The names are listed once, in ``__init__.pyi``, and loaded on first use (PEP 562, through
lazy_loader), so that importing one module of the package (a batch's worker process imports
``prepare``) does not import the rest and the database.
"""

import lazy_loader

__getattr__, __dir__, __all__ = lazy_loader.attach_stub(__name__, __file__)
