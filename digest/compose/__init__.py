"""The brief composed from ranked stories: bottom line, sections, timeline, watch list, sources."""
