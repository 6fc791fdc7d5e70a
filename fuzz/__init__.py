"""A bounded property-based run of the JSON API from its schema (`make fuzz`)."""
