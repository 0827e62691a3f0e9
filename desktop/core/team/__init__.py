"""Working as a team on one shared library (no Qt).

``coders`` filters codings by coder (mine / theirs / both); ``agreement_data`` builds the
inter-coder agreement report from a library; ``poller`` notices other clients' changes through
the change log; ``outbox`` keeps edits that could not reach the database and retries them;
``connection`` describes saved server connections without ever storing a password.
"""
