"""Pure timeline geometry: time scale, ticks, event store, level of detail, hit testing."""
