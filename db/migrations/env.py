"""Alembic environment: runs on the connection that ``db.migrate`` hands over."""

from alembic import context

from db.models import Base
from db.search import autogenerate_include_name

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through db.migrate, which supplies a connection.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    # the full-text index is made by hand (revision 0002) and has no ORM model
    include_name=autogenerate_include_name,
)
with context.begin_transaction():
    context.run_migrations()
